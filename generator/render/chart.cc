#include "render/chart.h"

#include <cairo-svg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "render/fonts.h"
#include "render/layout_text.h"
#include "render/renderer.h"
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

// Sequential blue for the heatmap (ColorBrewer "Blues" end points): darkness is the value.
Rgb heat_colour(double t) {
  t = std::clamp(t, 0.0, 1.0);
  // The low end is tinted enough to tell a score of 1 from a missing (white) cell.
  const Rgb low{0.855, 0.898, 0.949}, high{0.031, 0.188, 0.420};
  return {low.r + (high.r - low.r) * t, low.g + (high.g - low.g) * t, low.b + (high.b - low.b) * t};
}

int decimals_for(double step) {
  for (int d = 0; d < 3; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) return d;
  }
  return 3;
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
    const std::string n = doc::format_number(v * 100, decimals_for(axis.step * 100), lang);
    return lang == Lang::Nb ? n + "\u00A0%" : n + "%";
  }
  return doc::format_number(v, decimals_for(axis.step), lang);
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
  return out;
}

class ChartPainter {
 public:
  ChartPainter(cairo_t* cr, PangoContext* text, const ChartSpec& spec, Lang lang, double x,
               double y, double w, double h)
      : cr_(cr), text_(text), spec_(finite_only(spec)), lang_(lang), x_(x), y_(y), w_(w), h_(h) {
    label_.size = 7.5;
    label_.colour = kMuted;
    title_ = label_;
    title_.weight = PANGO_WEIGHT_SEMIBOLD;
    title_.colour = kInk;
  }

  void draw() {
    cairo_save(cr_);
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
    cairo_restore(cr_);
  }

 private:
  LayoutPtr text(const std::string& s, const TextStyle& style, double width = 0, int lines = 0) {
    return make_layout(text_, s, style, width, lines);
  }

  // Legend as a row (wrapping) of swatch + name at the top; returns the height used.
  double draw_legend(double top) {
    bool named = false;
    for (const auto& s : spec_.series) named = named || !s.name.empty();
    if (!named || spec_.kind == ChartKind::Heatmap) return 0;
    if (spec_.kind == ChartKind::Scatter && spec_.series.size() < 2) return 0;
    TextStyle style = label_;
    style.size = 8;
    style.colour = kInk;
    double cx = x_, cy = top, row_h = 0;
    for (size_t i = 0; i < spec_.series.size(); ++i) {
      auto name = text(spec_.series[i].name, style, w_ * 0.45, 1);
      const double tw = layout_width(name.get()), th = layout_height(name.get());
      const double entry_w = 18 + tw + 14;
      if (cx > x_ && cx + entry_w > x_ + w_) {
        cx = x_;
        cy += row_h + 3;
      }
      row_h = std::max(row_h, th);
      draw_swatch(i, cx, cy + th / 2);
      draw_layout(cr_, name.get(), cx + 18, cy, kInk);
      cx += entry_w;
    }
    return cy - top + row_h + 8;
  }

  void draw_swatch(size_t series, double x, double mid_y) {
    set_colour(cr_, series_colour(spec_, series));
    if (spec_.kind == ChartKind::Line) {
      cairo_set_line_width(cr_, 1.8);
      cairo_move_to(cr_, x, mid_y);
      cairo_line_to(cr_, x + 14, mid_y);
      cairo_stroke(cr_);
      draw_marker(series, x + 7, mid_y);
    } else if (spec_.kind == ChartKind::Scatter) {
      draw_marker(series, x + 7, mid_y);
    } else {
      cairo_rectangle(cr_, x + 2, mid_y - 4.5, 10, 9);
      cairo_fill(cr_);
    }
  }

