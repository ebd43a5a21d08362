#include "ingest/xlsx_skipped_cells.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/text_normalize.h"
#include "ingest/zip_package.h"
#include "model/date.h"

namespace ips {

namespace {

// One XML element's attributes by local name; `prefixed_id` is a namespaced "id" (r:id).
struct Element {
  std::map<std::string, std::string, std::less<>> attrs;
  std::string prefixed_id;
  std::string get(std::string_view name) const {
    auto it = attrs.find(name);
    return it == attrs.end() ? std::string() : it->second;
  }
};

// Collects the attributes of every element with one local name (workbook.xml's <sheet>,
// a .rels file's <Relationship>), in document order.
class ElementCollector : public orcus::sax_handler {
 public:
  explicit ElementCollector(std::string_view name) : name_(name) {}
  std::vector<Element> found;

  void attribute(const orcus::sax::parser_attribute& attr) {
    if (attr.ns.empty())
      pending_.attrs.emplace(std::string(attr.name), std::string(attr.value));
    else if (attr.name == "id")
      pending_.prefixed_id = std::string(attr.value);
  }
  void start_element(const orcus::sax::parser_element& elem) {
    if (elem.name == name_) found.push_back(std::move(pending_));
    pending_ = Element{};
  }
  void end_element(const orcus::sax::parser_element&) { pending_ = Element{}; }

