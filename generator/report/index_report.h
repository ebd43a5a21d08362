// index.html: the landing page listing every report of the run with a link to each format.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/document.h"
#include "report/report_set.h"

namespace ips {

/// The index of a run's reports, national first, then per site. `written` (per planned report;
/// empty = all) leaves out reports that could not be written, which are named in a note instead.
doc::Report build_index(const std::vector<PlannedReport>& plan, const Formats& formats,
                        Period period, const ReportContext& ctx,
                        const std::vector<bool>& written = {});

/// What changed since the last run, for the index: nullopt when there was no earlier run, else
/// one (site, what changed) pair per changed site (publish/run_changes.h).
struct IndexChanges {
  std::optional<std::vector<std::pair<std::string, std::string>>> sites;
};

/// The index with a section "Endringer siden forrige kjøring" after the reports.
doc::Report build_index(const std::vector<PlannedReport>& plan, const Formats& formats,
                        Period period, const ReportContext& ctx, const std::vector<bool>& written,
                        const IndexChanges& changes);

}  // namespace ips
