// The Nasjonal sammenstilling: all sites side by side and over time, for the directorates
// (docs/figures.md, "Which report shows what").
#pragma once

#include "analysis/cross_site.h"
#include "analysis/fidelity.h"
#include "analysis/outcomes.h"
#include "model/dataset.h"
#include "report/complementary_suppression.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// nasjonal-sammenstilling-<P>.
std::string nasjonal_sammenstilling_stem(Period period);

/// Builds the national summary for the period; `national` is the run's shared withholding decision
/// (computed here when null).
doc::Report build_nasjonal_sammenstilling(Period period, const Dataset& data, const std::vector<ReviewScore>& scores,
                                          const OutcomeIndex& outcomes, const ReportContext& ctx,
                                          const NationalComplements* national = nullptr);

}  // namespace ips
