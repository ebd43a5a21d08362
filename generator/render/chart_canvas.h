// What the chart engine draws on: a few primitives, so the same painter serves the PDF (cairo)
// and the HTML (an SVG document with real text). Coordinates are points, y downwards.
#pragma once

#include <vector>

#include <pango/pango.h>

#include "render/layout_text.h"

namespace ips::render {

struct Point {
  double x = 0, y = 0;
};

/// A frame turned by `angle` radians (positive = clockwise on the page) about (x, y); text drawn
/// in it is placed relative to that point.
struct Rotation {
  double x = 0, y = 0, angle = 0;
};

/// A part of a chart drawn as a table (a heatmap's grid and its colour key), for the tagged PDF.
enum class ChartPart { Table, Row, ColumnHead, RowHead, Cell, Key };

/// The drawing primitives of a chart; see CairoCanvas and SvgCanvas.
class ChartCanvas {
 public:
  virtual ~ChartCanvas() = default;

  /// A filled rectangle; `opacity` below 1 lets what lies under it show through.
  virtual void fill_rect(double x, double y, double w, double h, Rgb colour,
                         double opacity = 1) = 0;
  /// A rectangle's outline, `width` points wide, centred on its edges.
  virtual void stroke_rect(double x, double y, double w, double h, Rgb colour, double width) = 0;
  /// Open polylines (round joins) stroked in one colour; `dash` {on, off} in points, or {0, 0}.
  virtual void stroke_lines(const std::vector<std::vector<Point>>& lines, Rgb colour, double width,
                            Point dash = {}) = 0;
  /// A filled circle with an outline (`outline_width` 0 = none).
  virtual void circle(Point centre, double radius, Rgb fill, Rgb outline, double outline_width) = 0;
  /// A filled closed polygon with an outline (`outline_width` 0 = none).
  virtual void polygon(const std::vector<Point>& corners, Rgb fill, Rgb outline,
                       double outline_width) = 0;
  /// The text of a Pango layout with its top-left corner at (x, y), in `colour`.
  virtual void text(PangoLayout* layout, double x, double y, Rgb colour,
                    const Rotation& rotation = {}) = 0;
  /// Limits what is drawn to the rectangle until the matching pop_clip.
  virtual void push_clip(double x, double y, double w, double h) = 0;
  virtual void pop_clip() = 0;
  /// True when a viewer sets the text later in a font of its own (SVG in a browser that may
  /// lack Lato): the chart then measures text with room for a wider substitute.
  virtual bool text_set_by_viewer() const { return false; }
  /// What is drawn until the matching end_part is that part, drawn in the box (x, y, w, h); the
  /// tagged PDF's canvas tags it (PdfChartCanvas), the others draw only.
  virtual void begin_part(ChartPart /*part*/, double /*x*/ = 0, double /*y*/ = 0, double /*w*/ = 0,
                          double /*h*/ = 0) {}
  virtual void end_part() {}
};

}  // namespace ips::render
