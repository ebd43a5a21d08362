// The chart canvas as an SVG document for HTML: shapes as SVG elements and text as <text>, so a
// chart stays small, sharp at any zoom, selectable and searchable in the page.
#pragma once

#include <initializer_list>
#include <limits>
#include <string>

#include "render/chart_canvas.h"

namespace ips::render {

/// Collects a chart as one <svg> element `width` × `height` points. Text starts where Pango
/// placed it with the bundled font, in the browser's font at its own width (never squeezed).
/// Same drawing calls → same bytes; the element uses no ids.
class SvgCanvas final : public ChartCanvas {
 public:
  SvgCanvas(double width, double height);

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
  bool text_set_by_viewer() const override { return true; }

  /// The finished <svg> element (no XML declaration).
  std::string finish();

  /// The smallest font size (points) of any text drawn so far; infinity when there is none.
  double smallest_text_size() const { return smallest_text_size_; }

 private:
  void number(double v);
  void attribute(const char* name, double v);
  void list_attribute(const char* name, std::initializer_list<double> values);
  void box_attributes(double x, double y, double w, double h);
  void colour_attribute(const char* name, Rgb colour);
  void outline_attributes(Rgb outline, double width);

  std::string out_;
  int open_clips_ = 0;
  double smallest_text_size_ = std::numeric_limits<double>::infinity();
};

}  // namespace ips::render
