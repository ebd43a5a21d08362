#include "render/table_columns.h"

#include <algorithm>
#include <numeric>

namespace ips::render {

namespace {

// Widths that start from `share` and meet every `need`, if the needs fit in `total`.
bool fit(const std::vector<double>& share, const std::vector<double>& need, double total,
         std::vector<double>& widths) {
  const double needed = std::accumulate(need.begin(), need.end(), 0.0);
  if (needed > total + 1e-6) return false;
  double deficit = 0, slack = 0;
  for (size_t c = 0; c < share.size(); ++c) {
    deficit += std::max(0.0, need[c] - share[c]);
    slack += std::max(0.0, share[c] - need[c]);
  }
  widths.resize(share.size());
  for (size_t c = 0; c < share.size(); ++c) {
    if (need[c] >= share[c])
      widths[c] = need[c];
    else  // gives up room in proportion to what it has to spare
      widths[c] = share[c] - (slack > 0 ? (share[c] - need[c]) * deficit / slack : 0);
  }
  return true;
}

}  // namespace

ColumnPlan plan_columns(const std::vector<ColumnNeed>& columns, double total) {
  ColumnPlan plan;
  const size_t n = columns.size();
  plan.upright.assign(n, false);
  if (n == 0) return plan;
  double weights = 0;
  for (const auto& c : columns) weights += c.weight > 0 ? c.weight : 1;
  std::vector<double> share(n), need(n);
  for (size_t c = 0; c < n; ++c) {
    share[c] = total * (columns[c].weight > 0 ? columns[c].weight : 1) / weights;
    need[c] = std::max(columns[c].header_word, columns[c].cell);
  }
  if (fit(share, need, total, plan.widths)) return plan;

  // Too many columns for their headers (25 item codes side by side): the headers that do not
  // fit their share stand upright, so the column only needs room for its values.
  std::vector<bool> upright(n, false);
  for (size_t c = 0; c < n; ++c) {
    const ColumnNeed& col = columns[c];
    if (col.header_word > share[c] && col.header_word > col.cell) {
      upright[c] = true;
      need[c] = std::max(col.cell, col.upright_text);
    }
  }
  if (fit(share, need, total, plan.widths)) {
    plan.upright = std::move(upright);
    return plan;
  }
  plan.widths = share;
  return plan;
}

}  // namespace ips::render
