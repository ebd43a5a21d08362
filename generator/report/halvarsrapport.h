// The Halvårsrapport: one site's semi-annual report for its project leader and steering group
// (docs/figures.md, "Which report shows what"): fidelity status and trend, outcomes and their
// trend, the site beside all sites and the benchmarks, evidence for items B1 and T4, data quality.
#pragma once

#include "analysis/fidelity.h"
#include "analysis/outcomes.h"
#include "model/dataset.h"
#include "report/complementary_suppression.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// <site>/halvarsrapport-<site>-<P>.
std::string halvarsrapport_stem(const std::string& site, Period period);

/// Builds the semi-annual report of data.sites[site_index] for the period. Its all-sites figures
/// are also withheld wherever `national` (the run's shared decision; computed here when null)
/// withholds them in the national summary.
doc::Report build_halvarsrapport(size_t site_index, Period period, const Dataset& data,
                                 const std::vector<ReviewScore>& scores, const OutcomeIndex& outcomes,
                                 const ReportContext& ctx, const NationalComplements* national = nullptr);

/// The employment-rate benchmarks drawn on charts (docs/figures.md): 31 %, 41 %, 50 %.
std::vector<doc::Benchmark> employment_benchmarks(const Wording& words);

/// One outcome figure of a site (or all sites) as a row or column of an outcomes table.
struct OutcomeRow {
  const char* label_key;                                     // wording key of its name
  doc::Value (*value)(const OutcomeFigures&, int min_cell);  // after the small-number rule
  // The flag that withholds it to protect another figure (complementary suppression); null for
  // means and medians, which are not additive.
  bool OutcomeComplements::*complement = nullptr;

  /// Whether `withheld` withholds this figure as a complement.
  bool withheld_by(const OutcomeComplements& withheld) const;
  /// The value, or "–" when `withheld` withholds it as a complement.
  doc::Value shown(const OutcomeFigures& f, const OutcomeComplements& withheld, int min_cell) const;
};

/// The outcome figures by name, so that each table picks its own and each carries its flag.
namespace outcome_row {
extern const OutcomeRow served, new_intakes, ended, worked, employment_rate, employment_rate_out_of_work,
    in_education, work_or_education_rate, days_to_contact_mean, days_to_contact_median, days_to_job_median,
    hours_mean, tenure_median, caseload;
}  // namespace outcome_row

/// The Halvårsrapport's outcome rows, in order.
const std::vector<OutcomeRow>& outcome_rows();

}  // namespace ips
