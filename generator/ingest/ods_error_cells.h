// The formula errors of an ods file, which liborcus 0.17 hands to the import interface as
// formula cells with an empty result: LibreOffice saves such a cell as
//   <table:table-cell table:formula="of:=1/0" office:value-type="string"
//                     office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p>
// so only calcext:value-type="error" and the shown text tell it from a formula giving "".
// They are read from content.xml here, so the tables can name them (formula_error.h).
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace ips {

/// Receives one row's run of error cells: the sheet's name as content.xml spells it, the
/// 0-based row, first column and number of columns (a repeated cell), and the error as shown
/// ("#DIV/0!", "Err:502"). Returns false when the row lies beyond what was read, which ends
/// that cell's row repeats.
using OdsErrorCellSink = std::function<bool(std::string_view sheet, size_t row, size_t column,
                                            size_t columns, std::string_view text)>;

/// Reads content.xml of the ods package in `bytes` and hands each cell LibreOffice marked as a
/// formula error to `sink`. Throws std::runtime_error when content.xml cannot be parsed.
void read_ods_error_cells(std::string_view bytes, const OdsErrorCellSink& sink);

}  // namespace ips
