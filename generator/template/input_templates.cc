#include "template/input_templates.h"

#include <xlsxwriter.h>

#include <ctime>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ips {

namespace {

// 2013-01-01T00:00:00Z: a fixed creation time, so the same program writes the same bytes.
constexpr std::time_t kCreated = 1356998400;
// Validations and column formats cover rows 2..5000, far more than one service ever types.
constexpr lxw_row_t kLastInputRow = 4999;
constexpr lxw_color_t kHeaderFill = 0x1D4F73;
constexpr lxw_color_t kInputFill = 0xFFF2CC;
constexpr const char* kDateFormat = "dd.mm.yyyy";

std::string pick(Lang lang, const char* nb, const char* en) {
  return lang == Lang::En ? en : nb;
}

// One column of an input table: its header per language (names the ingest reads, see
// ingest/table_schema.cc) and how it is shown.
enum class ColumnKind { Text, Date, Number, Id };
struct Column {
  const char* nb;
  const char* en;
  double width;
  ColumnKind kind = ColumnKind::Text;
};

// The workbook being written, closed on every path; a workbook left unfinished by an error is
// removed so no half-written template is left behind.
class Book {
 public:
  explicit Book(const std::filesystem::path& path) : path_(path), name_(path.string()) {
    workbook_ = workbook_new(name_.c_str());
    if (!workbook_) throw std::runtime_error(name_ + ": cannot create the workbook");
    lxw_doc_properties properties{};
    properties.created = kCreated;
    check(workbook_set_properties(workbook_, &properties), "document properties");
    header_ = format();
    format_set_bold(header_);
    format_set_font_color(header_, LXW_COLOR_WHITE);
    format_set_bg_color(header_, kHeaderFill);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    date_ = format();
    format_set_num_format(date_, kDateFormat);
    input_ = format();
    format_set_bg_color(input_, kInputFill);
    format_set_border(input_, LXW_BORDER_THIN);
    input_date_ = format();
    format_set_bg_color(input_date_, kInputFill);
    format_set_border(input_date_, LXW_BORDER_THIN);
    format_set_num_format(input_date_, kDateFormat);
    id_ = format();
    format_set_num_format(id_, "@");
    wrap_ = format();
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    title_ = format();
    format_set_bold(title_);
    format_set_font_size(title_, 14);
  }
  ~Book() {
    if (!workbook_) return;
    workbook_close(workbook_);
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  void check(lxw_error error, const std::string& what) const {
    if (error != LXW_NO_ERROR)
      throw std::runtime_error(name_ + ": " + what + ": " + lxw_strerror(error));
  }

  lxw_worksheet* sheet(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, name.c_str());
    if (!ws) throw std::runtime_error(name_ + ": cannot add the sheet " + name);
    return ws;
  }

  void close() {
    lxw_workbook* wb = workbook_;
    workbook_ = nullptr;
    const lxw_error error = workbook_close(wb);
    if (error != LXW_NO_ERROR) {
      std::error_code ec;
      std::filesystem::remove(path_, ec);
      check(error, "closing");
    }
  }

  lxw_format* header() const { return header_; }
  lxw_format* date() const { return date_; }
  lxw_format* input() const { return input_; }
  lxw_format* input_date() const { return input_date_; }
  lxw_format* id() const { return id_; }
  lxw_format* wrap() const { return wrap_; }
  lxw_format* title() const { return title_; }

 private:
  lxw_format* format() {
    lxw_format* f = workbook_add_format(workbook_);
    if (!f) throw std::runtime_error(name_ + ": cannot add a cell format");
    return f;
  }

  std::filesystem::path path_;
  std::string name_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* input_ = nullptr;
  lxw_format* input_date_ = nullptr;
  lxw_format* id_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* title_ = nullptr;
};

// Cell writers that check every call; empty values leave the cell empty.
class Cells {
 public:
  Cells(const Book& book, lxw_worksheet* ws, std::string sheet)
      : book_(book), ws_(ws), sheet_(std::move(sheet)) {}

