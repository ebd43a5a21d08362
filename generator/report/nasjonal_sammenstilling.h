// The Nasjonal sammenstilling: all sites side by side and over time, for the directorates
// (docs/figures.md, "Which report shows what").
#pragma once

#include "analysis/cross_site.h"
#include "analysis/fidelity.h"
#include "analysis/outcomes.h"
#include "disclosure/disclosure_control.h"
#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// nasjonal-sammenstilling-<P>.
std::string nasjonal_sammenstilling_stem(Period period);

/// Builds the national summary for the period, showing outcome cells as `disclosure` (the run's
/// one decision; made here when null) leaves them.
doc::Report build_nasjonal_sammenstilling(Period period, const Dataset& data,
                                          const std::vector<ReviewScore>& scores,
                                          const OutcomeIndex& outcomes, const ReportContext& ctx,
                                          const DisclosureControl* disclosure = nullptr);

}  // namespace ips
