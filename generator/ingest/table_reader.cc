#include "ingest/table_reader.h"

#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include "ingest/identity_number.h"
#include "ingest/markdown_text.h"
#include "ingest/narrative_values.h"
#include "ingest/table_schema.h"
#include "ingest/text_normalize.h"
#include "ingest/value_parse.h"

namespace ips {

namespace {

// Rows whose cells are released together, before freed memory is returned to the system.
constexpr size_t kRowsBetweenTrims = 16384;

const RawCell kEmptyCell{};

// The header row of a sheet: the first row with any non-blank cell.
std::optional<size_t> find_header_row(const RawSheet& sheet) {
  for (size_t r = 0; r < sheet.rows.size(); ++r)
    for (const auto& c : sheet.rows[r])
      if (!c.is_blank()) return r;
  return std::nullopt;
}

// An identity number in a cell's text; a number cell with 10 digits is one whose leading zero
// (a birth day 01–09) the spreadsheet dropped.
bool holds_identity_number(const RawCell& v) {
  const std::string text = cell_display(v);
  if (contains_identity_number(text)) return true;
  return v.kind == RawCell::Kind::Number && text.size() == 10 &&
         contains_identity_number("0" + text);
}

bool row_is_blank(const RawRow& row) {
  return std::all_of(row.begin(), row.end(), [](const RawCell& c) { return c.is_blank(); });
}

// The first word of a text, up to a space or ':' ("B1 Deltakerportefølje" → "B1").
std::string leading_word(const std::string& text) {
  const std::string t = trim(text);
  return t.substr(0, t.find_first_of(" :\t"));
}

// The scale item a code names, as "B1", "b1" or "B1 Deltakerportefølje".
std::optional<std::pair<size_t, size_t>> item_for_code(const ScaleCatalog& scales,
                                                       const std::string& text) {
  for (const std::string& candidate : {normalize_key(text), normalize_key(leading_word(text))})
    for (size_t s = 0; s < scales.scales.size(); ++s)
      if (auto i = scales.scales[s].item_index(candidate)) return std::make_pair(s, *i);
  return std::nullopt;
}

// The item a header names in a wide-form fidelity sheet (a scale item code such as "B1").
std::optional<std::pair<size_t, size_t>> item_for_header(const ScaleCatalog& scales,
                                                         const std::string& header) {
  return item_for_code(scales, header);
}

// The scale a "Skala" cell names: the scale's id or name, compared loosely ("ips25", "GOI").
std::optional<size_t> scale_for_text(const ScaleCatalog& scales, const std::string& text) {
  const std::string key = normalize_key(text);
  for (size_t s = 0; s < scales.scales.size(); ++s) {
    const Scale& sc = scales.scales[s];
    if (key == normalize_key(sc.id) || key == normalize_key(sc.name.nb) ||
        key == normalize_key(sc.name.en))
      return s;
  }
  if (key == "ips" || key == "ipskvalitetsskala" || key == "kvalitetsskala" || key == "fidelity")
    return ScaleCatalog::kIps25;
  return std::nullopt;
}

// The column layout of one recognised table.
struct Layout {
  TableKind kind = TableKind::Sites;
  std::map<Field, size_t> columns;                                       // field → column index
  std::vector<std::pair<size_t, std::pair<size_t, size_t>>> wide_items;  // column → (scale, item)
  std::vector<std::string> unknown;                                      // headers not understood
  struct Duplicate {
    size_t column;        // the column left out
    std::string name;     // what it means ("Konsensus", "B1")
    size_t first_column;  // the column used instead
  };
  std::vector<Duplicate> duplicates;       // second columns with the same meaning
  std::vector<const ColumnSpec*> missing;  // required columns absent
};

Layout map_header(TableKind kind, const RawRow& header, const ScaleCatalog& scales) {
  Layout layout;
  layout.kind = kind;
  const TableSpec& spec = table_spec(kind);
  for (size_t c = 0; c < header.size(); ++c) {
    if (header[c].is_blank()) continue;
    const std::string text = cell_display(header[c]);
    if (const ColumnSpec* col = match_column(spec, text)) {
      const auto [it, inserted] = layout.columns.emplace(col->field, c);
      if (!inserted) layout.duplicates.push_back({c, col->name, it->second});
      continue;
    }
    if (kind == TableKind::FidelityWide) {
      if (auto item = item_for_header(scales, text)) {
        const auto same = std::find_if(layout.wide_items.begin(), layout.wide_items.end(),
                                       [&](const auto& w) { return w.second == *item; });
        if (same == layout.wide_items.end()) {
          layout.wide_items.emplace_back(c, *item);
        } else {
          layout.duplicates.push_back(
              {c, scales.scales[item->first].items[item->second].code, same->first});
        }
        continue;
      }
    }
    layout.unknown.push_back(text);
  }
  for (const auto& col : spec.columns)
    if (col.required && !layout.columns.count(col.field)) layout.missing.push_back(&col);
  return layout;
}

int count_item_headers(const RawRow& header, const ScaleCatalog& scales) {
  int n = 0;
  for (const auto& c : header)
    if (!c.is_blank() && item_for_header(scales, cell_display(c))) ++n;
  return n;
}

// Which table a header row describes on its own, if it is clear.
std::optional<TableKind> recognise_by_header(const RawRow& header, const ScaleCatalog& scales) {
  auto complete = [&](TableKind k) { return map_header(k, header, scales).missing.empty(); };
  for (TableKind k : {TableKind::Texts, TableKind::Actions, TableKind::Participants,
                      TableKind::Jobs, TableKind::Fidelity})
    if (complete(k)) return k;
  if (complete(TableKind::FidelityWide) && count_item_headers(header, scales) >= 3)
    return TableKind::FidelityWide;
  if (complete(TableKind::Reviews) &&
      map_header(TableKind::Reviews, header, scales).columns.size() > 2)
    return TableKind::Reviews;
  if (complete(TableKind::Sites) &&
      !map_header(TableKind::Fidelity, header, scales).columns.count(Field::Date))
    return TableKind::Sites;
  return std::nullopt;
}

// The table a sheet (or CSV file) name stands for; a fidelity sheet without an item column
// but with item-code columns is the wide form.
std::optional<TableKind> recognise_by_name(const std::string& name, const RawRow& header,
                                           const ScaleCatalog& scales) {
  const auto kind = table_kind_for_name(name);
  if (kind == TableKind::Fidelity &&
      !map_header(TableKind::Fidelity, header, scales).columns.count(Field::Item) &&
      count_item_headers(header, scales) > 0)
    return TableKind::FidelityWide;
  return kind;
}

// Which table a sheet holds. Workbook sheets: by name, else by header row. A CSV file: by its
// header row, else by its file name (docs/input.md), since exports often get generic names.
std::optional<TableKind> recognise(const std::string& name, const RawRow& header,
                                   const ScaleCatalog& scales, bool header_first) {
  if (header_first) {
    if (auto k = recognise_by_header(header, scales)) return k;
    return recognise_by_name(name, header, scales);
  }
  if (auto k = recognise_by_name(name, header, scales)) return k;
  return recognise_by_header(header, scales);
}

// A value short enough to show in a message: at most 100 characters, cut on a UTF-8 boundary.
std::string shortened(std::string text) {
  constexpr size_t kMax = 100;
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars > kMax) return text.substr(0, i) + "\u2026";
  }
  return text;
}

