#include "ingest/sheet_cells.h"

#include <algorithm>

namespace ips {

bool SheetCells::charge(size_t text_bytes) {
  budget_.bytes_stored += text_bytes;
  if (budget_.bytes_stored <= budget_.max_cell_bytes) return true;
  budget_.over_budget = true;
  return false;
}

RawCell* SheetCells::cell(long long row, long long column) {
  if (row < 0 || column < 0) return nullptr;
  const auto r = static_cast<size_t>(row);
  const auto c = static_cast<size_t>(column);
  if (r >= budget_.max_rows_per_sheet) {
    sheet_.truncated = true;
    return nullptr;
  }
  if (c >= kMaxRawColumns) {
    sheet_.columns_cut = true;
    return nullptr;
  }
  auto& rows = sheet_.rows;
  if (rows.size() <= r) rows.resize(r + 1);
  RawRow& cells = rows[r];
  if (cells.size() <= c) {
    // Every stored cell counts against the workbook's budget: an ods row repeated a million
    // times with a value in it would otherwise fill memory from a few bytes of XML.
    const size_t added = c + 1 - cells.size();
    if (budget_.cells_stored + added > budget_.max_cells) {
      sheet_.cells_cut = true;
      return nullptr;
    }
    if (!charge(added * sizeof(RawCell))) return nullptr;
    budget_.cells_stored += added;
    // Rows of a table are about as wide as each other: one block for the row instead of a
    // block moved at every doubling (the strings inside moved with it).
    // (At most the previous row's width: capacity stays within what doubling would give.)
    if (cells.empty() && last_row_ < rows.size() && last_row_ != r)
      cells.reserve(std::max(rows[last_row_].size(), c + 1));
    cells.resize(c + 1);
  }
  last_row_ = r;
  return &cells[c];
}

void SheetCells::put(long long row, long long column, RawCell value) {
  if (!charge(value.text.size())) return;
  if (RawCell* c = cell(row, column)) *c = std::move(value);
}

}  // namespace ips