  void text(lxw_row_t r, lxw_col_t c, const std::string& value, lxw_format* f = nullptr) const {
    if (value.empty()) return;
    check(worksheet_write_string(ws_, r, c, value.c_str(), f), r, c);
  }
  void number(lxw_row_t r, lxw_col_t c, std::optional<double> value) const {
    if (value) check(worksheet_write_number(ws_, r, c, *value, nullptr), r, c);
  }
  void date(lxw_row_t r, lxw_col_t c, std::optional<Date> value, lxw_format* f = nullptr) const {
    if (value)
      check(worksheet_write_number(ws_, r, c, value->spreadsheet_serial(), f ? f : book_.date()), r,
            c);
  }
  void blank(lxw_row_t r, lxw_col_t c, lxw_format* f) const {
    check(worksheet_write_blank(ws_, r, c, f), r, c);
  }
  // A formula with the result it has now, as a spreadsheet program would save it.
  void formula(lxw_row_t r, lxw_col_t c, const std::string& f, const std::string& result,
               lxw_format* fmt = nullptr) const {
    check(worksheet_write_formula_str(ws_, r, c, f.c_str(), fmt, result.c_str()), r, c);
  }
  void formula(lxw_row_t r, lxw_col_t c, const std::string& f, double result,
               lxw_format* fmt) const {
    check(worksheet_write_formula_num(ws_, r, c, f.c_str(), fmt, result), r, c);
  }
  void check(lxw_error e, lxw_row_t r, lxw_col_t c) const {
    book_.check(e, sheet_ + " cell " + column_name(c) + std::to_string(r + 1));
  }
  static std::string column_name(lxw_col_t c) {
    std::string s;
    for (unsigned n = c + 1; n > 0; n = (n - 1) / 26)
      s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    return s;
  }
  lxw_worksheet* ws() const { return ws_; }
  const std::string& sheet() const { return sheet_; }

 private:
  const Book& book_;
  lxw_worksheet* ws_;
  std::string sheet_;
};

// A4, one page wide (as long as needed), landscape for wide tables.
void set_print_layout(lxw_worksheet* ws, bool landscape) {
  worksheet_set_paper(ws, 9);  // A4
  if (landscape) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
}

// A table sheet: header row, widths, date/identifier formats for whole columns, frozen header.
Cells add_table_sheet(Book& book, const std::string& name, const std::vector<Column>& columns,
                      Lang lang) {
  lxw_worksheet* ws = book.sheet(name);
  Cells cells(book, ws, name);
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    const Column& col = columns[c];
    lxw_format* f = col.kind == ColumnKind::Date ? book.date()
                    : col.kind == ColumnKind::Id ? book.id()
                                                 : nullptr;
    book.check(worksheet_set_column(ws, c, c, col.width, f), name + " column width");
    cells.text(0, c, pick(lang, col.nb, col.en), book.header());
  }
  book.check(worksheet_set_row(ws, 0, 30, nullptr), name + " header height");
  worksheet_freeze_panes(ws, 1, 0);
  // Printed (or saved as PDF) the table is one page wide, with the header on every page.
  set_print_layout(ws, true);
  book.check(worksheet_repeat_rows(ws, 0, 0), name + " repeated header");
  worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
  return cells;
}

// Data validation on one column's input rows, with the prompt shown when a cell is selected.
class Validator {
 public:
  Validator(const Cells& cells, const Wording& words) : cells_(cells), words_(words) {}

  void list(lxw_col_t c, const std::vector<std::string>& values, const std::string& prompt,
            lxw_row_t first = 1) const {
    std::vector<char*> items;
    for (const auto& v : values) items.push_back(const_cast<char*>(v.c_str()));
    items.push_back(nullptr);
    lxw_data_validation v = base(prompt);
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = items.data();
    apply(c, v, first);
  }
  void date(lxw_col_t c, const std::string& prompt, lxw_row_t first = 1) const {
    lxw_data_validation v = base(prompt);
    v.validate = LXW_VALIDATION_TYPE_DATE;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_datetime = {1990, 1, 1, 0, 0, 0};
    v.maximum_datetime = {2100, 12, 31, 0, 0, 0};
    apply(c, v, first);
  }
  void whole(lxw_col_t c, double min, double max, const std::string& prompt) const {
    lxw_data_validation v = base(prompt);
    v.validate = LXW_VALIDATION_TYPE_INTEGER;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = min;
    v.maximum_number = max;
    apply(c, v, 1);
  }
  void decimal(lxw_col_t c, double min, std::optional<double> max,
               const std::string& prompt) const {
    lxw_data_validation v = base(prompt);
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    if (max) {
      v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      v.minimum_number = min;
      v.maximum_number = *max;
    } else {
      v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      v.value_number = min;
    }
    apply(c, v, 1);
  }
  // Only the prompt, no check (text columns whose rules a list cannot express).
  void prompt(lxw_col_t c, const std::string& prompt, lxw_row_t first = 1) const {
    lxw_data_validation v = base(prompt);
    v.validate = LXW_VALIDATION_TYPE_ANY;
    apply(c, v, first);
  }