 private:
  std::string_view name_;
  Element pending_;
};

std::vector<Element> elements_named(const std::vector<unsigned char>& xml, std::string_view name) {
  ElementCollector collector(name);
  parse_xml(xml, collector);
  return collector.found;
}

// A relationship target as a zip entry name: "worksheets/sheet1.xml" is relative to the folder
// of the part that refers to it, "/xl/worksheets/sheet1.xml" to the package root.
std::string resolve_part(std::string_view from_folder, std::string_view target) {
  const std::string joined = !target.empty() && target[0] == '/'
                                 ? std::string(target.substr(1))
                                 : std::string(from_folder) + std::string(target);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    const std::string part = joined.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string folder_of(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos
             ? "_rels/" + part + ".rels"
             : part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

// An ISO 8601 date cell ("2013-01-07" or "2013-01-07T08:30:00") as a date serial; the text
// itself when it is no date, so the date column names it instead of losing it.
RawCell iso_date_cell(const std::string& text) {
  RawCell cell;
  int year = 0, hour = 0, minute = 0;
  unsigned month = 0, day = 0;
  double second = 0;
  int used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%n", &year, &month, &day, &used) == 3 &&
      Date::valid_ymd(year, month, day)) {
    double time = 0;
    if (static_cast<size_t>(used) < text.size() &&
        std::sscanf(text.c_str() + used, "T%2d:%2d:%lf", &hour, &minute, &second) >= 2 &&
        hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 61)
      time = (hour * 3600 + minute * 60 + second) / 86400.0;  // a time out of range is left out
    cell.kind = RawCell::Kind::Number;
    cell.is_date = true;
    cell.number = Date::from_ymd(year, month, day).spreadsheet_serial() + time;
    return cell;
  }
  cell.kind = RawCell::Kind::Text;
  cell.text = text;
  return cell;
}

// False when the worksheet cannot hold a cell liborcus skips: none of the type values it drops
// (inlineStr, str, d, e) occurs in it at all. Most exports store text as shared strings, and a
// few searches through the bytes cost far less than parsing a large sheet a second time.
bool may_hold_skipped_cells(const std::vector<unsigned char>& xml) {
  const std::string_view text(reinterpret_cast<const char*>(xml.data()), xml.size());
  if (text.find("inlineStr") != std::string_view::npos) return true;
  // One pass for the quoted values "str", "d" and "e" (either quote), rather than one search
  // through the whole sheet per token.
  const size_t n = text.size();
  for (size_t i = 0; i + 2 < n; ++i) {
    const char q = text[i];
    if (q != '"' && q != '\'') continue;
    const char v = text[i + 1];
    if ((v == 'd' || v == 'e') && text[i + 2] == q) return true;
    if (v == 's' && i + 4 < n && text[i + 2] == 't' && text[i + 3] == 'r' && text[i + 4] == q)
      return true;
  }
  return false;
}

// Walks one worksheet's <sheetData> the way liborcus places cells (a row or cell without an
// "r" attribute follows the previous one) and hands on the cells liborcus skips.
class WorksheetScanner : public orcus::sax_handler {
 public:
  WorksheetScanner(std::string_view sheet, const SkippedCellSink& sink)
      : sheet_(sheet), sink_(sink) {}

  void attribute(const orcus::sax::parser_attribute& attr) {
    if (!attr.ns.empty()) return;
    if (attr.name == "r") ref_ = std::string(attr.value);
    if (attr.name == "t") type_attr_ = std::string(attr.value);
  }
  void start_element(const orcus::sax::parser_element& elem) {
    const std::string_view name = elem.name;
    if (name == "sheetData") {
      in_sheet_data_ = true;
    } else if (in_sheet_data_ && name == "row") {
      size_t number = 0;
      if (!ref_.empty() && std::sscanf(ref_.c_str(), "%zu", &number) == 1 && number > 0)
        row_ = static_cast<long long>(std::min<size_t>(number, INT32_MAX)) - 1;  // past any limit
      else
        ++row_;
      column_ = -1;
    } else if (in_sheet_data_ && name == "c") {
      if (const auto address = parse_cell_address(ref_))
        column_ = static_cast<long long>(address->column);
      else
        ++column_;
      in_cell_ = true;
      cell_type_ = type_attr_;
      has_formula_ = has_inline_ = has_value_ = false;
      inline_text_.clear();
      value_.clear();
    } else if (in_cell_) {
      if (name == "f") has_formula_ = true;
      if (name == "is") has_inline_ = in_inline_ = true;
      if (name == "rPh") in_phonetic_ = true;  // reading aid for East Asian text, not content
      if (name == "t") in_text_ = in_inline_ && !in_phonetic_;
      if (name == "v") has_value_ = in_value_ = true;
    }
    ref_.clear();
    type_attr_.clear();
  }
  void end_element(const orcus::sax::parser_element& elem) {
    const std::string_view name = elem.name;
    if (name == "sheetData") in_sheet_data_ = false;
    if (!in_cell_) return;
    if (name == "t") in_text_ = false;
    if (name == "v") in_value_ = false;
    if (name == "rPh") in_phonetic_ = false;
    if (name == "is") in_inline_ = false;
    if (name == "c") {
      in_cell_ = in_inline_ = in_phonetic_ = in_text_ = in_value_ = false;
      hand_on_cell();
    }
  }
  void characters(std::string_view text, bool) {
    if (in_text_) inline_text_ += text;
    if (in_value_) value_ += text;
  }

 private:
  void hand_on_cell() {
    if (row_ < 0 || column_ < 0) return;
    RawCell cell;
    if (cell_type_ == "e" && has_value_ && !trim(value_).empty()) {
      // With or without a formula: liborcus keeps neither the error nor its text.
      cell.kind = RawCell::Kind::Error;
      cell.text = repair_utf8(trim(value_));
      cell.from_formula = has_formula_;
    } else if (has_formula_) {
      return;  // liborcus keeps formula results
    } else if (cell_type_ == "inlineStr" && (has_inline_ || has_value_)) {
      cell.kind = RawCell::Kind::Text;
      cell.text = repair_utf8(has_inline_ ? inline_text_ : value_);
    } else if (cell_type_ == "str" && has_value_) {
      cell.kind = RawCell::Kind::Text;
      cell.text = repair_utf8(value_);
    } else if (cell_type_ == "d" && has_value_) {
      cell = iso_date_cell(repair_utf8(value_));
    } else {
      return;
    }
    if (cell.kind == RawCell::Kind::Text && cell.text.empty()) return;  // nothing to lose
    sink_(sheet_, static_cast<size_t>(row_), static_cast<size_t>(column_), std::move(cell));
  }

  std::string_view sheet_;
  const SkippedCellSink& sink_;
  std::string ref_, type_attr_;  // attributes of the element about to start
  bool in_sheet_data_ = false;
  long long row_ = -1, column_ = -1;
  bool in_cell_ = false, in_inline_ = false, in_phonetic_ = false, in_text_ = false,
       in_value_ = false;
  std::string cell_type_;
  bool has_formula_ = false, has_inline_ = false, has_value_ = false;
  std::string inline_text_, value_;
};

}  // namespace

std::vector<WorksheetPart> xlsx_worksheet_parts(std::string_view bytes) {
  const ZipPackage package(bytes);
  std::vector<WorksheetPart> parts;

  // The package names its workbook part in _rels/.rels; every xlsx writer uses this one.
  std::string workbook = "xl/workbook.xml";
  if (const auto root_rels = package.read("_rels/.rels"))
    for (const Element& rel : elements_named(*root_rels, "Relationship")) {
      const std::string type = rel.get("Type");
      if (type.size() >= 15 && type.compare(type.size() - 15, 15, "/officeDocument") == 0)
        workbook = resolve_part("", rel.get("Target"));
    }
  const auto workbook_xml = package.read(workbook);
  const auto workbook_rels = package.read(rels_of(workbook));
  // Without them liborcus finds no sheets either: nothing was read, so nothing is lost here.
  if (!workbook_xml || !workbook_rels) return parts;

  std::map<std::string, std::string> targets;  // relationship id → worksheet part
  for (const Element& rel : elements_named(*workbook_rels, "Relationship"))
    if (rel.get("TargetMode") != "External")
      targets[rel.get("Id")] = resolve_part(folder_of(workbook), rel.get("Target"));

  for (const Element& sheet : elements_named(*workbook_xml, "sheet")) {
    auto target = targets.find(sheet.prefixed_id);
    if (target == targets.end()) continue;  // liborcus cannot find this sheet's cells either
    parts.push_back({sheet.get("name"), target->second});
  }
  return parts;
}

void read_skipped_xlsx_cells(std::string_view bytes, const SkippedCellSink& sink) {
  const ZipPackage package(bytes);
  for (const WorksheetPart& sheet : xlsx_worksheet_parts(bytes)) {
    try {
      const auto xml = package.read(sheet.part);
      if (!xml || !may_hold_skipped_cells(*xml)) continue;
      WorksheetScanner scanner(sheet.name, sink);
      parse_xml(*xml, scanner);
    } catch (const std::exception& e) {
      throw std::runtime_error("sheet '" + repair_utf8(sheet.name) + "' (" + sheet.part +
                               "): " + e.what());
    }
  }
}

}  // namespace ips
