#include "ingest/workbook_reader.h"

#include <orcus/orcus_ods.hpp>
#include <orcus/spreadsheet/import_interface.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "ingest/contained_read.h"
#include "ingest/ignored_styles.h"
#include "ingest/ods_error_cells.h"
#include "ingest/opc_normalize.h"
#include "ingest/sheet_cells.h"
#include "ingest/text_normalize.h"
#include "ingest/xlsx_reader.h"
#include "ingest/xlsx_sheet_split.h"
#include "ingest/zip_limits.h"
#include "ingest/zip_package.h"
#include "model/date.h"

namespace ips {

namespace {

namespace iface = orcus::spreadsheet::iface;
using orcus::spreadsheet::col_t;
using orcus::spreadsheet::row_t;

// Strings shared by cells (xlsx shared string table, ods pooled strings). liborcus hands on the
// XML's bytes unchecked, so every text taken from it goes through repair_utf8.
class StringPool : public iface::import_shared_strings {
 public:
  std::vector<std::string> strings;

  size_t append(std::string_view s) override {
    strings.push_back(repair_utf8(s));
    return strings.size() - 1;
  }
  size_t add(std::string_view s) override {
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    const size_t id = append(s);
    index_.emplace(std::string(s), id);
    return id;
  }
  void set_segment_font(size_t) override {}
  void set_segment_bold(bool) override {}
  void set_segment_italic(bool) override {}
  void set_segment_font_name(std::string_view) override {}
  void set_segment_font_size(double) override {}
  void set_segment_font_color(orcus::spreadsheet::color_elem_t, orcus::spreadsheet::color_elem_t,
                              orcus::spreadsheet::color_elem_t,
                              orcus::spreadsheet::color_elem_t) override {}
  void append_segment(std::string_view s) override { segment_ += s; }
  size_t commit_segments() override {
    const size_t id = append(segment_);
    segment_.clear();
    return id;
  }

 private:
  std::unordered_map<std::string, size_t> index_;
  std::string segment_;
};

class SheetImporter;

// Formula cells: only the cached result matters (the program never recalculates).
class FormulaImporter : public iface::import_formula {
 public:
  explicit FormulaImporter(SheetImporter& sheet) : sheet_(sheet) {}
  void set_position(row_t row, col_t col) override {
    row_ = row;
    col_ = col;
    cell_ = RawCell{};
  }
  void set_formula(orcus::spreadsheet::formula_grammar_t, std::string_view) override {}
  void set_shared_formula_index(size_t) override {}
  void set_result_string(std::string_view value) override {
    cell_.kind = RawCell::Kind::Text;
    cell_.text = repair_utf8(value);
  }
  void set_result_value(double value) override {
    cell_.kind = RawCell::Kind::Number;
    cell_.number = value;
  }
  void set_result_bool(bool value) override {
    cell_.kind = RawCell::Kind::Bool;
    cell_.number = value ? 1 : 0;
  }
  void set_result_empty() override { cell_.kind = RawCell::Kind::Empty; }
  void commit() override;

 private:
  SheetImporter& sheet_;
  row_t row_ = 0;
  col_t col_ = 0;
  RawCell cell_;
};

// Array formulas: each cell of the range carries its own cached result, addressed relative to
// the range's top-left cell.
class ArrayFormulaImporter : public iface::import_array_formula {
 public:
  explicit ArrayFormulaImporter(SheetImporter& sheet) : sheet_(sheet) {}
  void set_range(const orcus::spreadsheet::range_t& range) override { origin_ = range.first; }
  void set_formula(orcus::spreadsheet::formula_grammar_t, std::string_view) override {}
  void set_result_string(row_t row, col_t col, std::string_view value) override;
  void set_result_value(row_t row, col_t col, double value) override;
  void set_result_bool(row_t row, col_t col, bool value) override;
  void set_result_empty(row_t, col_t) override {}
  void commit() override {}

 private:
  void put(row_t row, col_t col, RawCell cell);
  SheetImporter& sheet_;
  orcus::spreadsheet::address_t origin_{0, 0};
};

class PropertiesImporter : public iface::import_sheet_properties {
 public:
  explicit PropertiesImporter(RawSheet& sheet) : sheet_(sheet) {}
  void set_column_width(col_t, double, orcus::length_unit_t) override {}
  void set_column_hidden(col_t, bool) override {}
  void set_row_height(row_t, double, orcus::length_unit_t) override {}
  void set_row_hidden(row_t, bool) override {}
  void set_merge_cell_range(const orcus::spreadsheet::range_t& r) override {
    sheet_.merged.push_back({static_cast<size_t>(r.first.row), static_cast<size_t>(r.first.column),
                             static_cast<size_t>(r.last.row), static_cast<size_t>(r.last.column)});
  }