 private:
  // Prompts come from the wording as "prompt.<key>" (the box title) and "prompt.<key>_text".
  lxw_data_validation base(const std::string& key) const {
    title_ = words_.get("template.prompt." + key);
    message_ = words_.get("template.prompt." + key + "_text");
    error_title_ = words_.get("template.invalid_title");
    lxw_data_validation v{};
    v.ignore_blank = LXW_VALIDATION_ON;
    v.show_input = LXW_VALIDATION_ON;
    v.show_error = LXW_VALIDATION_ON;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    v.input_title = const_cast<char*>(title_.c_str());
    v.input_message = const_cast<char*>(message_.c_str());
    v.error_title = const_cast<char*>(error_title_.c_str());
    v.error_message = const_cast<char*>(message_.c_str());
    return v;
  }
  void apply(lxw_col_t c, lxw_data_validation& v, lxw_row_t first) const {
    cells_.check(worksheet_data_validation_range(cells_.ws(), first, c, kLastInputRow, c, &v),
                 first, c);
  }

  const Cells& cells_;
  const Wording& words_;
  mutable std::string title_, message_, error_title_;
};

// The instructions sheet: a title and one paragraph per line of the wording text.
void add_instructions(Book& book, Lang lang, const std::string& title, const std::string& text) {
  const std::string name = pick(lang, "Instruksjoner", "Instructions");
  lxw_worksheet* ws = book.sheet(name);
  Cells cells(book, ws, name);
  book.check(worksheet_set_column(ws, 0, 0, 80, book.wrap()), name + " column width");
  cells.text(0, 0, title, book.title());
  book.check(worksheet_set_row(ws, 0, 24, nullptr), name + " title height");
  std::istringstream lines(text);
  std::string line;
  lxw_row_t r = 2;
  while (std::getline(lines, line)) {
    cells.text(r, 0, line, book.wrap());
    // Long paragraphs get room for their wrapped lines (about 80 characters each).
    const double height = 15.0 * static_cast<double>(1 + line.size() / 78);
    if (height > 15)
      book.check(worksheet_set_row(ws, r, height, book.wrap()), name + " row height");
    ++r;
  }
  worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
  set_print_layout(ws, true);
}

// A text as a string literal inside a formula.
std::string formula_literal(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
}

const std::vector<std::string> kScoreChoices = {"1", "2", "3", "4", "5", "-"};

// Kvalitetsmålinger columns.
enum : lxw_col_t {
  kSite,
  kDate,
  kScale,
  kItem,
  kName,
  kRater1,
  kRater2,
  kConsensus,
  kComment,
  kRecommendation
};

// One review as a block of item rows. The user types Enhet and Dato in the block's first row;
// the rows below repeat them by formula, and Skala/Punkt/Navn appear only once Enhet is filled,
// so an untouched block is empty to the ingest (no error for rows nobody has started).
lxw_row_t write_review_block(const Book& book, const Cells& cells, lxw_row_t first,
                             const ScaleCatalog& scales, Lang lang, const Review* review) {
  lxw_row_t r = first;
  for (size_t s = 0; s < scales.scales.size(); ++s) {
    const Scale& scale = scales.scales[s];
    const std::vector<ItemRating>* ratings = nullptr;
    if (review) {
      if (s >= review->scales.size() || review->scales[s].items.empty()) continue;
      ratings = &review->scales[s].items;
    }
    for (size_t i = 0; i < scale.items.size(); ++i, ++r) {
      const ScaleItem& item = scale.items[i];
      const std::string row = std::to_string(r + 1);
      const std::string above = std::to_string(r);
      if (r == first) {
        if (review) {
          cells.text(r, kSite, review->site, book.input());
          cells.date(r, kDate, review->date, book.input_date());
        } else {
          cells.blank(r, kSite, book.input());
          cells.blank(r, kDate, book.input_date());
        }
      } else {
        cells.formula(r, kSite, "=IF(A" + above + "=\"\",\"\",A" + above + ")",
                      review ? review->site : "");
        const std::string date_formula = "=IF(B" + above + "=\"\",\"\",B" + above + ")";
        if (review)
          cells.formula(r, kDate, date_formula, review->date.spreadsheet_serial(), book.date());
        else
          cells.formula(r, kDate, date_formula, "", book.date());
      }
      auto shown = [&](lxw_col_t c, const std::string& value) {
        cells.formula(r, c, "=IF($A" + row + "=\"\",\"\"," + formula_literal(value) + ")",
                      review ? value : "");
      };
      shown(kScale, scale.id);
      shown(kItem, item.code);
      shown(kName, item.name.in(lang));
      if (!ratings || i >= ratings->size()) continue;
      const ItemRating& rating = (*ratings)[i];
      auto score = [](const std::optional<int>& v) -> std::optional<double> {
        if (v) return static_cast<double>(*v);
        return std::nullopt;
      };
      cells.number(r, kRater1, score(rating.evaluator1));
      cells.number(r, kRater2, score(rating.evaluator2));
      cells.number(r, kConsensus, score(rating.consensus));
      cells.text(r, kComment, rating.comment);
      cells.text(r, kRecommendation, rating.recommendation);
    }
  }
  return r;
}

