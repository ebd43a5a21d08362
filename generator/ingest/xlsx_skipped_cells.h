// The xlsx cells whose values liborcus 0.17 never hands to the import interface, read from the
// worksheet XML so that they arrive like every other cell instead of vanishing.
//
// liborcus 0.17's sheet reader only passes on a cell value found in <v> of a shared-string,
// number or boolean cell (or a formula's cached result). It skips, with a debug warning only:
//   <c t="inlineStr"><is><t>text</t></is></c>   text stored in the cell (libxlsxwriter's
//                                                constant-memory mode, openpyxl-style and many
//                                                web exporters, our own template test script)
//   <c t="inlineStr"><v>text</v></c>             the same, written loosely
//   <c t="str"><v>text</v></c>                   a text value without a formula
//   <c t="d"><v>2013-01-07T00:00:00</v></c>      an ISO 8601 date cell
//   <c t="e"><f>…</f><v>#N/A</v></c>            a formula error (liborcus: an empty formula
//   <c t="e"><v>#N/A</v></c>                     result, or nothing at all without <f>)
// Such a cell would reach the tables as empty: a silent data drop. An error cell is handed on
// as an Error cell with its text, which the tables read as empty (an unfilled template row of
// formulas showing #N/A stays an empty row) but name in a row with data.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/raw_workbook.h"

namespace ips {

/// Receives one recovered cell: the sheet's name as workbook.xml spells it, the 0-based row
/// and column, and the value (Text; a Number marked is_date for a t="d" date; Error for t="e").
using SkippedCellSink =
    std::function<void(std::string_view sheet, size_t row, size_t column, RawCell cell)>;

/// A worksheet as the workbook lists it: its name as workbook.xml spells it, and its zip entry.
struct WorksheetPart {
  std::string name;
  std::string part;  // "xl/worksheets/sheet1.xml"
};

/// The worksheets of the xlsx package in `bytes` that liborcus can reach, in workbook order.
std::vector<WorksheetPart> xlsx_worksheet_parts(std::string_view bytes);

/// Reads every worksheet of the xlsx package in `bytes` and hands each cell liborcus 0.17 skips
/// to `sink`. Throws std::runtime_error naming the sheet and its part when a worksheet that the
/// workbook lists cannot be parsed (the caller reports the file as damaged, never as empty).
void read_skipped_xlsx_cells(std::string_view bytes, const SkippedCellSink& sink);

}  // namespace ips