 private:
  RawSheet& sheet_;
};

class SheetImporter : public iface::import_sheet {
 public:
  SheetImporter(RawSheet& sheet, const StringPool& pool, CellBudget& budget)
      : cells_(sheet, budget),
        pool_(pool),
        formula_(*this),
        array_formula_(*this),
        properties_(sheet) {}

  iface::import_sheet_properties* get_sheet_properties() override { return &properties_; }
  iface::import_formula* get_formula() override { return &formula_; }
  iface::import_array_formula* get_array_formula() override { return &array_formula_; }

  void set_auto(row_t row, col_t col, std::string_view s) override {
    if (!charge(s.size())) return;
    if (RawCell* c = cell(row, col)) {
      c->kind = RawCell::Kind::Text;
      c->text = repair_utf8(s);
    }
  }
  void set_string(row_t row, col_t col, orcus::spreadsheet::string_id_t id) override {
    if (!charge(id < pool_.strings.size() ? pool_.strings[id].size() : 0)) return;
    if (RawCell* c = cell(row, col)) {
      c->kind = RawCell::Kind::Text;
      c->text = id < pool_.strings.size() ? pool_.strings[id] : std::string();
    }
  }
  void set_value(row_t row, col_t col, double value) override {
    if (RawCell* c = cell(row, col)) {
      c->kind = RawCell::Kind::Number;
      c->number = value;
    }
  }
  void set_bool(row_t row, col_t col, bool value) override {
    if (RawCell* c = cell(row, col)) {
      c->kind = RawCell::Kind::Bool;
      c->number = value ? 1 : 0;
    }
  }
  void set_date_time(row_t row, col_t col, int year, int month, int day, int hour, int minute,
                     double second) override {
    RawCell* c = cell(row, col);
    if (!c) return;
    // An impossible date or time of day (2016-02-29T25:00 would roll over into March) is kept
    // as text, which the date parser refuses with a message.
    if (!Date::valid_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) ||
        hour < 0 || hour > 23 || minute < 0 || minute > 59 || !(second >= 0 && second < 61)) {
      c->kind = RawCell::Kind::Text;  // keep what we can show; the date parser will reject it
      c->text = std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day) +
                "T" + std::to_string(hour) + ":" + std::to_string(minute);
      return;
    }
    c->kind = RawCell::Kind::Number;
    c->is_date = true;
    c->number = Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day))
                    .spreadsheet_serial() +
                (hour * 3600 + minute * 60 + second) / 86400.0;
  }
  void set_format(row_t, col_t, size_t) override {}
  void set_format(row_t, col_t, row_t, col_t, size_t) override {}
  void fill_down_cells(row_t src_row, col_t src_col, row_t range_size) override {
    RawCell* src = cell(src_row, src_col);
    if (!src) return;
    const RawCell copy = *src;
    for (row_t r = 1; r <= range_size; ++r) {
      if (!charge(copy.text.size())) return;
      if (RawCell* c = cell(src_row + r, src_col)) *c = copy;
    }
  }
  orcus::spreadsheet::range_size_t get_sheet_size() const override { return {1048576, 16384}; }

  void put(row_t row, col_t col, RawCell value) { cells_.put(row, col, std::move(value)); }

 private:
  bool charge(size_t text_bytes) { return cells_.charge(text_bytes); }
  RawCell* cell(row_t row, col_t col) { return cells_.cell(row, col); }

  SheetCells cells_;
  const StringPool& pool_;
  FormulaImporter formula_;
  ArrayFormulaImporter array_formula_;
  PropertiesImporter properties_;
};

void ArrayFormulaImporter::set_result_string(row_t row, col_t col, std::string_view value) {
  RawCell c;
  c.kind = RawCell::Kind::Text;
  c.text = repair_utf8(value);
  put(row, col, std::move(c));
}
void ArrayFormulaImporter::set_result_value(row_t row, col_t col, double value) {
  RawCell c;
  c.kind = RawCell::Kind::Number;
  c.number = value;
  put(row, col, std::move(c));
}
void ArrayFormulaImporter::set_result_bool(row_t row, col_t col, bool value) {
  RawCell c;
  c.kind = RawCell::Kind::Bool;
  c.number = value ? 1 : 0;
  put(row, col, std::move(c));
}
void ArrayFormulaImporter::put(row_t row, col_t col, RawCell cell) {
  cell.from_formula = true;
  sheet_.put(origin_.row + row, origin_.column + col, std::move(cell));
}

