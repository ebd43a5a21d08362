// A heatmap in HTML is a table whose score cells are coloured (classes heat-0 … heat-8 in
// report.css): the figure and its numbers at once, read cell by cell by a screen reader,
// scrolled on a phone, and small for hundreds of sites (an SVG of 500 × 25 cells is not).
#pragma once

#include "render/html_view.h"
#include "report/document.h"

namespace ips::render {

/// Colours `table` as the heatmap `chart`: every numeric cell after the row head by its value
/// on the chart's scale, every empty one as not scored (heat-none); text cells stay plain.
TableColouring heat_colouring(const doc::Table& table, const doc::ChartSpec& chart, Lang lang);

/// The table a heatmap chart shows in HTML: the table it was made from when the report holds
/// it (found by `source_table`), else nullptr and the chart's own numbers are shown.
const doc::Table* heatmap_source(const doc::ChartSpec& chart, const doc::Report& report);

}  // namespace ips::render
