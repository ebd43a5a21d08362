// Where a reader stores the cells of one sheet, within the limits every reader obeys: rows per
// sheet, columns per row, cells per workbook and expanded cell bytes per file.
#pragma once

#include <cstddef>

#include "ingest/raw_workbook.h"

namespace ips {

/// What one parse of a workbook may store, and what it has stored so far (shared by its sheets).
struct CellBudget {
  size_t max_rows_per_sheet = 0;
  size_t max_cells = 0;
  size_t max_cell_bytes = 0;
  size_t cells_stored = 0;
  size_t bytes_stored = 0;
  bool over_budget = false;  // max_cell_bytes ran out: the file is refused
};

/// The cells of one RawSheet, placed by 0-based row and column.
class SheetCells {
 public:
  SheetCells(RawSheet& sheet, CellBudget& budget) : sheet_(sheet), budget_(budget) {}

  /// Counts `text_bytes` more against the file's budget of expanded cell bytes; false (and the
  /// file marked for refusal) once it is spent, so nothing more is stored.
  bool charge(size_t text_bytes);
  /// The cell at (row, column), made on first use; null (and the sheet flagged) past a limit.
  RawCell* cell(long long row, long long column);
  /// Stores `value` at (row, column) after charging its text.
  void put(long long row, long long column, RawCell value);
  RawSheet& sheet() { return sheet_; }

 private:
  RawSheet& sheet_;
  CellBudget& budget_;
  size_t last_row_ = static_cast<size_t>(-1);  // the row stored into last
};

}  // namespace ips