void FormulaImporter::commit() {
  cell_.from_formula = true;
  sheet_.put(row_, col_, cell_);
}

class GlobalSettings : public iface::import_global_settings {
 public:
  void set_origin_date(int, int, int) override {}
  void set_default_formula_grammar(orcus::spreadsheet::formula_grammar_t g) override {
    grammar_ = g;
  }
  orcus::spreadsheet::formula_grammar_t get_default_formula_grammar() const override {
    return grammar_;
  }
  void set_character_set(orcus::character_set_t) override {}

 private:
  orcus::spreadsheet::formula_grammar_t grammar_ = orcus::spreadsheet::formula_grammar_t::unknown;
};

// Cell references in xlsx (dimension, merged ranges, formulas): "A1", "$B$3", "A1:C4".
class A1Resolver : public iface::import_reference_resolver {
 public:
  orcus::spreadsheet::src_address_t resolve_address(std::string_view text) override {
    const std::optional<CellAddress> a = parse_cell_address(text);
    if (!a) throw std::invalid_argument("not a cell reference: " + std::string(text));
    return {0, static_cast<row_t>(a->row), static_cast<col_t>(a->column)};
  }
  orcus::spreadsheet::src_range_t resolve_range(std::string_view text) override {
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      const auto a = resolve_address(text);
      return {a, a};
    }
    return {resolve_address(text.substr(0, colon)), resolve_address(text.substr(colon + 1))};
  }
};

// Collects what liborcus parses straight into a RawWorkbook; nothing is evaluated.
class RawFactory : public iface::import_factory {
 public:
  RawFactory(RawWorkbook& book, CellBudget& budget) : book_(book), budget_(budget) {}

  iface::import_global_settings* get_global_settings() override { return &settings_; }
  iface::import_shared_strings* get_shared_strings() override { return &pool_; }
  // See ignored_styles.h: liborcus crashes on some ods styles without a styles receiver.
  iface::import_styles* get_styles() override { return &styles_; }
  iface::import_reference_resolver* get_reference_resolver(
      orcus::spreadsheet::formula_ref_context_t context) override {
    // Named ranges and print areas hold no data: without a resolver for them liborcus skips
    // them. (Resolving an ods one, "$Enheter.$A$1", as A1 refused the whole file as damaged.)
    using orcus::spreadsheet::formula_ref_context_t;
    if (context == formula_ref_context_t::named_expression_base ||
        context == formula_ref_context_t::named_range)
      return nullptr;
    return &resolver_;
  }
  iface::import_sheet* append_sheet(orcus::spreadsheet::sheet_t, std::string_view name) override {
    // Each sheet lives on the heap so the importer's reference stays valid as more arrive.
    sheets_.push_back(std::make_unique<RawSheet>());
    sheets_.back()->name = repair_utf8(name);
    importers_.push_back(std::make_unique<SheetImporter>(*sheets_.back(), pool_, budget_));
    return importers_.back().get();
  }
  iface::import_sheet* get_sheet(std::string_view name) override {
    for (size_t i = 0; i < sheets_.size(); ++i)
      if (sheets_[i]->name == repair_utf8(name)) return importers_[i].get();
    return nullptr;
  }
  iface::import_sheet* get_sheet(orcus::spreadsheet::sheet_t index) override {
    return index >= 0 && static_cast<size_t>(index) < importers_.size()
               ? importers_[static_cast<size_t>(index)].get()
               : nullptr;
  }
  // liborcus calls this at the end of its read; the sheets are handed over by hand_over(),
  // after the cells liborcus skipped have been added.
  void finalize() override {}

  /// Stores a cell liborcus skipped (an ods time of day, ods_error_cells.h), within the same
  /// limits.
  void put_skipped(std::string_view sheet, size_t row, size_t column, RawCell cell) {
    const std::string name = repair_utf8(sheet);  // as append_sheet stored it
    // Beyond every limit either way: clamped, so the sheet is flagged as cut rather than the
    // cell lost unnoticed.
    row = std::min<size_t>(row, INT32_MAX);
    column = std::min<size_t>(column, INT32_MAX);
    for (size_t i = 0; i < sheets_.size(); ++i)
      if (sheets_[i]->name == name) {
        importers_[i]->put(static_cast<row_t>(row), static_cast<col_t>(column), std::move(cell));
        return;
      }
  }