// The first of the next few non-empty rows below `first` that is a complete header.
std::optional<std::pair<size_t, TableKind>> find_header_below_title(const RawSheet& sheet,
                                                                    size_t first,
                                                                    const std::string& name,
                                                                    const ScaleCatalog& scales,
                                                                    bool header_first) {
  constexpr int kRowsToTry = 5;
  int tried = 0;
  for (size_t r = first + 1; r < sheet.rows.size() && tried < kRowsToTry; ++r) {
    if (row_is_blank(sheet.rows[r])) continue;
    ++tried;
    const auto kind = recognise(name, sheet.rows[r], scales, header_first);
    if (kind && map_header(*kind, sheet.rows[r], scales).missing.empty())
      return std::make_pair(r, *kind);
  }
  return std::nullopt;
}

bool has_data_merges(const RawSheet& sheet, size_t header_row) {
  return std::any_of(sheet.merged.begin(), sheet.merged.end(),
                     [header_row](const MergedRange& m) { return m.first_row > header_row; });
}

// Copies each merged range's top-left value into the range's other cells, noting each range.
void fill_data_merges(RawSheet& sheet, size_t header_row, const std::string& file,
                      Diagnostics& diagnostics) {
  for (const MergedRange& m : sheet.merged) {
    if (m.first_row <= header_row || m.first_row >= sheet.rows.size()) continue;
    const RawRow& top = sheet.rows[m.first_row];
    if (m.first_col >= top.size()) continue;
    const RawCell value = top[m.first_col];
    const size_t last_row = std::min(m.last_row, sheet.rows.size() - 1);
    const size_t last_col = std::min(m.last_col, kMaxRawColumns - 1);
    for (size_t r = m.first_row; r <= last_row; ++r) {
      RawRow& row = sheet.rows[r];
      if (row.size() <= last_col) row.resize(last_col + 1);
      for (size_t c = m.first_col; c <= last_col; ++c) row[c] = value;
    }
    Diagnostic d;
    d.severity = Severity::Note;
    d.file = file;
    d.sheet = sheet.name;
    d.row = static_cast<int>(m.first_row) + 1;
    d.column = column_letter(m.first_col);
    d.code = "sheet.merged_cells_filled";
    d.args = {column_letter(m.first_col) + std::to_string(m.first_row + 1) + ":" +
              column_letter(m.last_col) + std::to_string(m.last_row + 1)};
    diagnostics.add(std::move(d));
  }
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}

// Reads one recognised sheet.
class SheetReader {
 public:
  SheetReader(RawSheet& sheet, const std::string& file, const std::string& sheet_name,
              const ScaleCatalog& scales, const IngestLimits& limits, RecordSet& records,
              Diagnostics& diagnostics)
      : sheet_(sheet),
        file_(file),
        sheet_name_(sheet_name),
        scales_(scales),
        limits_(limits),
        records_(records),
        diags_(diagnostics) {}