bool has_info(const ReviewInfo& info) {
  return !info.evaluators.empty() || !info.recipient.empty() || !info.purpose.empty() ||
         !info.method.empty() || !info.summary.empty() || info.stated_total;
}

std::string job_kind_text(JobKind kind, Lang lang) {
  switch (kind) {
    case JobKind::Ordinary:
      return pick(lang, "ordinær", "ordinary");
    case JobKind::WageSubsidy:
      return pick(lang, "lønnstilskudd", "wage subsidy");
    case JobKind::WorkPractice:
      return pick(lang, "arbeidspraksis", "work practice");
    case JobKind::Education:
      return pick(lang, "utdanning", "education");
    case JobKind::Other:
      break;
  }
  return pick(lang, "annet", "other");
}

std::optional<double> as_number(const std::optional<int>& v) {
  if (v) return static_cast<double>(*v);
  return std::nullopt;
}

}  // namespace

// Tekster: the project leader's texts (docs/narrative.md), Markdown in the Tekst column.
void add_text_sheet(Book& book, const Wording& words, const std::vector<TextRow>& texts) {
  const Lang lang = words.lang();
  Cells cells = add_table_sheet(book, pick(lang, "Tekster", "Texts"),
                                {{"Enhet", "Site", 14},
                                 {"Periode", "Period", 10},
                                 {"Felt", "Field", 26},
                                 {"Tekst", "Text", 90}},
                                lang);
  const Validator v(cells, words);
  v.prompt(0, "text_site");
  v.prompt(1, "text_period");
  v.list(2,
         {words.get("narrative.vurdering"), words.get("narrative.mal"),
          words.get("narrative.merknad")},
         "text_field");
  v.prompt(3, "text_body");
  lxw_row_t r = 1;
  for (const TextRow& t : texts) {
    cells.text(r, 0, t.site);
    cells.text(r, 1, t.period.key());
    cells.text(r, 2, words.get("narrative." + t.field));
    cells.text(r, 3, t.markdown, book.wrap());
    ++r;
  }
}

// Tiltak: the action plan after a review, the status as a list, dates as date cells.
void add_action_sheet(Book& book, const Wording& words, const std::vector<PlannedAction>& actions) {
  const Lang lang = words.lang();
  Cells cells = add_table_sheet(book, pick(lang, "Tiltak", "Actions"),
                                {{"Enhet", "Site", 14},
                                 {"Gjennomgang", "Review", 13, ColumnKind::Date},
                                 {"Punkt", "Item", 7},
                                 {"Tiltak", "Action", 50},
                                 {"Ansvarlig", "Responsible", 20},
                                 {"Frist", "Deadline", 12, ColumnKind::Date},
                                 {"Status", "Status", 14},
                                 {"Kommentar", "Comment", 40}},
                                lang);
  const Validator v(cells, words);
  // The statuses as ingest reads them (ingest/narrative_values.h), in Norwegian in both
  // languages: the spelling is the contract, the prompt explains it.
  static const std::vector<std::string> kStatuses = {"ikke startet", "pågår", "fullført"};
  v.prompt(0, "site");
  v.date(1, "action_review");
  v.prompt(2, "action_item");
  v.prompt(3, "action_text");
  v.date(5, "deadline");
  v.list(6, kStatuses, "status");
  lxw_row_t r = 1;
  for (const PlannedAction& a : actions) {
    cells.text(r, 0, a.site);
    cells.date(r, 1, a.review);
    cells.text(r, 2, a.item_code);
    cells.text(r, 3, a.action);
    cells.text(r, 4, a.responsible);
    cells.date(r, 5, a.deadline);
    cells.text(r, 6, kStatuses[static_cast<size_t>(a.status)]);
    cells.text(r, 7, a.comment);
    ++r;
  }
}

