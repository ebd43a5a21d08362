// Reads an xlsx package into a RawWorkbook in one pass over each part: every worksheet is
// inflated once (through libzip, length and CRC checked) and read once by liborcus' SAX parser.
//
// liborcus 0.17's import interface (orcus_xlsx) never hands on some cells, which then had to be
// found in a second look at every worksheet; reading the sheet XML here takes every kind of
// cell in the same pass:
//   <c t="s"><v>3</v></c>                        a shared string (xl/sharedStrings.xml)
//   <c><v>34</v></c>, <c t="n">…                 a number; a value that is no number stays text
//   <c t="b"><v>1</v></c>                        a boolean
//   <c t="inlineStr"><is><t>text</t></is></c>   text stored in the cell (libxlsxwriter's
//   <c t="inlineStr"><v>text</v></c>             constant-memory mode, openpyxl-style and many
//                                                web exporters), also written loosely
//   <c t="str"><v>text</v></c>                   a text value, with or without a formula
//   <c t="d"><v>2013-01-07T00:00:00</v></c>      an ISO 8601 date cell (text when it is none)
//   <c t="e"><f>…</f><v>#N/A</v></c>            a formula error, with or without <f>: an Error
//                                                cell with its text, which the tables read as
//                                                empty but name in a row with data
//   <c><f>…</f><v>4</v></c>                      a formula's cached result (never recalculated)
// A relationship target may be relative to the part that names it or absolute from the
// package root (openpyxl, the Open XML SDK); both are followed.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/raw_workbook.h"
#include "ingest/sheet_cells.h"

namespace ips {

/// A worksheet as the workbook lists it: its name as workbook.xml spells it, and its zip entry.
struct WorksheetPart {
  std::string name;
  std::string part;  // "xl/worksheets/sheet1.xml"
};

/// The worksheets of the xlsx package in `bytes` that have a part, in workbook order.
std::vector<WorksheetPart> xlsx_worksheet_parts(std::string_view bytes);

/// Reads the xlsx package in `bytes` into `book` (which keeps its format), within `budget`:
/// every sheet the workbook lists, in its order, named and marked hidden as it says; the cells
/// of every worksheet except those whose part is in `not_read` (left empty: another reader
/// takes them, xlsx_sheet_split.h). Every entry of the package but those in `not_read` is
/// inflated and checked. Throws std::runtime_error on a damaged package or part, naming the
/// entry, or the sheet and its part.
void read_xlsx_package(std::string_view bytes, const std::set<std::string>& not_read,
                       CellBudget& budget, RawWorkbook& book);

}  // namespace ips