  // Markers differ in shape as well as colour, so lines can be told apart in grey print.
  void draw_marker(size_t series, double cx, double cy) {
    const double r = 3.2;
    cairo_new_path(cr_);  // a text drawn before leaves a current point the arc would join
    switch (series % 4) {
      case 0:
        cairo_arc(cr_, cx, cy, r, 0, 2 * kPi);
        break;
      case 1:
        cairo_rectangle(cr_, cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
        break;
      case 2:
        cairo_move_to(cr_, cx, cy - r * 1.15);
        cairo_line_to(cr_, cx + r * 1.1, cy + r * 0.8);
        cairo_line_to(cr_, cx - r * 1.1, cy + r * 0.8);
        cairo_close_path(cr_);
        break;
      default:
        cairo_move_to(cr_, cx, cy - r * 1.25);
        cairo_line_to(cr_, cx + r * 1.25, cy);
        cairo_line_to(cr_, cx, cy + r * 1.25);
        cairo_line_to(cr_, cx - r * 1.25, cy);
        cairo_close_path(cr_);
        break;
    }
    set_colour(cr_, series_colour(spec_, series));
    cairo_fill_preserve(cr_);
    set_colour(cr_, kWhite);
    cairo_set_line_width(cr_, 0.8);
    cairo_stroke(cr_);
  }

  // Y axis: gridlines and tick labels right-aligned left of the plot.
  void draw_y_axis(const Ticks& t, const Axis& axis, double px, double py, double pw, double ph,
                   const std::vector<LayoutPtr>& labels) {
    for (size_t i = 0; i < t.values.size(); ++i) {
      const double yy = py + ph - (t.values[i] - t.min) / (t.max - t.min) * ph;
      set_colour(cr_, i == 0 ? kAxisLine : kGrid);
      cairo_set_line_width(cr_, i == 0 ? 0.8 : 0.5);
      cairo_move_to(cr_, px, yy);
      cairo_line_to(cr_, px + pw, yy);
      cairo_stroke(cr_);
      PangoLayout* l = labels[i].get();
      draw_layout(cr_, l, px - 5 - layout_width(l), yy - layout_height(l) / 2, kMuted);
    }
    (void)axis;
  }

  std::vector<LayoutPtr> tick_layouts(const Ticks& t, const Axis& axis, double* max_width) {
    std::vector<LayoutPtr> out;
    *max_width = 0;
    for (double v : t.values) {
      out.push_back(text(tick_label(v, axis, lang_), label_));
      *max_width = std::max(*max_width, layout_width(out.back().get()));
    }
    return out;
  }

  // Category labels under the plot: flat if they fit, wrapped to two lines if the slots are
  // wide, otherwise turned 45° and cut with "…" so that long site names never overflow.
  struct CategoryLabels {
    std::vector<LayoutPtr> layouts;
    enum { Flat, Rotated } mode = Flat;
    double height = 0;
  };

  CategoryLabels category_labels(double slot, double max_height) {
    CategoryLabels out;
    double widest = 0;
    for (const auto& c : spec_.categories) {
      out.layouts.push_back(text(c, label_));
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
    const double max_len = std::max(20.0, max_height / std::sin(kPi / 4) - line_h);
    out.layouts.clear();
    for (const auto& c : spec_.categories) {
      out.layouts.push_back(text(c, label_, max_len, 1));
      const double lw = std::min(max_len, layout_width(out.layouts.back().get()));
      out.height = std::max(out.height, (lw + line_h) * std::sin(kPi / 4));
    }
    return out;
  }

  void draw_category_labels(const CategoryLabels& labels, double px, double slot, double top) {
    for (size_t i = 0; i < labels.layouts.size(); ++i) {
      PangoLayout* l = labels.layouts[i].get();
      const double cx = px + slot * (i + 0.5);
      if (labels.mode == CategoryLabels::Flat) {
        const double lw = pango_layout_get_width(l) > 0 ? pango_layout_get_width(l) / PANGO_SCALE
                                                        : layout_width(l);
        draw_layout(cr_, l, cx - lw / 2, top, kMuted);
      } else {
        const double lw = layout_width(l), lh = layout_height(l);
        cairo_save(cr_);
        cairo_translate(cr_, cx + lh * 0.35, top + 2);
        cairo_rotate(cr_, -kPi / 4);
        draw_layout(cr_, l, -lw, -lh / 2, kMuted);
        cairo_restore(cr_);
      }
    }
  }

  // Line, Bar and Profile: categories along x, values on the y axis.
  void draw_category_chart() {
    double top = y_ + draw_legend(y_);
    if (!spec_.y_axis.title.empty()) {
      auto t = text(spec_.y_axis.title, title_, w_, 1);
      draw_layout(cr_, t.get(), x_, top, kInk);
      top += layout_height(t.get()) + 4;
    }
    const Ticks ticks = ticks_of(spec_.y_axis);
    double tick_w = 0;
    auto tick_labels = tick_layouts(ticks, spec_.y_axis, &tick_w);
    const double px = x_ + tick_w + 6;
    const double pw = std::max(10.0, x_ + w_ - px - 4);
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

    draw_y_axis(ticks, spec_.y_axis, px, py, pw, ph, tick_labels);
    draw_category_labels(cats, px, slot, py + ph + 4);
    if (x_title) {
      const double tw = layout_width(x_title.get());
      draw_layout(cr_, x_title.get(), px + (pw - tw) / 2, bottom + 4 - 0, kInk);
    }

    auto y_of = [&](double v) { return py + ph - (v - ticks.min) / (ticks.max - ticks.min) * ph; };
    cairo_save(cr_);
    cairo_rectangle(cr_, px - 4, py - 4, pw + 8, ph + 4.5);
    cairo_clip(cr_);
    if (spec_.kind == ChartKind::Line) {
      for (size_t s = 0; s < spec_.series.size(); ++s) {
        const auto& values = spec_.series[s].values;
        set_colour(cr_, series_colour(spec_, s));
        cairo_set_line_width(cr_, 1.8);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        bool drawing = false;
        for (size_t i = 0; i < values.size() && i < n; ++i) {
          if (!values[i]) {
            drawing = false;
            continue;
          }
          const double xx = px + slot * (i + 0.5), yy = y_of(*values[i]);
          if (drawing)
            cairo_line_to(cr_, xx, yy);
          else
            cairo_move_to(cr_, xx, yy);
          drawing = true;
        }
        cairo_stroke(cr_);
        for (size_t i = 0; i < values.size() && i < n; ++i)
          if (values[i]) draw_marker(s, px + slot * (i + 0.5), y_of(*values[i]));
      }
    } else {
      const size_t ns = std::max<size_t>(1, spec_.series.size());
      const double group = slot * (spec_.kind == ChartKind::Profile ? 0.78 : 0.72);
      const double bar = group / ns;
      const double base = y_of(std::clamp(0.0, ticks.min, ticks.max));
      TextStyle missing_style = label_;
      missing_style.size = 8;
      for (size_t s = 0; s < spec_.series.size(); ++s) {
        const auto& values = spec_.series[s].values;
        for (size_t i = 0; i < n; ++i) {
          const double bx = px + slot * i + (slot - group) / 2 + bar * s;
          if (i >= values.size() || !values[i]) {
            // A missing value is marked, so it does not read as a zero.
            auto dash = text("\u2013", missing_style);
            draw_layout(cr_, dash.get(), bx + (bar - layout_width(dash.get())) / 2,
                        base - layout_height(dash.get()) - 1, kMuted);
            continue;
          }
          const double top_y = y_of(*values[i]);
          // A value at the axis minimum still shows as a thin bar.
          const double bar_h = std::max(1.5, std::fabs(base - top_y));
          set_colour(cr_, series_colour(spec_, s));
          cairo_rectangle(cr_, bx + 0.4, top_y <= base ? base - bar_h : base, bar - 0.8, bar_h);
          cairo_fill(cr_);
        }
      }
    }
    cairo_restore(cr_);
    draw_benchmarks(px, pw, y_of, ticks);
  }

  template <typename YOf>
  void draw_benchmarks(double px, double pw, YOf y_of, const Ticks& ticks) {
    TextStyle style = label_;
    style.colour = kBenchmark;
    style.weight = PANGO_WEIGHT_SEMIBOLD;
    for (const auto& b : spec_.benchmarks) {
      if (b.value < ticks.min || b.value > ticks.max) continue;
      const double yy = y_of(b.value);
      set_colour(cr_, kBenchmark);
      cairo_set_line_width(cr_, 1.0);
      const double dash[] = {4.0, 2.5};
      cairo_set_dash(cr_, dash, 2, 0);
      cairo_move_to(cr_, px, yy);
      cairo_line_to(cr_, px + pw, yy);
      cairo_stroke(cr_);
      cairo_set_dash(cr_, nullptr, 0, 0);
      auto l = text(b.label, style, pw * 0.6, 1);
      const double lw = layout_width(l.get()), lh = layout_height(l.get());
      const double lx = px + pw - lw - 2, ly = yy - lh - 1;
      cairo_set_source_rgba(cr_, 1, 1, 1, 0.85);
      cairo_rectangle(cr_, lx - 2, ly, lw + 4, lh);
      cairo_fill(cr_);
      draw_layout(cr_, l.get(), lx, ly, kBenchmark);
    }
  }

  // Rows = series, columns = categories; colour and the written value show the score.
  void draw_heatmap() {
    const Ticks scale = ticks_of(spec_.y_axis.max > spec_.y_axis.min &&
                                         !(spec_.y_axis.min == 0 && spec_.y_axis.max == 1)
                                     ? spec_.y_axis
                                     : Axis{"", 1, 5, 1, false});
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
    // Column labels above the grid (rotated ones end at the column).
    for (size_t i = 0; i < cats.layouts.size(); ++i) {
      PangoLayout* l = cats.layouts[i].get();
      const double cx = gx + cell_w * (i + 0.5);
      if (cats.mode == CategoryLabels::Flat) {
        const double lw = pango_layout_get_width(l) > 0 ? pango_layout_get_width(l) / PANGO_SCALE
                                                        : layout_width(l);
        draw_layout(cr_, l, cx - lw / 2, grid_top - 3 - layout_height(l), kMuted);
      } else {
        const double lh = layout_height(l);
        cairo_save(cr_);
        cairo_translate(cr_, cx - lh * 0.35, grid_top - 3);
        cairo_rotate(cr_, -kPi / 4);
        draw_layout(cr_, l, 0, -lh / 2, kMuted);
        cairo_restore(cr_);
      }
    }
    TextStyle value_style = label_;
    value_style.size = std::min(7.5, cell_h * 0.55);
    for (size_t r = 0; r < rows; ++r) {
      const double cy = grid_top + cell_h * r;
      auto name = text(spec_.series[r].name, label_, label_w, 1);
      draw_layout(cr_, name.get(), x_, cy + (cell_h - layout_height(name.get())) / 2, kInk);
      const auto& values = spec_.series[r].values;
      for (size_t c = 0; c < cols; ++c) {
        const double cx = gx + cell_w * c;
        const bool present = c < values.size() && values[c].has_value();
        const double value = present ? values[c].value() : 0.0;
        const double t = present ? (value - scale.min) / (scale.max - scale.min) : 0;
        set_colour(cr_, present ? heat_colour(t) : kWhite);
        cairo_rectangle(cr_, cx, cy, cell_w, cell_h);
        cairo_fill(cr_);
        set_colour(cr_, kWhite);
        cairo_set_line_width(cr_, 1);
        cairo_rectangle(cr_, cx, cy, cell_w, cell_h);
        cairo_stroke(cr_);
        if (!present) {  // a missing score: an outlined empty cell
          set_colour(cr_, kGrid);
          cairo_set_line_width(cr_, 0.6);
          cairo_rectangle(cr_, cx + 1.2, cy + 1.2, cell_w - 2.4, cell_h - 2.4);
          cairo_stroke(cr_);
        }
        const std::string s =
            present ? doc::format_number(value, std::fabs(value - std::round(value)) < 1e-9 ? 0 : 1,
                                         lang_)
                    : "\u2013";
        auto l = text(s, value_style);
        const double lw = layout_width(l.get()), lh = layout_height(l.get());
        if (lw > cell_w - 1) continue;
        draw_layout(cr_, l.get(), cx + (cell_w - lw) / 2, cy + (cell_h - lh) / 2,
                    !present  ? kMuted
                    : t > 0.5 ? kWhite
                              : kInk);
      }
    }
    // Key: one swatch per scale step.
    const double key_y = grid_top + cell_h * rows + 8;
    double kx = gx;
    if (!spec_.y_axis.title.empty()) {
      auto t = text(spec_.y_axis.title, title_, w_ * 0.4, 1);
      draw_layout(cr_, t.get(), kx, key_y, kInk);
      kx += layout_width(t.get()) + 8;
    }
    for (double v : scale.values) {
      const double t = (v - scale.min) / (scale.max - scale.min);
      set_colour(cr_, heat_colour(t));
      cairo_rectangle(cr_, kx, key_y + 1, 14, 9);
      cairo_fill(cr_);
      auto l =
          text(tick_label(v, Axis{"", scale.min, scale.max, scale.step, false}, lang_), label_);
      draw_layout(cr_, l.get(), kx + 17, key_y, kMuted);
      kx += 17 + layout_width(l.get()) + 8;
    }
  }

  // x/y points with their labels beside them.
  void draw_scatter() {
    double top = y_ + draw_legend(y_);
    if (!spec_.y_axis.title.empty()) {
      auto t = text(spec_.y_axis.title, title_, w_, 1);
      draw_layout(cr_, t.get(), x_, top, kInk);
      top += layout_height(t.get()) + 4;
    }
    const Ticks yt = ticks_of(spec_.y_axis), xt = ticks_of(spec_.x_axis);
    double tick_w = 0;
    auto y_labels = tick_layouts(yt, spec_.y_axis, &tick_w);
    double unused = 0;
    auto x_labels = tick_layouts(xt, spec_.x_axis, &unused);
    const double px = x_ + tick_w + 6;
    const double pw = std::max(10.0, x_ + w_ - px - 8);
    double bottom = y_ + h_;
    LayoutPtr x_title;
    if (!spec_.x_axis.title.empty()) {
      x_title = text(spec_.x_axis.title, title_, pw, 1);
      bottom -= layout_height(x_title.get()) + 3;
    }
    const double xl_h = x_labels.empty() ? 0 : layout_height(x_labels[0].get());
    const double py = top + 5;
    const double ph = std::max(10.0, bottom - xl_h - 6 - py);
    draw_y_axis(yt, spec_.y_axis, px, py, pw, ph, y_labels);
    auto x_of = [&](double v) { return px + (v - xt.min) / (xt.max - xt.min) * pw; };
    auto y_of = [&](double v) { return py + ph - (v - yt.min) / (yt.max - yt.min) * ph; };
    for (size_t i = 0; i < xt.values.size(); ++i) {
      const double xx = x_of(xt.values[i]);
      set_colour(cr_, i == 0 ? kAxisLine : kGrid);
      cairo_set_line_width(cr_, i == 0 ? 0.8 : 0.5);
      cairo_move_to(cr_, xx, py);
      cairo_line_to(cr_, xx, py + ph);
      cairo_stroke(cr_);
      PangoLayout* l = x_labels[i].get();
      draw_layout(cr_, l, xx - layout_width(l) / 2, py + ph + 4, kMuted);
    }
    if (x_title)
      draw_layout(cr_, x_title.get(), px + (pw - layout_width(x_title.get())) / 2, bottom + 3 - 0,
                  kInk);
    TextStyle point_style = label_;
    point_style.colour = kInk;
    struct Box {
      double x0, y0, x1, y1;
      bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    };
    struct Point {
      double x, y;
      size_t series;
      LayoutPtr label;
    };
    std::vector<Point> points;
    std::vector<Box> taken;  // markers and labels already placed
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
    // Each label goes to the first free place around its point: right, left, above, below.
    for (const Point& p : points) {
      if (!p.label) continue;
      const double lw = layout_width(p.label.get()), lh = layout_height(p.label.get());
      const double candidates[][2] = {{p.x + 6, p.y - lh / 2},      {p.x - 6 - lw, p.y - lh / 2},
                                      {p.x - lw / 2, p.y - 5 - lh}, {p.x - lw / 2, p.y + 5},
                                      {p.x + 5, p.y - 3 - lh},      {p.x + 5, p.y + 3}};
      std::optional<Box> chosen;
      for (const auto& c : candidates) {
        const Box b{c[0], c[1], c[0] + lw, c[1] + lh};
        if (b.x0 < px || b.x1 > px + pw || b.y0 < py - 4 || b.y1 > py + ph) continue;
        bool free = true;
        for (const Box& t : taken) free = free && !b.overlaps(t);
        if (free) {
          chosen = b;
          break;
        }
      }
      if (!chosen) {  // crowded: right of the point (left near the edge), overlap accepted
        const double lx = p.x + 6 + lw > px + pw ? p.x - 6 - lw : p.x + 6;
        chosen = Box{lx, p.y - lh / 2, lx + lw, p.y + lh / 2};
      }
      taken.push_back(*chosen);
      draw_layout(cr_, p.label.get(), chosen->x0, chosen->y0, kInk);
    }
    draw_benchmarks(px, pw, y_of, yt);
  }

  cairo_t* cr_;
  PangoContext* text_;
  const ChartSpec spec_;
  Lang lang_;
  double x_, y_, w_, h_;
  TextStyle label_, title_;
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// `s` with `insert` added after every occurrence of any of `markers`, in one pass (replacing
// in place, marker by marker, moved the rest of the document once per id).
std::string insert_after_all(const std::string& s, std::initializer_list<std::string_view> markers,
                             const std::string& insert) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  // The next occurrence of each marker, looked up again only once passed.
  std::vector<std::pair<std::string_view, size_t>> next;
  for (std::string_view m : markers) next.emplace_back(m, s.find(m));
  size_t at = 0;
  while (true) {
    auto first = std::min_element(next.begin(), next.end(),
                                  [](const auto& a, const auto& b) { return a.second < b.second; });
    if (first == next.end() || first->second == std::string::npos) break;
    const size_t end = first->second + first->first.size();
    out.append(s, at, end - at);
    out += insert;
    at = end;
    for (auto& [marker, position] : next)
      if (position != std::string::npos && position < at) position = s.find(marker, at);
  }
  out.append(s, at, std::string::npos);
  return out;
}

}  // namespace

void draw_chart(cairo_t* cr, PangoContext* text, const doc::ChartSpec& spec, double x, double y,
                double width, double height, Lang lang) {
  ChartPainter(cr, text, spec, lang, x, y, width, height).draw();
}

void draw_chart(cairo_t* cr, const doc::ChartSpec& spec, double x, double y, double width,
                double height, Lang lang, const std::filesystem::path& fonts_dir) {
  ContextPtr text = bundled_text_context(cr, fonts_dir.empty() ? fonts_dir_of({}) : fonts_dir);
  draw_chart(cr, text.get(), spec, x, y, width, height, lang);
}

double chart_preferred_height(const doc::ChartSpec& spec, double width) {
  if (spec.kind == ChartKind::Heatmap) {
    double longest = 0;
    for (const auto& c : spec.categories) longest = std::max<double>(longest, c.size());
    const double slot = (width * 0.75) / std::max<size_t>(1, spec.categories.size());
    const double label_h = longest * 4.2 <= slot ? 14 : std::min(70.0, longest * 4.2 * 0.75 + 10);
    return label_h + 8 + 18.0 * spec.series.size() + 30;
  }
  return std::clamp(width * 0.5, 160.0, 300.0);
}

std::string chart_svg(const doc::ChartSpec& spec, double width, double height, Lang lang,
                      const std::filesystem::path& fonts_dir) {
  std::string svg;
  svg.reserve(128 * 1024);  // a chart with its glyph outlines is about 100 kB
  cairo_surface_t* surface =
      cairo_svg_surface_create_for_stream(append_to_string, &svg, width, height);
  cairo_t* cr = cairo_create(surface);
  try {
    draw_chart(cr, spec, 0, 0, width, height, lang, fonts_dir);
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS)
    throw RenderError("chart \"" + spec.title + "\": " +
                      cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished));

