// The Kvalitetsrapport: the national pilot review report for one review (docs/figures.md,
// "Which report shows what").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/fidelity.h"
#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// The report's path below the output folder, without extension:
/// <site>/kvalitetsrapport-<site>-<YYYY-MM-DD>.
std::string kvalitetsrapport_stem(const Review& review);

/// The listed items of one scale of a review with score and change (improvement areas).
doc::Table review_item_table(const std::string& id, const std::string& caption,
                             const std::vector<size_t>& items, size_t scale_index,
                             const std::vector<std::optional<int>>& changes, const ReviewScore& rs,
                             const ReportContext& ctx);

/// Every item's recommendation in a review, IPS-25 then GOI; nullopt when there is none.
std::optional<doc::Table> review_recommendations_table(const Review& review,
                                                       const ReportContext& ctx);

/// Builds the review report for one scored review.
doc::Report build_kvalitetsrapport(const ReviewScore& score, const Dataset& data,
                                   const ReportContext& ctx);

}  // namespace ips
