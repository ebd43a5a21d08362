#include "render/cairo_canvas.h"

#include <pango/pangocairo.h>

namespace ips::render {

void CairoCanvas::fill_rect(double x, double y, double w, double h, Rgb colour, double opacity) {
  cairo_set_source_rgba(cr_, colour.r, colour.g, colour.b, opacity);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_fill(cr_);
}

void CairoCanvas::stroke_rect(double x, double y, double w, double h, Rgb colour, double width) {
  set_colour(cr_, colour);
  cairo_set_line_width(cr_, width);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_stroke(cr_);
}

void CairoCanvas::stroke_lines(const std::vector<std::vector<Point>>& lines, Rgb colour,
                               double width, Point dash) {
  cairo_save(cr_);
  set_colour(cr_, colour);
  cairo_set_line_width(cr_, width);
  cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
  if (dash.x > 0) {
    const double pattern[] = {dash.x, dash.y};
    cairo_set_dash(cr_, pattern, 2, 0);
  }
  cairo_new_path(cr_);
  for (const auto& line : lines) {
    if (line.size() < 2) continue;
    cairo_move_to(cr_, line.front().x, line.front().y);
    for (size_t i = 1; i < line.size(); ++i) cairo_line_to(cr_, line[i].x, line[i].y);
  }
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

void CairoCanvas::fill_and_outline(Rgb fill, Rgb outline, double outline_width) {
  set_colour(cr_, fill);
  if (outline_width <= 0) {
    cairo_fill(cr_);
    return;
  }
  cairo_fill_preserve(cr_);
  set_colour(cr_, outline);
  cairo_set_line_width(cr_, outline_width);
  cairo_stroke(cr_);
}

void CairoCanvas::circle(Point centre, double radius, Rgb fill, Rgb outline, double outline_width) {
  cairo_new_path(cr_);  // a text drawn before leaves a current point the arc would join
  cairo_arc(cr_, centre.x, centre.y, radius, 0, 2 * G_PI);
  fill_and_outline(fill, outline, outline_width);
}

void CairoCanvas::polygon(const std::vector<Point>& corners, Rgb fill, Rgb outline,
                          double outline_width) {
  if (corners.empty()) return;
  cairo_new_path(cr_);
  cairo_move_to(cr_, corners.front().x, corners.front().y);
  for (size_t i = 1; i < corners.size(); ++i) cairo_line_to(cr_, corners[i].x, corners[i].y);
  cairo_close_path(cr_);
  fill_and_outline(fill, outline, outline_width);
}

void CairoCanvas::text(PangoLayout* layout, double x, double y, Rgb colour,
                       const Rotation& rotation) {
  if (rotation.angle == 0 && rotation.x == 0 && rotation.y == 0) {
    draw_layout(cr_, layout, x, y, colour);
    return;
  }
  cairo_save(cr_);
  cairo_translate(cr_, rotation.x, rotation.y);
  cairo_rotate(cr_, rotation.angle);
  draw_layout(cr_, layout, x, y, colour);
  cairo_restore(cr_);
}

void CairoCanvas::push_clip(double x, double y, double w, double h) {
  cairo_save(cr_);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_clip(cr_);
}

void CairoCanvas::pop_clip() {
  cairo_restore(cr_);
}

}  // namespace ips::render
