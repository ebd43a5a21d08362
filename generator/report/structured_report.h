// A built report put in the order of its structure file (report_structure.h), with the sections
// only a structure places: the project leader's texts and the action plan.
#pragma once

#include <string>
#include <vector>

#include "analysis/fidelity.h"
#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// What a report is about: its kind, site (empty for the national summary), period and, for a
/// Kvalitetsrapport, the review.
struct ReportSubject {
  std::string kind;
  std::string site;
  Period period;
  const ReviewScore* review = nullptr;
};

/// Arranges `report` by ctx.structures (nothing happens when it is null), building its text
/// slots and action-plan sections from the data.
void apply_report_structure(doc::Report& report, const ReportSubject& subject, const Dataset& data,
                            const ReportContext& ctx);

}  // namespace ips
