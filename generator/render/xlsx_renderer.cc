// render_xlsx: a "Rapport" sheet with the text of the report, one sheet per table with typed
// cells, total formulas and native charts, and document properties fixed by the options so
// two runs give the same bytes.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "render/heat_scale.h"
#include "render/renderer.h"
#include "render/rich_text.h"
#include "render/xlsx_cells.h"
#include "render/xlsx_error_bars.h"
#include "render/xlsx_sheet_names.h"
#include "report/value_format.h"
#include "report/wording.h"

namespace ips::render {

namespace {

using namespace ips::doc;

constexpr lxw_color_t kAccent = 0x1D4F73;
constexpr lxw_color_t kAccentSoft = 0xE8F0F6;
constexpr lxw_color_t kMuted = 0x4A5763;
constexpr lxw_color_t kWarning = 0x6B3A00;
constexpr lxw_color_t kInk = 0x262B30;  // the charts' dark text
constexpr double kMaxColumnWidth = 60;
constexpr double kRowHeight = 15;

// A folder of libxlsxwriter's own while it writes one workbook (mkdtemp, mode 0700), removed
// on every path. libxlsxwriter writes every part of the package to a temporary file before
// zipping it (about 40 per workbook, 40 000 in a national run); they are unlinked as soon as
// they are opened, so nothing of a report lingers even after a crash, and two workbooks
// written at once never meet. The folder is in $TMPDIR when it is set, else in /dev/shm
// (tmpfs), else in /tmp: creating and unlinking those files on a disk file system costs inode
// allocation and journal work (XLSX CPU at 100 sites on the busy 2-core machine: 3.6-3.8 s
// with the folder in /tmp on ext4, 1.9 s in /dev/shm); the files hold one workbook's XML (a few
// MB at 500 sites) only while it is being zipped.
class PrivateTempDir {
 public:
  explicit PrivateTempDir(const std::filesystem::path& out) {
    const char* tmpdir = std::getenv("TMPDIR");
    std::vector<std::string> bases;
    if (tmpdir && *tmpdir)
      bases.emplace_back(tmpdir);
    else
      bases = {"/dev/shm", "/tmp"};
    int error = 0;
    for (const std::string& base : bases) {
      std::string pattern = base + "/ipsreport-xlsx-XXXXXX";
      if (mkdtemp(pattern.data())) {
        path_ = pattern;
        return;
      }
      error = errno;
    }
    throw RenderError("XLSX " + out.string() + ": cannot create a temporary folder in " +
                          bases.back() + ": " + std::strerror(error),
                      {"run.file_not_written", {out.string()}, error});
  }
  ~PrivateTempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Closes the workbook on every path; a workbook left unfinished by an error is removed, so no
// truncated file is ever left behind.
//
// Not in libxlsxwriter's constant-memory mode, although every sheet is written row by row, top
// to bottom, as that mode needs: it stores text in the cells (inline strings) instead of a
// shared-string table, and Apple Numbers, the iPhone's and the Mac's previews of a mail
// attachment show such cells blank; charts would also lose the cached copy of their numbers
// that previewers draw. The memory it saves is a few MB per workbook (7.8 MB against 3.7 MB
// for the 500-site national summary), so the workbooks stay readable everywhere.
class WorkbookFile {
 public:
  explicit WorkbookFile(const std::filesystem::path& out) : out_(out), temp_(out) {
    // libxlsxwriter only finds out at workbook_close, after all the work, and prints to stderr.
    const auto folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
      throw RenderError(
          "XLSX " + out.string() + ": the folder " + folder.string() + " does not exist",
          {"run.file_not_written", {out.string()}, ENOENT});
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;                       // see above: shared strings
    options.tmpdir = const_cast<char*>(temp_.path().c_str());  // copied by libxlsxwriter
    errno = 0;
    workbook_ = workbook_new_opt(out.string().c_str(), &options);
    if (!workbook_)
      throw RenderError("XLSX " + out.string() + ": cannot create the workbook",
                        {"run.file_not_written", {out.string()}, errno ? errno : ENOMEM});
  }
  ~WorkbookFile() {
    if (!workbook_) return;
    workbook_close(workbook_);
    std::error_code ec;
    std::filesystem::remove(out_, ec);
  }
  WorkbookFile(const WorkbookFile&) = delete;
  WorkbookFile& operator=(const WorkbookFile&) = delete;

  lxw_workbook* get() const { return workbook_; }
  void close() {
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;
    errno = 0;
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
      // The file is written only here: a full disk or a size limit shows up now, as errno.
      const int system_error = error == LXW_ERROR_MEMORY_MALLOC_FAILED ? ENOMEM
                               : errno                                 ? errno
                                                                       : EIO;
      std::error_code ec;
      std::filesystem::remove(out_, ec);
      throw RenderError("XLSX " + out_.string() + ": " + lxw_strerror(error),
                        {"run.file_not_written", {out_.string()}, system_error});
    }
  }

 private:
  std::filesystem::path out_;
  PrivateTempDir temp_;  // outlives the workbook: destroyed after the destructor's close
  lxw_workbook* workbook_ = nullptr;
};

// Where a table landed, for the charts that draw from it.
struct PlacedTable {
  const Table* table = nullptr;
  std::string sheet_name;
  lxw_worksheet* sheet = nullptr;
  lxw_row_t header_row = 0;
  std::vector<lxw_row_t> data_rows;  // sheet rows of the Data rows, in order
  int charts = 0;                    // charts already placed beside it
  // A column of rates with intervals gets its bounds in two typed columns after the table's:
  // table column → the sheet column of its lower bound (the upper one follows).
  std::map<size_t, lxw_col_t> bound_columns;
};

// "B3:B7,B9:B12": the sheet rows of a column grouped into contiguous ranges.
std::string ranges_of(lxw_col_t col, const std::vector<lxw_row_t>& rows) {
  std::string ranges;
  const std::string letters = column_letters(col);
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    if (!ranges.empty()) ranges += ",";
    ranges += letters + std::to_string(rows[i] + 1);
    if (j > i) ranges += ":" + letters + std::to_string(rows[j] + 1);
    i = j + 1;
  }
  return ranges;
}

// A report field written as text in the document ("15.11.2016", "2016-11-15", "4,83") as the
// typed value it shows, so a date sorts and filters as a date; nothing else is changed.
std::optional<Value> typed_field(const std::string& text) {
  int day = 0, month = 0, year = 0;
  char tail = 0;
  const bool dotted = std::sscanf(text.c_str(), "%2d.%2d.%4d%c", &day, &month, &year, &tail) == 3 &&
                      text.size() == 10;
  const bool iso = !dotted &&
                   std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 &&
                   text.size() == 10;
  if ((dotted || iso) &&
      Date::valid_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day)))
    return Value::date(
        Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day)).days);
  return std::nullopt;
}

// "3 / 3" (items scored of items) as its first number, shown "3 / 3" by its number format:
// a number to count and sort with, looking as it did.
struct Fraction {
  double scored = 0;
  std::string number_format;
};
std::optional<Fraction> fraction_of(const std::string& text) {
  unsigned a = 0, b = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%u / %u%c", &a, &b, &tail) != 2) return std::nullopt;
  if (text != std::to_string(a) + " / " + std::to_string(b)) return std::nullopt;
  return Fraction{static_cast<double>(a), "0\" / " + std::to_string(b) + "\""};
}

class XlsxWriter {
 public:
  XlsxWriter(const Report& report, lxw_workbook* workbook)
      : report_(report), workbook_(workbook), formats_(workbook), lang_(report.meta.lang) {}

  void write() {
    gather_item_notes();
    const std::string report_sheet_name = names_.claim(lang_ == Lang::En ? "Report" : "Rapport");
    report_sheet_ = add_sheet(report_sheet_name);
    // Table sheets first, so the report sheet can link to them by their final names.
    for (const auto& section : report_.sections)
      for (const auto& block : section.blocks)
        if (const auto* table = std::get_if<Table>(&block)) place_table(*table);
    write_report_sheet();
    for (const auto& section : report_.sections)
      for (const auto& block : section.blocks)
        if (const auto* chart = std::get_if<Chart>(&block)) place_chart(chart->spec);
  }

