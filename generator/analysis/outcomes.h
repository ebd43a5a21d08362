// Placement outcome figures per site and for all sites, per half-year (docs/figures.md,
// "Outcomes"). Raw figures only: small-number suppression is applied when the figures become report
// values.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "analysis/outcome_breakdown.h"
#include "model/dataset.h"

namespace ips {

/// A mean or median and how many people or jobs it rests on.
struct Statistic {
  long n = 0;
  std::optional<double> mean;
  std::optional<double> median;
};

struct OutcomeFigures {
  long served = 0;                  // participants active in P
  long new_intakes = 0;             // intake in P
  long ended = 0;                   // end in P
  long worked = 0;                  // served, with a competitive job overlapping P
  long served_out_of_work = 0;      // served and explicitly not employed at intake
  long worked_out_of_work = 0;      // of those, worked
  long in_education = 0;            // served, with an education row overlapping P
  long work_or_education = 0;       // served, worked or in education
  Statistic days_to_first_contact;  // participants whose first employer contact is in P
  Statistic days_to_first_job;      // participants whose first competitive job ever starts in P
  Statistic hours_per_week;         // competitive jobs overlapping P that have hours
  Statistic job_tenure_days;        // competitive jobs that ended in P
  long active_at_end = 0;           // participants active on the last day of P
  std::optional<double> fte;        // job specialist FTE (all sites: sum over sites with FTE)
  long active_at_end_with_fte = 0;  // the caseload's numerator (all sites: only sites with FTE)
  OutcomeBreakdown breakdown;       // job kinds and end reasons (analysis/outcome_breakdown.h)

  std::optional<double> employment_rate() const;
  std::optional<double> employment_rate_out_of_work() const;
  std::optional<double> work_or_education_rate() const;
  std::optional<double> caseload_per_fte() const;
};

/// Lookups built once per data set so figures for many sites and periods stay linear.
class OutcomeIndex {
 public:
  explicit OutcomeIndex(const Dataset& data);
  /// Outcomes of one site (index into data.sites) in a period.
  OutcomeFigures site(size_t site_index, Period period) const;
  /// Outcomes of all sites together in a period (computed once per period, then remembered,
  /// since every site's report compares with it; safe to call from several threads).
  OutcomeFigures all_sites(Period period) const;
  /// The earliest half-year with a participant's intake, or nullopt when there are none.
  std::optional<Period> first_period() const;

 private:
  OutcomeFigures figures(const std::vector<size_t>& participants, Period period) const;
  OutcomeFigures compute_all_sites(Period period) const;
  const Dataset& data_;
  std::vector<std::vector<size_t>> participants_by_site_;  // parallel to data.sites
  std::vector<std::vector<size_t>> jobs_by_participant_;   // parallel to data.participants
  std::vector<size_t> all_participants_;
  std::optional<Period> first_period_;
  mutable std::mutex all_sites_mutex_;
  mutable std::map<Period, OutcomeFigures> all_sites_cache_;
};

/// The median of the values (mean of the middle two for an even count); nullopt when empty.
std::optional<double> median_of(std::vector<double> values);

}  // namespace ips
