#include "ingest/xlsx_reader.h"

#include <zip.h>

#include <orcus/sax_parser.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

#include "ingest/checked_zip.h"
#include "ingest/text_normalize.h"
#include "model/date.h"

namespace ips {

namespace {

struct ZipDiscarder {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceFreer {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// The package opened through libzip (which must not outlive `bytes`); every read is checked.
class Package {
 public:
  explicit Package(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    source_.reset(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error));
    if (source_)
      archive_.reset(zip_open_from_source(source_.get(), ZIP_CHECKCONS | ZIP_RDONLY, &error));
    if (!archive_) {
      const std::string problem = zip_error_strerror(&error);
      zip_error_fini(&error);
      throw std::runtime_error(problem);
    }
    zip_source_keep(source_.get());  // the archive took a reference; this one stays ours
    zip_error_fini(&error);
    const zip_int64_t entries = zip_get_num_entries(archive_.get(), 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
      const char* name = zip_get_name(archive_.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
      names_.emplace_back(name ? name : "");
    }
  }

  const std::vector<std::string>& names() const { return names_; }

  /// The entry's bytes (a zero byte stays after them, see parse), or nothing when there is no
  /// entry of that name. Throws when the entry is damaged.
  std::optional<std::string> read(const std::string& name) const {
    for (size_t i = 0; i < names_.size(); ++i)
      if (names_[i] == name) return read(i, true);
    return std::nullopt;
  }
  /// Reads entry `index` whole, keeping it when `keep`; throws when it is damaged.
  std::string read(size_t index, bool keep) const {
    std::string bytes, problem;
    if (!read_zip_entry(archive_.get(), index, keep, bytes, problem))
      throw std::runtime_error(names_[index] + ": " + problem);
    return bytes;
  }