  if (svg.compare(0, 5, "<?xml") == 0) svg.erase(0, svg.find('\n') + 1);
  // cairo names groups after a process-wide surface counter ("surface6"): renumber them in
  // order of appearance so the same chart gives the same bytes whatever was drawn before.
  {
    std::map<std::string, std::string> renamed;
    std::string out;
    out.reserve(svg.size());
    static const std::string word = "surface";
    size_t last = 0;
    for (size_t at = svg.find(word); at != std::string::npos; at = svg.find(word, at)) {
      size_t end = at + word.size();
      while (end < svg.size() && svg[end] >= '0' && svg[end] <= '9') ++end;
      if (end == at + word.size()) {  // "surface" without a number: not an id
        at = end;
        continue;
      }
      out.append(svg, last, at - last);
      auto [entry, added] =
          renamed.emplace(svg.substr(at + word.size(), end - at - word.size()), "");
      if (added) entry->second = word + std::to_string(renamed.size());
      out += entry->second;
      last = at = end;
    }
    out.append(svg, last, std::string::npos);
    svg = std::move(out);
  }
  // FNV-1a of the content: the same chart gets the same prefix, different charts differ.
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : svg) hash = (hash ^ c) * 1099511628211ull;
  char prefix[24];
  std::snprintf(prefix, sizeof prefix, "c%08x-", static_cast<unsigned>(hash & 0xffffffffu));
  return insert_after_all(svg, {"id=\"", "href=\"#", "url(#"}, prefix);
}

}  // namespace ips::render
