// A chart in HTML: the SVG drawing (from the chart engine), its text alternative and the
// numbers behind it as a table, so the figure reads without the picture.
#pragma once

#include <filesystem>
#include <string>

#include <kainjow/mustache.hpp>

#include "report/document.h"

namespace ips::render {

/// The chart drawn by the chart engine as inline SVG (render/chart.h), its element ids
/// starting with `id_prefix` so several charts share a page; `resources_dir` holds fonts/.
/// An empty result makes the figure show its text alternative in its place.
std::string chart_markup(const doc::ChartSpec& spec, Lang lang,
                         const std::filesystem::path& resources_dir, const std::string& id_prefix);

/// The numbers of a chart as a table: categories down, series across (heatmap: series down,
/// categories across; scatter: one row per point).
doc::Table chart_data_table(const doc::ChartSpec& spec, const std::string& caption);

/// The view for the "chart" partial; `id` is the figure's HTML id.
kainjow::mustache::data html_chart_view(const doc::ChartSpec& spec, const std::string& id,
                                        const doc::Report& report,
                                        const std::filesystem::path& resources_dir);

}  // namespace ips::render
