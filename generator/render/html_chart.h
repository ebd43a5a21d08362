// A chart in HTML: the SVG drawing (from the chart engine), its text alternative and the
// numbers behind it as a table, so the figure reads without the picture; a heatmap is its table.
#pragma once

#include <filesystem>
#include <string>

#include <kainjow/mustache.hpp>

#include "report/document.h"

namespace ips::render {

/// The chart drawn by the chart engine as inline SVG (render/chart.h); `resources_dir` holds
/// fonts/. An empty result makes the figure show its text alternative in its place.
std::string chart_markup(const doc::ChartSpec& spec, Lang lang,
                         const std::filesystem::path& resources_dir);

/// The numbers of a chart as a table: categories down, series across (heatmap: series down,
/// categories across; scatter: one row per point).
doc::Table chart_data_table(const doc::ChartSpec& spec, const std::string& caption);

/// The view for the "chart" partial; `id` is the figure's HTML id. A heatmap becomes a table
/// with coloured cells (classes heat-0 … heat-8, heat-none) instead of a drawing.
kainjow::mustache::data html_chart_view(const doc::ChartSpec& spec, const std::string& id,
                                        const doc::Report& report,
                                        const std::filesystem::path& resources_dir);

}  // namespace ips::render
