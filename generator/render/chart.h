// The one chart engine (docs/architecture.md): a doc::ChartSpec laid out with Pango on the
// bundled fonts and drawn on a ChartCanvas: straight onto a PDF page (cairo), or as an SVG
// document for HTML.
#pragma once

#include <filesystem>
#include <string>

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

/// The height (points) the chart needs at `width`: heatmaps grow with their rows.
double chart_preferred_height(const doc::ChartSpec& spec, double width);

/// The chart as an <svg> element (no XML declaration, no title; size in points), its text as
/// <text>. Same spec → same bytes; it uses no element ids, so any number of charts can be
/// inlined in one HTML page.
std::string chart_svg(const doc::ChartSpec& spec, double width, double height, Lang lang,
                      const std::filesystem::path& fonts_dir = {});

}  // namespace ips::render