void write_review_workbook(const std::filesystem::path& path, const ScaleCatalog& scales,
                           const Wording& words, const ReviewWorkbookRows& rows) {
  const Lang lang = words.lang();
  Book book(path);
  add_instructions(book, lang, words.get("template.review_title"),
                   words.get("template.review_instructions"));

  // Gjennomganger: one row per review, metadata only.
  {
    Cells cells = add_table_sheet(book, pick(lang, "Gjennomganger", "Reviews"),
                                  {{"Enhet", "Site", 14},
                                   {"Dato", "Date", 12, ColumnKind::Date},
                                   {"Evaluatorer", "Reviewers", 28},
                                   {"Til", "To", 24},
                                   {"Formål", "Purpose", 28},
                                   {"Metode", "Method", 28},
                                   {"Oppsummering", "Summary", 50},
                                   {"Oppgitt total", "Stated total", 13}},
                                  lang);
    const Validator v(cells, words);
    v.prompt(0, "site");
    v.date(1, "date");
    const Scale& ips = scales.ips25();
    v.whole(7, 0, static_cast<double>(ips.items.size() * static_cast<size_t>(ips.max_score)),
            "stated_total");
    lxw_row_t r = 1;
    for (const Review& review : rows.reviews) {
      if (!has_info(review.info)) continue;
      cells.text(r, 0, review.site);
      cells.date(r, 1, review.date);
      cells.text(r, 2, review.info.evaluators);
      cells.text(r, 3, review.info.recipient);
      cells.text(r, 4, review.info.purpose);
      cells.text(r, 5, review.info.method);
      cells.text(r, 6, review.info.summary);
      cells.number(r, 7, as_number(review.info.stated_total));
      ++r;
    }
  }

  // Kvalitetsmålinger: long form, one block of item rows per review.
  {
    Cells cells = add_table_sheet(book, pick(lang, "Kvalitetsmålinger", "Fidelity"),
                                  {{"Enhet", "Site", 14},
                                   {"Dato", "Date", 12, ColumnKind::Date},
                                   {"Skala", "Scale", 8},
                                   {"Punkt", "Item", 7},
                                   {"Navn", "Name", 52},
                                   {"Evaluator 1", "Rater 1", 11},
                                   {"Evaluator 2", "Rater 2", 11},
                                   {"Konsensus", "Consensus", 11},
                                   {"Kommentar", "Comment", 45},
                                   {"Anbefaling", "Recommendation", 45}},
                                  lang);
    const Validator v(cells, words);
    v.prompt(kSite, "review_site", 1);
    v.date(kDate, "date");
    for (lxw_col_t c : {kRater1, kRater2, kConsensus}) v.list(c, kScoreChoices, "score");
    if (rows.reviews.empty()) {
      write_review_block(book, cells, 1, scales, lang, nullptr);
    } else {
      lxw_row_t r = 1;
      for (const Review& review : rows.reviews)
        r = write_review_block(book, cells, r, scales, lang, &review);
    }
  }

  // Enheter: the site register.
  {
    Cells cells = add_table_sheet(book, pick(lang, "Enheter", "Sites"),
                                  {{"Enhet", "Site", 14},
                                   {"Navn", "Name", 36},
                                   {"Fylke", "County", 16},
                                   {"NAV-kontor", "NAV office", 22},
                                   {"Helsetjeneste", "Health service", 28},
                                   {"Oppstart", "Start date", 12, ColumnKind::Date},
                                   {"Årsverk", "FTE", 10}},
                                  lang);
    const Validator v(cells, words);
    v.prompt(0, "site");
    v.date(5, "date");
    v.decimal(6, 0, std::nullopt, "fte");
    lxw_row_t r = 1;
    for (const Site& site : rows.sites) {
      cells.text(r, 0, site.key);
      cells.text(r, 1, site.name);
      cells.text(r, 2, site.county);
      cells.text(r, 3, site.nav_office);
      cells.text(r, 4, site.health_service);
      cells.date(r, 5, site.start);
      cells.number(r, 6, site.fte);
      ++r;
    }
  }
  add_text_sheet(book, words, rows.texts);
  add_action_sheet(book, words, rows.actions);
  book.close();
}

