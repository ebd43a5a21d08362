// Text set with Pango on the bundled fonts: one PangoLayout per distinct text and style, set up
// whole by make_layout and never changed, so no attribute list can outlive its text
// (docs/architecture.md, "A Pango layout keeps its attribute list").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <pango/pangocairo.h>

#include "render/fonts.h"
#include "render/layout_text_cache.h"

namespace ips::render {

/// A colour with components 0..1.
struct Rgb {
  double r = 0, g = 0, b = 0;
  /// From "#rrggbb"; returns `fallback` for anything else.
  static Rgb parse(std::string_view hex, Rgb fallback);
  /// As 0xRRGGBB (each component rounded to 0..255), the form SVG and XLSX write.
  uint32_t packed() const;
  /// This colour mixed with white: t = 0 gives this colour, t = 1 white.
  Rgb tint(double t) const { return {r + (1 - r) * t, g + (1 - g) * t, b + (1 - b) * t}; }
};

/// Sets `colour` as the cairo source.
void set_colour(cairo_t* cr, Rgb colour);

struct TextStyle {
  std::string family = "Lato";
  double size = 10;  // points
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle slant = PANGO_STYLE_NORMAL;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double line_height = 1.25;  // distance between baselines as a multiple of the size
  double letter_spacing = 0;  // room added after each letter, as a multiple of the size
  Rgb colour;
};

/// Sets a layout's font from `style` (family, size, weight, slant), its alignment, and, for
/// a width above 0, that width with word wrapping.
void set_font_and_width(PangoLayout* layout, const TextStyle& style, double width);

/// A laid-out text: wrapped at `width` points (no wrapping when width <= 0), cut with "…"
/// after `max_lines` lines (0 = no limit). Invalid UTF-8 is repaired, never passed to cairo.
/// Digits use tabular figures so that numbers in columns line up. The layout may be shared
/// (see LayoutCache): never change it.
LayoutPtr make_layout(PangoContext* context, std::string_view text, const TextStyle& style,
                      double width, int max_lines = 0);

/// The layout's logical width and height in points.
double layout_width(PangoLayout* layout);
double layout_height(PangoLayout* layout);
/// The distance from the top of the layout to the first baseline, in points.
double layout_baseline(PangoLayout* layout);

/// Draws the layout with its top-left corner at (x, y) in `colour`.
void draw_layout(cairo_t* cr, PangoLayout* layout, double x, double y, Rgb colour);

}  // namespace ips::render
