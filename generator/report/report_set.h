// The reports one run produces for a period (docs/figures.md, "Which report shows what").
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysis/fidelity.h"
#include "analysis/outcomes.h"
#include "disclosure/disclosure_control.h"
#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// Which formats a run writes.
struct Formats {
  bool html = true;
  bool pdf = true;
  bool xlsx = true;
};

/// A report to be produced; built on demand so that a large run never holds every document.
struct PlannedReport {
  std::string kind;         // "kvalitetsrapport", ...
  std::string site;         // site key, empty for national reports
  std::string output_stem;  // path below the output folder, without extension
  std::string label;        // how the index lists it
  std::function<doc::Report()> build;
};

/// Plans every report for the period: the Nasjonal sammenstilling, a Halvårsrapport per site and a
/// Kvalitetsrapport per review dated in the period. The data, scores, outcomes and context must
/// outlive the plan. Every outcome cell is shown as `disclosure` (the run's disclosure-control
/// stage; made here when null) decides; it must outlive the plan too.
std::vector<PlannedReport> plan_reports(const Dataset& data, const std::vector<ReviewScore>& scores,
                                        const OutcomeIndex& outcomes, Period period,
                                        const ReportContext& ctx,
                                        const DisclosureControl* disclosure = nullptr);

/// "<name>/<kind>-<name>-<when>": where a site's report goes below the output folder, `name`
/// being the site's file name (site_file_names.h) and `when` the period or the review date.
std::string site_report_stem(const std::string& site_file_name, const std::string& kind,
                             const std::string& when);

}  // namespace ips
