// The report document: one tree (Report → Section → Block) that every renderer draws.
// Values are typed and carry their suppression state, so HTML, PDF and XLSX show the same
// figure; renderers never compute figures and know nothing about IPS.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/scale.h"

namespace ips::doc {

enum class ValueType {
  Empty,
  Text,
  Count,   // whole number of people/jobs/rows
  Rate,    // fraction 0..1, shown as a percentage
  Score,   // a fidelity score or total (whole number)
  Number,  // a measured quantity with `decimals` decimals (days, hours, FTE, means)
  Date,    // days since 1970-01-01
  Change,  // a signed difference, shown with + / −
};

/// Why a value is not shown (docs/figures.md, "Small numbers").
enum class Suppression {
  None,
  SmallCount,  // a count from 1 to min_cell−1: shown as "<min_cell"
  Withheld,    // a rate, mean or median from too few: shown as "–" with a footnote
};

/// How a total row's cell is recomputed in a spreadsheet.
enum class Aggregate { None, Sum, Mean };

/// A rate's 95 % interval as fractions, shown after it: "40,0 % (21,9–61,3)".
struct Interval {
  double low = 0;
  double high = 0;
};

/// One typed value. When suppressed, `number` is always 0: the real figure never reaches a
/// renderer, so no output format can leak it.
struct Value {
  ValueType type = ValueType::Empty;
  double number = 0;
  std::string text;
  int decimals = 0;
  Suppression suppression = Suppression::None;
  int min_cell = 0;                       // for SmallCount: the threshold shown ("<5")
  Aggregate aggregate = Aggregate::None;  // in a Total row: the spreadsheet formula to write
  bool emphasis = false;                  // drawn bold (totals, warnings)
  std::string link;                  // a relative link target (HTML: <a href>), for Text values
  std::optional<Interval> interval;  // a Rate's uncertainty interval, when it is shown
  bool interval_withheld = false;    // a Rate whose interval is withheld: "40,0 % (–)"

  static Value empty() { return {}; }
  static Value of_text(std::string t);
  static Value link_to(std::string text, std::string target);
  static Value count(long n);
  static Value rate(double fraction, int decimals = 1);
  static Value score(int s);
  static Value number_of(double x, int decimals);
  static Value date(int32_t days);
  static Value change(double delta, int decimals = 0);
  static Value small_count(int min_cell);  // "<min_cell"
  static Value withheld();                 // "–"