  void read(TableKind kind, size_t header_row) {
    header_row_ = header_row;
    header_ = &sheet_.rows[header_row];
    layout_ = map_header(kind, *header_, scales_);
    table_index_ = diags_.tables.size();
    diags_.tables.push_back({file_, sheet_name_, table_spec(kind).name, 0, 0, 0, 0});

    report_header();
    refuse_identity_columns();
    // Decided over the whole column, before any row is released below.
    if (const auto c = column(Field::EmployedAtIntake)) x_marks_column(*c);
    std::vector<size_t> data_rows;
    for (size_t r = header_row + 1; r < sheet_.rows.size(); ++r)
      if (!row_is_blank(sheet_.rows[r])) data_rows.push_back(r);

    if (!layout_.missing.empty()) {
      // Without a required column no row can be used; each is still counted.
      for (const ColumnSpec* col : layout_.missing) {
        Diagnostic d = base(header_row);
        d.code = "table.missing_column";
        d.args = {col->name, table_spec(kind).name};
        diags_.add(std::move(d));
      }
      for (size_t r : data_rows) {
        const size_t id = records_.add_row(origin(r));
        records_.rows[id].excluded = true;
      }
      return;
    }
    // Room for this sheet's rows and facts at once: a list that doubles as it grows holds its
    // old and new copy together, hundreds of MB for a large export.
    records_.rows.reserve(records_.rows.size() + data_rows.size());
    if (layout_.kind == TableKind::Fidelity)
      records_.items.reserve(records_.items.size() + data_rows.size());
    // Its records hold what a row said, so its cells can go once it is read: a large file's rows
    // and the records made of them are then never all held at once. They go a batch at a time,
    // each followed by malloc_trim: a batch of rows read in order lies in one stretch of the
    // heap, which the trim then returns whole and the next records fill from one end. Freed row
    // by row, the records' small blocks were placed in the holes each row left, scattered over
    // every page, and the memory freed was kept (500 sites: peak 506 MB, 403 MB this way).
    size_t batch_start = 0;
    for (size_t i = 0; i < data_rows.size(); ++i) {
      read_row(data_rows[i]);
      if (i + 1 - batch_start == kRowsBetweenTrims || i + 1 == data_rows.size()) {
        for (size_t k = batch_start; k <= i; ++k) RawRow().swap(sheet_.rows[data_rows[k]]);
        malloc_trim(0);
        batch_start = i + 1;
      }
    }
  }

 private:
  RowOrigin origin(size_t r) const { return {table_index_, static_cast<int>(r) + 1}; }

  Diagnostic base(size_t r) const {
    Diagnostic d;
    d.file = file_;
    d.sheet = sheet_name_;
    d.row = static_cast<int>(r) + 1;
    // What the row concerns, so each site's report can list its own problems.
    if (r > header_row_) {
      if (const auto c = column(Field::Site))
        if (!holds_identity_number(cell(r, *c))) d.site = shortened(cell_display(cell(r, *c)));
      if (layout_.kind != TableKind::Sites && layout_.kind != TableKind::Participants)
        if (const auto c = column(Field::Date)) d.review_date = parse_date(cell(r, *c)).value;
      if (const auto c = column(Field::ReviewDate)) d.review_date = parse_date(cell(r, *c)).value;
    }
    return d;
  }

  std::string header_text(size_t c) const {
    return c < header_->size() ? cell_display((*header_)[c]) : "";
  }

  Diagnostic cell_diag(size_t r, size_t c, Severity sev, std::string code,
                       bool show_value = true) const {
    Diagnostic d = base(r);
    d.severity = sev;
    d.column = column_letter(c);
    d.column_header = header_text(c);
    // A value that holds an identity number is never shown, whatever the problem with it.
    if (show_value && !holds_identity_number(cell(r, c))) d.value = shortened(value_display(r, c));
    d.code = std::move(code);
    return d;
  }

  // A cell as the user sees it; a serial number in a date column is shown as its date, a
  // formula error as its error text.
  std::string value_display(size_t r, size_t c) const {
    const RawCell& v = cell(r, c);
    if (v.is_formula_error()) return v.text;
    if (v.kind == RawCell::Kind::Number && is_date_column(c)) {
      const Parsed<Date> p = parse_date(v);
      if (p.value) return p.value->norwegian();
    }
    return cell_display(v);
  }

  bool is_date_column(size_t c) const {
    for (const auto& [f, col] : layout_.columns)
      if (col == c)
        return f == Field::StartDate || f == Field::Date || f == Field::Intake ||
               f == Field::FirstEmployerContact || f == Field::Ended || f == Field::JobStart ||
               f == Field::JobEnd || f == Field::ReviewDate || f == Field::Deadline;
    return false;
  }

  const RawCell& cell(size_t r, size_t c) const {
    const RawRow& row = sheet_.rows[r];
    return c < row.size() ? row[c] : kEmptyCell;
  }

  std::optional<size_t> column(Field f) const {
    auto it = layout_.columns.find(f);
    if (it == layout_.columns.end()) return std::nullopt;
    return it->second;
  }

  const RawCell& field(size_t r, Field f) const {
    const auto c = column(f);
    return c ? cell(r, *c) : kEmptyCell;
  }

  void report_header() {
    const TableSpec& spec = table_spec(layout_.kind);
    for (const auto& m : sheet_.merged) {
      if (m.first_row <= header_row_ && header_row_ <= m.last_row && m.last_col > m.first_col) {
        Diagnostic d = base(header_row_);
        d.severity = Severity::Warning;
        d.column = column_letter(m.first_col);
        d.column_header = header_text(m.first_col);
        d.code = "header.merged_cells";
        d.args = {column_letter(m.first_col) + std::to_string(m.first_row + 1) + ":" +
                  column_letter(m.last_col) + std::to_string(m.last_row + 1)};
        diags_.add(std::move(d));
      }
    }
    for (const auto& dup : layout_.duplicates) {
      Diagnostic d = base(header_row_);
      d.severity = Severity::Warning;
      d.column = column_letter(dup.column);
      d.column_header = header_text(dup.column);
      d.code = "header.duplicate_column";
      d.args = {dup.name, column_letter(dup.first_column)};
      diags_.add(std::move(d));
    }
    if (!layout_.unknown.empty()) {
      Diagnostic d = base(header_row_);
      d.severity = Severity::Note;
      d.code = "header.unknown_columns";
      d.args = {join(layout_.unknown), spec.name};
      diags_.add(std::move(d));
    }
  }

