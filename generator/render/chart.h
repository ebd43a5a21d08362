// The one chart engine (docs/architecture.md): a doc::ChartSpec laid out with Pango on the
// bundled fonts and drawn on a ChartCanvas: straight onto a PDF page (cairo), or as an SVG
// document for HTML.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "model/scale.h"
#include "render/chart_canvas.h"
#include "report/document.h"

namespace ips::render {

/// Draws the chart (legend, axes, data; not its title, which the caller sets as a caption)
/// into the box (x, y, width, height) in points. `fonts_dir` empty = the source tree's fonts/.
void draw_chart(cairo_t* cr, const doc::ChartSpec& spec, double x, double y, double width,
                double height, Lang lang, const std::filesystem::path& fonts_dir = {});

/// The same, with a text context the caller already has (the PDF renderer's).
void draw_chart(cairo_t* cr, PangoContext* text, const doc::ChartSpec& spec, double x, double y,
                double width, double height, Lang lang);

/// The same on any canvas; `text` sets the lines (its font options decide the metrics).
void draw_chart(ChartCanvas& canvas, PangoContext* text, const doc::ChartSpec& spec, double x,
                double y, double width, double height, Lang lang);

/// What a box the chart engine placed holds.
enum class ChartBoxKind {
  Text,  // a label, a tick, a legend entry, a value: never covers another Text or a mark
  Mark,  // a bar or a point marker (the data)
  Line,  // one segment of a data line: its two ends as the corners
};

/// A box the chart engine placed, as its corners in page points (turned text is not upright).
struct ChartBox {
  ChartBoxKind kind = ChartBoxKind::Text;
  std::vector<Point> corners;
  std::string text;  // what a Text box says
};

/// Every text box, bar, marker and line segment draw_chart places in the box, drawing nothing;
/// for tests that measure a chart rather than look at it.
std::vector<ChartBox> chart_boxes(PangoContext* text, const doc::ChartSpec& spec, double x,
                                  double y, double width, double height, Lang lang);

/// The height (points) the chart needs at `width`: heatmaps grow with their rows.
double chart_preferred_height(const doc::ChartSpec& spec, double width);

/// The chart as an <svg> element (no XML declaration, no title; size in points), its text as
/// <text>. Same spec → same bytes; it uses no element ids, so any number of charts can be
/// inlined in one HTML page.
std::string chart_svg(const doc::ChartSpec& spec, double width, double height, Lang lang,
                      const std::filesystem::path& fonts_dir = {});

}  // namespace ips::render
