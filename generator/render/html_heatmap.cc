#include "render/html_heatmap.h"

#include <cmath>

#include "render/heat_scale.h"
#include "report/value_format.h"

namespace ips::render {

TableColouring heat_colouring(const doc::Table& table, const doc::ChartSpec& chart, Lang lang) {
  const HeatScale scale = HeatScale::of(chart);
  TableColouring colouring;
  colouring.cell_classes = [&table, scale](size_t row, size_t column) -> std::string {
    if (column == 0 || row >= table.rows.size()) return "";
    const auto& cells = table.rows[row].cells;
    if (column >= cells.size()) return "heat-none";
    const doc::Value& v = cells[column];
    if (v.suppressed()) return "";
    switch (v.type) {
      case doc::ValueType::Empty:
        return "heat-none";
      case doc::ValueType::Score:
      case doc::ValueType::Number:
      case doc::ValueType::Count:
        return std::isfinite(v.number)
                   ? "heat-" + std::to_string(heat_step(scale.position(v.number)))
                   : "heat-none";
      default:
        return "";
    }
  };
  colouring.key_label = chart.y_axis.title;
  for (double v = scale.min; v <= scale.max + 1e-9; v += scale.step)
    colouring.key.emplace_back(
        "heat-" + std::to_string(heat_step(scale.position(v))),
        doc::format_number(v, std::fabs(v - std::round(v)) < 1e-9 ? 0 : 1, lang));
  return colouring;
}

const doc::Table* heatmap_source(const doc::ChartSpec& chart, const doc::Report& report) {
  if (chart.kind != doc::ChartKind::Heatmap || chart.source_table.empty()) return nullptr;
  for (const auto& section : report.sections)
    for (const auto& block : section.blocks)
      if (const auto* t = std::get_if<doc::Table>(&block); t && t->id == chart.source_table)
        return t;
  return nullptr;
}

}  // namespace ips::render
