// The Halvårsrapport: one site's semi-annual report for its project leader and steering group
// (docs/figures.md, "Which report shows what"): fidelity status and trend, outcomes and their
// trend, the site beside all sites and the benchmarks, evidence for items B1 and T4, data quality.
#pragma once

#include "analysis/fidelity.h"
#include "analysis/figure_catalogue.h"
#include "analysis/outcomes.h"
#include "disclosure/disclosure_control.h"
#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// <site>/halvarsrapport-<site>-<P>.
std::string halvarsrapport_stem(const std::string& site, Period period);

/// Builds the semi-annual report of data.sites[site_index] for the period, showing outcome cells
/// as `disclosure` (the run's one decision; made here when null) leaves them.
doc::Report build_halvarsrapport(size_t site_index, Period period, const Dataset& data,
                                 const std::vector<ReviewScore>& scores,
                                 const OutcomeIndex& outcomes, const ReportContext& ctx,
                                 const DisclosureControl* disclosure = nullptr);

/// The employment-rate benchmarks drawn on charts (docs/figures.md): 31 %, 41 %, 50 %.
std::vector<doc::Benchmark> employment_benchmarks(const Wording& words);

/// The outcome figures of the Halvårsrapport's outcomes table, in order (from the catalogue).
const std::vector<FigureId>& halvarsrapport_figures();

/// The figures of the Halvårsrapport's table of job kinds and end reasons, in order: who ended
/// and why, who worked and in which kind of job, and work practice.
const std::vector<FigureId>& halvarsrapport_breakdown_figures();

}  // namespace ips