 private:
  std::unique_ptr<zip_source_t, SourceFreer> source_;
  std::unique_ptr<zip_t, ZipDiscarder> archive_;
  std::vector<std::string> names_;
};

// Runs liborcus's SAX parser over `xml`. liborcus 0.17's parser reads one byte past the end of
// a document cut off inside an attribute: a std::string always keeps a zero byte there, which
// makes it stop with a parse error instead of reading beyond the buffer.
template <typename Handler>
void parse(const std::string& xml, Handler& handler) {
  orcus::sax_parser<Handler> parser(xml.data(), xml.size(), handler);
  parser.parse();
}

std::string_view trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

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

std::vector<Element> elements_named(const std::string& xml, std::string_view name) {
  ElementCollector collector(name);
  parse(xml, collector);
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

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A sheet as workbook.xml lists it, with the part its relationship names (empty: none).
struct ListedSheet {
  std::string name;  // as workbook.xml spells it
  std::string part;
  bool hidden = false;
};

// What the package's workbook part says: its sheets in order, and its shared string part.
struct WorkbookParts {
  std::vector<ListedSheet> sheets;
  std::string shared_strings;  // empty: none
};

WorkbookParts workbook_parts(const Package& package) {
  WorkbookParts out;
  // The package names its workbook part in _rels/.rels; every xlsx writer uses this one.
  std::string workbook = "xl/workbook.xml";
  if (const auto root_rels = package.read("_rels/.rels"))
    for (const Element& rel : elements_named(*root_rels, "Relationship"))
      if (ends_with(rel.get("Type"), "/officeDocument"))
        workbook = resolve_part("", rel.get("Target"));
  const auto workbook_xml = package.read(workbook);
  const auto workbook_rels = package.read(rels_of(workbook));
  // Without them there are no sheets to find: nothing is read, and the caller says the file
  // holds values it could not read where it does (package_values.h).
  if (!workbook_xml || !workbook_rels) return out;

  std::map<std::string, std::string> targets;  // relationship id → part
  for (const Element& rel : elements_named(*workbook_rels, "Relationship")) {
    if (rel.get("TargetMode") == "External") continue;
    const std::string part = resolve_part(folder_of(workbook), rel.get("Target"));
    targets[rel.get("Id")] = part;
    if (ends_with(rel.get("Type"), "/sharedStrings")) out.shared_strings = part;
  }
  for (const Element& sheet : elements_named(*workbook_xml, "sheet")) {
    ListedSheet listed;
    listed.name = sheet.get("name");
    const std::string state = sheet.get("state");
    listed.hidden = state == "hidden" || state == "veryHidden";
    if (auto target = targets.find(sheet.prefixed_id); target != targets.end())
      listed.part = target->second;
    out.sheets.push_back(std::move(listed));
  }
  return out;
}

// The shared string table: each <si>'s text, its runs (<r><t>) joined, without the phonetic
// reading aids (<rPh>) of East Asian text. liborcus hands on the XML's bytes unchecked, so
// every text goes through repair_utf8.
class SharedStringReader : public orcus::sax_handler {
 public:
  std::vector<std::string> strings;

  void start_element(const orcus::sax::parser_element& elem) {
    if (elem.name == "si") {
      in_item_ = true;
      text_.clear();
    } else if (elem.name == "rPh") {
      in_phonetic_ = true;
    } else if (elem.name == "t") {
      in_text_ = in_item_ && !in_phonetic_;
    }
  }
  void end_element(const orcus::sax::parser_element& elem) {
    if (elem.name == "t") {
      in_text_ = false;
    } else if (elem.name == "rPh") {
      in_phonetic_ = false;
    } else if (elem.name == "si" && in_item_) {
      in_item_ = false;
      strings.push_back(repair_utf8(text_));
    }
  }
  void characters(std::string_view text, bool) {
    if (in_text_) text_ += text;
  }

 private:
  bool in_item_ = false, in_phonetic_ = false, in_text_ = false;
  std::string text_;
};

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

// A number as the sheet stores it ("34", "1.5", "4.2E-3"); nothing when it is none.
std::optional<double> stored_number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// Walks one worksheet's <sheetData> and <mergeCells>, placing each cell at its "r" address (a
// row or cell without one follows the previous one) and storing it as the file means it.
class WorksheetReader : public orcus::sax_handler {
 public:
  WorksheetReader(SheetCells& cells, const std::vector<std::string>& strings)
      : cells_(cells), strings_(strings) {}

  void attribute(const orcus::sax::parser_attribute& attr) {
    if (!attr.ns.empty()) return;
    if (attr.name == "r") {
      r_.assign(attr.value);
      has_r_ = true;
    } else if (attr.name == "t") {
      t_.assign(attr.value);
    } else if (attr.name == "ref") {
      ref_.assign(attr.value);
    }
  }
  void start_element(const orcus::sax::parser_element& elem) {
    const std::string_view name = elem.name;
    if (in_cell_) {
      if (name == "f") has_formula_ = true;
      if (name == "is") has_inline_ = in_inline_ = true;
      if (name == "rPh") in_phonetic_ = true;  // reading aid for East Asian text, not content
      if (name == "t") in_text_ = in_inline_ && !in_phonetic_;
      if (name == "v") has_value_ = in_value_ = true;
    } else if (in_sheet_data_ && name == "c") {
      start_cell();
    } else if (in_sheet_data_ && name == "row") {
      size_t number = 0;
      const auto [end, error] = std::from_chars(r_.data(), r_.data() + r_.size(), number);
      const bool digits_only = end == r_.data() + r_.size();
      if (has_r_ && digits_only && error == std::errc::result_out_of_range)
        row_ = INT32_MAX - 1;  // past every limit: the sheet is flagged as cut there
      else if (has_r_ && digits_only && error == std::errc() && number > 0)
        row_ = static_cast<long long>(std::min<size_t>(number, INT32_MAX)) - 1;  // past any limit
      else
        ++row_;
      column_ = -1;
    } else if (name == "sheetData") {
      in_sheet_data_ = true;
    } else if (name == "mergeCell") {
      add_merged_range();
    }
    has_r_ = false;
    r_.clear();
    t_.clear();
    ref_.clear();
  }
  void end_element(const orcus::sax::parser_element& elem) {
    const std::string_view name = elem.name;
    if (!in_cell_) {
      if (name == "sheetData") in_sheet_data_ = false;
      return;
    }
    if (name == "t") in_text_ = false;
    if (name == "v") in_value_ = false;
    if (name == "rPh") in_phonetic_ = false;
    if (name == "is") in_inline_ = false;
    if (name == "c") {
      in_cell_ = in_inline_ = in_phonetic_ = in_text_ = in_value_ = false;
      store_cell();
    }
  }
  void characters(std::string_view text, bool) {
    if (in_value_) value_ += text;
    if (in_text_) inline_text_ += text;
  }

 private:
  void start_cell() {
    const std::optional<CellAddress> address =
        has_r_ ? parse_cell_address(r_) : std::optional<CellAddress>();
    if (address) {
      cell_row_ = static_cast<long long>(address->row);
      column_ = static_cast<long long>(address->column);
    } else {
      cell_row_ = row_;
      ++column_;
    }
    in_cell_ = true;
    type_ = t_;
    has_formula_ = has_inline_ = has_value_ = false;
    inline_text_.clear();
    value_.clear();
  }

  void add_merged_range() {
    const size_t colon = ref_.find(':');
    const std::string_view ref(ref_);
    const auto first = parse_cell_address(ref.substr(0, colon));
    const auto last =
        colon == std::string::npos ? first : parse_cell_address(ref.substr(colon + 1));
    if (first && last)
      cells_.sheet().merged.push_back({first->row, first->column, last->row, last->column});
  }

  RawCell text_cell(std::string_view text) const {
    RawCell cell;
    cell.kind = RawCell::Kind::Text;
    cell.text = repair_utf8(text);
    return cell;
  }

  // The cell a shared-string index names; the file is damaged when it names none.
  RawCell shared_string_cell(std::string_view index) const {
    size_t id = 0;
    const auto [end, error] = std::from_chars(index.data(), index.data() + index.size(), id);
    if (error != std::errc() || end != index.data() + index.size() || id >= strings_.size())
      throw std::runtime_error("cell " + column_letter(static_cast<size_t>(column_)) +
                               std::to_string(cell_row_ + 1) + " names shared string '" +
                               repair_utf8(index) + "', but the workbook has " +
                               std::to_string(strings_.size()));
    RawCell cell;
    cell.kind = RawCell::Kind::Text;
    cell.text = strings_[id];
    return cell;
  }

  // A number cell, or the stored text when it is no number (the column then names it).
  RawCell number_cell(std::string_view value) const {
    RawCell cell;
    if (const std::optional<double> number = stored_number(value)) {
      cell.kind = RawCell::Kind::Number;
      cell.number = *number;
      return cell;
    }
    return text_cell(value);
  }

  RawCell bool_cell(std::string_view value) const {
    RawCell cell;
    if (value == "1" || value == "true" || value == "0" || value == "false") {
      cell.kind = RawCell::Kind::Bool;
      cell.number = value == "1" || value == "true" ? 1 : 0;
      return cell;
    }
    return text_cell(value);
  }

  void store_cell() {
    if (cell_row_ < 0 || column_ < 0) return;
    const std::string_view value = trimmed(value_);
    RawCell cell;
    if (type_ == "e") {
      // With or without a formula: the error keeps its text for the message.
      if (has_value_ && !value.empty()) {
        cell.kind = RawCell::Kind::Error;
        cell.text = repair_utf8(value);
      } else if (!has_formula_) {
        return;
      }
    } else if (type_ == "inlineStr") {
      if (!has_inline_ && !has_value_ && !has_formula_) return;
      cell = text_cell(has_inline_ ? std::string_view(inline_text_) : std::string_view(value_));
    } else if (type_ == "str") {
      if (!has_value_ && !has_formula_) return;
      cell = text_cell(value_);
    } else if (!has_value_ || value.empty()) {
      // No value: a formula without a cached result is kept as an empty formula cell; any other
      // cell holds only a style.
      if (!has_formula_) return;
    } else if (type_ == "s") {
      cell = shared_string_cell(value);
    } else if (type_ == "b") {
      cell = bool_cell(value);
    } else if (type_ == "d") {
      cell = iso_date_cell(repair_utf8(value));
    } else {
      cell = number_cell(value);  // "n", or no type
    }
    // Text stored without a formula that is empty holds nothing to lose.
    if (cell.kind == RawCell::Kind::Text && cell.text.empty() && !has_formula_) return;
    cell.from_formula = has_formula_;
    cells_.put(cell_row_, column_, std::move(cell));
  }

  SheetCells& cells_;
  const std::vector<std::string>& strings_;
  // Attributes of the element about to start.
  std::string r_, t_, ref_;
  bool has_r_ = false;
  bool in_sheet_data_ = false;
  long long row_ = -1, column_ = -1, cell_row_ = -1;
  bool in_cell_ = false, in_inline_ = false, in_phonetic_ = false, in_text_ = false,
       in_value_ = false;
  std::string type_;
  bool has_formula_ = false, has_inline_ = false, has_value_ = false;
  std::string inline_text_, value_;
};

}  // namespace

std::vector<WorksheetPart> xlsx_worksheet_parts(std::string_view bytes) {
  const Package package(bytes);
  std::vector<WorksheetPart> parts;
  for (const ListedSheet& sheet : workbook_parts(package).sheets)
    if (!sheet.part.empty()) parts.push_back({sheet.name, sheet.part});
  return parts;
}

void read_xlsx_package(std::string_view bytes, const std::set<std::string>& not_read,
                       CellBudget& budget, RawWorkbook& book) {
  const Package package(bytes);
  const WorkbookParts workbook = workbook_parts(package);
  // Every other entry is inflated once too (its length and CRC checked, nothing kept): a
  // damaged part fails the file however unimportant it looks, as a damaged sheet does.
  std::set<std::string> read_below(not_read.begin(), not_read.end());
  read_below.insert(workbook.shared_strings);
  for (const ListedSheet& sheet : workbook.sheets) read_below.insert(sheet.part);
  for (size_t i = 0; i < package.names().size(); ++i)
    if (!read_below.count(package.names()[i])) package.read(i, false);

  std::vector<std::string> strings;
  if (!workbook.shared_strings.empty())
    if (const auto xml = package.read(workbook.shared_strings)) {
      SharedStringReader reader;
      try {
        parse(*xml, reader);
      } catch (const std::exception& e) {
        throw std::runtime_error(workbook.shared_strings + ": " + e.what());
      }
      strings = std::move(reader.strings);
    }

  book.sheets.reserve(workbook.sheets.size());
  for (const ListedSheet& listed : workbook.sheets) {
    book.sheets.emplace_back();
    RawSheet& sheet = book.sheets.back();
    sheet.name = repair_utf8(listed.name);
    sheet.hidden = listed.hidden;
    if (listed.part.empty() || not_read.count(listed.part)) continue;
    // A damaged entry is named by the read itself; a parse error by the sheet and its part.
    const std::optional<std::string> xml = package.read(listed.part);
    if (!xml) continue;  // the relationship names no entry: no cells to read
    try {
      SheetCells cells(sheet, budget);
      WorksheetReader reader(cells, strings);
      parse(*xml, reader);
    } catch (const std::exception& e) {
      throw std::runtime_error("sheet '" + sheet.name + "' (" + listed.part + "): " + e.what());
    }
    if (budget.over_budget) return;  // the file is refused: no need to read on
  }
}

}  // namespace ips