  /// Gives the rows after `row` that an ods row stored once for `count` rows covers the cells
  /// liborcus placed in the first one (ods_error_cells.h), within the same limits.
  void repeat_row(std::string_view sheet, size_t row, size_t count) {
    const std::string name = repair_utf8(sheet);
    for (size_t i = 0; i < sheets_.size(); ++i) {
      if (sheets_[i]->name != name) continue;
      if (row >= sheets_[i]->rows.size()) return;
      const RawRow source = sheets_[i]->rows[row];
      if (std::all_of(source.begin(), source.end(),
                      [](const RawCell& c) { return c.kind == RawCell::Kind::Empty; }))
        return;  // an empty row repeated (the rest of the sheet): nothing to copy
      const size_t last =
          std::min<size_t>(row + count, std::min<size_t>(budget_.max_rows_per_sheet, INT32_MAX));
      for (size_t r = row + 1; r < last && !budget_.over_budget && !sheets_[i]->cells_cut; ++r)
        for (size_t c = 0; c < source.size(); ++c)
          if (source[c].kind != RawCell::Kind::Empty)
            importers_[i]->put(static_cast<row_t>(r), static_cast<col_t>(c), source[c]);
      if (row + count > budget_.max_rows_per_sheet) sheets_[i]->truncated = true;
      return;
    }
  }

  /// Marks the formula cells of one row's run (an ods error cell, see ods_error_cells.h) that
  /// liborcus stored with an empty result as showing `text`; false when the row was not read.
  bool mark_formula_error(std::string_view sheet, size_t row, size_t column, size_t columns,
                          std::string_view text) {
    const std::string name = repair_utf8(sheet);
    for (auto& s : sheets_) {
      if (s->name != name) continue;
      if (row >= s->rows.size()) return false;
      RawRow& cells = s->rows[row];
      // Only cells liborcus stored: nothing is added, so no limit can be passed here.
      const size_t end = std::min(cells.size(), column + std::min(columns, cells.size()));
      for (size_t c = column; c < end; ++c)
        // Empty as liborcus 0.17 gives it; the error's own text, should a writer store it as
        // the string value.
        if (cells[c].from_formula &&
            (cells[c].kind == RawCell::Kind::Empty ||
             (cells[c].kind == RawCell::Kind::Text && trim(cells[c].text) == text))) {
          cells[c].kind = RawCell::Kind::Error;
          cells[c].text = std::string(text);
        }
      return true;
    }
    return false;
  }

  /// Moves the sheets read into the workbook; once.
  void hand_over() {
    if (handed_over_) return;
    handed_over_ = true;
    for (auto& s : sheets_) book_.sheets.push_back(std::move(*s));
  }

 private:
  RawWorkbook& book_;
  CellBudget& budget_;
  StringPool pool_;
  IgnoredStyles styles_;
  GlobalSettings settings_;
  A1Resolver resolver_;
  std::vector<std::unique_ptr<RawSheet>> sheets_;
  std::vector<std::unique_ptr<SheetImporter>> importers_;
  bool handed_over_ = false;
};

// Finds hidden sheets, which liborcus' import interface does not report: in xlsx the
// workbook lists them with state="hidden"; in ods a table's style has display="false".
class HiddenSheetFinder : public orcus::sax_handler {
 public:
  std::set<std::string> hidden_sheets;

  void attribute(const orcus::sax::parser_attribute& attr) {
    attrs_.emplace_back(attr.name, attr.value);
  }
  void start_element(const orcus::sax::parser_element& elem) {
    if (elem.name == "sheet") {  // xlsx workbook.xml
      if (attr("state") == "hidden" || attr("state") == "veryHidden")
        hidden_sheets.insert(repair_utf8(attr("name")));  // as the sheet names were repaired
    } else if (elem.name == "style") {                    // ods automatic style
      style_ = attr("name");
    } else if (elem.name == "table-properties" && attr("display") == "false") {
      hidden_styles_.insert(style_);
    } else if (elem.name == "table" && hidden_styles_.count(attr("style-name"))) {
      hidden_sheets.insert(repair_utf8(attr("name")));
    }
    attrs_.clear();
  }
  void end_element(const orcus::sax::parser_element&) { attrs_.clear(); }