  // A column of national identity numbers never reaches the model, whatever its header.
  void refuse_identity_columns() {
    size_t width = header_->size();
    for (size_t r = header_row_ + 1; r < sheet_.rows.size(); ++r)
      width = std::max(width, sheet_.rows[r].size());
    // Counted row by row, as the cells lie in memory: a column at a time would visit every
    // row once per column, each visit a cache miss on a large sheet.
    std::vector<size_t> filled(width, 0), ids(width, 0);
    for (size_t r = header_row_ + 1; r < sheet_.rows.size(); ++r) {
      const RawRow& row = sheet_.rows[r];
      for (size_t c = 0; c < row.size(); ++c) {
        const RawCell& v = row[c];
        if (v.is_blank()) continue;
        ++filled[c];
        if (looks_like_identity_number(v)) ++ids[c];
      }
    }
    for (size_t c = 0; c < width; ++c) {
      if (ids[c] == 0 || ids[c] * 2 < filled[c]) continue;
      Diagnostic d = cell_diag(header_row_, c, Severity::Error, "column.identity_numbers", false);
      d.args = {std::to_string(ids[c])};
      diags_.add(std::move(d));
      for (auto it = layout_.columns.begin(); it != layout_.columns.end(); ++it) {
        if (it->second != c) continue;
        const TableSpec& spec = table_spec(layout_.kind);
        for (const auto& col : spec.columns)
          if (col.field == it->first && col.required) layout_.missing.push_back(&col);
        layout_.columns.erase(it);
        break;
      }
      std::erase_if(layout_.wide_items, [c](const auto& w) { return w.first == c; });
    }
  }

  // Parsing helpers: each reports its own error and returns whether the row may go on.
  bool text_field(size_t r, Field f, std::string& out, bool required = false) {
    const auto c = column(f);
    if (!c) return true;
    const RawCell& v = cell(r, *c);
    if (v.kind == RawCell::Kind::Text && v.text.size() > limits_.max_cell_chars) {
      Diagnostic d = cell_diag(r, *c, Severity::Error, "cell.too_long", false);
      d.args = {std::to_string(limits_.max_cell_chars)};
      diags_.add(std::move(d));
      return false;
    }
    out = cell_display(v);
    // An identity number typed into any text (a comment, a summary, a name) is withheld from
    // every report, and the message never shows it. Participant IDs have their own check and
    // are never printed.
    if (f != Field::Participant && holds_identity_number(v)) {
      diags_.add(cell_diag(r, *c, required ? Severity::Error : Severity::Warning,
                           required ? "cell.identity_number_required" : "cell.identity_number",
                           false));
      out.clear();
      return !required;
    }
    return true;
  }

  bool required_text(size_t r, Field f, std::string& out) {
    if (!text_field(r, f, out, true)) return false;
    if (out.empty()) {
      report_missing(r, *column(f));
      return false;
    }
    return true;
  }

  // A required cell without a value. When it shows a formula error, one message says so
  // (value.formula_error) instead of "empty" plus a separate note about the error: the user
  // sees the cell is not empty in the sheet, so "missing" alone would not say what to fix.
  void report_missing(size_t r, size_t c) {
    const RawCell& v = cell(r, c);
    if (!v.is_formula_error()) {
      diags_.add(cell_diag(r, c, Severity::Error, "value.missing"));
      return;
    }
    Diagnostic d = cell_diag(r, c, Severity::Error, "value.formula_error");
    d.args = {d.value};
    diags_.add(std::move(d));
    errors_reported_.push_back(c);
  }

  // Every formula error in a column the table reads, not yet named as a missing value: read
  // as empty, and said so, so no value disappears without a word. Columns the table does not
  // use (a template's helper column) hold no data to lose and are not mentioned.
  void report_formula_errors(size_t r) {
    std::vector<size_t> used;
    for (const auto& [field, c] : layout_.columns) used.push_back(c);
    for (const auto& [c, item] : layout_.wide_items) used.push_back(c);
    std::sort(used.begin(), used.end());
    for (size_t c : used) {
      if (!cell(r, c).is_formula_error()) continue;
      if (std::find(errors_reported_.begin(), errors_reported_.end(), c) != errors_reported_.end())
        continue;
      Diagnostic d = cell_diag(r, c, Severity::Warning, "cell.formula_error");
      d.args = {d.value};
      diags_.add(std::move(d));
    }
  }

  bool date_field(size_t r, Field f, std::optional<Date>& out, bool required) {
    const auto c = column(f);
    if (!c) return true;
    const Parsed<Date> p = parse_date(cell(r, *c));
    if (!p.error.empty()) {
      diags_.add(cell_diag(r, *c, Severity::Error, p.error));
      return false;
    }
    if (required && !p.value) {
      report_missing(r, *c);
      return false;
    }
    // Kept (the row may be right but for a slip of the year), but said, and the period is not
    // chosen by it (analysis/periods.cc). A job's end may be planned (a fixed-term contract),
    // and an action's deadline (Frist) is meant to lie ahead.
    const bool may_lie_ahead = f == Field::JobEnd || f == Field::Deadline;
    if (p.value && !may_lie_ahead && limits_.latest_allowed_date &&
        *p.value > *limits_.latest_allowed_date) {
      Diagnostic d = cell_diag(r, *c, Severity::Warning, "date.in_future");
      d.args = {limits_.latest_allowed_date->norwegian()};
      diags_.add(std::move(d));
    }
    out = p.value;
    return true;
  }

  bool number_field(size_t r, Field f, std::optional<double>& out) {
    const auto c = column(f);
    if (!c) return true;
    const Parsed<double> p = parse_number(cell(r, *c));
    if (!p.error.empty()) {
      diags_.add(cell_diag(r, *c, Severity::Error, p.error));
      return false;
    }
    out = p.value;
    return true;
  }

  bool integer_field(size_t r, Field f, std::optional<int>& out) {
    const auto c = column(f);
    if (!c) return true;
    const Parsed<int> p = parse_integer(cell(r, *c));
    if (!p.error.empty()) {
      diags_.add(cell_diag(r, *c, Severity::Error, p.error));
      return false;
    }
    out = p.value;
    return true;
  }

