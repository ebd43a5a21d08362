// The formula errors of an ods file, which liborcus 0.17 hands to the import interface as
// formula cells with an empty result: LibreOffice saves such a cell as
//   <table:table-cell table:formula="of:=1/0" office:value-type="string"
//                     office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p>
// so only calcext:value-type="error" and the shown text tell it from a formula giving "".
// They are read from content.xml here, so the tables can name them (formula_error.h).
//
// The same walk finds what liborcus 0.17 drops without a word: a time-of-day cell
// (office:value-type="time", which its cell handler skips), and every copy after the first of
// a row stored once with table:number-rows-repeated="N" (it places the row's cells in the
// first row only, yet counts all N rows, so the copies arrived as empty rows).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ips {

/// Receives one row's run of error cells: the sheet's name as content.xml spells it, the
/// 0-based row, first column and number of columns (a repeated cell), and the error as shown
/// ("#DIV/0!", "Err:502"). Returns false when the row lies beyond what was read, which ends
/// that cell's row repeats.
using OdsErrorCellSink = std::function<bool(std::string_view sheet, size_t row, size_t column,
                                            size_t columns, std::string_view text)>;

/// A run of time-of-day cells in one row: its text as shown ("08:30"), or the stored time
/// ("08:30:00") when the cell shows none.
struct OdsTimeCell {
  std::string sheet;
  size_t row = 0, column = 0, columns = 1;
  std::string text;
};

/// A table row stored once for `count` rows (table:number-rows-repeated), from 0-based `row`.
struct OdsRepeatedRow {
  std::string sheet;
  size_t row = 0, count = 1;
};

/// What liborcus 0.17 drops from an ods content.xml, in document order.
struct OdsDroppedCells {
  std::vector<OdsTimeCell> times;
  std::vector<OdsRepeatedRow> repeated_rows;
};

/// Reads content.xml of the ods package in `bytes`, hands each cell LibreOffice marked as a
/// formula error to `sink`, and returns the time cells and repeated rows. Throws
/// std::runtime_error when content.xml cannot be parsed.
OdsDroppedCells read_ods_error_and_dropped_cells(std::string_view bytes,
                                                 const OdsErrorCellSink& sink);

}  // namespace ips
