// The one chart engine (design.md): a doc::ChartSpec drawn with cairo and Pango on the bundled
// fonts, straight onto a PDF page or into an SVG document for HTML.
#pragma once

#include <filesystem>
#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "model/scale.h"
#include "report/document.h"

namespace ips::render {

/// Draws the chart (legend, axes, data; not its title, which the caller sets as a caption)
/// into the box (x, y, width, height) in points. `fonts_dir` empty = the source tree's fonts/.
void draw_chart(cairo_t* cr, const doc::ChartSpec& spec, double x, double y, double width,
                double height, Lang lang, const std::filesystem::path& fonts_dir = {});

/// The same, with a text context the caller already has (the PDF renderer's).
void draw_chart(cairo_t* cr, PangoContext* text, const doc::ChartSpec& spec, double x, double y,
                double width, double height, Lang lang);

/// The height (points) the chart needs at `width`: heatmaps grow with their rows.
double chart_preferred_height(const doc::ChartSpec& spec, double width);

/// The chart as an <svg> element (no XML declaration, no title; size in points). Same spec →
/// same bytes; element ids carry a prefix derived from the content, so several charts can be
/// inlined in one HTML page without their glyph and clip ids colliding.
std::string chart_svg(const doc::ChartSpec& spec, double width, double height, Lang lang,
                      const std::filesystem::path& fonts_dir = {});

}  // namespace ips::render
