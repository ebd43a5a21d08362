#include "render/chart.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "render/cairo_canvas.h"
#include "render/fonts.h"
#include "render/heat_scale.h"
#include "render/layout_text.h"
#include "render/svg_canvas.h"
#include "report/value_format.h"

namespace ips::render {

namespace {

using doc::Axis;
using doc::ChartKind;
using doc::ChartSpec;

constexpr double kPi = 3.14159265358979323846;

// Okabe–Ito: distinguishable with the common colour-vision deficiencies; the order alternates
// dark and light so that neighbouring series also differ in grey.
const Rgb kPalette[] = {
    {0.000, 0.447, 0.698},  // blue
    {0.902, 0.624, 0.000},  // orange
    {0.000, 0.620, 0.451},  // bluish green
    {0.835, 0.369, 0.000},  // vermillion
    {0.337, 0.706, 0.914},  // sky blue
    {0.800, 0.475, 0.655},  // reddish purple
    {0.300, 0.300, 0.300},  // dark grey
    {0.941, 0.894, 0.259},  // yellow
};
constexpr int kPaletteSize = sizeof kPalette / sizeof kPalette[0];
const Rgb kProfilePrevious{0.690, 0.780, 0.867};  // a light tint of the blue: reads in grey too
const Rgb kInk{0.15, 0.17, 0.19};
const Rgb kMuted{0.36, 0.39, 0.42};
const Rgb kGrid{0.87, 0.88, 0.90};
const Rgb kAxisLine{0.55, 0.57, 0.60};
const Rgb kBenchmark{0.20, 0.20, 0.20};
const Rgb kWhite{1, 1, 1};

Rgb series_colour(const ChartSpec& spec, size_t i) {
  if (spec.kind == ChartKind::Profile) return i == 0 ? kPalette[0] : kProfilePrevious;
  return kPalette[i % kPaletteSize];
}

// Series are told apart by three things at once, so that they differ in grey print and for
// every colour vision: the colour, the marker (four shapes, filled for the first four series
// and open for the next four) and the dash of the line.
constexpr int kMarkerShapes = 4;
bool open_marker(size_t series) {
  return series % (2 * kMarkerShapes) >= kMarkerShapes;
}
Point series_dash(size_t series) {
  static const Point dashes[] = {{0, 0}, {5.0, 2.5}, {1.6, 2.0}, {9.0, 3.0}};
  return dashes[series % 4];
}

// The widest a bar may be, in points: two bars do not fill a page's width.
constexpr double kMaxBarWidth = 28;

// A rate axis that ends at the next round step above the highest value, interval and benchmark (a
// 45 % maximum with the 50 % benchmark gives 0–60 %), within what the builder allowed.
Axis fitted_rate_axis(const ChartSpec& spec) {
  Axis a = spec.y_axis;
  if (!a.percent || !(a.max > a.min)) return a;
  std::optional<double> highest;
  for (const auto& s : spec.series)
    for (const auto& v : s.values)
      if (v) highest = std::max(highest.value_or(*v), *v);
  if (!highest) return a;
  // An error bar is a mark too: the axis reaches the top of every 95 % interval.
  for (const auto& series : spec.intervals)
    for (const auto& iv : series)
      if (iv) highest = std::max(*highest, iv->high);
  for (const auto& b : spec.benchmarks)
    if (b.value >= a.min && b.value <= a.max) highest = std::max(*highest, b.value);
  for (double step : {0.01, 0.02, 0.05, 0.1, 0.2, 0.25}) {
    const double top = a.min + (std::floor((*highest - a.min) / step + 1e-9) + 1) * step;
    if ((top - a.min) / step <= 6 + 1e-9) {
      if (top < a.max) {
        a.max = top;
        a.step = step;
      }
      return a;
    }
  }
  return a;
}

// Ticks from min to max by step, with guards against an axis the spec left unusable.
struct Ticks {
  double min = 0, max = 1, step = 0.25;
  std::vector<double> values;
};

Ticks ticks_of(const Axis& axis) {
  Ticks t;
  t.min = axis.min;
  t.max = axis.max;
  if (!(t.max > t.min)) t.max = t.min + 1;
  t.step = axis.step > 0 ? axis.step : (t.max - t.min) / 4;
  const int n = static_cast<int>(std::floor((t.max - t.min) / t.step + 1e-6));
  for (int i = 0; i <= std::min(n, 50); ++i) t.values.push_back(t.min + i * t.step);
  return t;
}

std::string tick_label(double v, const Axis& axis, Lang lang) {
  if (axis.percent) {
    return doc::format_percent(v * 100, doc::decimals_for_step(axis.step * 100), lang);
  }
  return doc::format_number(v, doc::decimals_for_step(axis.step), lang);
}

// The spec with every NaN or infinite value made missing: one such value would put the cairo
// context in an error state and fail the whole document.
ChartSpec finite_only(const ChartSpec& spec) {
  ChartSpec out = spec;
  auto clean = [](std::vector<std::optional<double>>& values) {
    for (auto& v : values)
      if (v && !std::isfinite(*v)) v.reset();
  };
  for (auto& s : out.series) {
    clean(s.values);
    clean(s.x);
  }
  for (doc::Axis* axis : {&out.x_axis, &out.y_axis})
    if (!std::isfinite(axis->min) || !std::isfinite(axis->max) || !std::isfinite(axis->step))
      *axis = doc::Axis{axis->title, 0, 1, 0.25, axis->percent};
  std::erase_if(out.benchmarks, [](const doc::Benchmark& b) { return !std::isfinite(b.value); });
  for (auto& series : out.intervals)
    for (auto& i : series)
      if (i && (!std::isfinite(i->low) || !std::isfinite(i->high))) i.reset();
  return out;
}

class ChartPainter {
 public:
  ChartPainter(ChartCanvas& canvas, PangoContext* text, const ChartSpec& spec, Lang lang, double x,
               double y, double w, double h)
      : canvas_(canvas),
        text_(text),
        spec_(finite_only(spec)),
        lang_(lang),
        x_(x),
        y_(y),
        w_(w),
        h_(h) {
    label_.size = 7.5;
    label_.colour = kMuted;
    title_ = label_;
    title_.weight = PANGO_WEIGHT_SEMIBOLD;
    title_.colour = kInk;
  }

