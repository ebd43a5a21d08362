// A chart in HTML: the SVG drawing (from the chart engine), its text alternative and the
// numbers behind it as a table, so the figure reads without the picture; a heatmap is its table.
#pragma once

#include <filesystem>
#include <string>

#include <kainjow/mustache.hpp>

#include "report/document.h"

namespace ips::render {

/// The smallest chart text a reader sees, in CSS px (issue 17; WCAG 1.4.4 in spirit).
constexpr double kChartMinTextPx = 12;
/// The narrowest the wide drawing is shown (CSS px): wide screens, from about 800 px.
constexpr double kChartWideMinPx = 720;
/// The narrowest the narrow drawing is shown: a chart's box on a 320 px phone.
constexpr double kChartNarrowMinPx = 270;

/// A chart as inline SVG in two drawings: `wide` for a desktop and `narrow` for a phone, each
/// drawn so that shown at least kChartWideMinPx / kChartNarrowMinPx wide its smallest text is
/// kChartMinTextPx. Both empty, or `narrow` empty for a chart without text, as drawn.
struct ChartMarkup {
  std::string wide;
  std::string narrow;
};

/// The chart drawn by the chart engine (render/chart.h) as ChartMarkup; `resources_dir` holds
/// fonts/. An empty `wide` makes the figure show its text alternative in its place.
ChartMarkup chart_markup(const doc::ChartSpec& spec, Lang lang,
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
