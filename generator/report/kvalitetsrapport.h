// The Kvalitetsrapport: the national pilot review report for one review (docs/figures.md,
// "Which report shows what").
#pragma once

#include "analysis/fidelity.h"
#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// The report's path below the output folder, without extension:
/// <site>/kvalitetsrapport-<site>-<YYYY-MM-DD>.
std::string kvalitetsrapport_stem(const Review& review);

/// Builds the review report for one scored review.
doc::Report build_kvalitetsrapport(const ReviewScore& score, const Dataset& data,
                                   const ReportContext& ctx);

}  // namespace ips