  /// Records every box placed from here on into `boxes`.
  void record_into(std::vector<ChartBox>* boxes) { boxes_ = boxes; }

  void draw() {
    switch (spec_.kind) {
      case ChartKind::Heatmap:
        draw_heatmap();
        break;
      case ChartKind::Scatter:
        draw_scatter();
        break;
      default:
        draw_category_chart();
        break;
    }
  }

 private:
  void record(ChartBoxKind kind, std::vector<Point> corners, std::string what = {}) {
    if (boxes_) boxes_->push_back({kind, std::move(corners), std::move(what)});
  }
  void record_rect(ChartBoxKind kind, double x, double y, double w, double h) {
    record(kind, {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}});
  }

  // Draws a text and records the box of its lines (turned with it).
  void put_text(PangoLayout* l, double x, double y, Rgb colour, const Rotation& rotation = {}) {
    canvas_.text(l, x, y, colour, rotation);
    if (!boxes_) return;
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    const double x0 = x + logical.x / double(PANGO_SCALE), y0 = y + logical.y / double(PANGO_SCALE);
    const double x1 = x0 + logical.width / double(PANGO_SCALE);
    const double y1 = y0 + logical.height / double(PANGO_SCALE);
    std::vector<Point> corners{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    if (rotation.angle != 0 || rotation.x != 0 || rotation.y != 0) {
      const double c = std::cos(rotation.angle), sn = std::sin(rotation.angle);
      for (Point& p : corners)
        p = {rotation.x + p.x * c - p.y * sn, rotation.y + p.x * sn + p.y * c};
    }
    record(ChartBoxKind::Text, std::move(corners), pango_layout_get_text(l));
  }

  // A browser without Lato sets a chart's text in its own sans serif: DejaVu Sans, the widest
  // common one, runs up to 17 % wider than Lato and its bold 30 % wider than Lato Semibold.
  // Text drawn for a viewer is measured with that much room between its letters, so a wider
  // font still clears the next label or marker (docs/layout.md, "Fonts in the HTML").
  static constexpr double kViewerRoomRegular = 0.09, kViewerRoomBold = 0.15;  // em per letter

  LayoutPtr text(const std::string& s, TextStyle style, double width = 0, int lines = 0) {
    if (canvas_.text_set_by_viewer())
      style.letter_spacing =
          style.weight >= PANGO_WEIGHT_SEMIBOLD ? kViewerRoomBold : kViewerRoomRegular;
    return make_layout(text_, s, style, width, lines);
  }

  // Legend as a row (wrapping) of swatch + name at the top; returns the height used.
  double draw_legend(double top) {
    bool named = false;
    for (const auto& s : spec_.series) named = named || !s.name.empty();
    if (!named || spec_.kind == ChartKind::Heatmap) return 0;
    if (spec_.kind == ChartKind::Scatter && spec_.series.size() < 2) return 0;
    // One series named like the axis or the title: a legend would only say the name again.
    if (spec_.series.size() == 1 && (spec_.series[0].name == spec_.y_axis.title ||
                                     spec_.title.find(spec_.series[0].name) != std::string::npos))
      return 0;
    TextStyle style = label_;
    style.size = 8;
    style.colour = kInk;
    double cx = x_, cy = top, row_h = 0;
    for (size_t i = 0; i < spec_.series.size(); ++i) {
      auto name = text(spec_.series[i].name, style, w_ * 0.45, 1);
      // A name cut at half the width (a phone-wide chart) takes a row of its own instead, on
      // two lines if one is too short ("Denne gjennomgangen 29.11…" lost its year).
      if (pango_layout_is_ellipsized(name.get()))
        name = text(spec_.series[i].name, style, w_ - 40, 2);
      const double tw = layout_width(name.get()), th = layout_height(name.get());
      const double entry_w = 24 + tw + 14;
      if (cx > x_ && cx + entry_w > x_ + w_) {
        cx = x_;
        cy += row_h + 3;
        row_h = 0;  // each row as tall as its own entries
      }
      row_h = std::max(row_h, th);
      draw_swatch(i, cx, cy + th / 2);
      put_text(name.get(), cx + 24, cy, kInk);
      cx += entry_w;
    }
    return cy - top + row_h + 8;
  }

  void draw_swatch(size_t series, double x, double mid_y) {
    const Rgb colour = series_colour(spec_, series);
    if (spec_.kind == ChartKind::Line) {
      canvas_.stroke_lines({{{x, mid_y}, {x + 20, mid_y}}}, colour, 1.8, series_dash(series));
      draw_marker(series, x + 10, mid_y, false);
    } else if (spec_.kind == ChartKind::Scatter) {
      draw_marker(series, x + 7, mid_y, false);
    } else {
      canvas_.fill_rect(x + 2, mid_y - 4.5, 10, 9, colour);
    }
  }

  // Markers differ in shape as well as colour, so lines can be told apart in grey print.
  void draw_marker(size_t series, double cx, double cy, bool data = true) {
    const double r = 3.2;
    // An open marker: white inside a thicker outline of the series colour.
    const bool open = open_marker(series);
    const Rgb fill = open ? kWhite : series_colour(spec_, series);
    const Rgb ring = open ? series_colour(spec_, series) : kWhite;
    const double outline = open ? 1.4 : 0.8;
    const double half = r * 1.25;  // the largest shape, the diamond, reaches this far
    if (data) record_rect(ChartBoxKind::Mark, cx - half, cy - half, 2 * half, 2 * half);
    switch (series % kMarkerShapes) {
      case 0:
        canvas_.circle({cx, cy}, r, fill, ring, outline);
        break;
      case 1: {
        const double d = r * 0.9;
        canvas_.polygon({{cx - d, cy - d}, {cx + d, cy - d}, {cx + d, cy + d}, {cx - d, cy + d}},
                        fill, ring, outline);
        break;
      }
      case 2:
        canvas_.polygon(
            {{cx, cy - r * 1.15}, {cx + r * 1.1, cy + r * 0.8}, {cx - r * 1.1, cy + r * 0.8}}, fill,
            ring, outline);
        break;
      default: {
        const double d = r * 1.25;
        canvas_.polygon({{cx, cy - d}, {cx + d, cy}, {cx, cy + d}, {cx - d, cy}}, fill, ring,
                        outline);
        break;
      }
    }
  }

  // Y axis: gridlines and tick labels right-aligned left of the plot.
  void draw_y_axis(const Ticks& t, double px, double py, double pw, double ph,
                   const std::vector<LayoutPtr>& labels) {
    for (size_t i = 0; i < t.values.size(); ++i) {
      const double yy = py + ph - (t.values[i] - t.min) / (t.max - t.min) * ph;
      canvas_.stroke_lines({{{px, yy}, {px + pw, yy}}}, i == 0 ? kAxisLine : kGrid,
                           i == 0 ? 0.8 : 0.5);
      PangoLayout* l = labels[i].get();
      put_text(l, px - 5 - layout_width(l), yy - layout_height(l) / 2, kMuted);
    }
  }

  std::vector<LayoutPtr> tick_layouts(const Ticks& t, const Axis& axis, double* max_width) {
    std::vector<LayoutPtr> out;
    *max_width = 0;
    // Right-aligned: an SVG anchors the label's end at the plot, whatever font sets it.
    TextStyle style = label_;
    style.align = PANGO_ALIGN_RIGHT;
    for (double v : t.values) {
      out.push_back(text(tick_label(v, axis, lang_), style));
      *max_width = std::max(*max_width, layout_width(out.back().get()));
    }
    return out;
  }

  // Category labels under the plot: flat if they fit, wrapped to two lines if the slots are
  // wide, otherwise turned upright and cut with "…" so that long site names never overflow.
  struct CategoryLabels {
    std::vector<LayoutPtr> layouts;
    enum { Flat, Rotated } mode = Flat;
    double height = 0;
    // Every step-th label is drawn: upright labels closer than a line apart would touch (25
    // items on a phone-wide chart); the chart's data table names every category.
    size_t step = 1;
    bool shown(size_t i) const { return i % step == 0; }
  };

  CategoryLabels category_labels(double slot, double max_height) {
    CategoryLabels out;
    double widest = 0;
    TextStyle flat = label_;
    flat.align = PANGO_ALIGN_CENTER;  // an SVG anchors a flat label at its middle
    for (const auto& c : spec_.categories) {
      out.layouts.push_back(text(c, flat));
      widest = std::max(widest, layout_width(out.layouts.back().get()));
    }
    const double line_h = out.layouts.empty() ? 0 : layout_height(out.layouts[0].get());
    if (widest <= slot - 3) {
      out.height = line_h;
      return out;
    }
    if (slot >= 40) {
      out.layouts.clear();
      TextStyle centred = label_;
      centred.align = PANGO_ALIGN_CENTER;
      for (const auto& c : spec_.categories) {
        out.layouts.push_back(text(c, centred, slot - 4, 2));
        out.height = std::max(out.height, layout_height(out.layouts.back().get()));
      }
      return out;
    }
    out.mode = CategoryLabels::Rotated;
    if (slot > 0 && line_h > slot) out.step = static_cast<size_t>(std::ceil(line_h / slot - 1e-9));
    // Upright, read bottom to top: neighbours a slot apart never touch (turned 45°, labels
    // only 0.7 of a slot apart overlap once a line is taller than that), and none leaves the
    // chart at the side.
    // Labels up to half as long again as that share are shown whole (a period, "2013-H1", on a
    // phone-wide chart is never cut); longer ones (site names) are cut at the share.
    const double max_len = std::max(20.0, widest <= max_height * 1.5 ? widest + 1 : max_height - 2);
    out.layouts.clear();
    for (const auto& c : spec_.categories) {
      out.layouts.push_back(text(c, label_, max_len, 1));
      const double lw = std::min(max_len, layout_width(out.layouts.back().get()));
      out.height = std::max(out.height, lw + 2);
    }
    return out;
  }

  void draw_category_labels(const CategoryLabels& labels, double px, double slot, double top) {
    for (size_t i = 0; i < labels.layouts.size(); ++i) {
      if (!labels.shown(i)) continue;
      PangoLayout* l = labels.layouts[i].get();
      const double cx = px + slot * (i + 0.5);
      if (labels.mode == CategoryLabels::Flat) {
        const double lw = pango_layout_get_width(l) > 0 ? pango_layout_get_width(l) / PANGO_SCALE
                                                        : layout_width(l);
        put_text(l, cx - lw / 2, top, kMuted);
      } else {
        const double lw = layout_width(l), lh = layout_height(l);
        put_text(l, -lw, -lh / 2, kMuted, {cx, top + 2, -kPi / 2});
      }
    }
  }

  // The axis a category chart uses: a rate axis fitted to the data, an item profile from 0 (so
  // that a score of 1 has a bar of a fifth, not none).
  Axis category_axis() const {
    Axis a = fitted_rate_axis(spec_);
    if (spec_.kind == ChartKind::Profile && a.min > 0) a.min = 0;
    return a;
  }

  // Line, Bar and Profile: categories along x, values on the y axis.
  void draw_category_chart() {
    double top = y_ + draw_legend(y_);
    const Axis axis = category_axis();
    if (!axis.title.empty()) {
      auto t = text(axis.title, title_, w_, 1);
      put_text(t.get(), x_, top, kInk);
      top += layout_height(t.get()) + 4;
    }
    const Ticks ticks = ticks_of(axis);
    double tick_w = 0;
    auto tick_labels = tick_layouts(ticks, axis, &tick_w);
    const BenchmarkLabels bench = benchmark_labels(ticks);
    const double px = x_ + tick_w + 6;
    const double pw = std::max(10.0, x_ + w_ - px - 4 - bench.width);
    const size_t n = std::max<size_t>(1, spec_.categories.size());
    const double slot = pw / n;

    LayoutPtr x_title;
    double bottom = y_ + h_;
    if (!spec_.x_axis.title.empty()) {
      x_title = text(spec_.x_axis.title, title_, pw, 1);
      bottom -= layout_height(x_title.get()) + 4;
    }
    const CategoryLabels cats = category_labels(slot, (bottom - top) * 0.3);
    const double py = top + 5;
    const double ph = std::max(10.0, bottom - cats.height - 5 - py);

    draw_y_axis(ticks, px, py, pw, ph, tick_labels);
    draw_category_labels(cats, px, slot, py + ph + 4);
    if (x_title) {
      const double tw = layout_width(x_title.get());
      put_text(x_title.get(), px + (pw - tw) / 2, bottom + 4, kInk);
    }

    auto y_of = [&](double v) { return py + ph - (v - ticks.min) / (ticks.max - ticks.min) * ph; };
    // Benchmark lines under the data, so a bar or a point is never hidden by one.
    draw_benchmarks(bench, px, pw, py, ph, y_of);
    canvas_.push_clip(px - 4, py - 4, pw + 8, ph + 4.5);
    if (spec_.kind == ChartKind::Line) {
      for (size_t s = 0; s < spec_.series.size(); ++s) {
        const auto& values = spec_.series[s].values;
        // A missing value breaks the line: the runs between gaps are drawn apart.
        std::vector<std::vector<Point>> runs(1);
        for (size_t i = 0; i < values.size() && i < n; ++i) {
          if (!values[i]) {
            if (!runs.back().empty()) runs.emplace_back();
            continue;
          }
          runs.back().push_back({px + slot * (i + 0.5), y_of(*values[i])});
        }
        canvas_.stroke_lines(runs, series_colour(spec_, s), 1.8, series_dash(s));
        for (const auto& run : runs)
          for (size_t k = 1; k < run.size(); ++k) record(ChartBoxKind::Line, {run[k - 1], run[k]});
        // Error bars under the markers; beside each other when several series have them.
        const double shift = spec_.intervals.size() > 1 ? std::min(3.0, slot * 0.08) : 0;
        const double offset = (static_cast<double>(s) - (spec_.series.size() - 1) / 2.0) * shift;
        for (size_t i = 0; i < values.size() && i < n; ++i)
          if (values[i])
            draw_interval(s, i, px + slot * (i + 0.5) + offset, std::min(3.0, slot * 0.15), y_of,
                          series_colour(spec_, s));
        for (size_t i = 0; i < values.size() && i < n; ++i)
          if (values[i]) draw_marker(s, px + slot * (i + 0.5), y_of(*values[i]));
      }
    } else {
      const size_t ns = std::max<size_t>(1, spec_.series.size());
      const double bar =
          std::min(slot * (spec_.kind == ChartKind::Profile ? 0.78 : 0.72) / ns, kMaxBarWidth);
      const double group = bar * ns;
      const double base = y_of(std::clamp(0.0, ticks.min, ticks.max));
      for (size_t s = 0; s < spec_.series.size(); ++s) {
        const auto& values = spec_.series[s].values;
        for (size_t i = 0; i < n; ++i) {
          const double bx = px + slot * i + (slot - group) / 2 + bar * s;
          if (i >= values.size() || !values[i]) {
            // A missing value is marked with a short dash, so it does not read as a zero: drawn,
            // not set as the character "–", so it is never wider than its bar (on a phone's
            // narrow chart the character ran into the bars beside it) and does not depend on
            // the font a browser has.
            const double dash_w = std::min(bar - 0.8, 4.6);  // 4.6: the 8-point "–" in Lato
            const double dash_x = bx + (bar - dash_w) / 2;
            canvas_.stroke_lines({{{dash_x, base - 4.5}, {dash_x + dash_w, base - 4.5}}}, kMuted,
                                 0.8, {0, 0});
            continue;
          }
          const double top_y = y_of(std::clamp(*values[i], ticks.min, ticks.max));
          // A value at the axis minimum still shows as a thin bar.
          const double bar_h = std::max(1.5, std::fabs(base - top_y));
          const double bar_y = top_y <= base ? base - bar_h : base;
          canvas_.fill_rect(bx + 0.4, bar_y, bar - 0.8, bar_h, series_colour(spec_, s));
          record_rect(ChartBoxKind::Mark, bx + 0.4, bar_y, bar - 0.8, bar_h);
          draw_interval(s, i, bx + bar / 2, std::min(4.0, bar * 0.2), y_of, kInk);
        }
      }
    }
    canvas_.pop_clip();
  }

  // The 95 % interval of series s at category i, if any: a vertical bar with end caps (ink on a
  // bar, the series' colour beside a line), centred on cx, caps `cap` points to each side.
  template <typename YOf>
  void draw_interval(size_t s, size_t i, double cx, double cap, YOf y_of, Rgb colour) {
    if (s >= spec_.intervals.size() || i >= spec_.intervals[s].size() || !spec_.intervals[s][i])
      return;
    const doc::Interval& iv = *spec_.intervals[s][i];
    const double lo = y_of(iv.low), hi = y_of(iv.high);
    canvas_.stroke_lines(
        {{{cx, lo}, {cx, hi}}, {{cx - cap, lo}, {cx + cap, lo}}, {{cx - cap, hi}, {cx + cap, hi}}},
        colour, 1.0);
    // A mark like the bars and points: the layout test checks no label covers it.
    record_rect(ChartBoxKind::Mark, cx - cap, std::min(lo, hi), 2 * cap, std::fabs(lo - hi));
  }

  // An area of the plot something already occupies.
  struct Box {
    double x0, y0, x1, y1;
    double overlap_area(const Box& o) const {
      return std::max(0.0, std::min(x1, o.x1) - std::max(x0, o.x0)) *
             std::max(0.0, std::min(y1, o.y1) - std::max(y0, o.y0));
    }
  };

  // The benchmarks the axis shows, with their labels set, and the room the labels take right of
  // the plot.
  struct BenchmarkLabels {
    std::vector<std::pair<double, LayoutPtr>> labels;  // value, label
    double width = 0;
  };

  BenchmarkLabels benchmark_labels(const Ticks& ticks) {
    BenchmarkLabels out;
    TextStyle style = label_;
    style.colour = kBenchmark;
    style.weight = PANGO_WEIGHT_SEMIBOLD;
    for (const auto& b : spec_.benchmarks) {
      if (b.value < ticks.min || b.value > ticks.max) continue;
      LayoutPtr label = text(b.label, style, w_ * 0.22, 1);
      // A long label may take up to 30 % of the chart; one cut short even so (a phone-wide
      // chart: "Minim…") gives the value alone, which says which line it is ("31 %"), and
      // the list under the chart names it.
      if (pango_layout_is_ellipsized(label.get())) label = text(b.label, style, w_ * 0.3, 1);
      if (pango_layout_is_ellipsized(label.get()))
        label = text(tick_label(b.value, spec_.y_axis, lang_), style, w_ * 0.22, 1);
      out.labels.emplace_back(b.value, std::move(label));
      out.width = std::max(out.width, layout_width(out.labels.back().second.get()) + kLeader);
    }
    return out;
  }

  // The room between a benchmark line's end and its label, where a leader runs when the label
  // had to move off the line's height.
  static constexpr double kLeader = 10;

  // Dashed reference lines across the plot, each labelled outside it at the right edge, where
  // no data is: labels that would touch are moved apart, each joined to its line by a leader.
  template <typename YOf>
  void draw_benchmarks(const BenchmarkLabels& bench, double px, double pw, double py, double ph,
                       YOf y_of) {
    struct Placed {
      double line_y, top, height;
      PangoLayout* layout;
    };
    std::vector<Placed> placed;
    for (const auto& [value, l] : bench.labels) {
      const double yy = y_of(value), lh = layout_height(l.get());
      canvas_.stroke_lines({{{px, yy}, {px + pw, yy}}}, kBenchmark, 1.0, {4.0, 2.5});
      placed.push_back({yy, yy - lh / 2, lh, l.get()});
    }
    // Top to bottom on the page; push each below the one above, then back up from the foot.
    std::sort(placed.begin(), placed.end(),
              [](const Placed& a, const Placed& b) { return a.line_y < b.line_y; });
    for (size_t i = 1; i < placed.size(); ++i)
      placed[i].top = std::max(placed[i].top, placed[i - 1].top + placed[i - 1].height);
    const double lowest = py + ph + 4;
    for (size_t i = placed.size(); i-- > 0;) {
      const double limit = i + 1 < placed.size() ? placed[i + 1].top : lowest;
      placed[i].top = std::min(placed[i].top, limit - placed[i].height);
    }
    const double lx = px + pw + kLeader;
    for (const Placed& p : placed) {
      const double mid = p.top + p.height / 2;
      canvas_.stroke_lines({{{px + pw, p.line_y}, {px + pw + 3, p.line_y}, {lx - 2, mid}}},
                           kBenchmark, 0.6);
      put_text(p.layout, lx, p.top, kBenchmark);
    }
  }

  // Rows = series, columns = categories; colour and the written value show the score.
  void draw_heatmap() {
    const HeatScale heat = HeatScale::of(spec_);
    const size_t rows = spec_.series.size(), cols = std::max<size_t>(1, spec_.categories.size());
    // Row labels: as wide as the widest name, at most 30 % of the chart, cut with "…".
    double label_w = 0;
    for (const auto& s : spec_.series)
      label_w = std::max(label_w, layout_width(text(s.name, label_).get()));
    label_w = std::min(label_w, w_ * 0.3);
    const double gx = x_ + label_w + 6;
    const double cell_w = (x_ + w_ - gx) / cols;

    // Colour key along the bottom.
    const double key_h = 22;
    double top = y_;
    const CategoryLabels cats = category_labels(cell_w, h_ * 0.25);
    const double grid_top = top + cats.height + 4;
    const double cell_h =
        rows == 0 ? 0 : std::clamp((y_ + h_ - key_h - grid_top) / rows, 8.0, 22.0);
    // The tagged PDF reads the grid as a table: a corner cell and the column heads, then a row
    // head and a cell per value on each row; the colour key is its figure.
    canvas_.begin_part(ChartPart::Table);
    canvas_.begin_part(ChartPart::Row);
    canvas_.begin_part(ChartPart::Cell);
    canvas_.end_part();
    // Column labels above the grid (rotated ones end at the column).
    for (size_t i = 0; i < cats.layouts.size(); ++i) {
      canvas_.begin_part(ChartPart::ColumnHead);
      if (!cats.shown(i)) {  // a thinned label: its head cell stays, empty as on the page
        canvas_.end_part();
        continue;
      }
      PangoLayout* l = cats.layouts[i].get();
      const double cx = gx + cell_w * (i + 0.5);
      if (cats.mode == CategoryLabels::Flat) {
        const double lw = pango_layout_get_width(l) > 0 ? pango_layout_get_width(l) / PANGO_SCALE
                                                        : layout_width(l);
        put_text(l, cx - lw / 2, grid_top - 3 - layout_height(l), kMuted);
      } else {
        const double lh = layout_height(l);
        put_text(l, 0, -lh / 2, kMuted, {cx, grid_top - 3, -kPi / 2});
      }
      canvas_.end_part();
    }
    canvas_.end_part();
    TextStyle value_style = label_;
    value_style.size = std::min(7.5, cell_h * 0.55);
    for (size_t r = 0; r < rows; ++r) {
      const double cy = grid_top + cell_h * r;
      canvas_.begin_part(ChartPart::Row);
      canvas_.begin_part(ChartPart::RowHead);
      auto name = text(spec_.series[r].name, label_, label_w, 1);
      put_text(name.get(), x_, cy + (cell_h - layout_height(name.get())) / 2, kInk);
      canvas_.end_part();
      const auto& values = spec_.series[r].values;
      for (size_t c = 0; c < cols; ++c) {
        canvas_.begin_part(ChartPart::Cell);
        const double cx = gx + cell_w * c;
        const bool present = c < values.size() && values[c].has_value();
        const double value = present ? values[c].value() : 0.0;
        const double t = present ? heat.position(value) : 0;
        canvas_.fill_rect(cx, cy, cell_w, cell_h, present ? heat_colour(t) : kWhite);
        canvas_.stroke_rect(cx, cy, cell_w, cell_h, kWhite, 1);
        if (!present)  // a missing score: an outlined empty cell
          canvas_.stroke_rect(cx + 1.2, cy + 1.2, cell_w - 2.4, cell_h - 2.4, kGrid, 0.6);
        const std::string s =
            present ? doc::format_number(value, std::fabs(value - std::round(value)) < 1e-9 ? 0 : 1,
                                         lang_)
                    : "\u2013";
        auto l = text(s, value_style);
        const double lw = layout_width(l.get()), lh = layout_height(l.get());
        if (lw > cell_w - 1) {
          canvas_.end_part();
          continue;
        }
        put_text(l.get(), cx + (cell_w - lw) / 2, cy + (cell_h - lh) / 2,
                 !present                   ? kMuted
                 : heat_takes_white_text(t) ? kWhite
                                            : kInk);
        canvas_.end_part();
      }
      canvas_.end_part();
    }
    canvas_.end_part();
    // Key: one swatch per scale step.
    const double key_y = grid_top + cell_h * rows + 8;
    canvas_.begin_part(ChartPart::Key, gx, key_y, x_ + w_ - gx, std::max(1.0, y_ + h_ - key_y));
    double kx = gx;
    if (!spec_.y_axis.title.empty()) {
      auto t = text(spec_.y_axis.title, title_, w_ * 0.4, 1);
      put_text(t.get(), kx, key_y, kInk);
      kx += layout_width(t.get()) + 8;
    }
    for (double v : heat.steps()) {
      canvas_.fill_rect(kx, key_y + 1, 14, 9, heat_colour(heat.position(v)));
      auto l = text(heat.label(v, lang_), label_);
      put_text(l.get(), kx + 17, key_y, kMuted);
      kx += 17 + layout_width(l.get()) + 8;
    }
    canvas_.end_part();
  }

  // x/y points with their labels beside them.
  void draw_scatter() {
    double top = y_ + draw_legend(y_);
    if (!spec_.y_axis.title.empty()) {
      auto t = text(spec_.y_axis.title, title_, w_, 1);
      put_text(t.get(), x_, top, kInk);
      top += layout_height(t.get()) + 4;
    }
    const Ticks yt = ticks_of(spec_.y_axis), xt = ticks_of(spec_.x_axis);
    double tick_w = 0;
    auto y_labels = tick_layouts(yt, spec_.y_axis, &tick_w);
    double unused = 0;
    auto x_labels = tick_layouts(xt, spec_.x_axis, &unused);
    const BenchmarkLabels bench = benchmark_labels(yt);
    const double px = x_ + tick_w + 6;
    const double pw = std::max(10.0, x_ + w_ - px - 8 - bench.width);
    double bottom = y_ + h_;
    LayoutPtr x_title;
    if (!spec_.x_axis.title.empty()) {
      x_title = text(spec_.x_axis.title, title_, pw, 1);
      bottom -= layout_height(x_title.get()) + 3;
    }
    const double xl_h = x_labels.empty() ? 0 : layout_height(x_labels[0].get());
    const double py = top + 5;
    const double ph = std::max(10.0, bottom - xl_h - 6 - py);
    draw_y_axis(yt, px, py, pw, ph, y_labels);
    auto x_of = [&](double v) { return px + (v - xt.min) / (xt.max - xt.min) * pw; };
    auto y_of = [&](double v) { return py + ph - (v - yt.min) / (yt.max - yt.min) * ph; };
    for (size_t i = 0; i < xt.values.size(); ++i) {
      const double xx = x_of(xt.values[i]);
      canvas_.stroke_lines({{{xx, py}, {xx, py + ph}}}, i == 0 ? kAxisLine : kGrid,
                           i == 0 ? 0.8 : 0.5);
      PangoLayout* l = x_labels[i].get();
      put_text(l, xx - layout_width(l) / 2, py + ph + 4, kMuted);
    }
    if (x_title)
      put_text(x_title.get(), px + (pw - layout_width(x_title.get())) / 2, bottom + 3, kInk);
    TextStyle point_style = label_;
    point_style.colour = kInk;
    struct Point {
      double x, y;
      size_t series;
      LayoutPtr label;
    };
    std::vector<Point> points;
    // Reference lines first, so labels keep clear of them and are drawn over them; their own
    // labels outside the plot at the right.
    draw_benchmarks(bench, px, pw, py, ph, y_of);
    std::vector<Box> lines, taken;  // a label may cross a line if it must, never a point or label
    for (const auto& b : bench.labels) {
      const double yy = y_of(b.first);
      lines.push_back({px, yy - 1.5, px + pw, yy + 1.5});
    }
    for (size_t s = 0; s < spec_.series.size(); ++s) {
      const auto& series = spec_.series[s];
      for (size_t i = 0; i < series.values.size() && i < series.x.size(); ++i) {
        if (!series.values[i] || !series.x[i]) continue;
        const double xx = x_of(std::clamp(*series.x[i], xt.min, xt.max));
        const double yy = y_of(std::clamp(*series.values[i], yt.min, yt.max));
        LayoutPtr label;
        if (i < series.point_labels.size() && !series.point_labels[i].empty())
          label = text(series.point_labels[i], point_style, 90, 1);
        points.push_back({xx, yy, s, label});
        taken.push_back({xx - 4, yy - 4, xx + 4, yy + 4});
      }
    }
    for (const Point& p : points) draw_marker(p.series, p.x, p.y);
    // Each label goes to the first free place around its point: right, left, above, below,
    // then the corners.
    for (const Point& p : points) {
      if (!p.label) continue;
      const double lw = layout_width(p.label.get()), lh = layout_height(p.label.get());
      const double candidates[][2] = {{p.x + 6, p.y - lh / 2},      {p.x - 6 - lw, p.y - lh / 2},
                                      {p.x - lw / 2, p.y - 5 - lh}, {p.x - lw / 2, p.y + 5},
                                      {p.x + 5, p.y - 3 - lh},      {p.x + 5, p.y + 3},
                                      {p.x - 5 - lw, p.y - 3 - lh}, {p.x - 5 - lw, p.y + 3}};
      // The first free place; when none is free, the place that crosses the fewest lines. A
      // label with no place clear of every point and label is left out: the table behind the
      // chart names every point, and a label over another would make both unreadable.
      std::optional<Box> chosen;
      double least = 0;
      for (const auto& c : candidates) {
        const Box b{c[0], c[1], c[0] + lw, c[1] + lh};
        if (b.x0 < px || b.x1 > px + pw || b.y0 < py - 4 || b.y1 > py + ph) continue;
        bool covers = false;
        for (const Box& t : taken) covers = covers || b.overlap_area(t) > 0;
        if (covers) continue;
        double crossed = 0;
        for (const Box& t : lines) crossed += b.overlap_area(t);
        if (!chosen || crossed < least) {
          chosen = b;
          least = crossed;
        }
        if (crossed == 0) break;
      }
      if (!chosen) continue;
      taken.push_back(*chosen);
      // A light backing keeps a label readable where it has to cross a line.
      canvas_.fill_rect(chosen->x0 - 1, chosen->y0, lw + 2, lh, kWhite, 0.75);
      put_text(p.label.get(), chosen->x0, chosen->y0, kInk);
    }
  }

  ChartCanvas& canvas_;
  std::vector<ChartBox>* boxes_ = nullptr;
  PangoContext* text_;
  const ChartSpec spec_;
  Lang lang_;
  double x_, y_, w_, h_;
  TextStyle label_, title_;
};

}  // namespace

void draw_chart(ChartCanvas& canvas, PangoContext* text, const doc::ChartSpec& spec, double x,
                double y, double width, double height, Lang lang) {
  ChartPainter(canvas, text, spec, lang, x, y, width, height).draw();
}

void draw_chart(cairo_t* cr, PangoContext* text, const doc::ChartSpec& spec, double x, double y,
                double width, double height, Lang lang) {
  // The page goes on after the chart with the colour, line width and path it had before.
  cairo_save(cr);
  CairoCanvas canvas(cr);
  draw_chart(canvas, text, spec, x, y, width, height, lang);
  cairo_restore(cr);
}

void draw_chart(cairo_t* cr, const doc::ChartSpec& spec, double x, double y, double width,
                double height, Lang lang, const std::filesystem::path& fonts_dir) {
  ContextPtr text = bundled_text_context(cr, fonts_dir.empty() ? fonts_dir_of({}) : fonts_dir);
  draw_chart(cr, text.get(), spec, x, y, width, height, lang);
}

namespace {

// A canvas that draws nothing: the painter runs on it only to record where things go.
class NoCanvas final : public ChartCanvas {
 public:
  void fill_rect(double, double, double, double, Rgb, double) override {}
  void stroke_rect(double, double, double, double, Rgb, double) override {}
  void stroke_lines(const std::vector<std::vector<Point>>&, Rgb, double, Point) override {}
  void circle(Point, double, Rgb, Rgb, double) override {}
  void polygon(const std::vector<Point>&, Rgb, Rgb, double) override {}
  void text(PangoLayout*, double, double, Rgb, const Rotation&) override {}
  void push_clip(double, double, double, double) override {}
  void pop_clip() override {}
};

}  // namespace

std::vector<ChartBox> chart_boxes(PangoContext* text, const doc::ChartSpec& spec, double x,
                                  double y, double width, double height, Lang lang) {
  NoCanvas canvas;
  std::vector<ChartBox> boxes;
  ChartPainter painter(canvas, text, spec, lang, x, y, width, height);
  painter.record_into(&boxes);
  painter.draw();
  return boxes;
}

double chart_preferred_height(const doc::ChartSpec& spec, double width) {
  if (spec.kind == ChartKind::Heatmap) {
    double longest = 0;
    for (const auto& c : spec.categories) longest = std::max<double>(longest, c.size());
    const double slot = (width * 0.75) / std::max<size_t>(1, spec.categories.size());
    const double label_h = longest * 4.2 <= slot ? 14 : std::min(70.0, longest * 4.2 * 0.75 + 10);
    return label_h + 8 + 18.0 * spec.series.size() + 30;
  }
  // A few bars need no more height than a short paragraph would take: tall, they read as more.
  if (spec.kind == ChartKind::Bar && spec.categories.size() <= 3)
    return std::clamp(width * 0.4, 160.0, 200.0);
  return std::clamp(width * 0.5, 160.0, 300.0);
}

std::string chart_svg(const doc::ChartSpec& spec, double width, double height, Lang lang,
                      const std::filesystem::path& fonts_dir) {
  // Text is measured on a cairo context like the PDF's, so both set the same lines; nothing is
  // drawn on it.
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* cr = cairo_create(surface);
  std::string svg;
  try {
    ContextPtr text = bundled_text_context(cr, fonts_dir.empty() ? fonts_dir_of({}) : fonts_dir);
    SvgCanvas canvas(width, height);
    draw_chart(canvas, text.get(), spec, 0, 0, width, height, lang);
    svg = canvas.finish();
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return svg;
}

}  // namespace ips::render
