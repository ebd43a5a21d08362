// The chart canvas on a cairo context: what the PDF renderer draws charts with.
#pragma once

#include <cairo.h>

#include "render/chart_canvas.h"

namespace ips::render {

/// Draws on `cr` (not owned). Primitives change the source colour, line width and path; the
/// caller saves and restores the context around a whole chart (draw_chart does).
class CairoCanvas final : public ChartCanvas {
 public:
  explicit CairoCanvas(cairo_t* cr) : cr_(cr) {}

  void fill_rect(double x, double y, double w, double h, Rgb colour, double opacity) override;
  void stroke_rect(double x, double y, double w, double h, Rgb colour, double width) override;
  void stroke_lines(const std::vector<std::vector<Point>>& lines, Rgb colour, double width,
                    Point dash) override;
  void circle(Point centre, double radius, Rgb fill, Rgb outline, double outline_width) override;
  void polygon(const std::vector<Point>& corners, Rgb fill, Rgb outline,
               double outline_width) override;
  void text(PangoLayout* layout, double x, double y, Rgb colour, const Rotation& rotation) override;
  void push_clip(double x, double y, double w, double h) override;
  void pop_clip() override;

 private:
  void fill_and_outline(Rgb fill, Rgb outline, double outline_width);

  cairo_t* cr_;
};

}  // namespace ips::render
