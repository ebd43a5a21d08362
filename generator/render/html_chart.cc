#include "render/html_chart.h"

#include <cmath>
#include <map>
#include <regex>

#include "render/chart.h"
#include "render/html_view.h"
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

}  // namespace

std::string chart_markup(const doc::ChartSpec& spec, Lang lang,
                         const std::filesystem::path& resources_dir, const std::string& id_prefix) {
  // Drawn at a fixed width in points; the SVG scales to the page and the phone with CSS.
  constexpr double kWidth = 640;
  const std::string svg =
      chart_svg(spec, kWidth, chart_preferred_height(spec, kWidth), lang, resources_dir / "fonts");
  // cairo numbers its SVG surfaces with a process-wide counter ("surface11" in the second chart
  // drawn), and the engine's id prefix is a hash over that text: the same report rendered after
  // other charts, or on another thread, would differ. Ids are made from the figure's place in
  // the document instead, so the same document always gives the same bytes.
  static const std::regex engine_prefix(R"(id="(c[0-9a-f]{8}-))");
  std::smatch found;
  if (!std::regex_search(svg, found, engine_prefix)) return svg;
  const std::string prefix = found[1].str();
  std::string stable;
  stable.reserve(svg.size());
  for (size_t at = 0;;) {
    const size_t next = svg.find(prefix, at);
    stable.append(svg, at, next == std::string::npos ? std::string::npos : next - at);
    if (next == std::string::npos) break;
    stable += id_prefix + "-";
    at = next + prefix.size();
  }
  // Surfaces renumbered 1, 2, ... in order of appearance (distinct surfaces stay distinct).
  static const std::regex surface_number("surface([0-9]+)");
  std::map<std::string, int> renumbered;
  std::string out;
  out.reserve(stable.size());
  auto tail = stable.cbegin();
  for (std::sregex_iterator it(stable.begin(), stable.end(), surface_number), end; it != end;
       ++it) {
    out.append(tail, (*it)[0].first);
    const auto [entry, fresh] =
        renumbered.emplace((*it)[1].str(), static_cast<int>(renumbered.size()) + 1);
    out += "surface" + std::to_string(entry->second);
    tail = (*it)[0].second;
  }
  out.append(tail, stable.cend());
  return out;
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
    for (const auto& s : spec.series)
      row.cells.push_back(
          chart_value(i < s.values.size() ? s.values[i] : std::nullopt, percent, decimals));
    table.rows.push_back(std::move(row));
  }
  return table;
}

mstch::data html_chart_view(const doc::ChartSpec& spec, const std::string& id,
                            const doc::Report& report, const std::filesystem::path& resources_dir) {
  const Lang lang = report.meta.lang;
  mstch::data view{mstch::data::type::object};
  view.set("chart_id", id);
  view.set("chart_title", spec.title);
  view.set("alt_text", spec.alt_text);
  const std::string svg = chart_markup(spec, lang, resources_dir, id);
  view.set("has_svg", !svg.empty());
  view.set("svg", svg);
  view.set("data_label", report.words.chart_data);
  view.set("data_table", html_table_view(chart_data_table(spec, spec.title), id + "-data", report));

  mstch::list benchmarks;
  const int decimals = decimals_for(spec);
  for (const auto& b : spec.benchmarks) {
    mstch::data item{mstch::data::type::object};
    item.set("benchmark_label", b.label);
    item.set("benchmark_value",
             doc::format_value(chart_value(b.value, spec.y_axis.percent, decimals), lang));
    benchmarks.push_back(item);
  }
  view.set("has_benchmarks", !benchmarks.empty());
  view.set("benchmarks", benchmarks);
  return view;
}

}  // namespace ips::render
