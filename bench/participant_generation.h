// Builds participants and their jobs for one site: intake spread over a period, first employer
// contact, competitive jobs for a share of them, some work practice or education, some endings.
#pragma once

#include <string_view>

#include "export_data.h"
#include "prng.h"

namespace ips::bench {

/// Chances that shape a site's outcomes.
struct OutcomeProfile {
  double competitive_job = 0.40;     // gets an ordinær or lønnstilskudd job
  double wage_subsidy_share = 0.25;  // of competitive jobs
  double work_practice = 0.12;
  double education = 0.07;
  double other_activity = 0.02;
  double ended = 0.30;
  double employed_at_intake = 0.08;
  double employed_at_intake_unknown = 0.04;
  double first_contact = 0.88;
  int mean_job_days = 330;         // typical length of a job that ends
  double job_ongoing = 0.35;       // jobs without an end date (unless past the data end)
  std::string_view employer_town;  // empty: a town from the phrase list
};

/// Appends `count` participants of `site` (intake uniformly in [first_intake, last_intake],
/// sorted by intake) and their jobs; nothing is dated after `data_end`. Pseudonym numbers
/// continue from the last participant already in `data`.
void add_participants(Prng& rng, ExportData& data, uint32_t site, int count, Date first_intake,
                      Date last_intake, Date data_end, const OutcomeProfile& profile);

/// "P000123": the pseudonym written for participant number 123 (7 digits above 999 999).
std::string participant_pseudonym(uint32_t number);

}  // namespace ips::bench
