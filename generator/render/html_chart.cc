#include "render/html_chart.h"

#include <algorithm>
#include <cmath>

#include "render/chart.h"
#include "render/fonts.h"
#include "render/html_data.h"
#include "render/html_heatmap.h"
#include "render/html_view.h"
#include "render/svg_canvas.h"
#include "report/value_format.h"

namespace ips::render {

namespace {

namespace mstch = kainjow::mustache;
using doc::Value;

// The fewest decimals that show every value on one axis exactly, at most 2 (1 for
// percentages, as in the report's tables). `x_axis` picks the scatter x values.
int decimals_for(const doc::ChartSpec& spec, bool x_axis = false) {
  const bool percent = x_axis ? spec.x_axis.percent : spec.y_axis.percent;
  const int most = percent ? 1 : 2;
  int decimals = 0;
  auto widen = [&](const std::optional<double>& v) {
    if (!v) return;
    const double scaled = percent ? *v * 100.0 : *v;
    while (decimals < most) {
      const double p = std::pow(10.0, decimals);
      if (std::fabs(scaled * p - std::round(scaled * p)) < 1e-6) break;
      ++decimals;
    }
  };
  for (const auto& s : spec.series)
    for (const auto& v : x_axis ? s.x : s.values) widen(v);
  return decimals;
}

Value chart_value(const std::optional<double>& v, bool percent, int decimals) {
  if (!v || !std::isfinite(*v)) return Value::empty();
  return percent ? Value::rate(*v, decimals) : Value::number_of(*v, decimals);
}

doc::Column text_column(const std::string& header) {
  return {header, doc::Align::Left, 1};
}
doc::Column number_column(const std::string& header) {
  return {header, doc::Align::Right, 1};
}

// The width the engine lays a chart out at before its text sizes are known (points).
constexpr double kNominalWidth = 640;
// The phone drawing's height as a multiple of its width, at least.
constexpr double kNarrowAspect = 1.3;

struct SvgDrawing {
  std::string svg;
  double smallest_text = 0;  // points; infinity when the chart has no text
};

// The chart as SVG at `width` points, and the smallest text in it. Text is measured on a cairo
// context like the PDF's, so both set the same lines; nothing is drawn on it.
SvgDrawing draw_svg(const doc::ChartSpec& spec, double width, double height, Lang lang,
                    const std::filesystem::path& fonts_dir) {
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* cr = cairo_create(surface);
  SvgDrawing drawing;
  try {
    ContextPtr text = bundled_text_context(cr, fonts_dir);
    SvgCanvas canvas(width, height);
    draw_chart(canvas, text.get(), spec, 0, 0, width, height, lang);
    drawing.smallest_text = canvas.smallest_text_size();
    drawing.svg = canvas.finish();
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return drawing;
}

}  // namespace

ChartMarkup chart_markup(const doc::ChartSpec& spec, Lang lang,
                         const std::filesystem::path& resources_dir) {
  const std::filesystem::path fonts_dir = fonts_dir_of(resources_dir);
  // Drawn once at a nominal width to learn the smallest text the engine sets; then again at
  // the widths that show that text at 12 CSS px when the drawing is kChartWideMinPx (or
  // kChartNarrowMinPx) wide: an SVG scales its text with it, and the page never shows it
  // narrower than that (it scrolls in its box instead, as a table does).
  const SvgDrawing probe =
      draw_svg(spec, kNominalWidth, chart_preferred_height(spec, kNominalWidth), lang, fonts_dir);
  if (probe.svg.empty() || !std::isfinite(probe.smallest_text)) return {probe.svg, ""};
  auto width_for = [&](double shown_px) {
    return probe.smallest_text * shown_px / kChartMinTextPx;
  };
  const double wide = width_for(kChartWideMinPx), narrow = width_for(kChartNarrowMinPx);
  // The phone drawing is taller than wide: at its width the text takes a far larger share of
  // the chart (a legend of six series wraps to four rows), and a plot of the desktop's shape
  // would be squashed under it, its axis labels on top of each other.
  return {
      draw_svg(spec, wide, chart_preferred_height(spec, wide), lang, fonts_dir).svg,
      draw_svg(spec, narrow, std::max(chart_preferred_height(spec, narrow), narrow * kNarrowAspect),
               lang, fonts_dir)
          .svg};
}

doc::Table chart_data_table(const doc::ChartSpec& spec, const std::string& caption) {
  doc::Table table;
  table.caption = caption;
  const int decimals = decimals_for(spec);
  const int x_decimals = decimals_for(spec, true);
  const bool percent = spec.y_axis.percent;

  if (spec.kind == doc::ChartKind::Scatter) {
    table.columns = {text_column(""), number_column(spec.x_axis.title),
                     number_column(spec.y_axis.title)};
    const bool x_percent = spec.x_axis.percent;
    for (const auto& s : spec.series) {
      for (size_t i = 0; i < s.values.size(); ++i) {
        doc::Row row;
        std::string label = i < s.point_labels.size() ? s.point_labels[i] : s.name;
        row.cells.push_back(Value::of_text(std::move(label)));
        row.cells.push_back(
            chart_value(i < s.x.size() ? s.x[i] : std::nullopt, x_percent, x_decimals));
        row.cells.push_back(chart_value(s.values[i], percent, decimals));
        table.rows.push_back(std::move(row));
      }
    }
    return table;
  }

  if (spec.kind == doc::ChartKind::Heatmap) {
    table.columns.push_back(text_column(spec.y_axis.title));
    for (const auto& c : spec.categories) table.columns.push_back(number_column(c));
    for (const auto& s : spec.series) {
      doc::Row row;
      row.cells.push_back(Value::of_text(s.name));
      for (size_t i = 0; i < spec.categories.size(); ++i)
        row.cells.push_back(
            chart_value(i < s.values.size() ? s.values[i] : std::nullopt, percent, decimals));
      table.rows.push_back(std::move(row));
    }
    return table;
  }

  table.columns.push_back(text_column(spec.x_axis.title));
  for (const auto& s : spec.series) table.columns.push_back(number_column(s.name));
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    doc::Row row;
    row.cells.push_back(Value::of_text(spec.categories[i]));
    for (size_t k = 0; k < spec.series.size(); ++k) {
      const auto& s = spec.series[k];
      Value v = chart_value(i < s.values.size() ? s.values[i] : std::nullopt, percent, decimals);
      // The error bar's interval after its rate, "40,0 % (21,9–61,3)", as the tables show it. A
      // series with intervals has one for every shown rate unless disclosure control withheld
      // it (the chart then draws no bar): "40,0 % (–)".
      if (percent && v.type == doc::ValueType::Rate && k < spec.intervals.size()) {
        const auto& intervals = spec.intervals[k];
        const bool any = std::any_of(intervals.begin(), intervals.end(),
                                     [](const auto& x) { return x.has_value(); });
        if (i < intervals.size() && intervals[i])
          v.interval = intervals[i];
        else if (any)
          v.interval_withheld = true;
      }
      row.cells.push_back(std::move(v));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

mstch::data html_chart_view(const doc::ChartSpec& spec, const std::string& id,
                            const doc::Report& report, const std::filesystem::path& resources_dir) {
  const Lang lang = report.meta.lang;
  mstch::data view = view_object();
  put(view, "chart_id", id);
  put(view, "chart_title", spec.title);
  put(view, "alt_text", spec.alt_text);
  put(view, "data_label", report.words.chart_data);
  const bool heatmap = spec.kind == doc::ChartKind::Heatmap;
  put(view, "is_heatmap", heatmap);
  if (heatmap) {
    // Drawn as a table with coloured cells (render/html_heatmap.h): figure and data at once.
    const doc::Table table = chart_data_table(spec, spec.title);
    const TableColouring colouring = heat_colouring(table, spec, lang);
    put(view, "heat_table", html_table_view(table, id + "-data", report, &colouring));
    put(view, "has_svg", false);
    put(view, "svg", "");
    put(view, "has_narrow_svg", false);
    put(view, "svg_narrow", "");
    put(view, "data_table", false);
  } else {
    const ChartMarkup svg = chart_markup(spec, lang, resources_dir);
    put(view, "has_svg", !svg.wide.empty());
    put(view, "svg", svg.wide);
    put(view, "has_narrow_svg", !svg.narrow.empty());
    put(view, "svg_narrow", svg.narrow);
    put(view, "wide_min_px", std::to_string(static_cast<int>(kChartWideMinPx)));
    put(view, "narrow_min_px", std::to_string(static_cast<int>(kChartNarrowMinPx)));
    put(view, "data_table",
        html_table_view(chart_data_table(spec, spec.title), id + "-data", report));
    put(view, "heat_table", false);
  }

  mstch::data benchmarks = view_list();
  const int decimals = decimals_for(spec);
  for (const auto& b : spec.benchmarks) {
    mstch::data item = view_object();
    put(item, "benchmark_label", b.label);
    put(item, "benchmark_value",
        doc::format_value(chart_value(b.value, spec.y_axis.percent, decimals), lang));
    append(benchmarks, std::move(item));
  }
  put(view, "has_benchmarks", !benchmarks.list_value().empty());
  put(view, "benchmarks", std::move(benchmarks));
  return view;
}

}  // namespace ips::render