  // A score cell: a bad value is an error for that score only, not for the row.
  std::optional<int> score_at(size_t r, size_t c, const std::string& site, Date date,
                              const std::string& item) {
    const Parsed<int> p = parse_score(cell(r, c));
    if (!p.error.empty()) {
      Diagnostic d = cell_diag(r, c, Severity::Error, p.error);
      d.args = {item};
      d.site = site;
      d.review_date = date;
      diags_.add(std::move(d));
    }
    return p.value;
  }

  std::optional<int> score_field(size_t r, Field f, const std::string& site, Date date,
                                 const std::string& item) {
    const auto c = column(f);
    if (!c) return std::nullopt;
    return score_at(r, *c, site, date, item);
  }

  void exclude(size_t id) { records_.rows[id].excluded = true; }

  // True when a yes/no column is filled in with "x" for yes, so that empty means no.
  bool x_marks_column(size_t c) {
    if (!x_marks_) {
      bool any_x = false, only_x = true;
      for (size_t r = header_row_ + 1; r < sheet_.rows.size(); ++r) {
        const RawCell& v = cell(r, c);
        if (v.is_blank()) continue;
        if (v.kind == RawCell::Kind::Text && normalize_key(v.text) == "x")
          any_x = true;
        else
          only_x = false;
      }
      x_marks_ = any_x && only_x;
    }
    return *x_marks_;
  }

  void read_row(size_t r) {
    const size_t id = records_.add_row(origin(r));
    errors_reported_.clear();
    bool ok = true;
    switch (layout_.kind) {
      case TableKind::Sites:
        ok = read_site(r, id);
        break;
      case TableKind::Fidelity:
        ok = read_item(r, id);
        break;
      case TableKind::FidelityWide:
        ok = read_wide(r, id);
        break;
      case TableKind::Reviews:
        ok = read_review_info(r, id);
        break;
      case TableKind::Participants:
        ok = read_participant(r, id);
        break;
      case TableKind::Jobs:
        ok = read_job(r, id);
        break;
      case TableKind::Texts:
        ok = read_text(r, id);
        break;
      case TableKind::Actions:
        ok = read_action(r, id);
        break;
    }
    report_formula_errors(r);
    if (!ok) exclude(id);
  }

  bool read_site(size_t r, size_t id) {
    SiteFact f;
    Site& s = f.site;
    bool ok = required_text(r, Field::Site, s.key);
    ok = text_field(r, Field::Name, s.name) && ok;
    ok = text_field(r, Field::County, s.county) && ok;
    ok = text_field(r, Field::NavOffice, s.nav_office) && ok;
    ok = text_field(r, Field::HealthService, s.health_service) && ok;
    ok = date_field(r, Field::StartDate, s.start, false) && ok;
    ok = number_field(r, Field::Fte, s.fte) && ok;
    if (!ok) return false;
    if (s.name.empty()) s.name = s.key;
    f.key = s.key;
    f.canonical = s.name + '\x1f' + s.county + '\x1f' + s.nav_office + '\x1f' + s.health_service +
                  '\x1f' + (s.start ? s.start->iso() : "") + '\x1f' +
                  (s.fte ? std::to_string(*s.fte) : "");
    f.row = id;
    records_.sites.push_back(std::move(f));
    return true;
  }

  // The scale and item a long-form row names: code, number in the scale, or item name.
  bool resolve_item(size_t r, const std::string& item_text, size_t& scale, size_t& item) {
    std::optional<size_t> scale_given;
    if (const auto c = column(Field::Scale)) {
      const std::string st = cell_display(cell(r, *c));
      if (!st.empty()) {
        scale_given = scale_for_text(scales_, st);
        if (!scale_given) {
          Diagnostic d = cell_diag(r, *c, Severity::Error, "scale.unknown");
          diags_.add(std::move(d));
          return false;
        }
      }
    }
    auto fail = [&] {
      diags_.add(cell_diag(r, *column(Field::Item), Severity::Error, "item.unknown"));
      return false;
    };
    // Code ("B1", "g3", "T 14", "B1 Deltakerportefølje"): its scale is known from the code.
    if (const auto code = item_for_code(scales_, item_text)) {
      if (scale_given && *scale_given != code->first) return fail();
      scale = code->first;
      item = code->second;
      return true;
    }
    const size_t s = scale_given.value_or(ScaleCatalog::kIps25);
    const Scale& sc = scales_.scales[s];
    // Number in the scale (1–25 for IPS-25).
    RawCell tmp;
    tmp.kind = RawCell::Kind::Text;
    tmp.text = item_text;
    if (const Parsed<int> n = parse_integer(tmp); n.value) {
      if (*n.value < 1 || *n.value > static_cast<int>(sc.items.size())) return fail();
      scale = s;
      item = static_cast<size_t>(*n.value - 1);
      return true;
    }
    // The item's name, in either language.
    const std::string key = normalize_key(item_text);
    for (size_t si = 0; si < scales_.scales.size(); ++si) {
      if (scale_given && *scale_given != si) continue;
      const auto& items = scales_.scales[si].items;
      for (size_t i = 0; i < items.size(); ++i) {
        if (key == normalize_key(items[i].name.nb) || key == normalize_key(items[i].name.en)) {
          scale = si;
          item = i;
          return true;
        }
      }
    }
    return fail();
  }

