#include "render/xlsx_cells.h"

#include <cmath>

#include "render/renderer.h"
#include "report/value_format.h"

namespace ips::render {

namespace {

// Days from Excel's epoch (1899-12-30, with its 1900 leap-year quirk) to 1970-01-01.
constexpr double kExcelDaysAt1970 = 25569;
// Excel's limit for one cell's text.
constexpr size_t kMaxCellChars = 32767;

}  // namespace

void check_lxw(lxw_error error, const std::string& where) {
  if (error != LXW_NO_ERROR) throw RenderError("XLSX " + where + ": " + lxw_strerror(error));
}

lxw_format* CellFormats::get(const CellStyle& style, const std::string& number_format) {
  auto key = std::pair(style, number_format);  // short formats: no allocation
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  lxw_format* format = workbook_add_format(workbook_);
  if (!format) throw RenderError("XLSX: out of memory creating a cell format");
  if (style.bold) format_set_bold(format);
  if (style.italic) format_set_italic(format);
  if (style.wrap) {
    format_set_text_wrap(format);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  }
  if (style.align != LXW_ALIGN_NONE) format_set_align(format, style.align);
  if (style.font_size > 0) format_set_font_size(format, style.font_size);
  if (style.color) format_set_font_color(format, style.color);
  if (style.fill) {
    format_set_pattern(format, LXW_PATTERN_SOLID);
    format_set_bg_color(format, style.fill);
  }
  if (style.rule_below) format_set_bottom(format, LXW_BORDER_THIN);
  if (style.rule_above) format_set_top(format, LXW_BORDER_THIN);
  if (style.indent) format_set_indent(format, style.indent);
  if (style.underline) format_set_underline(format, LXW_UNDERLINE_SINGLE);
  if (!number_format.empty()) format_set_num_format(format, number_format.c_str());
  cache_.emplace(std::move(key), format);
  return format;
}

std::string number_format_for(const doc::Value& value, Lang lang) {
  return doc::spreadsheet_format(value, lang);  // one formatting module: report/value_format.h
}

size_t display_width(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string column_letters(lxw_col_t col) {
  std::string letters;
  unsigned n = static_cast<unsigned>(col) + 1;
  while (n > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return letters;
}

size_t write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text,
                  lxw_format* format, const std::string& where) {
  if (text.empty()) {
    if (format) check_lxw(worksheet_write_blank(sheet, row, col, format), where);
    return 0;
  }
  std::string cell = text;
  if (display_width(cell) > kMaxCellChars) {
    // Cut at a character boundary rather than fail a whole report on one huge comment.
    size_t chars = 0, i = 0;
    for (; i < cell.size(); ++i)
      if ((static_cast<unsigned char>(cell[i]) & 0xC0) != 0x80 && ++chars > kMaxCellChars - 1)
        break;
    cell = cell.substr(0, i) + "\u2026";
  }
  // Always a string cell: input text is data, never a formula, whatever it starts with.
  check_lxw(worksheet_write_string(sheet, row, col, cell.c_str(), format), where);
  return display_width(cell);
}

size_t write_value(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const doc::Value& value,
                   CellStyle style, CellFormats& formats, Lang lang, const std::string& where) {
  using doc::ValueType;
  if (value.emphasis) style.bold = true;
  if (value.suppressed()) {
    // Only the marker: the real figure never reaches the file.
    style.align = LXW_ALIGN_RIGHT;
    return write_text(sheet, row, col, doc::format_value(value, lang), formats.get(style), where);
  }
  if (value.type == ValueType::Text)
    return write_text(sheet, row, col, value.text, formats.get(style), where);
  if (value.type == ValueType::Empty || !std::isfinite(value.number)) {
    check_lxw(worksheet_write_blank(sheet, row, col, formats.get(style)), where);
    return 0;
  }
  const double number = value.type == ValueType::Date ? value.number + kExcelDaysAt1970
                                                      : doc::spreadsheet_number(value);
  lxw_format* format = formats.get(style, number_format_for(value, lang));
  check_lxw(worksheet_write_number(sheet, row, col, number, format), where);
  return display_width(doc::format_value(value, lang));
}

}  // namespace ips::render