  bool is_numeric() const;
  bool suppressed() const { return suppression != Suppression::None; }
  Value& with_aggregate(Aggregate a) {
    aggregate = a;
    return *this;
  }
  Value& bold() {
    emphasis = true;
    return *this;
  }
};

struct Heading {
  int level = 2;  // 1 = section title (report's h2), 2 = subsection, 3 = minor
  std::string text;
  std::string anchor;  // id for links and bookmarks; unique within the report
};

enum class ParagraphStyle { Body, Lead, Note, Warning };

struct Paragraph {
  std::string text;  // plain text; renderers escape it
  ParagraphStyle style = ParagraphStyle::Body;
};

/// A link that is (part of) a field's value: another report of the same set.
struct FieldLink {
  std::string text;
  std::string stem;  // its path relative to this report, without extension: each format links
                     // to its own file (HTML to .html, PDF to .pdf)
};

/// Label–value pairs, e.g. the review header (Dato, Til, Fra).
struct FieldList {
  std::vector<std::pair<std::string, std::string>> fields;
  // Parallel to `fields` (may be shorter): a field with links shows them in place of its value
  // (PDF: one per line); the value keeps their texts joined (XLSX, search, tests).
  std::vector<std::vector<FieldLink>> links = {};
};

struct KeyFigure {
  std::string label;
  Value value;
  std::string detail;  // a short line under the figure, e.g. "11 av 25 punkter"
};

struct KeyFigures {
  std::vector<KeyFigure> figures;
  std::vector<std::string> notes = {};  // shown after the figures, e.g. what "–" stands for
};

enum class Align { Left, Right, Center };

struct Column {
  std::string header;
  Align align = Align::Left;
  double width = 1;  // relative width (PDF) / character width hint (XLSX)
};

enum class RowStyle { Data, Group, Total };

struct Row {
  RowStyle style = RowStyle::Data;
  std::vector<Value> cells;  // one per column; a Group row uses only the first cell
};

struct Table {
  std::string id;  // unique within the report; charts refer to it
  std::string caption;
  std::string sheet_name;  // XLSX sheet (≤ 31 chars); empty = derive from caption
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<std::string> footnotes;
  // XLSX: headers of the bound columns of a rate column with intervals ("{0}, nedre grense 95 %",
  // "{0}, øvre grense 95 %"; {0} = the column's header).
  std::string interval_low_header, interval_high_header;
};

enum class ChartKind {
  Line,     // one line per series over categories (totals per round)
  Bar,      // grouped bars over categories, with benchmark lines
  Profile,  // item profile: bars per item for this and the previous review
  Heatmap,  // series = rows, categories = columns, values = colour
  Scatter,  // x/y points, one per series entry
};

struct Series {
  std::string name;
  std::vector<std::optional<double>> values;  // one per category (scatter: y values)
  std::vector<std::optional<double>> x;       // scatter only
  std::vector<std::string> point_labels;      // scatter only
};

struct Axis {
  std::string title;
  double min = 0;
  double max = 1;
  double step = 0.25;
  bool percent = false;  // values are fractions shown as %
};

struct Benchmark {
  std::string label;
  double value = 0;
};

struct ChartSpec {
  ChartKind kind = ChartKind::Bar;
  std::string title;
  std::string alt_text;  // a sentence that says what the chart shows, for screen readers
  std::vector<std::string> categories;
  std::vector<Series> series;
  Axis x_axis;
  Axis y_axis;
  std::vector<Benchmark> benchmarks;
  // Optional 95 % intervals, drawn as error bars: intervals[s][i] belongs to series s, category
  // i (empty = none). Line and bar charts.
  std::vector<std::vector<std::optional<Interval>>> intervals;
  // XLSX draws the chart natively from the cells of this table: categories from
  // `category_column`, series j from `series_columns[j]`.
  std::string source_table;
  int category_column = 0;
  std::vector<int> series_columns;
};

struct Chart {
  ChartSpec spec;
};

/// A run of a rich paragraph with one look; `link` is an http(s) or mailto address, else empty.
struct TextRun {
  std::string text;  // plain text; renderers escape it
  bool strong = false;
  bool emphasis = false;
  std::string link;
};

/// A paragraph of text written by a person (a project leader's assessment, in Markdown):
/// emphasis and links kept, a list item marked. Renderers escape every run.
struct RichParagraph {
  std::vector<TextRun> runs;
  std::string marker;    // "•" or "2." for a list item; empty for a paragraph
  int depth = 0;         // list nesting: 0 = top level
  bool heading = false;  // a heading inside the text: drawn bold, as a paragraph
  /// The runs' text joined (tags, alt text, tests).
  std::string plain() const;
};

using Block = std::variant<Heading, Paragraph, FieldList, KeyFigures, Table, Chart, RichParagraph>;

struct Section {
  std::string title;
  std::string anchor;
  bool appendix = false;
  std::vector<Block> blocks;
};

struct ReportMeta {
  std::string kind;   // "kvalitetsrapport", "halvarsrapport", "nasjonal-sammenstilling"
  std::string title;  // the title page's heading
  // The title a PDF reader, browser tab or file list shows (PDF Info and XMP dc:title, HTML
  // <title>, XLSX properties): names the site and period so six reports are told apart.
  std::string document_title;
  std::string subtitle;      // e.g. site name and date
  std::string running_head;  // shown on every PDF page: title, site, period
  std::string subject;
  std::string author;
  std::string keywords;
  Lang lang = Lang::Nb;
  std::string output_stem;  // path below the output folder without extension
  std::string date_label;   // the report's date as shown on the title page
};

/// Text every renderer needs that is not part of the document body (page labels etc.).
struct RenderWords {
  std::string page_of;          // "Side {0} av {1}"
  std::string contents;         // "Innhold"
  std::string chart_data;       // "Tallene bak figuren"
  std::string suppressed_note;  // footnote for "–"
  std::string continued;        // "{0} (fortsatt)": a table's caption on the pages it goes on to
};

/// The document title for metadata: meta.document_title, or the heading when none is set.
const std::string& document_title(const ReportMeta& meta);

struct Report {
  ReportMeta meta;
  RenderWords words;
  std::vector<Section> sections;
};

/// Adds the report's explanation of "–" (words.suppressed_note) to every table and key-figure
/// block that withholds a value and has no note mentioning "–" yet. Builders call it last, so
/// every note is in the document and renderers only show table.footnotes and KeyFigures::notes.
void explain_withheld_values(Report& report);

}  // namespace ips::doc
