// The content of one synthetic export, held compactly so that 200 000 participants fit easily
// in memory; texts are views of static phrase lists or strings owned by the records.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"

namespace ips::bench {

/// One row of the Enheter sheet.
struct SiteRecord {
  std::string key, name, county, nav_office, health_service;
  Date start;
  double fte = 0;
};

/// One item's scores in a review; 0 means the cell is empty (not scored).
struct ItemScores {
  int8_t evaluator1 = 0;
  int8_t evaluator2 = 0;
  int8_t consensus = 0;
  std::string_view comment;
  std::string_view recommendation;
};

/// One review visit: item rows for both scales plus the Gjennomganger metadata row.
struct ReviewRecord {
  uint32_t site = 0;  // index into ExportData::sites
  Date date;
  std::array<ItemScores, 25> ips{};  // B1..B3, O1..O8, T1..T14 in this order
  std::array<ItemScores, 12> goi{};  // G1..G12
  std::string evaluators, to, purpose, method, summary;
  std::optional<int> stated_total;
};

/// Whether the participant was in work at intake, as registers record it (or not).
enum class EmployedAtIntake : int8_t { unknown, no, yes };

/// One row of the Deltakere sheet; the pseudonym is formatted from `number` when written.
struct ParticipantRecord {
  uint32_t number = 0;
  uint32_t site = 0;
  Date intake;
  EmployedAtIntake employed_at_intake = EmployedAtIntake::unknown;
  std::optional<Date> first_employer_contact;
  std::optional<Date> ended;
  std::string_view end_reason;
  int age = 0;
};

/// The kinds of the Jobber sheet, in the spelling the input contract expects.
enum class JobKind : uint8_t { ordinary, wage_subsidy, work_practice, education, other };

/// One row of the Jobber sheet.
struct JobRecord {
  uint32_t participant = 0;  // index into ExportData::participants
  JobKind kind = JobKind::ordinary;
  Date start;
  std::optional<Date> end;
  double hours_per_week = 0;        // 0 = not recorded
  std::string_view employer_chain;  // employer text = chain + town, only counted by ipsreport
  std::string_view employer_town;
  std::string_view occupation;
};

/// One row of the Tekster sheet: a project leader's text (Markdown) for a site and half-year.
struct TextRecord {
  std::string site;  // empty: the national summary's text
  std::string period, field, text;
};

/// One row of the Tiltak sheet: an action after a review.
struct ActionRecord {
  std::string site;
  Date review;
  std::string item, action, responsible;
  std::optional<Date> deadline;
  std::string status, comment;
};

/// Everything one export holds, in the order rows are written.
struct ExportData {
  std::vector<SiteRecord> sites;
  std::vector<ReviewRecord> reviews;            // by site, then date
  std::vector<ParticipantRecord> participants;  // by site, then intake
  std::vector<JobRecord> jobs;                  // by participant, then start
  std::vector<TextRecord> texts;                // written only when there are any
  std::vector<ActionRecord> actions;            // written only when there are any
};

/// The spelling of a job kind in the Type column.
std::string_view job_kind_text(JobKind kind);
/// The item code for an IPS-25 position 0..24 (B1..T14).
std::string ips_item_code(int position);

}  // namespace ips::bench
