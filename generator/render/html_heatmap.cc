#include "render/html_heatmap.h"

#include <cmath>

#include "render/heat_scale.h"

namespace ips::render {

namespace {

// The colour class of one cell: numbers by their value, empty cells as not scored, text and
// withheld values plain.
std::string heat_class(const doc::Value& v, const HeatScale& scale) {
  if (v.suppressed()) return "";
  switch (v.type) {
    case doc::ValueType::Empty:
      return "heat-none";
    case doc::ValueType::Score:
    case doc::ValueType::Number:
    case doc::ValueType::Count:
      return std::isfinite(v.number) ? "heat-" + std::to_string(heat_step(scale.position(v.number)))
                                     : "heat-none";
    default:
      return "";
  }
}

}  // namespace

TableColouring heat_colouring(const doc::Table& table, const doc::ChartSpec& chart, Lang lang) {
  const HeatScale scale = HeatScale::of(chart);
  TableColouring colouring;
  const size_t columns = table.columns.size();
  for (const auto& row : table.rows) {
    std::vector<std::string> classes(std::max(columns, row.cells.size()));
    for (size_t c = 1; c < classes.size(); ++c)  // column 0 is the row's name
      classes[c] = c < row.cells.size() ? heat_class(row.cells[c], scale) : "heat-none";
    colouring.cell_classes.push_back(std::move(classes));
  }
  colouring.key_label = chart.y_axis.title;
  for (double v : scale.steps())
    colouring.key.emplace_back("heat-" + std::to_string(heat_step(scale.position(v))),
                               scale.label(v, lang));
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
