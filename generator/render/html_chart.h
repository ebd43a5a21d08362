// A chart in HTML: the SVG drawing (from the chart engine), its text alternative and the
// numbers behind it as a table, so the figure reads without the picture.
#pragma once

#include <filesystem>
#include <string>

#include <kainjow/mustache.hpp>

#include "report/document.h"

namespace ips::render {

/// The chart drawn as inline SVG, or "" while no chart engine is linked in (the figure then
/// shows its text alternative and data table only). `resources_dir` holds fonts/.
std::string chart_markup(const doc::ChartSpec& spec, Lang lang,
                         const std::filesystem::path& resources_dir);

/// The numbers of a chart as a table: categories down, series across (heatmap: series down,
/// categories across; scatter: one row per point).
doc::Table chart_data_table(const doc::ChartSpec& spec, const std::string& caption);

/// The view for the "chart" partial; `id` is the figure's HTML id.
kainjow::mustache::data html_chart_view(const doc::ChartSpec& spec, const std::string& id,
                                        const doc::Report& report,
                                        const std::filesystem::path& resources_dir);

}  // namespace ips::render
