// render_xlsx: a "Rapport" sheet with the text of the report, one sheet per table with typed
// cells, total formulas and native charts, and document properties fixed by the options so
// two runs give the same bytes.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>

#include "render/heat_scale.h"
#include "render/renderer.h"
#include "render/rich_text.h"
#include "render/xlsx_cells.h"
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

// Closes the workbook on every path; a workbook left unfinished by an error is removed, so no
// truncated file is ever left behind.
class WorkbookFile {
 public:
  explicit WorkbookFile(const std::filesystem::path& out) : out_(out) {
    // libxlsxwriter only finds out at workbook_close, after all the work, and prints to stderr.
    const auto folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
      throw RenderError("XLSX " + out.string() + ": the folder " + folder.string() +
                        " does not exist");
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    workbook_ = workbook_new_opt(out.string().c_str(), &options);
    if (!workbook_) throw RenderError("XLSX " + out.string() + ": cannot create the workbook");
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
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
      std::error_code ec;
      std::filesystem::remove(out_, ec);
      check_lxw(error, out_.string());
    }
  }

 private:
  std::filesystem::path out_;
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

class XlsxWriter {
 public:
  XlsxWriter(const Report& report, lxw_workbook* workbook)
      : report_(report), workbook_(workbook), formats_(workbook), lang_(report.meta.lang) {}

  void write() {
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
      bool withheld = false;
      for (const auto& figure : k->figures)
        withheld = withheld || figure.value.suppression == Suppression::Withheld;
      if (withheld && !report_.words.suppressed_note.empty())
        row = write_wide_text(sheet, name, row, report_.words.suppressed_note,
                              {.italic = true, .color = kMuted});
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

  // ---- one sheet per table ----

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

    lxw_row_t row = 0;
    write_text(sheet, row, 0, table.caption,
               formats_.get({.bold = true, .font_size = 13, .color = kAccent}),
               where(name, row, 0));
    check_lxw(worksheet_set_row(sheet, row, 20, nullptr), name);
    row = 1;
    placed.header_row = row;
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
    ++row;

    // Sheet rows of each Data row, to build the totals' formulas and the charts' ranges.
    {
      lxw_row_t r = row;
      for (const auto& table_row : table.rows) {
        if (table_row.style == RowStyle::Data) placed.data_rows.push_back(r);
        ++r;
      }
    }

    lxw_row_t last_filter_row = placed.header_row;
    for (const auto& table_row : table.rows) {
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
          else
            w = write_value(sheet, row, c, value, style, formats_, lang_, where(name, row, c));
          widths[c] = std::max(widths[c], w);
        }
        if (!total) last_filter_row = row;
      }
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
    if (!table.columns.empty())
      check_lxw(worksheet_autofilter(sheet, placed.header_row, 0, last_filter_row, width - 1),
                name);
    check_lxw(worksheet_repeat_rows(sheet, placed.header_row, placed.header_row), name);
    worksheet_fit_to_pages(sheet, 1, 0);
    if (width > 6) worksheet_set_landscape(sheet);

    const std::vector<std::string> footnotes =
        footnotes_with_suppression_note(table, report_.words);
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

