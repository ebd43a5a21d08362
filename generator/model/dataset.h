// The domain model built from the input: sites, fidelity reviews, participants and jobs.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/diagnostic.h"
#include "model/narrative.h"

namespace ips {

struct Site {
  std::string key;   // as written in the input ("Bodø"); file names use site_slug(key)
  std::string name;  // display name; the key when the register has none
  std::string county;
  std::string nav_office;
  std::string health_service;
  std::optional<Date> start;
  std::optional<double> fte;  // full-time job specialist equivalents
};

/// One item of one review. `score` is the resolved score (docs/input.md: consensus, else a single
/// evaluator's score, else the two evaluators' agreed score); empty = not scored.
struct ItemRating {
  std::optional<int> evaluator1;
  std::optional<int> evaluator2;
  std::optional<int> consensus;
  std::optional<int> score;
  std::string comment;
  std::string recommendation;

  /// Both evaluators scored and the consensus lies above or below both (4 and 4, consensus 5):
  /// allowed, but worth a second look by the evaluators.
  bool consensus_outside_evaluators() const {
    return evaluator1 && evaluator2 && consensus &&
           (*consensus < std::min(*evaluator1, *evaluator2) ||
            *consensus > std::max(*evaluator1, *evaluator2));
  }
};

/// The ratings of one scale in one review, one entry per scale item in scale order.
struct ScaleRatings {
  std::vector<ItemRating> items;
  bool any_scored() const;
};

/// Metadata of a review (the Gjennomganger table); all optional.
struct ReviewInfo {
  std::string evaluators;
  std::string recipient;  // "Til"
  std::string purpose;
  std::string method;
  std::string summary;
  std::optional<int> stated_total;
};

/// A fidelity review: one site on one date, with ratings per scale (indexed as ScaleCatalog).
struct Review {
  std::string site;  // Site::key
  Date date;
  std::vector<ScaleRatings> scales;
  ReviewInfo info;
};

enum class JobKind { Ordinary, WageSubsidy, WorkPractice, Education, Other };

/// Competitive employment = ordinary job or ordinary job with wage subsidy.
inline bool is_competitive(JobKind k) {
  return k == JobKind::Ordinary || k == JobKind::WageSubsidy;
}

struct Participant {
  std::string id;  // pseudonym; never printed
  std::string site;
  Date intake;
  std::optional<bool> employed_at_intake;
  std::optional<Date> first_employer_contact;
  std::optional<Date> ended;
  std::string end_reason;
  std::optional<int> age;
};

struct Job {
  std::string participant;  // Participant::id
  JobKind kind = JobKind::Other;
  Date start;
  std::optional<Date> end;  // empty = ongoing
  std::optional<double> hours_per_week;
  std::string employer;  // counted, never printed
  std::string occupation;
};

/// Everything read from the inputs, plus what could not be used.
struct Dataset {
  std::vector<Site> sites;      // sorted by key
  std::vector<Review> reviews;  // sorted by site, then date
  std::vector<Participant> participants;
  std::vector<Job> jobs;
  std::vector<NarrativeText> texts;    // the project leaders' texts, by site, period, field
  std::vector<PlannedAction> actions;  // action plans, by site, review, item (input order kept)
  Diagnostics diagnostics;
  // The latest date the input may hold (the run's date); later ones were reported and do not
  // choose the period.
  std::optional<Date> latest_allowed_date;

  const Site* find_site(const std::string& key) const;
};

/// The file-name form of a site key: lower-case ASCII, æ→ae ø→o å→a, other characters '-'.
std::string site_slug(const std::string& key);

}  // namespace ips
