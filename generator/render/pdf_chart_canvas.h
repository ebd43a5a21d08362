// The chart canvas of the tagged PDF: draws on cairo like CairoCanvas and tags the parts a chart
// marks (ChartPart): a heatmap's grid becomes a Table with column and row heads, its colour key a
// Figure carrying the chart's alt text. A screen reader so reads every value the page shows.
#pragma once

#include <string>
#include <vector>

#include <cairo.h>

#include "render/cairo_canvas.h"
#include "render/pdf_tags.h"

namespace ips::render {

class PdfChartCanvas final : public ChartCanvas {
 public:
  /// Draws on `cr` and tags through `tags` (both not owned); `alt` is the key's /Alt.
  PdfChartCanvas(cairo_t* cr, PdfTags& tags, std::string alt)
      : cr_(cr), tags_(tags), alt_(std::move(alt)), canvas_(cr) {}
  ~PdfChartCanvas() override;

  void fill_rect(double x, double y, double w, double h, Rgb colour, double opacity) override {
    canvas_.fill_rect(x, y, w, h, colour, opacity);
  }
  void stroke_rect(double x, double y, double w, double h, Rgb colour, double width) override {
    canvas_.stroke_rect(x, y, w, h, colour, width);
  }
  void stroke_lines(const std::vector<std::vector<Point>>& lines, Rgb colour, double width,
                    Point dash) override {
    canvas_.stroke_lines(lines, colour, width, dash);
  }
  void circle(Point centre, double radius, Rgb fill, Rgb outline, double outline_width) override {
    canvas_.circle(centre, radius, fill, outline, outline_width);
  }
  void polygon(const std::vector<Point>& corners, Rgb fill, Rgb outline,
               double outline_width) override {
    canvas_.polygon(corners, fill, outline, outline_width);
  }
  void text(PangoLayout* layout, double x, double y, Rgb colour,
            const Rotation& rotation) override {
    canvas_.text(layout, x, y, colour, rotation);
  }
  void push_clip(double x, double y, double w, double h) override { canvas_.push_clip(x, y, w, h); }
  void pop_clip() override { canvas_.pop_clip(); }
  void begin_part(ChartPart part, double x, double y, double w, double h) override;
  void end_part() override;

 private:
  cairo_t* cr_;
  PdfTags& tags_;
  std::string alt_;
  CairoCanvas canvas_;
  int open_ = 0;
};

}  // namespace ips::render