  size_t write_total_formula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const Value& value,
                             CellStyle style, const std::vector<lxw_row_t>& data_rows,
                             const std::string& where_text) {
    const std::string function = value.aggregate == Aggregate::Sum ? "SUM" : "AVERAGE";
    const std::string formula = "=" + function + "(" + ranges_of(col, data_rows) + ")";
    if (value.emphasis) style.bold = true;
    lxw_format* format = formats_.get(style, number_format_for(value, lang_));
    // The cached result is the document's figure, so a reader that does not recalculate shows it.
    check_lxw(worksheet_write_formula_num(sheet, row, col, formula.c_str(), format, value.number),
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

  void place_chart(const ChartSpec& spec) {
    const auto found = placed_by_id_.find(spec.source_table);
    if (spec.source_table.empty() || found == placed_by_id_.end()) return;
    PlacedTable& placed = placed_.at(found->second);
    const Table& table = *placed.table;
    if (placed.data_rows.empty()) return;
    const lxw_row_t first = placed.data_rows.front();
    const lxw_row_t last = placed.data_rows.back();
    const lxw_col_t width = static_cast<lxw_col_t>(table.columns.size());
    std::vector<lxw_col_t> series_columns;
    for (int c : spec.series_columns)
      if (c >= 0 && static_cast<size_t>(c) < width)
        series_columns.push_back(static_cast<lxw_col_t>(c));

    if (spec.kind == ChartKind::Heatmap) {
      // Excel has no heatmap chart; the table itself is coloured by value.
      lxw_col_t from = width, to = 0;
      for (lxw_col_t c : series_columns) from = std::min(from, c), to = std::max(to, c);
      if (series_columns.empty()) from = 1, to = width - 1;
      if (from > to || to >= width) return;
      colour_by_value(placed, spec, first, from, last, to);
      return;
    }
    if (series_columns.empty() || spec.category_column < 0 ||
        static_cast<size_t>(spec.category_column) >= width)
      return;

    const uint8_t type = spec.kind == ChartKind::Line      ? uint8_t(LXW_CHART_LINE)
                         : spec.kind == ChartKind::Scatter ? uint8_t(LXW_CHART_SCATTER)
                                                           : uint8_t(LXW_CHART_COLUMN);
    lxw_chart* chart = workbook_add_chart(workbook_, type);
    if (!chart) throw RenderError("XLSX: cannot create chart \"" + spec.title + "\"");
    const char* sheet_name = placed.sheet_name.c_str();
    const auto category = static_cast<lxw_col_t>(spec.category_column);
    for (lxw_col_t c : series_columns) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      if (!series) throw RenderError("XLSX: cannot add a series to chart \"" + spec.title + "\"");
      chart_series_set_categories(series, sheet_name, first, category, last, category);
      chart_series_set_values(series, sheet_name, first, c, last, c);
      chart_series_set_name_range(series, sheet_name, placed.header_row, c);
      if (spec.kind == ChartKind::Line)
        chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
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
    if (spec.y_axis.percent) chart_axis_set_num_format(chart->y_axis, "0%");
    if (spec.kind == ChartKind::Scatter) {
      if (spec.x_axis.max > spec.x_axis.min) {
        chart_axis_set_min(chart->x_axis, spec.x_axis.min);
        chart_axis_set_max(chart->x_axis, spec.x_axis.max);
      }
      if (spec.x_axis.percent) chart_axis_set_num_format(chart->x_axis, "0%");
    }
    chart_legend_set_position(
        chart, series_columns.size() > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);

    // To the right of the table; a second chart of the same table goes below the first.
    lxw_chart_options options{};
    options.x_scale = placed.data_rows.size() > 12 ? 1.8 : 1.4;
    options.y_scale = 1.2;
    options.x_offset = 10;
    const lxw_row_t at_row = placed.header_row + static_cast<lxw_row_t>(placed.charts) * 20;
    check_lxw(worksheet_insert_chart_opt(placed.sheet, at_row, width + 1, chart, &options),
              "sheet \"" + placed.sheet_name + "\" chart \"" + spec.title + "\"");
    ++placed.charts;
  }

  const Report& report_;
  lxw_workbook* workbook_;
  CellFormats formats_;
  Lang lang_;
  SheetNames names_;
  lxw_worksheet* report_sheet_ = nullptr;
  std::map<const Table*, PlacedTable> placed_;
  std::map<std::string, const Table*> placed_by_id_;
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
  properties.title = const_cast<char*>(report.meta.title.c_str());
  properties.subject = const_cast<char*>(report.meta.subject.c_str());
  properties.author = const_cast<char*>(report.meta.author.c_str());
  properties.keywords = const_cast<char*>(report.meta.keywords.c_str());
  properties.created = created;
  check_lxw(workbook_set_properties(file.get(), &properties),
            out.string() + " document properties");

  XlsxWriter(report, file.get()).write();
  file.close();
}

}  // namespace ips::render
