#include "ingest/ods_error_cells.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/text_normalize.h"
#include "ingest/zip_package.h"

namespace ips {

namespace {

// A repeat count ("3" in table:number-rows-repeated="3"); 1 when absent or unreadable, and at
// most 2^24 (an ods sheet has 1048576 rows, 16384 columns) so positions cannot overflow.
size_t repeat_count(std::string_view text) {
  size_t n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n == 0) return 1;
  return std::min<size_t>(n, size_t{1} << 24);
}

// Walks the tables of content.xml as liborcus places cells: each table-row (also inside header
// rows and row groups) advances the row by its repeat count, each table-cell or
// covered-table-cell the column by its own. Prefixes are matched as LibreOffice writes them.
class ContentScanner : public orcus::sax_handler {
 public:
  explicit ContentScanner(const OdsErrorCellSink& sink) : sink_(sink) {}
  OdsDroppedCells dropped;

  void attribute(const orcus::sax::parser_attribute& attr) {
    if (attr.ns == "table" && attr.name == "name") name_attr_ = std::string(attr.value);
    if (attr.ns == "table" && attr.name == "number-rows-repeated")
      rows_attr_ = std::string(attr.value);
    if (attr.ns == "table" && attr.name == "number-columns-repeated")
      cols_attr_ = std::string(attr.value);
    if (attr.ns == "calcext" && attr.name == "value-type") error_attr_ = attr.value == "error";
    if (attr.ns == "office" && attr.name == "value-type") time_attr_ = attr.value == "time";
    if (attr.ns == "office" && attr.name == "time-value")
      time_value_attr_ = std::string(attr.value);
  }
  void start_element(const orcus::sax::parser_element& elem) {
    const std::string_view name = elem.name;
    if (cell_depth_ > 0) {
      ++cell_depth_;  // anything inside a cell: its text, or a comment (office:annotation)
      if (elem.ns == "office" && name == "annotation") annotation_depth_ = cell_depth_;
      if (elem.ns == "text" && name == "p" && annotation_depth_ == 0 && (in_error_ || in_time_)) {
        if (!text_.empty()) text_ += '\n';
        in_paragraph_ = true;
      }
    } else if (elem.ns == "table" && name == "table") {
      sheet_ = repair_utf8(name_attr_);
      row_ = 0;
      next_row_ = 0;
    } else if (elem.ns == "table" && name == "table-row") {
      row_ = next_row_;
      row_repeat_ = repeat_count(rows_attr_);
      next_row_ = row_ + row_repeat_;
      column_ = 0;
      if (row_repeat_ > 1) dropped.repeated_rows.push_back({sheet_, row_, row_repeat_});
    } else if (elem.ns == "table" && (name == "table-cell" || name == "covered-table-cell")) {
      cell_depth_ = 1;
      annotation_depth_ = 0;
      column_repeat_ = repeat_count(cols_attr_);
      in_error_ = error_attr_ && name == "table-cell";
      in_time_ = time_attr_ && !error_attr_ && name == "table-cell";
      time_value_ = time_value_attr_;
      text_.clear();
    }
    clear_attrs();
  }
  void end_element(const orcus::sax::parser_element& elem) {
    if (cell_depth_ == 0) return;
    if (elem.ns == "text" && elem.name == "p") in_paragraph_ = false;
    if (annotation_depth_ == cell_depth_) annotation_depth_ = 0;
    if (--cell_depth_ > 0) return;
    if (in_error_) hand_on();
    if (in_time_) keep_time();
    column_ += column_repeat_;
    in_error_ = false;
    in_time_ = false;
  }
  void characters(std::string_view text, bool) {
    if (in_paragraph_ && annotation_depth_ == 0) text_ += text;
  }

 private:
  void clear_attrs() {
    name_attr_.clear();
    rows_attr_.clear();
    cols_attr_.clear();
    error_attr_ = false;
    time_attr_ = false;
    time_value_attr_.clear();
  }

  // A time cell as the user sees it; the stored duration ("PT08H30M00S") when it shows no text.
  void keep_time() {
    std::string text = repair_utf8(trim(text_));
    if (text.empty()) text = shown_duration(time_value_);
    if (text.empty()) return;
    dropped.times.push_back({sheet_, row_, column_, column_repeat_, std::move(text)});
  }

  // "PT08H30M00S" → "08:30:00"; the value itself when it has another shape.
  static std::string shown_duration(std::string_view v) {
    if (v.substr(0, 2) != "PT") return repair_utf8(v);
    std::string out;
    std::string number;
    for (const char c : v.substr(2)) {
      if ((c >= '0' && c <= '9') || c == '.' || c == ',') {
        number += c;
      } else if (c == 'H' || c == 'M' || c == 'S') {
        if (!out.empty()) out += ':';
        if (number.size() < 2) number.insert(0, 2 - number.size(), '0');
        out += number;
        number.clear();
      } else {
        return repair_utf8(v);
      }
    }
    return out;
  }

  // Every row the cell covers, until one lies beyond what was read: rows only ever advance, so
  // however large the repeat counts, the rows visited stay within the rows read.
  void hand_on() {
    const std::string text = repair_utf8(trim(text_));
    if (text.empty()) return;
    for (size_t r = row_; r < row_ + row_repeat_; ++r)
      if (!sink_(sheet_, r, column_, column_repeat_, text)) return;
  }

  const OdsErrorCellSink& sink_;
  std::string name_attr_, rows_attr_, cols_attr_;
  bool error_attr_ = false, time_attr_ = false;
  std::string time_value_attr_, time_value_;
  std::string sheet_;
  size_t row_ = 0, next_row_ = 0, row_repeat_ = 1, column_ = 0, column_repeat_ = 1;
  int cell_depth_ = 0, annotation_depth_ = 0;
  bool in_error_ = false, in_time_ = false, in_paragraph_ = false;
  std::string text_;
};

}  // namespace

OdsDroppedCells read_ods_error_and_dropped_cells(std::string_view bytes,
                                                 const OdsErrorCellSink& sink) {
  const auto xml = ZipPackage(bytes).read("content.xml");
  if (!xml) return {};  // liborcus read no cells either
  ContentScanner scanner(sink);
  try {
    parse_xml(*xml, scanner);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("content.xml: ") + e.what());
  }
  return std::move(scanner.dropped);
}

}  // namespace ips