 private:
  std::string attr(std::string_view name) const {
    for (const auto& [n, v] : attrs_)
      if (n == name) return v;
    return {};
  }
  std::vector<std::pair<std::string, std::string>> attrs_;
  std::string style_;
  std::set<std::string> hidden_styles_;
};

void mark_hidden_sheets(std::string_view bytes, const std::string& format, RawWorkbook& book) {
  const auto xml = ZipPackage(bytes).read(format == "ods" ? "content.xml" : "xl/workbook.xml");
  if (!xml) return;
  HiddenSheetFinder finder;
  parse_xml(*xml, finder);
  for (auto& sheet : book.sheets) sheet.hidden = finder.hidden_sheets.count(sheet.name) > 0;
}

// What one parse may store: the workbook's limits, or a share of them for one of the readers
// an xlsx is split between.
struct ParseBudget {
  size_t max_rows_per_sheet = 0;
  size_t max_cells = 0;
  size_t max_cell_bytes = 0;
};

// Reads an ods through liborcus' import interface, then the cells it drops (ods_error_cells.h).
void parse_ods(std::string_view bytes, CellBudget& budget, RawWorkbook& book) {
  RawFactory factory(book, budget);
  orcus::orcus_ods filter(&factory);
  filter.read_stream(bytes);
  // liborcus 0.17 keeps a formula error as an empty formula result; content.xml says
  // which cells are errors, so they can be named instead of silently read as empty.
  const OdsDroppedCells dropped =
      read_ods_error_and_dropped_cells(bytes, [&](std::string_view sheet, size_t row, size_t column,
                                                  size_t columns, std::string_view text) {
        return factory.mark_formula_error(sheet, row, column, columns, text);
      });
  // It also skips time-of-day cells, and fills only the first of a repeated row's rows;
  // the times go in first so a repeated row copies them with the rest.
  for (const OdsTimeCell& t : dropped.times)
    for (size_t c = t.column; c < t.column + std::min(t.columns, kMaxRawColumns + 1); ++c) {
      RawCell cell;
      cell.kind = RawCell::Kind::Text;
      cell.text = t.text;
      factory.put_skipped(t.sheet, t.row, c, std::move(cell));
    }
  for (const OdsRepeatedRow& r : dropped.repeated_rows) factory.repeat_row(r.sheet, r.row, r.count);
  if (!budget.over_budget) factory.hand_over();
}

// Parses the zip workbook in `outer` into `book` (which holds the format), or sets `result`;
// an xlsx leaves the worksheets whose parts are in `not_read` empty (read_xlsx_package).
void parse_package(std::string_view outer, const std::string& format, const ParseBudget& limits,
                   const std::set<std::string>& not_read, RawWorkbook& book, ReadFailure& result) {
  CellBudget budget;
  budget.max_rows_per_sheet = limits.max_rows_per_sheet;
  budget.max_cells = limits.max_cells;
  budget.max_cell_bytes = limits.max_cell_bytes;
  try {
    if (format == "ods") {
      // Every entry read once through libzip (length and CRC checked, so nothing is cut short
      // unseen), and absolute relationship targets made relative so liborcus follows them.
      PackageCheck package = normalize_opc_package(outer);
      if (!package.ok) {
        result = {"file.corrupt", package.problem};
        return;
      }
      parse_ods(package.bytes ? std::string_view(*package.bytes) : outer, budget, book);
    } else {
      // One pass over each part, every kind of cell taken (xlsx_reader.h).
      read_xlsx_package(outer, not_read, budget, book);
    }
    if (budget.over_budget) {
      book.sheets.clear();
      result = {"file.too_large_cells", std::to_string(limits.max_cell_bytes >> 20)};
      return;  // nothing kept: a partial read is never used
    }
  } catch (const std::exception& e) {
    book.sheets.clear();
    result = {"file.corrupt", e.what()};
  }
}

bool sheet_was_read(const RawSheet& s) {
  return !s.rows.empty() || !s.merged.empty() || s.truncated || s.malformed || s.columns_cut ||
         s.cells_cut;
}

