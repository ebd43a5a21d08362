// index.html: the landing page listing every report of the run with a link to each format.
#pragma once

#include <vector>

#include "report/document.h"
#include "report/report_set.h"

namespace ips {

/// The index of a run's reports, national first, then per site. `written` (per planned report;
/// empty = all) leaves out reports that could not be written, which are named in a note instead.
doc::Report build_index(const std::vector<PlannedReport>& plan, const Formats& formats,
                        Period period, const ReportContext& ctx,
                        const std::vector<bool>& written = {});

}  // namespace ips
