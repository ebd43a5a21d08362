// Placement outcome figures per site and for all sites, per half-year (docs/figures.md,
// "Outcomes"). Raw figures only: small-number suppression is applied when the figures become report
// values.
#pragma once

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
/// Disclosure control and the trend tables ask for every site in every half-year, so the first
/// such question computes the whole table (every site and all sites, every half-year from the
/// first intake to the latest date in the data) in one pass over the participants; a half-year
/// outside it is computed on its own. Safe to call from several threads.
class OutcomeIndex {
 public:
  explicit OutcomeIndex(const Dataset& data);
  /// Outcomes of one site (index into data.sites) in a period.
  OutcomeFigures site(size_t site_index, Period period) const;
  /// Outcomes of all sites together in a period.
  OutcomeFigures all_sites(Period period) const;
  /// The earliest half-year with a participant's intake, or nullopt when there are none.
  std::optional<Period> first_period() const;
  /// Outcomes of one site in a period computed on their own, without the table (the reference
  /// the table is tested against).
  OutcomeFigures site_computed_alone(size_t site_index, Period period) const;
  /// Outcomes of all sites in a period computed on their own, without the table.
  OutcomeFigures all_sites_computed_alone(Period period) const;

 private:
  // Every site's figures and all sites' in each half-year of [first, first + half_years).
  struct Table {
    Period first;
    int half_years = 0;
    std::vector<OutcomeFigures> cells;  // [half-year × (sites + 1)], all sites last
    const OutcomeFigures* find(Period p, size_t unit, size_t units) const;
  };
  OutcomeFigures figures(const std::vector<size_t>& participants, Period period) const;
  OutcomeFigures with_site_fte(OutcomeFigures f, size_t site_index) const;
  OutcomeFigures with_all_sites_fte(OutcomeFigures f) const;
  const Table& table() const;
  Table build_table() const;
  const Dataset& data_;
  std::vector<std::vector<size_t>> participants_by_site_;  // parallel to data.sites
  std::vector<std::vector<size_t>> jobs_by_participant_;   // parallel to data.participants
  std::vector<size_t> site_of_participant_;                // data.sites.size() when unknown
  std::vector<size_t> all_participants_;
  std::optional<Period> first_period_;
  std::optional<Period> last_dated_period_;  // latest half-year with a participant or job date
  mutable std::once_flag table_once_;
  mutable Table table_;
};

/// The median of the values (mean of the middle two for an even count); nullopt when empty.
std::optional<double> median_of(std::vector<double> values);

}  // namespace ips