  bool read_item(size_t r, size_t id) {
    ItemFact f;
    std::optional<Date> date;
    std::string item_text;
    bool ok = required_text(r, Field::Site, f.site);
    ok = date_field(r, Field::Date, date, true) && ok;
    ok = required_text(r, Field::Item, item_text) && ok;
    if (!ok) return false;
    f.date = *date;
    if (!resolve_item(r, item_text, f.scale, f.item)) return false;
    const std::string code = scales_.scales[f.scale].items[f.item].code;
    ItemRating& ir = f.rating;
    ir.evaluator1 = score_field(r, Field::Evaluator1, f.site, f.date, code);
    ir.evaluator2 = score_field(r, Field::Evaluator2, f.site, f.date, code);
    ir.consensus = score_field(r, Field::Consensus, f.site, f.date, code);
    if (const auto c = column(Field::Consensus)) f.consensus_column = static_cast<int>(*c);
    if (!text_field(r, Field::Comment, ir.comment) ||
        !text_field(r, Field::Recommendation, ir.recommendation))
      return false;
    f.key = f.site + '\x1f' + f.date.iso() + '\x1f' + code;
    auto opt = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    f.canonical = opt(ir.evaluator1) + '\x1f' + opt(ir.evaluator2) + '\x1f' + opt(ir.consensus) +
                  '\x1f' + ir.comment + '\x1f' + ir.recommendation;
    f.row = id;
    records_.items.push_back(std::move(f));
    return true;
  }

  bool read_wide(size_t r, size_t id) {
    std::string site;
    std::optional<Date> date;
    bool ok = required_text(r, Field::Site, site);
    ok = date_field(r, Field::Date, date, true) && ok;
    if (!ok) return false;
    for (const auto& [c, si] : layout_.wide_items) {
      ItemFact f;
      f.site = site;
      f.date = *date;
      f.scale = si.first;
      f.item = si.second;
      const std::string code = scales_.scales[f.scale].items[f.item].code;
      f.rating.consensus = score_at(r, c, site, *date, code);
      f.consensus_column = static_cast<int>(c);
      f.key = site + '\x1f' + date->iso() + '\x1f' + code;
      // Same shape as a long-form row with only Konsensus filled, so the two forms compare.
      f.canonical = std::string("\x1f\x1f") +
                    (f.rating.consensus ? std::to_string(*f.rating.consensus) : "") + "\x1f\x1f";
      f.row = id;
      records_.items.push_back(std::move(f));
    }
    return true;
  }

  bool read_review_info(size_t r, size_t id) {
    ReviewInfoFact f;
    std::optional<Date> date;
    bool ok = required_text(r, Field::Site, f.site);
    ok = date_field(r, Field::Date, date, true) && ok;
    ReviewInfo& in = f.info;
    ok = text_field(r, Field::Evaluators, in.evaluators) && ok;
    ok = text_field(r, Field::Recipient, in.recipient) && ok;
    ok = text_field(r, Field::Purpose, in.purpose) && ok;
    ok = text_field(r, Field::Method, in.method) && ok;
    ok = text_field(r, Field::Summary, in.summary) && ok;
    ok = integer_field(r, Field::StatedTotal, in.stated_total) && ok;
    if (!ok) return false;
    if (const auto c = column(Field::StatedTotal))
      f.stated_total_cell = {column_letter(*c), header_text(*c)};
    f.date = *date;
    f.key = f.site + '\x1f' + f.date.iso();
    f.canonical = in.evaluators + '\x1f' + in.recipient + '\x1f' + in.purpose + '\x1f' + in.method +
                  '\x1f' + in.summary + '\x1f' +
                  (in.stated_total ? std::to_string(*in.stated_total) : "");
    f.row = id;
    records_.review_infos.push_back(std::move(f));
    return true;
  }

  bool read_participant(size_t r, size_t id) {
    ParticipantFact f;
    Participant& p = f.participant;
    bool ok = required_text(r, Field::Participant, p.id);
    if (ok && looks_like_identity_number(field(r, Field::Participant))) {
      diags_.add(cell_diag(r, *column(Field::Participant), Severity::Error,
                           "participant.identity_number", false));
      return false;
    }
    ok = required_text(r, Field::Site, p.site) && ok;
    std::optional<Date> intake;
    ok = date_field(r, Field::Intake, intake, true) && ok;
    if (const auto c = column(Field::EmployedAtIntake)) {
      Parsed<bool> b = parse_yes_no(cell(r, *c));
      if (b.blank() && x_marks_column(*c)) b.value = false;  // the "x or empty" convention
      if (!b.error.empty()) {
        diags_.add(cell_diag(r, *c, Severity::Error, b.error));
        ok = false;
      }
      p.employed_at_intake = b.value;
    }
    ok = date_field(r, Field::FirstEmployerContact, p.first_employer_contact, false) && ok;
    ok = date_field(r, Field::Ended, p.ended, false) && ok;
    ok = text_field(r, Field::EndReason, p.end_reason) && ok;
    ok = integer_field(r, Field::Age, p.age) && ok;
    // People in IPS are of working age; an age outside 15–100 is a slip (−5, 150).
    if (p.age && (*p.age < 15 || *p.age > 100)) {
      diags_.add(
          cell_diag(r, *column(Field::Age), Severity::Error, "participant.age_out_of_range"));
      ok = false;
    }
    if (!ok) return false;
    p.intake = *intake;
    auto d = [](const std::optional<Date>& v) { return v ? v->iso() : std::string(); };
    f.key = p.id;
    f.canonical = p.site + '\x1f' + p.intake.iso() + '\x1f' +
                  (p.employed_at_intake ? (*p.employed_at_intake ? "1" : "0") : "") + '\x1f' +
                  d(p.first_employer_contact) + '\x1f' + d(p.ended) + '\x1f' + p.end_reason +
                  '\x1f' + (p.age ? std::to_string(*p.age) : "");
    f.row = id;
    records_.participants.push_back(std::move(f));
    return true;
  }

