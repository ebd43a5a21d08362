// Typed cells for the XLSX renderer: one cached lxw_format per distinct look, and values
// written as real numbers, dates and strings (never formulas from input text).
#pragma once

#include <compare>
#include <map>
#include <string>
#include <utility>

#include <xlsxwriter.h>

#include "report/document.h"

namespace ips::render {

/// Throws RenderError "XLSX <where>: <libxlsxwriter's reason>" unless `error` is LXW_NO_ERROR.
void check_lxw(lxw_error error, const std::string& where);

/// How a cell looks apart from its number format.
struct CellStyle {
  bool bold = false;
  bool italic = false;
  bool wrap = false;
  uint8_t align = LXW_ALIGN_NONE;
  double font_size = 0;   // 0 = workbook default
  lxw_color_t color = 0;  // 0 = automatic
  lxw_color_t fill = 0;   // 0 = none
  bool rule_below = false;
  bool rule_above = false;
  uint8_t indent = 0;
  bool underline = false;

  auto operator<=>(const CellStyle&) const = default;  // the format cache's key
};

class CellFormats {
 public:
  explicit CellFormats(lxw_workbook* workbook) : workbook_(workbook) {}
  /// The workbook format for a style and number format ("" = General), created once.
  lxw_format* get(const CellStyle& style, const std::string& number_format = "");

 private:
  lxw_workbook* workbook_;
  // Compared field by field: a lookup per cell, so no key text is built for it.
  std::map<std::pair<CellStyle, std::string>, lxw_format*> cache_;
};

/// The Excel number format that shows a value like format_value does ("0.0%", "+0;-0;0", ...).
std::string number_format_for(const doc::Value& value, Lang lang);

/// Writes one value as a typed cell: numbers and dates as numbers with a format, text with
/// worksheet_write_string, suppressed values as their marker text only. `where` names the cell
/// for error messages. Returns the width in characters the value needs.
size_t write_value(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const doc::Value& value,
                   CellStyle style, CellFormats& formats, Lang lang, const std::string& where);

/// Writes text as a string cell (text starting with = + - @ stays text). Returns its width.
size_t write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text,
                  lxw_format* format, const std::string& where);

/// Characters in a UTF-8 string, roughly the column width it needs.
size_t display_width(const std::string& text);

/// "A", "B", ..., "AA" for a zero-based column.
std::string column_letters(lxw_col_t col);

}  // namespace ips::render