// Reads an xlsx with two or more worksheets in two child processes at once, each parsing its
// share of the worksheets (xlsx_sheet_split.h) within the same share of the workbook's cell
// budget, and puts the sheets together in workbook order. False, with `out` untouched, when
// the result might differ in any way from one reader's (a reader failed or reached its share
// of a budget, which the whole budget might not have reached): the caller then reads the
// file in one process, which gives the diagnostics exactly as before.
bool read_xlsx_in_parallel(std::string_view bytes, const ParseBudget& whole, RawWorkbook& out,
                           ReadFailure& failure) {
  constexpr size_t kReaders = 2;  // the machine this runs on has two cores
  std::vector<WorksheetPart> parts;
  try {
    parts = xlsx_worksheet_parts(bytes);
  } catch (const std::exception&) {
    return false;
  }
  if (parts.size() < kReaders) return false;
  const std::vector<std::vector<size_t>> groups = share_out_worksheets(bytes, parts, kReaders);
  std::vector<std::function<void(RawWorkbook&, ReadFailure&)>> reads;
  for (size_t g = 0; g < groups.size(); ++g) {
    std::set<std::string> others;
    for (size_t h = 0; h < groups.size(); ++h)
      if (h != g)
        for (size_t i : groups[h]) others.insert(parts[i].part);
    // Each reader may store what the whole file may, times its share of the worksheets: when
    // every reader stays within its share, the sum stays within the whole.
    const double share = 1.0 / static_cast<double>(groups.size());
    const ParseBudget budget{
        whole.max_rows_per_sheet, static_cast<size_t>(static_cast<double>(whole.max_cells) * share),
        static_cast<size_t>(static_cast<double>(whole.max_cell_bytes) * share)};
    reads.push_back([bytes, others, budget](RawWorkbook& book, ReadFailure& result) {
      parse_package(bytes, "xlsx", budget, others, book, result);
    });
  }
  std::vector<RawWorkbook> books(reads.size(), out);
  std::vector<ReadFailure> failures;
  run_contained_all(reads, books, failures);
  for (size_t g = 0; g < books.size(); ++g) {
    if (failures[g].failed() || books[g].sheets.size() != books[0].sheets.size()) return false;
    for (const RawSheet& s : books[g].sheets)
      if (s.cells_cut) return false;
  }
  RawWorkbook merged = std::move(books[0]);
  for (size_t g = 1; g < books.size(); ++g)
    for (size_t s = 0; s < merged.sheets.size(); ++s) {
      RawSheet& sheet = books[g].sheets[s];
      if (sheet.name != merged.sheets[s].name) return false;
      if (!sheet_was_read(sheet)) continue;
      if (sheet_was_read(merged.sheets[s])) return false;  // read twice: not a clean split
      merged.sheets[s] = std::move(sheet);
    }
  out = std::move(merged);
  failure = {};
  return true;
}

}  // namespace

void read_zip_workbook(std::string_view bytes, const std::string& format,
                       const WorkbookReadLimits& limits, RawWorkbook& out, ReadFailure& failure) {
  out = RawWorkbook{};
  out.format = format;
  const ZipDirectorySummary zip = summarize_zip_directory(bytes);
  if (!zip.valid) {
    failure = {"file.corrupt", "no zip directory"};
    return;
  }
  if (zip.entry_outside_file) {
    failure = {"file.corrupt", "a zip entry is damaged or runs past the end of the file"};
    return;
  }
  if (zip.encrypted_entry) {
    failure = {"file.encrypted", ""};
    return;
  }
  if (zip.oversize_entry || zip.uncompressed_bytes > limits.max_uncompressed_bytes ||
      static_cast<double>(zip.uncompressed_bytes) >
          limits.max_zip_ratio * static_cast<double>(bytes.size())) {
    failure = {"file.too_large_unpacked", std::to_string(zip.uncompressed_bytes)};
    return;
  }
  const ParseBudget whole{limits.max_rows_per_sheet, kMaxRawCellsPerWorkbook,
                          limits.max_cell_bytes};
  // liborcus can abort or crash on damaged content: the parse runs in a child process, or in
  // two at once for an xlsx with several worksheets (read_xlsx_in_parallel).
  if (!limits.contain_parse)
    parse_package(bytes, format, whole, {}, out, failure);
  else if (format != "xlsx" || !read_xlsx_in_parallel(bytes, whole, out, failure))
    run_contained(
        [&](RawWorkbook& book, ReadFailure& result) {
          parse_package(bytes, format, whole, {}, book, result);
        },
        out, failure);
  if (failure.failed()) return;
  try {
    mark_hidden_sheets(bytes, format, out);
  } catch (const std::exception&) {
    // The sheets were read; only the hidden flags are unknown, which loses no data.
  }
}

}  // namespace ips
