// index.html: the landing page listing every report of the run with a link to each format.
#pragma once

#include <vector>

#include "report/document.h"
#include "report/report_set.h"

namespace ips {

/// The index of a run's reports, national first, then per site.
doc::Report build_index(const std::vector<PlannedReport>& plan, const Formats& formats, Period period,
                        const ReportContext& ctx);

}  // namespace ips