  bool read_job(size_t r, size_t id) {
    JobFact f;
    Job& j = f.job;
    std::string kind_text;
    bool ok = required_text(r, Field::Participant, j.participant);
    if (ok && looks_like_identity_number(field(r, Field::Participant))) {
      diags_.add(cell_diag(r, *column(Field::Participant), Severity::Error,
                           "participant.identity_number", false));
      return false;
    }
    ok = required_text(r, Field::JobKindField, kind_text) && ok;
    if (!kind_text.empty()) {
      const std::string k = normalize_key(kind_text);
      auto starts = [&k](std::string_view p) { return k.rfind(p, 0) == 0; };
      // Prefixes, so "Ordinær jobb", "ordinært arbeid" and "Lønnstilskudd (midlertidig)" all match.
      if (starts("ordin") || k == "ordinary" || k == "vanligjobb" || k == "competitive")
        j.kind = JobKind::Ordinary;
      else if (starts("lonnstilsk") || starts("wagesubsid"))
        j.kind = JobKind::WageSubsidy;
      else if (starts("arbeidspraksis") || starts("praksis") || starts("workpractice") ||
               starts("arbeidstrening"))
        j.kind = JobKind::WorkPractice;
      else if (starts("utdann") || starts("education") || starts("skole") || starts("studi"))
        j.kind = JobKind::Education;
      else if (k == "annet" || k == "other")
        j.kind = JobKind::Other;
      else {
        diags_.add(cell_diag(r, *column(Field::JobKindField), Severity::Error, "job.unknown_kind"));
        ok = false;
      }
    }
    std::optional<Date> start;
    ok = date_field(r, Field::JobStart, start, true) && ok;
    ok = date_field(r, Field::JobEnd, j.end, false) && ok;
    ok = number_field(r, Field::HoursPerWeek, j.hours_per_week) && ok;
    // A working week lies within 0–80 hours; −10 or 1e308 would skew every mean.
    if (j.hours_per_week && (*j.hours_per_week < 0 || *j.hours_per_week > 80)) {
      diags_.add(
          cell_diag(r, *column(Field::HoursPerWeek), Severity::Error, "job.hours_out_of_range"));
      ok = false;
    }
    ok = text_field(r, Field::Employer, j.employer) && ok;
    ok = text_field(r, Field::Occupation, j.occupation) && ok;
    if (!ok) return false;
    j.start = *start;
    if (const auto c = column(Field::Participant))
      f.participant_cell = {column_letter(*c), header_text(*c)};
    if (j.end && *j.end < j.start) {
      diags_.add(cell_diag(r, *column(Field::JobEnd), Severity::Error, "job.ends_before_start"));
      return false;
    }
    // Jobs have no natural key: only an identical row is a duplicate.
    f.key = j.participant + '\x1f' + std::to_string(static_cast<int>(j.kind)) + '\x1f' +
            j.start.iso() + '\x1f' + (j.end ? j.end->iso() : "") + '\x1f' +
            (j.hours_per_week ? std::to_string(*j.hours_per_week) : "") + '\x1f' + j.employer +
            '\x1f' + j.occupation;
    f.canonical = f.key;
    f.row = id;
    records_.jobs.push_back(std::move(f));
    return true;
  }

  // A Tekster row: one text field of a site (or, with Enhet empty, of the national summary) in a
  // half-year, written in Markdown (docs/narrative.md).
  bool read_text(size_t r, size_t id) {
    TextFact f;
    NarrativeText& t = f.text;
    std::string period_text, field_text, body;
    bool ok = text_field(r, Field::Site, t.site);
    ok = required_text(r, Field::TextPeriod, period_text) && ok;
    ok = required_text(r, Field::TextField, field_text) && ok;
    ok = required_text(r, Field::TextBody, body) && ok;
    if (!ok) return false;
    const std::optional<Period> period = Period::parse(period_text);
    if (!period) {
      diags_.add(cell_diag(r, *column(Field::TextPeriod), Severity::Error, "text.bad_period"));
      return false;
    }
    const std::optional<std::string> key = text_field_key(field_text);
    if (!key) {
      diags_.add(cell_diag(r, *column(Field::TextField), Severity::Error, "text.unknown_field"));
      return false;
    }
    t.period = *period;
    t.field = *key;
    const size_t body_column = *column(Field::TextBody);
    const ParsedMarkdown md = parse_markdown(body);
    for (const MarkdownProblem& p : md.problems) {
      Diagnostic d =
          cell_diag(r, body_column, Severity::Warning, "text.unsupported_markdown", false);
      d.args = {p.construct, std::to_string(p.line)};
      diags_.add(std::move(d));
    }
    for (const MarkdownSection& sec : md.sections)
      for (const RichBlock& b : sec.blocks) t.blocks.push_back(b);
    // Markup can split a number the cell check saw whole ("*123456*78901"): check what is shown.
    if (contains_identity_number(shown_text(t.blocks))) {
      diags_.add(
          cell_diag(r, body_column, Severity::Error, "cell.identity_number_required", false));
      return false;
    }
    if (const size_t chars = utf8_length(plain_text(t.blocks)); chars > kNarrativePageChars) {
      Diagnostic d = cell_diag(r, body_column, Severity::Warning, "text.too_long_for_page", false);
      d.args = {std::to_string(chars), std::to_string(kNarrativePageChars)};
      diags_.add(std::move(d));
    }
    t.source = file_ + " [" + sheet_name_ + "]:" + std::to_string(r + 1);
    f.key = t.site + '\x1f' + t.period.key() + '\x1f' + t.field;
    f.canonical = body;
    f.row = id;
    records_.texts.push_back(std::move(f));
    return true;
  }