void write_register_workbook(const std::filesystem::path& path, const Wording& words,
                             const RegisterWorkbookRows& rows) {
  const Lang lang = words.lang();
  Book book(path);
  add_instructions(book, lang, words.get("template.register_title"),
                   words.get("template.register_instructions"));
  const std::vector<std::string> yes_no = {pick(lang, "ja", "yes"), pick(lang, "nei", "no")};

  {
    Cells cells = add_table_sheet(
        book, pick(lang, "Deltakere", "Participants"),
        {{"Deltaker", "Participant", 14, ColumnKind::Id},
         {"Enhet", "Site", 14},
         {"Inntak", "Intake", 12, ColumnKind::Date},
         {"I arbeid ved inntak", "Employed at intake", 18},
         {"Første arbeidsgiverkontakt", "First employer contact", 24, ColumnKind::Date},
         {"Avsluttet", "Ended", 12, ColumnKind::Date},
         {"Avslutningsårsak", "End reason", 28},
         {"Alder", "Age", 8}},
        lang);
    const Validator v(cells, words);
    v.prompt(0, "participant");
    v.prompt(1, "site");
    v.date(2, "date");
    v.list(3, yes_no, "employed");
    v.date(4, "date");
    v.date(5, "date");
    v.whole(7, 15, 80, "age");
    lxw_row_t r = 1;
    for (const Participant& p : rows.participants) {
      cells.text(r, 0, p.id, book.id());
      cells.text(r, 1, p.site);
      cells.date(r, 2, p.intake);
      if (p.employed_at_intake) cells.text(r, 3, yes_no[*p.employed_at_intake ? 0 : 1]);
      cells.date(r, 4, p.first_employer_contact);
      cells.date(r, 5, p.ended);
      cells.text(r, 6, p.end_reason);
      cells.number(r, 7, as_number(p.age));
      ++r;
    }
  }

  {
    Cells cells = add_table_sheet(book, pick(lang, "Jobber", "Jobs"),
                                  {{"Deltaker", "Participant", 14, ColumnKind::Id},
                                   {"Type", "Kind", 16},
                                   {"Start", "Start date", 12, ColumnKind::Date},
                                   {"Slutt", "End date", 12, ColumnKind::Date},
                                   {"Timer per uke", "Hours per week", 14},
                                   {"Arbeidsgiver", "Employer", 28},
                                   {"Yrke", "Occupation", 24}},
                                  lang);
    const Validator v(cells, words);
    std::vector<std::string> kinds;
    for (JobKind k : {JobKind::Ordinary, JobKind::WageSubsidy, JobKind::WorkPractice,
                      JobKind::Education, JobKind::Other})
      kinds.push_back(job_kind_text(k, lang));
    v.prompt(0, "participant");
    v.list(1, kinds, "kind");
    v.date(2, "date");
    v.date(3, "end_date");
    v.decimal(4, 0, 80, "hours");
    lxw_row_t r = 1;
    for (const Job& j : rows.jobs) {
      cells.text(r, 0, j.participant, book.id());
      cells.text(r, 1, job_kind_text(j.kind, lang));
      cells.date(r, 2, j.start);
      cells.date(r, 3, j.end);
      cells.number(r, 4, j.hours_per_week);
      cells.text(r, 5, j.employer);
      cells.text(r, 6, j.occupation);
      ++r;
    }
  }
  book.close();
}

std::vector<std::filesystem::path> write_input_templates(const std::filesystem::path& dir,
                                                         const ScaleCatalog& scales,
                                                         const Wording& words) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error(dir.string() + ": cannot create the folder: " + ec.message());
  const std::filesystem::path review = dir / kReviewTemplateFile;
  const std::filesystem::path reg = dir / kRegisterTemplateFile;
  write_review_workbook(review, scales, words);
  write_register_workbook(reg, words);
  return {review, reg};
}

}  // namespace ips