 private:
  lxw_worksheet* add_sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
    if (!sheet) throw RenderError("XLSX: cannot add sheet \"" + name + "\"");
    worksheet_set_paper(sheet, 9);  // A4
    set_print_header_footer(sheet, name);
    return sheet;
  }

  // Printed pages carry the running head and "Side 3 av 12", like the PDF.
  void set_print_header_footer(lxw_worksheet* sheet, const std::string& name) {
    auto escape = [](const std::string& text) {
      std::string out;
      for (char c : text) out += c == '&' ? std::string("&&") : std::string(1, c);
      return out;
    };
    // Excel's limit is 255 characters; a header that does not fit is left out rather than cut.
    constexpr size_t kMaxHeaderChars = 255;
    const std::string header = "&L" + escape(report_.meta.running_head);
    if (!report_.meta.running_head.empty() && display_width(header) <= kMaxHeaderChars)
      check_lxw(worksheet_set_header(sheet, header.c_str()), "sheet \"" + name + "\" print header");
    if (!report_.words.page_of.empty()) {
      const std::string footer = "&C" + substitute(escape(report_.words.page_of), {"&P", "&N"});
      if (display_width(footer) <= kMaxHeaderChars)
        check_lxw(worksheet_set_footer(sheet, footer.c_str()),
                  "sheet \"" + name + "\" print footer");
    }
  }

  std::string where(const std::string& sheet, lxw_row_t row, lxw_col_t col) const {
    return "sheet \"" + sheet + "\" cell " + column_letters(col) + std::to_string(row + 1);
  }

  // ---- the report sheet: title, then each section's text, figures and links to tables ----

  void write_report_sheet() {
    lxw_worksheet* sheet = report_sheet_;
    const std::string name = lang_ == Lang::En ? "Report" : "Rapport";
    worksheet_gridlines(sheet, LXW_HIDE_ALL_GRIDLINES);
    check_lxw(worksheet_set_column(sheet, 0, 0, 34, nullptr), name);
    check_lxw(worksheet_set_column(sheet, 1, 1, 16, nullptr), name);
    check_lxw(worksheet_set_column(sheet, 2, 2, 50, nullptr), name);
    worksheet_fit_to_pages(sheet, 1, 0);

    lxw_row_t row = 0;
    auto text = [&](const std::string& value, const CellStyle& style) {
      write_text(sheet, row, 0, value, formats_.get(style), where(name, row, 0));
      ++row;
    };
    text(report_.meta.title, {.bold = true, .font_size = 18, .color = kAccent});
    check_lxw(worksheet_set_row(sheet, 0, 24, nullptr), name);
    if (!report_.meta.subtitle.empty()) text(report_.meta.subtitle, {.font_size = 13});
    if (!report_.meta.date_label.empty()) text(report_.meta.date_label, {.color = kMuted});
    ++row;

    for (const auto& section : report_.sections) {
      write_text(
          sheet, row, 0, section.title,
          formats_.get({.bold = true, .font_size = 14, .color = kAccent, .rule_below = true}),
          where(name, row, 0));
      for (lxw_col_t c = 1; c <= 2; ++c)
        check_lxw(worksheet_write_blank(sheet, row, c, formats_.get({.rule_below = true})),
                  where(name, row, c));
      check_lxw(worksheet_set_row(sheet, row, 20, nullptr), name);
      row += 2;
      for (const auto& block : section.blocks)
        row = write_report_block(sheet, name, row, block) + 1;
      ++row;
    }
  }

  // A long text over columns A:C, with a row height that shows all of it.
  lxw_row_t write_wide_text(lxw_worksheet* sheet, const std::string& name, lxw_row_t row,
                            const std::string& value, CellStyle style) {
    style.wrap = true;
    lxw_format* format = formats_.get(style);
    check_lxw(worksheet_merge_range(sheet, row, 0, row, 2, "", format), where(name, row, 0));
    write_text(sheet, row, 0, value, format, where(name, row, 0));
    size_t lines = 0;
    size_t start = 0;
    // Each line of the text wraps at about 95 characters in the 100-character-wide merged cell.
    while (start <= value.size()) {
      size_t end = value.find('\n', start);
      if (end == std::string::npos) end = value.size();
      lines += std::max<size_t>(1, (display_width(value.substr(start, end - start)) + 94) / 95);
      start = end + 1;
    }
    const double size = style.font_size > 0 ? style.font_size : 11;
    const double height = std::min(409.0, static_cast<double>(lines) * kRowHeight * size / 11);
    check_lxw(worksheet_set_row(sheet, row, height, nullptr), name);
    return row + 1;
  }

  lxw_row_t write_report_block(lxw_worksheet* sheet, const std::string& name, lxw_row_t row,
                               const Block& block) {
    if (const auto* h = std::get_if<Heading>(&block)) {
      write_text(
          sheet, row, 0, h->text,
          formats_.get(
              {.bold = true, .italic = h->level >= 3, .font_size = h->level <= 2 ? 12.0 : 11.0}),
          where(name, row, 0));
      return row + 1;
    }
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      CellStyle style;
      if (p->style == ParagraphStyle::Lead) style.font_size = 12;
      if (p->style == ParagraphStyle::Note) style = {.italic = true, .color = kMuted};
      if (p->style == ParagraphStyle::Warning) style = {.bold = true, .color = kWarning};
      return write_wide_text(sheet, name, row, p->text, style);
    }
    if (const auto* rp = std::get_if<RichParagraph>(&block)) {
      // Sized as plain text, then written as a rich string (bold, italic, links) in place.
      CellStyle style;
      style.indent = rp->marker.empty() ? 0 : static_cast<uint8_t>(rp->depth + 1);
      const lxw_row_t next = write_wide_text(sheet, name, row, rich_plain_text(*rp), style);
      style.wrap = true;
      write_rich_cell(sheet, row, 0, *rp, formats_, formats_.get(style), kAccent,
                      where(name, row, 0));
      return next;
    }
    if (const auto* f = std::get_if<FieldList>(&block)) {
      for (const auto& [label, value] : f->fields) {
        write_text(sheet, row, 0, label, formats_.get({.bold = true}), where(name, row, 0));
        if (const auto typed = typed_field(value))
          write_value(sheet, row, 1, *typed, {.align = LXW_ALIGN_LEFT}, formats_, lang_,
                      where(name, row, 1));
        else
          write_text(sheet, row, 1, value, nullptr, where(name, row, 1));
        ++row;
      }
      return row;
    }
    if (const auto* k = std::get_if<KeyFigures>(&block)) {
      for (const auto& figure : k->figures) {
        write_text(sheet, row, 0, figure.label, formats_.get({.bold = true}), where(name, row, 0));
        write_value(sheet, row, 1, figure.value, {.bold = true, .align = LXW_ALIGN_RIGHT}, formats_,
                    lang_, where(name, row, 1));
        write_text(sheet, row, 2, figure.detail, formats_.get({.color = kMuted, .indent = 1}),
                   where(name, row, 2));
        ++row;
      }
      for (const auto& note : k->notes)
        row = write_wide_text(sheet, name, row, note, {.italic = true, .color = kMuted});
      return row;
    }
    if (const auto* t = std::get_if<Table>(&block)) {
      // A link to the table's own sheet.
      const auto placed = placed_.find(t);
      if (placed == placed_.end()) return row;
      std::string quoted;
      for (char c : placed->second.sheet_name)
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
      const std::string url = "internal:'" + quoted + "'!A1";
      const std::string label = t->caption.empty() ? placed->second.sheet_name : t->caption;
      lxw_format* link = formats_.get({.color = kAccent, .underline = true});
      check_lxw(worksheet_write_url_opt(sheet, row, 0, url.c_str(), link, label.c_str(), nullptr),
                where(name, row, 0));
      return row + 1;
    }
    if (const auto* c = std::get_if<Chart>(&block)) {
      write_text(sheet, row, 0, c->spec.title, formats_.get({.italic = true}), where(name, row, 0));
      ++row;
      if (!c->spec.alt_text.empty())
        row = write_wide_text(sheet, name, row, c->spec.alt_text, {.color = kMuted});
      return row;
    }
    return row;
  }

  // ---- the notes under each item (comment, recommendation) as columns of its table ----

  // An item's notes: the Body paragraphs "Kommentar: …", "Anbefalinger: …" under its heading
  // (anchor "item-<code>") in the section that holds the table listing the items by code. On
  // paper they stand under the item; on a sheet, beside it, where they can be filtered.
  void gather_item_notes() {
    for (const auto& section : report_.sections) {
      std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_code;
      std::string code;
      for (const auto& block : section.blocks) {
        if (const auto* h = std::get_if<Heading>(&block)) {
          code = h->anchor.rfind("item-", 0) == 0 ? h->anchor.substr(5) : std::string();
          continue;
        }
        const auto* p = std::get_if<Paragraph>(&block);
        if (!p || code.empty() || p->style != ParagraphStyle::Body) continue;
        const size_t colon = p->text.find(": ");
        if (colon == std::string::npos || colon == 0 || colon > 40) continue;
        by_code[code].emplace_back(p->text.substr(0, colon), p->text.substr(colon + 2));
      }
      if (by_code.empty()) continue;
      for (const auto& block : section.blocks) {
        const auto* t = std::get_if<Table>(&block);
        if (!t) continue;
        ItemNotes notes;
        for (size_t r = 0; r < t->rows.size(); ++r) {
          const Row& row = t->rows[r];
          if (row.style != RowStyle::Data || row.cells.empty()) continue;
          const auto found = by_code.find(row.cells.front().text);
          if (found == by_code.end()) continue;
          for (const auto& [label, text] : found->second) {
            auto column = std::find(notes.labels.begin(), notes.labels.end(), label);
            if (column == notes.labels.end())
              column = notes.labels.insert(notes.labels.end(), label);
            notes.texts[{r, static_cast<size_t>(column - notes.labels.begin())}] = text;
          }
        }
        if (!notes.labels.empty()) item_notes_.emplace(t, std::move(notes));
      }
    }
  }

  // ---- one sheet per table ----

  // The columns after a table's own: its item notes (comment, recommendation), then the two
  // bound columns of each column of rates with intervals. Known before any row is written,
  // as the sheet is written row by row.
  struct ItemNotes;
  struct ExtraColumns {
    const ItemNotes* notes = nullptr;
    lxw_col_t notes_first = 0, notes_count = 0;
    std::vector<std::pair<size_t, lxw_col_t>> bounds;  // table column → its lower bound column
  };

  ExtraColumns extra_columns(const Table& table) const {
    ExtraColumns extra;
    if (const auto found = item_notes_.find(&table); found != item_notes_.end()) {
      extra.notes = &found->second;
      extra.notes_first = static_cast<lxw_col_t>(table.columns.size());
      extra.notes_count = static_cast<lxw_col_t>(found->second.labels.size());
    }
    lxw_col_t next =
        static_cast<lxw_col_t>(std::max<size_t>(table.columns.size(), 1) + extra.notes_count);
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const bool any = std::any_of(table.rows.begin(), table.rows.end(), [&](const Row& row) {
        return c < row.cells.size() &&
               (row.cells[c].interval.has_value() || row.cells[c].interval_withheld);
      });
      if (!any) continue;
      extra.bounds.emplace_back(c, next);
      next += 2;
    }
    return extra;
  }

  // The header cells of the extra columns, and their widths.
  void write_extra_headers(const Table& table, const PlacedTable& placed,
                           const ExtraColumns& extra) {
    const std::string& name = placed.sheet_name;
    const lxw_row_t row = placed.header_row;
    if (extra.notes) {
      const CellStyle header{
          .bold = true, .wrap = true, .fill = kAccentSoft, .rule_below = true, .indent = 1};
      lxw_format* wrapped = formats_.get({.wrap = true, .indent = 1});
      for (lxw_col_t n = 0; n < extra.notes_count; ++n) {
        const auto col = static_cast<lxw_col_t>(extra.notes_first + n);
        write_text(placed.sheet, row, col, extra.notes->labels[n], formats_.get(header),
                   where(name, row, col));
        check_lxw(worksheet_set_column(placed.sheet, col, col, kMaxColumnWidth, wrapped), name);
      }
    }
    const CellStyle head{.bold = true,
                         .wrap = true,
                         .align = LXW_ALIGN_RIGHT,
                         .fill = kAccentSoft,
                         .rule_below = true};
    for (const auto& [c, at] : extra.bounds) {
      const std::string& header = table.columns[c].header;
      write_text(placed.sheet, row, at, substitute(table.interval_low_header, {header}),
                 formats_.get(head), where(name, row, at));
      write_text(placed.sheet, row, at + 1, substitute(table.interval_high_header, {header}),
                 formats_.get(head), where(name, row, at + 1));
      check_lxw(worksheet_set_column(placed.sheet, at, at + 1, 16, nullptr), name);
    }
  }

  // The extra columns of table row `r` (sheet row `row`): the item's notes, then the bounds of
  // every rate shown with an interval as numbers (the text formats show "40,0 % (21,9–61,3)";
  // a spreadsheet keeps the rate a number), so that the charts' error bars and an analyst can
  // use them; "–" where the interval is withheld.
  void write_extra_cells(const PlacedTable& placed, const ExtraColumns& extra, size_t r,
                         lxw_row_t row) {
    const std::string& name = placed.sheet_name;
    const Row& table_row = placed.table->rows[r];
    if (extra.notes) {
      lxw_format* wrapped = formats_.get({.wrap = true, .indent = 1});
      for (auto it = extra.notes->texts.lower_bound({r, 0});
           it != extra.notes->texts.end() && it->first.first == r; ++it) {
        const auto col = static_cast<lxw_col_t>(extra.notes_first + it->first.second);
        write_text(placed.sheet, row, col, it->second, wrapped, where(name, row, col));
      }
    }
    if (extra.bounds.empty()) return;
    // A withheld rate's bounds are "–" too, in a row of rates (one with an interval).
    const bool rate_row =
        std::any_of(table_row.cells.begin(), table_row.cells.end(),
                    [](const Value& x) { return x.interval.has_value() || x.interval_withheld; });
    const bool total = table_row.style == RowStyle::Total;
    const CellStyle style{.bold = total, .align = LXW_ALIGN_RIGHT, .rule_above = total};
    for (const auto& [c, at] : extra.bounds) {
      const Value v = c < table_row.cells.size() ? table_row.cells[c] : Value::empty();
      for (lxw_col_t k = 0; k < 2; ++k) {
        Value bound = Value::empty();
        if (v.interval)
          bound = Value::rate(k == 0 ? v.interval->low : v.interval->high, v.decimals);
        else if (v.interval_withheld || (rate_row && v.suppressed()))
          bound = Value::withheld();
        write_value(placed.sheet, row, at + k, bound, style, formats_, lang_,
                    where(name, row, at + k));
      }
    }
  }

  // A table's sheet, written row by row: caption, header (with the extra columns' headers),
  // then each row with its extra cells, then the footnotes.
  void place_table(const Table& table) {
    const std::string wanted = !table.sheet_name.empty() ? table.sheet_name
                               : !table.caption.empty()  ? table.caption
                                                         : table.id;
    PlacedTable placed;
    placed.table = &table;
    placed.sheet_name = names_.claim(wanted);
    placed.sheet = add_sheet(placed.sheet_name);
    lxw_worksheet* sheet = placed.sheet;
    const std::string& name = placed.sheet_name;
    const lxw_col_t width = static_cast<lxw_col_t>(std::max<size_t>(table.columns.size(), 1));
    std::vector<size_t> widths(width, 6);
    const ExtraColumns extra = extra_columns(table);
    for (const auto& [c, at] : extra.bounds) placed.bound_columns[c] = at;

    lxw_row_t row = 0;
    write_text(sheet, row, 0, table.caption,
               formats_.get({.bold = true, .font_size = 13, .color = kAccent}),
               where(name, row, 0));
    check_lxw(worksheet_set_row(sheet, row, 20, nullptr), name);
    row = 1;
    placed.header_row = row;

    // Sheet rows of each Data row, to build the totals' formulas and the charts' ranges; and
    // the last row the filter covers (the totals stay below it).
    lxw_row_t last_filter_row = placed.header_row;
    {
      lxw_row_t r = row + 1;
      for (const auto& table_row : table.rows) {
        if (table_row.style == RowStyle::Data) placed.data_rows.push_back(r);
        if (table_row.style != RowStyle::Group && table_row.style != RowStyle::Total)
          last_filter_row = r;
        ++r;
      }
    }
    // Set before the rows are written: libxlsxwriter checks the range against the rows left.
    if (!table.columns.empty())
      check_lxw(worksheet_autofilter(sheet, placed.header_row, 0, last_filter_row,
                                     width + extra.notes_count - 1),
                name);

    for (lxw_col_t c = 0; c < table.columns.size(); ++c) {
      const Column& column = table.columns[c];
      const CellStyle header{.bold = true,
                             .wrap = true,
                             .align = column.align == Align::Right    ? uint8_t(LXW_ALIGN_RIGHT)
                                      : column.align == Align::Center ? uint8_t(LXW_ALIGN_CENTER)
                                                                      : uint8_t(LXW_ALIGN_LEFT),
                             .fill = kAccentSoft,
                             .rule_below = true,
                             .indent = text_indent(table, c)};
      widths[c] = std::max(
          widths[c], std::min<size_t>(write_text(sheet, row, c, column.header, formats_.get(header),
                                                 where(name, row, c)),
                                      24));
    }
    write_extra_headers(table, placed, extra);
    ++row;

    const std::vector<std::optional<std::pair<lxw_col_t, lxw_col_t>>> differences =
        difference_columns(table);
    const std::vector<std::optional<Summary>> summaries = summary_columns(table);
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const Row& table_row = table.rows[r];
      size_t lines = 1;
      if (table_row.style == RowStyle::Group) {
        const CellStyle group{.bold = true, .color = kAccent, .fill = kAccentSoft};
        const Value label = table_row.cells.empty() ? Value::empty() : table_row.cells.front();
        write_value(sheet, row, 0, label, group, formats_, lang_, where(name, row, 0));
        for (lxw_col_t c = 1; c < width; ++c)
          check_lxw(worksheet_write_blank(sheet, row, c, formats_.get(group)), where(name, row, c));
      } else {
        const bool total = table_row.style == RowStyle::Total;
        for (lxw_col_t c = 0; c < width && c < table_row.cells.size(); ++c) {
          const Value& value = table_row.cells[c];
          const Column column = c < table.columns.size() ? table.columns[c] : Column{};
          CellStyle style{.bold = total, .rule_above = total, .indent = text_indent(table, c)};
          if (column.align == Align::Right) style.align = LXW_ALIGN_RIGHT;
          if (column.align == Align::Center) style.align = LXW_ALIGN_CENTER;
          const size_t needed = value.type == ValueType::Text ? display_width(value.text) : 0;
          if (needed > kMaxColumnWidth - 2) {
            style.wrap = true;
            lines = std::max(lines, (needed + static_cast<size_t>(kMaxColumnWidth) - 5) /
                                        static_cast<size_t>(kMaxColumnWidth - 4));
          }
          size_t w;
          if (total && formula_fits(table, c, value))
            w = write_total_formula(sheet, row, c, value, style, placed.data_rows,
                                    where(name, row, c));
          else if (total && sum_of_column(table, c, value))
            w = write_total_formula(sheet, row, c, Value(value).with_aggregate(Aggregate::Sum),
                                    style, placed.data_rows, where(name, row, c));
          else if (const auto fraction = c > 0 && value.type == ValueType::Text
                                             ? fraction_of(value.text)
                                             : std::nullopt) {
            style.align = LXW_ALIGN_RIGHT;
            check_lxw(worksheet_write_number(sheet, row, c, fraction->scored,
                                             formats_.get(style, fraction->number_format)),
                      where(name, row, c));
            w = display_width(value.text);
          } else if (const Formula* f = !total && c < summaries.size() && summaries[c]
                                            ? summary_formula(*summaries[c], table_row)
                                            : nullptr) {
            lxw_format* format = formats_.get(style, number_format_for(value, lang_));
            check_lxw(
                worksheet_write_formula_num(sheet, row, c, f->text.c_str(), format, value.number),
                where(name, row, c));
            w = display_width(format_value(value, lang_));
          } else if (!total && c < differences.size() && differences[c] &&
                     value.type == ValueType::Change && !value.suppressed())
            w = write_difference(sheet, row, c, value, style, *differences[c], where(name, row, c));
          else
            w = write_value(sheet, row, c, value, style, formats_, lang_, where(name, row, c));
          widths[c] = std::max(widths[c], w);
        }
      }
      write_extra_cells(placed, extra, r, row);
      if (lines > 1)
        check_lxw(
            worksheet_set_row(sheet, row, std::min(409.0, kRowHeight * static_cast<double>(lines)),
                              nullptr),
            name);
      ++row;
    }

    for (lxw_col_t c = 0; c < width; ++c) {
      // A little air: Excel's column width counts digits of the default font, and bold totals
      // and right-aligned numbers next to left-aligned text need a gap.
      const double w = std::min(kMaxColumnWidth, static_cast<double>(widths[c]) + 3);
      check_lxw(worksheet_set_column(sheet, c, c, w, nullptr), name);
    }
    worksheet_freeze_panes(sheet, placed.header_row + 1, width > 3 ? 1 : 0);
    check_lxw(worksheet_repeat_rows(sheet, placed.header_row, placed.header_row), name);
    worksheet_fit_to_pages(sheet, 1, 0);
    if (width > 6) worksheet_set_landscape(sheet);

    const std::vector<std::string>& footnotes = table.footnotes;
    if (!footnotes.empty()) ++row;
    for (const auto& footnote : footnotes) {
      write_text(sheet, row, 0, footnote, formats_.get({.italic = true, .color = kMuted}),
                 where(name, row, 0));
      ++row;
    }
    placed_.emplace(&table, std::move(placed));
    placed_by_id_[table.id] = &table;
  }

  // Left-aligned text after another column gets an indent, so it does not touch the
  // right-aligned number before it.
  static uint8_t text_indent(const Table& table, size_t col) {
    return col > 0 && col < table.columns.size() && table.columns[col].align == Align::Left ? 1 : 0;
  }

  // A total is a formula when recomputing it from the visible cells gives the same figure:
  // every data cell of the column is a shown number (a suppressed cell would be left out).
  static bool formula_fits(const Table& table, size_t col, const Value& total) {
    if (total.aggregate == Aggregate::None || !total.is_numeric() || !std::isfinite(total.number))
      return false;
    if (total.type == ValueType::Date) return false;
    bool any = false;
    for (const auto& row : table.rows) {
      if (row.style != RowStyle::Data) continue;
      if (col >= row.cells.size()) continue;
      const Value& v = row.cells[col];
      if (v.suppressed() || v.type == ValueType::Text) return false;
      if (v.is_numeric()) any = true;
    }
    return any;
  }

  // A total the report gives no formula for is a SUM when it is exactly the sum of the
  // column's data cells (counts of people, jobs, rows): recomputing it gives the same figure.
  static bool sum_of_column(const Table& table, size_t col, const Value& total) {
    if (total.aggregate != Aggregate::None || total.type != ValueType::Count ||
        total.suppressed() || !std::isfinite(total.number))
      return false;
    double sum = 0;
    bool any = false;
    for (const auto& row : table.rows) {
      if (row.style != RowStyle::Data || col >= row.cells.size()) continue;
      const Value& v = row.cells[col];
      if (v.type == ValueType::Empty) continue;
      if (v.type != ValueType::Count || v.suppressed()) return false;
      sum += v.number;
      any = true;
    }
    return any && sum == total.number;
  }

  // For each column of changes ("Endring"), the two columns it is the difference of ("Skår"
  // minus "Forrige"), when that holds on every data row that has a change; so the sheet can
  // say =C5-D5 and a corrected score updates its change.
  static std::vector<std::optional<std::pair<lxw_col_t, lxw_col_t>>> difference_columns(
      const Table& table) {
    const size_t width = table.columns.size();
    std::vector<std::optional<std::pair<lxw_col_t, lxw_col_t>>> found(width);
    auto number_at = [](const Row& row, size_t c) -> std::optional<double> {
      if (c >= row.cells.size()) return std::nullopt;
      const Value& v = row.cells[c];
      if (v.suppressed() ||
          (v.type != ValueType::Score && v.type != ValueType::Count && v.type != ValueType::Number))
        return std::nullopt;
      return v.number;
    };
    for (size_t c = 0; c < width; ++c) {
      for (size_t a = 0; a < width && !found[c]; ++a) {
        for (size_t b = 0; b < width && !found[c]; ++b) {
          if (a == b || a >= c || b >= c) continue;  // the operands come before the change
          bool any = false, holds = true;
          for (const auto& row : table.rows) {
            if (row.style != RowStyle::Data || c >= row.cells.size()) continue;
            const Value& change = row.cells[c];
            if (change.type != ValueType::Change || change.suppressed()) continue;
            const auto x = number_at(row, a), y = number_at(row, b);
            if (!x || !y || std::fabs(*x - *y - change.number) > 1e-9) {
              holds = false;
              break;
            }
            any = true;
          }
          if (any && holds)
            found[c] = std::make_pair(static_cast<lxw_col_t>(a), static_cast<lxw_col_t>(b));
        }
      }
    }
    return found;
  }

  // ---- figures over another table's column: an item's mean, lowest and highest score ----

  // A column whose every figure is one function (AVERAGE, MIN, MAX, COUNTIF "<=3") over the
  // column of an earlier table headed by the row's code: "Punktene på tvers av enhetene"
  // (row O5: snitt, laveste, høyeste) over "Punktskår per enhet" (column O5).
  enum class Over { Average, Min, Max, AtMostThree };
  struct Summary {
    Over function;
  };
  struct Formula {
    std::string text;
  };

  // The earlier table's column under header `code`, as its sheet's range and its numbers.
  struct SourceColumn {
    std::string range;
    std::vector<double> numbers;
  };
  std::optional<SourceColumn> source_column(const std::string& code) const {
    if (code.empty()) return std::nullopt;
    for (const auto& [table, placed] : placed_) {
      for (size_t c = 0; c < table->columns.size(); ++c) {
        if (table->columns[c].header != code || placed.data_rows.empty()) continue;
        SourceColumn source;
        for (const auto& row : table->rows) {
          if (row.style != RowStyle::Data || c >= row.cells.size()) continue;
          const Value& v = row.cells[c];
          if (v.suppressed()) return std::nullopt;  // a hidden figure cannot be recomputed
          if (v.type == ValueType::Score || v.type == ValueType::Count ||
              v.type == ValueType::Number)
            source.numbers.push_back(v.number);
        }
        const std::vector<lxw_row_t>& rows = placed.data_rows;
        if (rows.back() - rows.front() + 1 != rows.size()) return std::nullopt;
        const std::string col = column_letters(static_cast<lxw_col_t>(c));
        source.range = quoted_sheet(placed.sheet_name) + "!" + col +
                       std::to_string(rows.front() + 1) + ":" + col +
                       std::to_string(rows.back() + 1);
        return source;
      }
    }
    return std::nullopt;
  }

  static std::optional<double> apply(Over function, const std::vector<double>& numbers) {
    if (numbers.empty()) return std::nullopt;
    switch (function) {
      case Over::Average: {
        double sum = 0;
        for (double n : numbers) sum += n;
        return sum / static_cast<double>(numbers.size());
      }
      case Over::Min:
        return *std::min_element(numbers.begin(), numbers.end());
      case Over::Max:
        return *std::max_element(numbers.begin(), numbers.end());
      case Over::AtMostThree:
        return static_cast<double>(
            std::count_if(numbers.begin(), numbers.end(), [](double n) { return n <= 3; }));
    }
    return std::nullopt;
  }

  std::vector<std::optional<Summary>> summary_columns(const Table& table) const {
    std::vector<std::optional<Summary>> found(table.columns.size());
    for (size_t c = 1; c < table.columns.size(); ++c) {
      for (Over function : {Over::Average, Over::Min, Over::Max, Over::AtMostThree}) {
        bool any = false, holds = true;
        for (const auto& row : table.rows) {
          if (row.style != RowStyle::Data || c >= row.cells.size() || row.cells.empty()) continue;
          const Value& v = row.cells[c];
          if (!v.is_numeric() || v.suppressed() || v.type == ValueType::Date) continue;
          const auto source = source_column(row.cells.front().text);
          const auto expected = source ? apply(function, source->numbers) : std::nullopt;
          if (!expected || std::fabs(*expected - v.number) > 1e-6) {
            holds = false;
            break;
          }
          any = true;
        }
        if (any && holds) {
          found[c] = Summary{function};
          break;
        }
      }
    }
    return found;
  }

  const Formula* summary_formula(const Summary& summary, const Row& row) {
    if (row.style != RowStyle::Data || row.cells.empty()) return nullptr;
    const auto source = source_column(row.cells.front().text);
    if (!source) return nullptr;
    static const char* const kNames[] = {"AVERAGE", "MIN", "MAX", "COUNTIF"};
    const std::string name = kNames[static_cast<int>(summary.function)];
    formula_ = {"=" + name + "(" + source->range +
                (summary.function == Over::AtMostThree ? ",\"<=3\")" : ")")};
    return &formula_;
  }

  size_t write_difference(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const Value& value,
                          const CellStyle& style, std::pair<lxw_col_t, lxw_col_t> operands,
                          const std::string& where_text) {
    const std::string r = std::to_string(row + 1);
    const std::string formula =
        "=" + column_letters(operands.first) + r + "-" + column_letters(operands.second) + r;
    lxw_format* format = formats_.get(style, number_format_for(value, lang_));
    // The cached result is the report's figure, for readers that do not recalculate.
    check_lxw(worksheet_write_formula_num(sheet, row, col, formula.c_str(), format, value.number),
              where_text);
    return display_width(format_value(value, lang_));
  }

  size_t write_total_formula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const Value& value,
                             CellStyle style, const std::vector<lxw_row_t>& data_rows,
                             const std::string& where_text) {
    const std::string function = value.aggregate == Aggregate::Sum ? "SUM" : "AVERAGE";
    const std::string formula = "=" + function + "(" + ranges_of(col, data_rows) + ")";
    if (value.emphasis) style.bold = true;
    lxw_format* format = formats_.get(style, number_format_for(value, lang_));
    // The cached result is the document's figure, so a reader that does not recalculate shows it.
    check_lxw(worksheet_write_formula_num(sheet, row, col, formula.c_str(), format,
                                          doc::spreadsheet_number(value)),
              where_text);
    return display_width(format_value(value, lang_));
  }

  // ---- native charts beside their source table ----

  // The heatmap's colours as conditional formats: the nine colours of the HTML table and the
  // PDF chart (render/heat_scale.h) over the same scale, each with its readable text colour.
  void colour_by_value(const PlacedTable& placed, const ChartSpec& spec, lxw_row_t first,
                       lxw_col_t from, lxw_row_t last, lxw_col_t to) {
    const std::string where_text = "sheet \"" + placed.sheet_name + "\" colour scale";
    const HeatScale scale = HeatScale::of(spec);
    // An empty cell reads as 0 in a comparison: it stops here, uncoloured (rules added first
    // are checked first). Written as a formula on the range's top-left cell: libxlsxwriter's
    // own "blanks" rule refers to the wrong corner of a range.
    char top_left[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(top_left, first, from);
    const std::string is_blank = std::string("=ISBLANK(") + top_left + ")";
    lxw_conditional_format blanks{};
    blanks.type = LXW_CONDITIONAL_TYPE_FORMULA;
    blanks.value_string = const_cast<char*>(is_blank.c_str());
    blanks.stop_if_true = LXW_TRUE;
    check_lxw(worksheet_conditional_format_range(placed.sheet, first, from, last, to, &blanks),
              where_text);
    constexpr int kSteps = 8;
    const double span = scale.max - scale.min;
    for (int k = 0; k <= kSteps; ++k) {
      const double position = static_cast<double>(k) / kSteps;
      lxw_format* colour = workbook_add_format(workbook_);
      if (!colour) throw RenderError("XLSX: out of memory creating a cell format");
      format_set_bg_color(colour, heat_colour(position).packed());
      format_set_font_color(colour, heat_takes_white_text(position) ? 0xFFFFFF : kInk);
      // Values that heat_step puts in step k: within half a step of it. Both ends are finite,
      // so text (which Excel compares as greater than any number) stays uncoloured.
      lxw_conditional_format rule{};
      rule.type = LXW_CONDITIONAL_TYPE_CELL;
      rule.criteria = LXW_CONDITIONAL_CRITERIA_BETWEEN;
      rule.min_value = scale.min + span * (k - 0.5) / kSteps;
      rule.max_value = scale.min + span * (k + 0.5) / kSteps - (k == kSteps ? 0 : 1e-9);
      rule.format = colour;
      check_lxw(worksheet_conditional_format_range(placed.sheet, first, from, last, to, &rule),
                where_text);
    }
  }

  // ---- the chart data sheet: what a chart shows that no table sheet holds ----

  // Where write_chart_block put a chart's numbers on the chart data sheet.
  struct ChartBlock {
    lxw_row_t title_row = 0, header_row = 0;
    lxw_col_t width = 0;
    // Line and bar charts: one row per category, the category in column A, the series in the
    // columns after it; each benchmark a row below (benchmark_rows), one value per category.
    lxw_row_t first = 0, last = 0;
    // Scatter charts: label, x, y in columns A:C; the rows of each series and each benchmark
    // (two points, the ends of the x axis).
    std::vector<std::pair<lxw_row_t, lxw_row_t>> point_rows, benchmark_rows;
  };

  lxw_worksheet* chart_data_sheet() {
    if (!chart_data_) {
      chart_data_name_ = names_.claim(lang_ == Lang::En ? "Chart data" : "Figurdata");
      chart_data_ = add_sheet(chart_data_name_);
      worksheet_set_landscape(chart_data_);
      worksheet_fit_to_pages(chart_data_, 1, 0);
      check_lxw(worksheet_set_column(chart_data_, 0, 0, 30, nullptr), chart_data_name_);
      check_lxw(worksheet_set_column(chart_data_, 1, 12, 16, nullptr), chart_data_name_);
    }
    return chart_data_;
  }

  Value chart_number(const std::optional<double>& v, bool percent) const {
    if (!v || !std::isfinite(*v)) return Value::empty();
    return percent ? Value::rate(*v, 1) : Value::number_of(*v, *v == std::round(*v) ? 0 : 1);
  }

  // The numbers a chart draws, as the PDF draws them, on the chart data sheet: for a chart no
  // table sheet can feed (a sites × rounds table) and for the benchmark lines.
  ChartBlock write_chart_block(const ChartSpec& spec) {
    lxw_worksheet* sheet = chart_data_sheet();
    const std::string& name = chart_data_name_;
    ChartBlock block;
    lxw_row_t row = chart_data_row_;
    block.title_row = row;
    write_text(sheet, row, 0, spec.title, formats_.get({.bold = true, .color = kAccent}),
               where(name, row, 0));
    block.header_row = ++row;
    const CellStyle header{.bold = true, .wrap = true, .fill = kAccentSoft, .rule_below = true};
    const CellStyle number{.align = LXW_ALIGN_RIGHT};
    auto head = [&](lxw_col_t col, const std::string& text) {
      write_text(sheet, block.header_row, col, text, formats_.get(header),
                 where(name, block.header_row, col));
    };
    auto put = [&](lxw_row_t r, lxw_col_t c, const Value& v) {
      if (v.type == ValueType::Empty) return;
      write_value(sheet, r, c, v, number, formats_, lang_, where(name, r, c));
    };
    if (spec.kind == ChartKind::Scatter) {
      head(0, "");
      head(1, spec.x_axis.title);
      head(2, spec.y_axis.title);
      block.width = 3;
      for (const auto& series : spec.series) {
        const lxw_row_t first = row + 1;
        for (size_t i = 0; i < series.values.size() && i < series.x.size(); ++i) {
          ++row;
          write_text(sheet, row, 0,
                     i < series.point_labels.size() ? series.point_labels[i] : series.name, nullptr,
                     where(name, row, 0));
          put(row, 1, chart_number(series.x[i], spec.x_axis.percent));
          put(row, 2, chart_number(series.values[i], spec.y_axis.percent));
        }
        block.point_rows.emplace_back(first, row);
      }
      for (const auto& benchmark : spec.benchmarks) {
        const lxw_row_t first = row + 1;
        for (double x : {spec.x_axis.min, spec.x_axis.max}) {
          ++row;
          write_text(sheet, row, 0, benchmark.label, nullptr, where(name, row, 0));
          put(row, 1, chart_number(x, spec.x_axis.percent));
          put(row, 2, chart_number(benchmark.value, spec.y_axis.percent));
        }
        block.benchmark_rows.emplace_back(first, row);
      }
    } else {
      head(0, spec.x_axis.title);
      lxw_col_t col = 1;
      for (const auto& series : spec.series) head(col++, series.name);
      // The intervals of the error bars as bound columns after the series, as on the table
      // sheets: "–" for a shown rate whose interval is withheld (a series with intervals has
      // one for every shown rate otherwise), as the HTML chart table says "40,0 % (–)".
      std::vector<std::pair<size_t, lxw_col_t>> bounds;  // series → its lower bound column
      for (size_t s = 0; s < spec.series.size() && s < spec.intervals.size(); ++s) {
        const auto& intervals = spec.intervals[s];
        if (!spec.y_axis.percent || std::none_of(intervals.begin(), intervals.end(),
                                                 [](const auto& x) { return x.has_value(); }))
          continue;
        bounds.emplace_back(s, col);
        head(col++, substitute(interval_header(true), {spec.series[s].name}));
        head(col++, substitute(interval_header(false), {spec.series[s].name}));
      }
      block.width =
          spec.benchmarks.empty()
              ? col
              : std::max<lxw_col_t>(col, static_cast<lxw_col_t>(spec.categories.size() + 1));
      block.first = row + 1;
      for (size_t i = 0; i < spec.categories.size(); ++i) {
        ++row;
        write_text(sheet, row, 0, spec.categories[i], nullptr, where(name, row, 0));
        col = 1;
        for (const auto& series : spec.series)
          put(row, col++,
              chart_number(i < series.values.size() ? series.values[i] : std::nullopt,
                           spec.y_axis.percent));
        for (const auto& [s, at] : bounds) {
          const auto& values = spec.series[s].values;
          const auto& intervals = spec.intervals[s];
          const bool shown = i < values.size() && values[i] && std::isfinite(*values[i]);
          for (lxw_col_t k = 0; k < 2; ++k) {
            if (i < intervals.size() && intervals[i] && shown)
              put(row, at + k, Value::rate(k == 0 ? intervals[i]->low : intervals[i]->high, 1));
            else if (shown)
              put(row, at + k, Value::withheld());
          }
        }
      }
      block.last = row;
      // Each benchmark a row of its own below, its value once per category: no row that names
      // a service holds a number that is not the service's (a withheld one stays empty).
      if (!spec.benchmarks.empty()) ++row;
      for (const auto& benchmark : spec.benchmarks) {
        ++row;
        write_text(sheet, row, 0, benchmark.label, formats_.get({.italic = true}),
                   where(name, row, 0));
        for (size_t i = 0; i < spec.categories.size(); ++i)
          put(row, static_cast<lxw_col_t>(1 + i),
              chart_number(benchmark.value, spec.y_axis.percent));
        block.benchmark_rows.emplace_back(row, row);
      }
    }
    chart_data_row_ = row + 3;
    return block;
  }

  // A benchmark drawn as a series of its own: a grey dashed line (a pale bar in a bar chart),
  // each benchmark with its own dash, and its name in the legend.
  void style_benchmark(lxw_chart_series* series, ChartKind kind, size_t index) {
    static constexpr uint8_t kDashes[] = {LXW_CHART_LINE_DASH_DASH, LXW_CHART_LINE_DASH_LONG_DASH,
                                          LXW_CHART_LINE_DASH_ROUND_DOT};
    lxw_chart_line line{};
    line.color = kMuted;
    line.width = 1.25;
    line.dash_type = kDashes[index % 3];
    chart_series_set_line(series, &line);
    if (kind == ChartKind::Bar) {
      lxw_chart_fill fill{};
      fill.color = 0xE4E8EC;
      chart_series_set_fill(series, &fill);
    } else {
      chart_series_set_marker_type(series, LXW_CHART_MARKER_NONE);
    }
  }

  // Every scatter point labelled with its service, as the PDF prints the names beside the
  // points. The label is the name itself (LibreOffice shows no labels that refer to cells), or a
  // reference to its cell (column A, rows first..) when the name starts with "=", which
  // libxlsxwriter would otherwise take as a formula.
  void label_points(lxw_chart_series* series, const std::string& sheet_name, lxw_row_t first,
                    const std::vector<std::string>& names) {
    if (names.empty()) return;
    auto& storage = label_storage_.emplace_back();
    storage.texts.reserve(names.size());
    storage.labels.resize(names.size());
    for (size_t i = 0; i < names.size(); ++i) {
      const bool formula_like = names[i].rfind('=', 0) == 0;
      storage.texts.push_back(formula_like ? "=" + quoted_sheet(sheet_name) + "!$A$" +
                                                 std::to_string(first + i + 1)
                                           : names[i]);
      storage.labels[i].value = storage.texts.back().data();
    }
    for (auto& label : storage.labels) storage.pointers.push_back(&label);
    storage.pointers.push_back(nullptr);
    chart_series_set_labels(series);
    check_lxw(chart_series_set_labels_custom(series, storage.pointers.data()),
              "sheet \"" + sheet_name + "\" point labels");
    chart_series_set_labels_position(series, LXW_CHART_LABEL_POSITION_RIGHT);
  }

  static std::string quoted_sheet(const std::string& name) {
    std::string quoted = "'";
    for (char c : name) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'";
  }

  void place_chart(const ChartSpec& spec) {
    const auto found =
        spec.source_table.empty() ? placed_by_id_.end() : placed_by_id_.find(spec.source_table);
    PlacedTable* placed = found == placed_by_id_.end() ? nullptr : &placed_.at(found->second);
    std::vector<lxw_col_t> series_columns;
    if (placed) {
      const auto width = static_cast<lxw_col_t>(placed->table->columns.size());
      for (int c : spec.series_columns)
        if (c >= 0 && static_cast<size_t>(c) < width)
          series_columns.push_back(static_cast<lxw_col_t>(c));
    }

    if (spec.kind == ChartKind::Heatmap) {
      // Excel has no heatmap chart; the table itself is coloured by value.
      if (!placed || placed->data_rows.empty()) return;
      const auto width = static_cast<lxw_col_t>(placed->table->columns.size());
      lxw_col_t from = width, to = 0;
      for (lxw_col_t c : series_columns) from = std::min(from, c), to = std::max(to, c);
      if (series_columns.empty()) from = 1, to = width - 1;
      if (from > to || to >= width) return;
      colour_by_value(*placed, spec, placed->data_rows.front(), from, placed->data_rows.back(), to);
      return;
    }
    // Drawn from its table's cells when the table holds exactly the chart's rows (the report
    // says so by naming it); otherwise from the chart's own numbers on the chart data sheet.
    bool from_table = placed && !placed->data_rows.empty() && !series_columns.empty() &&
                      spec.category_column >= 0 &&
                      static_cast<size_t>(spec.category_column) < placed->table->columns.size();
    // A withheld figure ("–", "<5") is text in the table, which a chart would plot as 0: such a
    // chart draws from its own numbers, where a withheld point is a gap.
    if (from_table)
      for (const auto& row : placed->table->rows)
        for (lxw_col_t c : series_columns)
          if (row.style == RowStyle::Data && c < row.cells.size() &&
              (row.cells[c].type == ValueType::Text || row.cells[c].suppressed()))
            from_table = false;
    bool any_series = false;
    for (const auto& series : spec.series) any_series = any_series || !series.values.empty();
    if (!from_table && !any_series) return;
    const bool needs_block = !from_table || !spec.benchmarks.empty();
    const ChartBlock block = needs_block ? write_chart_block(spec) : ChartBlock{};

    const uint8_t type = spec.kind == ChartKind::Line      ? uint8_t(LXW_CHART_LINE)
                         : spec.kind == ChartKind::Scatter ? uint8_t(LXW_CHART_SCATTER)
                                                           : uint8_t(LXW_CHART_COLUMN);
    lxw_chart* chart = workbook_add_chart(workbook_, type);
    if (!chart) throw RenderError("XLSX: cannot create chart \"" + spec.title + "\"");
    auto add_series = [&]() {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      if (!series) throw RenderError("XLSX: cannot add a series to chart \"" + spec.title + "\"");
      return series;
    };
    const char* data_name = chart_data_name_.c_str();
    size_t drawn = 0;
    if (from_table) {
      const char* sheet_name = placed->sheet_name.c_str();
      const lxw_row_t first = placed->data_rows.front(), last = placed->data_rows.back();
      const auto category = static_cast<lxw_col_t>(spec.category_column);
      for (lxw_col_t c : series_columns) {
        lxw_chart_series* series = add_series();
        chart_series_set_categories(series, sheet_name, first, category, last, category);
        chart_series_set_values(series, sheet_name, first, c, last, c);
        chart_series_set_name_range(series, sheet_name, placed->header_row, c);
        if (spec.kind == ChartKind::Line)
          chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
        if (spec.kind == ChartKind::Bar || spec.kind == ChartKind::Line) {
          // The intervals the table's cells carry (their bound columns), row by row.
          std::vector<std::string> names;
          std::vector<std::optional<double>> values;
          std::vector<std::optional<Interval>> intervals;
          for (const auto& row : placed->table->rows) {
            if (row.style != RowStyle::Data) continue;
            names.push_back(category < row.cells.size() ? format_value(row.cells[category], lang_)
                                                        : std::string());
            const Value v = c < row.cells.size() ? row.cells[c] : Value::empty();
            values.push_back(v.is_numeric() && !v.suppressed() ? std::optional(v.number)
                                                               : std::nullopt);
            intervals.push_back(v.interval);
          }
          // The series named in the title only when the chart has more than one.
          add_error_bars(series, spec.title,
                         series_columns.size() > 1 ? placed->table->columns[c].header : "", names,
                         values, intervals);
        }
        // Scatter points named by the table's first column, when its rows are the points.
        const bool labelled = !spec.series.empty() && !spec.series.front().point_labels.empty();
        if (spec.kind == ChartKind::Scatter && labelled && category != 0 &&
            placed->data_rows.size() == last - first + 1) {
          std::vector<std::string> names;
          for (const auto& row : placed->table->rows)
            if (row.style == RowStyle::Data)
              names.push_back(row.cells.empty() ? std::string()
                                                : format_value(row.cells[0], lang_));
          label_points(series, placed->sheet_name, first, names);
        }
        ++drawn;
      }
    } else if (spec.kind == ChartKind::Scatter) {
      for (size_t s = 0; s < block.point_rows.size(); ++s) {
        const auto [first, last] = block.point_rows[s];
        if (last < first) continue;
        lxw_chart_series* series = add_series();
        chart_series_set_categories(series, data_name, first, 1, last, 1);
        chart_series_set_values(series, data_name, first, 2, last, 2);
        // A name starting with "=" would be read as a reference: such a series stays unnamed.
        if (spec.series[s].name.rfind('=', 0) != 0)
          chart_series_set_name(series, spec.series[s].name.c_str());
        label_points(series, chart_data_name_, first, spec.series[s].point_labels);
        ++drawn;
      }
    } else {
      for (size_t s = 0; s < spec.series.size(); ++s) {
        const auto col = static_cast<lxw_col_t>(1 + s);
        lxw_chart_series* series = add_series();
        chart_series_set_categories(series, data_name, block.first, 0, block.last, 0);
        chart_series_set_values(series, data_name, block.first, col, block.last, col);
        chart_series_set_name_range(series, data_name, block.header_row, col);
        if (spec.kind == ChartKind::Line)
          chart_series_set_marker_type(series,
                                       kMarkers[s % (sizeof kMarkers / sizeof kMarkers[0])]);
        if ((spec.kind == ChartKind::Bar || spec.kind == ChartKind::Line) &&
            s < spec.intervals.size())
          add_error_bars(series, spec.title, spec.series.size() > 1 ? spec.series[s].name : "",
                         spec.categories, spec.series[s].values, spec.intervals[s]);
        ++drawn;
      }
    }
    // The benchmarks as series of their own, so the analyst's chart shows what the PDF does.
    for (size_t b = 0; b < spec.benchmarks.size(); ++b) {
      lxw_chart_series* series = add_series();
      if (spec.kind == ChartKind::Scatter) {
        const auto [first, last] = block.benchmark_rows[b];
        chart_series_set_categories(series, data_name, first, 1, last, 1);
        chart_series_set_values(series, data_name, first, 2, last, 2);
        chart_series_set_name(series, spec.benchmarks[b].label.c_str());
      } else {
        const lxw_row_t at = block.benchmark_rows[b].first;
        const auto last = static_cast<lxw_col_t>(spec.categories.size());
        chart_series_set_categories(series, data_name, block.first, 0, block.last, 0);
        chart_series_set_values(series, data_name, at, 1, at, last);
        chart_series_set_name_range(series, data_name, at, 0);
      }
      style_benchmark(series, spec.kind, b);
      ++drawn;
    }

    if (!spec.title.empty()) {
      chart_title_set_name(chart, spec.title.c_str());
      // Excel's default 18 pt title wraps the long titles of these reports.
      lxw_chart_font title_font{};
      title_font.size = 12;
      title_font.bold = LXW_TRUE;
      chart_title_set_name_font(chart, &title_font);
    }
    if (!spec.x_axis.title.empty()) chart_axis_set_name(chart->x_axis, spec.x_axis.title.c_str());
    if (!spec.y_axis.title.empty()) chart_axis_set_name(chart->y_axis, spec.y_axis.title.c_str());
    if (spec.y_axis.max > spec.y_axis.min) {
      chart_axis_set_min(chart->y_axis, spec.y_axis.min);
      chart_axis_set_max(chart->y_axis, spec.y_axis.max);
      if (spec.y_axis.step > 0) chart_axis_set_major_unit(chart->y_axis, spec.y_axis.step);
    }
    // Axis ticks as the PDF writes them ("25 %" in Norwegian): report/value_format.h.
    const std::string y_format = axis_format(spec.y_axis);
    const std::string x_format = axis_format(spec.x_axis);
    if (spec.y_axis.percent) chart_axis_set_num_format(chart->y_axis, y_format.c_str());
    if (spec.kind == ChartKind::Scatter) {
      if (spec.x_axis.max > spec.x_axis.min) {
        chart_axis_set_min(chart->x_axis, spec.x_axis.min);
        chart_axis_set_max(chart->x_axis, spec.x_axis.max);
      }
      if (spec.x_axis.percent) chart_axis_set_num_format(chart->x_axis, x_format.c_str());
    }
    chart_legend_set_position(chart, drawn > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);

    lxw_chart_options options{};
    options.y_scale = 1.2;
    options.x_offset = 10;
    if (from_table) {
      // To the right of the table; a second chart of the same table goes below the first.
      options.x_scale = placed->data_rows.size() > 12 ? 1.8 : 1.4;
      const lxw_row_t at_row = placed->header_row + static_cast<lxw_row_t>(placed->charts) * 20;
      const auto width = static_cast<lxw_col_t>(placed->table->columns.size());
      const auto beside = static_cast<lxw_col_t>(width + 1 + 2 * placed->bound_columns.size());
      check_lxw(worksheet_insert_chart_opt(placed->sheet, at_row, beside, chart, &options),
                "sheet \"" + placed->sheet_name + "\" chart \"" + spec.title + "\"");
      ++placed->charts;
    } else {
      // Beside its numbers on the chart data sheet, which leaves room for it below them.
      options.x_scale = spec.categories.size() > 12 ? 1.8 : 1.4;
      check_lxw(worksheet_insert_chart_opt(chart_data_, block.title_row, block.width + 1, chart,
                                           &options),
                "sheet \"" + chart_data_name_ + "\" chart \"" + spec.title + "\"");
      chart_data_row_ = std::max<lxw_row_t>(chart_data_row_, block.title_row + 22);
    }
  }

  // A bar or line chart's 95 % intervals as error bars on its points, like the PDF's. The
  // length above and below each point goes on the chart data sheet, where the chart's custom
  // error bars read it; they are patched into the chart once the workbook is written, as
  // libxlsxwriter 1.1.4 cannot write custom error bars (render/xlsx_error_bars.h). No bar where
  // the rate or its interval is withheld.
  void add_error_bars(lxw_chart_series* series, const std::string& title,
                      const std::string& series_name, const std::vector<std::string>& categories,
                      const std::vector<std::optional<double>>& values,
                      const std::vector<std::optional<Interval>>& intervals) {
    CustomErrorBars bars;
    bool any = false;
    for (size_t i = 0; i < values.size(); ++i) {
      std::optional<double> plus, minus;
      if (values[i] && i < intervals.size() && intervals[i]) {
        plus = std::max(0.0, intervals[i]->high - *values[i]);
        minus = std::max(0.0, *values[i] - intervals[i]->low);
        any = true;
      }
      bars.plus.push_back(plus);
      bars.minus.push_back(minus);
    }
    if (!any) return;

    lxw_worksheet* sheet = chart_data_sheet();
    const std::string& name = chart_data_name_;
    const bool en = lang_ == Lang::En;
    lxw_row_t row = chart_data_row_;
    write_text(sheet, row, 0,
               title + (series_name.empty() ? "" : ", " + series_name) +
                   (en ? ": the 95% interval as error bars" : ": 95 %-intervallet som feilstolper"),
               formats_.get({.bold = true, .color = kAccent}), where(name, row, 0));
    ++row;
    const CellStyle header{.bold = true, .wrap = true, .fill = kAccentSoft, .rule_below = true};
    const char* heads[] = {"", en ? "Above the rate" : "Over andelen",
                           en ? "Below the rate" : "Under andelen"};
    for (lxw_col_t c = 0; c < 3; ++c)
      write_text(sheet, row, c, heads[c], formats_.get(header), where(name, row, c));
    const lxw_row_t first = row + 1;
    for (size_t i = 0; i < values.size(); ++i) {
      ++row;
      write_text(sheet, row, 0, i < categories.size() ? categories[i] : std::string(), nullptr,
                 where(name, row, 0));
      for (lxw_col_t c = 1; c < 3; ++c) {
        const std::optional<double>& length = c == 1 ? bars.plus[i] : bars.minus[i];
        if (length)
          write_value(sheet, row, c, Value::rate(*length, 1), {.align = LXW_ALIGN_RIGHT}, formats_,
                      lang_, where(name, row, c));
      }
    }
    chart_data_row_ = row + 3;
    auto range = [&](lxw_col_t c) {
      const std::string col = "$" + column_letters(c) + "$";
      return quoted_sheet(name) + "!" + col + std::to_string(first + 1) + ":" + col +
             std::to_string(row + 1);
    };
    bars.plus_range = range(1);
    bars.minus_range = range(2);

    bars.placeholder = error_bar_placeholder(error_bars_.size());
    lxw_series_error_bars* y = chart_series_get_error_bars(series, LXW_CHART_ERROR_BAR_AXIS_Y);
    chart_series_set_error_bars(y, LXW_CHART_ERROR_BAR_TYPE_FIXED, bars.placeholder);
    chart_series_set_error_bars_endcap(y, LXW_CHART_ERROR_BAR_END_CAP);
    lxw_chart_line line{};
    line.color = kInk;
    line.width = 1.25;
    chart_series_set_error_bars_line(y, &line);
    error_bars_.push_back(std::move(bars));
  }

  // The header of a lower (upper) bound column, "{0}, nedre grense 95 %": the report's wording,
  // as its tables carry it.
  std::string interval_header(bool lower) const {
    for (const auto& section : report_.sections)
      for (const auto& block : section.blocks)
        if (const auto* t = std::get_if<Table>(&block))
          if (!(lower ? t->interval_low_header : t->interval_high_header).empty())
            return lower ? t->interval_low_header : t->interval_high_header;
    const bool en = lang_ == Lang::En;
    return lower ? (en ? "{0}, lower 95% bound" : "{0}, nedre grense 95 %")
                 : (en ? "{0}, upper 95% bound" : "{0}, øvre grense 95 %");
  }

  // A percent axis' number format: its ticks' decimals, the language's percent sign.
  std::string axis_format(const Axis& axis) const {
    const int decimals = decimals_for_step(axis.step > 0 ? axis.step * 100 : 25);
    return spreadsheet_format(Value::rate(0, decimals), lang_);
  }

  // Line series told apart by marker shape as well as colour (as in the PDF).
  static constexpr uint8_t kMarkers[] = {LXW_CHART_MARKER_CIRCLE,  LXW_CHART_MARKER_SQUARE,
                                         LXW_CHART_MARKER_DIAMOND, LXW_CHART_MARKER_TRIANGLE,
                                         LXW_CHART_MARKER_X,       LXW_CHART_MARKER_STAR};

  // Custom data labels must outlive the chart until the workbook is written.
  struct PointLabels {
    std::vector<std::string> texts;
    std::vector<lxw_chart_data_label> labels;
    std::vector<lxw_chart_data_label*> pointers;
  };

  const Report& report_;
  lxw_workbook* workbook_;
  CellFormats formats_;
  Lang lang_;
  SheetNames names_;
  lxw_worksheet* report_sheet_ = nullptr;
  std::map<const Table*, PlacedTable> placed_;
  std::map<std::string, const Table*> placed_by_id_;
  // Item notes per table: the labels in column order, and the text per (row, label).
  struct ItemNotes {
    std::vector<std::string> labels;
    std::map<std::pair<size_t, size_t>, std::string> texts;
  };
  std::map<const Table*, ItemNotes> item_notes_;
  Formula formula_;  // the last summary_formula
  lxw_worksheet* chart_data_ = nullptr;
  std::string chart_data_name_;
  lxw_row_t chart_data_row_ = 0;
  std::deque<PointLabels> label_storage_;
  std::vector<CustomErrorBars> error_bars_;  // patched in after workbook_close

 public:
  /// The custom error bars of the charts, to patch into the written workbook.
  const std::vector<CustomErrorBars>& error_bars() const { return error_bars_; }
};

}  // namespace

void render_xlsx(const Report& report, const RenderOptions& options,
                 const std::filesystem::path& out) {
  WorkbookFile file(out);

  // Fixed metadata: the creation time comes from the options, never the clock.
  const std::time_t created = static_cast<std::time_t>(options.document_time);
  std::tm created_tm{};
  if (!gmtime_r(&created, &created_tm))
    throw RenderError("XLSX " + out.string() + ": invalid document time");
  // libxlsxwriter takes char* but only reads the strings (until workbook_close).
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(doc::document_title(report.meta).c_str());
  properties.subject = const_cast<char*>(report.meta.subject.c_str());
  properties.author = const_cast<char*>(report.meta.author.c_str());
  properties.keywords = const_cast<char*>(report.meta.keywords.c_str());
  properties.created = created;
  check_lxw(workbook_set_properties(file.get(), &properties),
            out.string() + " document properties");

  XlsxWriter writer(report, file.get());
  writer.write();
  file.close();
  try {
    apply_custom_error_bars(out, writer.error_bars());
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(out, ec);  // no workbook with placeholder error bars is left
    throw;
  }
}

}  // namespace ips::render