  // A Tiltak row: one action answering a recommendation of a review (docs/narrative.md).
  bool read_action(size_t r, size_t id) {
    ActionFact f;
    PlannedAction& a = f.action;
    std::optional<Date> review;
    std::string item_text, status_text;
    bool ok = required_text(r, Field::Site, a.site);
    ok = date_field(r, Field::ReviewDate, review, true) && ok;
    ok = required_text(r, Field::Item, item_text) && ok;
    ok = required_text(r, Field::ActionText, a.action) && ok;
    ok = text_field(r, Field::Responsible, a.responsible) && ok;
    ok = date_field(r, Field::Deadline, a.deadline, false) && ok;
    ok = required_text(r, Field::ActionStatusField, status_text) && ok;
    ok = text_field(r, Field::Comment, a.comment) && ok;
    if (!ok) return false;
    size_t scale = 0, item = 0;
    if (!resolve_item(r, item_text, scale, item)) return false;
    const std::optional<ActionStatus> status = parse_action_status(status_text);
    if (!status) {
      diags_.add(
          cell_diag(r, *column(Field::ActionStatusField), Severity::Error, "action.bad_status"));
      return false;
    }
    a.review = *review;
    a.item_code = scales_.scales[scale].items[item].code;
    a.status = *status;
    f.key = a.site + '\x1f' + a.review.iso() + '\x1f' + a.item_code + '\x1f' + a.action;
    f.canonical = a.responsible + '\x1f' + (a.deadline ? a.deadline->iso() : "") + '\x1f' +
                  std::to_string(static_cast<int>(a.status)) + '\x1f' + a.comment;
    f.row = id;
    records_.actions.push_back(std::move(f));
    return true;
  }

  RawSheet& sheet_;  // its data rows are released as they are read
  const std::string& file_;
  std::string sheet_name_;
  const ScaleCatalog& scales_;
  const IngestLimits& limits_;
  RecordSet& records_;
  Diagnostics& diags_;
  size_t header_row_ = 0;
  const RawRow* header_ = nullptr;
  Layout layout_;
  size_t table_index_ = 0;
  std::optional<bool> x_marks_;
  std::vector<size_t> errors_reported_;  // columns of the current row named as missing values
};

}  // namespace

void read_workbook_tables(RawWorkbook& book, const std::string& file, const std::string& name_hint,
                          const ScaleCatalog& scales, const IngestLimits& limits,
                          RecordSet& records, Diagnostics& diagnostics) {
  const bool csv = book.format == "csv";
  for (RawSheet& sheet : book.sheets) {
    std::optional<size_t> header_row = find_header_row(sheet);
    const std::string name = csv ? name_hint : sheet.name;
    if (!header_row) continue;  // an empty sheet holds nothing to lose
    if (sheet.truncated) {
      Diagnostic d;
      d.file = file;
      d.sheet = sheet.name;
      d.code = "sheet.too_many_rows";
      d.args = {std::to_string(limits.max_rows_per_sheet)};
      diagnostics.add(std::move(d));
    }
    if (sheet.columns_cut) {
      Diagnostic d;
      d.severity = Severity::Warning;
      d.file = file;
      d.sheet = sheet.name;
      d.code = "sheet.too_many_columns";
      d.args = {column_letter(kMaxRawColumns - 1)};
      diagnostics.add(std::move(d));
    }
    if (sheet.cells_cut) {
      Diagnostic d;
      d.file = file;
      d.sheet = sheet.name;
      d.code = "sheet.too_many_cells";
      d.args = {std::to_string(kMaxRawCellsPerWorkbook)};
      diagnostics.add(std::move(d));
    }
    if (sheet.malformed) {
      Diagnostic d;
      d.file = file;
      d.sheet = sheet.name;
      d.row = static_cast<int>(sheet.rows.size()) + 1;
      d.code = "csv.malformed";
      d.args = {std::to_string(sheet.rows.size())};
      diagnostics.add(std::move(d));
    }
    std::optional<TableKind> kind = recognise(name, sheet.rows[*header_row], scales, csv);
    if (!kind || !map_header(*kind, sheet.rows[*header_row], scales).missing.empty()) {
      // A title above the header ("Kvalitetsmåling Bodø 2012"): a later row among the next
      // few non-empty ones may be the real header. The first non-empty row stays the rule.
      if (auto better = find_header_below_title(sheet, *header_row, name, scales, csv)) {
        Diagnostic d;
        d.severity = Severity::Note;
        d.file = file;
        d.sheet = sheet.name;
        d.row = static_cast<int>(better->first) + 1;
        d.code = "header.title_rows_skipped";
        d.args = {std::to_string(*header_row + 1), std::to_string(better->first)};
        diagnostics.add(std::move(d));
        header_row = better->first;
        kind = better->second;
      }
    }
    if (!kind) {
      Diagnostic d;
      d.severity = csv ? Severity::Error : Severity::Note;
      d.file = file;
      d.sheet = sheet.name;
      d.row = static_cast<int>(*header_row) + 1;
      d.code = "table.unrecognised";
      d.args = {name};
      diagnostics.add(std::move(d));
      continue;
    }
    if (sheet.hidden) {
      Diagnostic d;
      d.severity = Severity::Note;
      d.file = file;
      d.sheet = sheet.name;
      d.code = "sheet.hidden";
      diagnostics.add(std::move(d));
    }
    // Cells merged below the header (a site name spanning its review's rows) hold, for the
    // reader as for the eye, the merged value in every row.
    if (has_data_merges(sheet, *header_row))
      fill_data_merges(sheet, *header_row, file, diagnostics);
    SheetReader reader(sheet, file, sheet.name, scales, limits, records, diagnostics);
    reader.read(*kind, *header_row);
  }
}

}  // namespace ips
