#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

#include "fixtures/render/sample_report.h"
#include "ingest/workbook_reader.h"
#include "render/renderer.h"
#include "support/test_support.h"

using namespace ips;

namespace {

render::RenderOptions options() {
  render::RenderOptions o;
  o.resources_dir = test::source_dir();
  o.document_time = 1467244800;  // 2016-06-30T00:00:00Z
  return o;
}

// The workbook as the program's own reader reads it (ingest/workbook_reader.h). What
// LibreOffice and openpyxl read is checked below as well.
enum class CellType { empty, numeric, string, formula };

struct ReadBack {
  RawWorkbook book;

  explicit ReadBack(const std::filesystem::path& file) {
    ReadFailure failure;
    read_zip_workbook(test::read_file(file), "xlsx", WorkbookReadLimits{}, book, failure);
    INFO(failure.code << " " << failure.detail);
    REQUIRE_FALSE(failure.failed());
  }
  size_t sheet_count() const { return book.sheets.size(); }
  std::string sheet_name(size_t index) const {
    REQUIRE(index < book.sheets.size());
    return book.sheets[index].name;
  }
  RawCell cell(const std::string& sheet, size_t row, size_t col) const {
    const auto found = std::find_if(book.sheets.begin(), book.sheets.end(),
                                    [&](const RawSheet& s) { return s.name == sheet; });
    REQUIRE(found != book.sheets.end());
    if (row >= found->rows.size() || col >= found->rows[row].size()) return RawCell{};
    return found->rows[row][col];
  }
  CellType type(const std::string& sheet, size_t row, size_t col) const {
    const RawCell c = cell(sheet, row, col);
    if (c.from_formula) return CellType::formula;
    if (c.kind == RawCell::Kind::Number) return CellType::numeric;
    if (c.kind == RawCell::Kind::Text) return CellType::string;
    return CellType::empty;
  }
  double number(const std::string& sheet, size_t row, size_t col) const {
    return cell(sheet, row, col).number;
  }
  std::string text(const std::string& sheet, size_t row, size_t col) const {
    return cell(sheet, row, col).text;
  }
};

std::filesystem::path render_sample(const test::ScratchDir& dir,
                                    const std::string& name = "report.xlsx") {
  const auto out = dir.path / name;
  render::render_xlsx(test::sample_report(), options(), out);
  return out;
}

}  // namespace

TEST_CASE("XLSX has a report sheet and one sheet per table with valid, unique names") {
  test::ScratchDir dir("xlsx-sheets");
  const ReadBack book(render_sample(dir));
  REQUIRE(book.sheet_count() == 4);
  CHECK(book.sheet_name(0) == "Rapport");
  CHECK(book.sheet_name(1) == "Resultater");
  CHECK(book.sheet_name(2) == "Skår per punkt runde H1-H2");
  // The bar chart's benchmark ("Mål") is a series of its own, drawn from the chart data sheet.
  CHECK(book.sheet_name(3) == "Figurdata");
  CHECK(book.text("Rapport", 0, 0) == "Halvårsrapport for Bærum IPS");
  CHECK(book.text("Rapport", 1, 0) == "Første halvår 2016 – Tønsberg & Ås");
}

TEST_CASE("XLSX cells are typed: numbers, rates, dates - text stays text") {
  test::ScratchDir dir("xlsx-types");
  const ReadBack book(render_sample(dir));
  const std::string s = "Resultater";
  // Row 0 caption, row 1 header, row 2 group "Vest", row 3 Bærum, row 4 Asker, row 5 group, row 6
  // the third unit.
  CHECK(book.text(s, 0, 0) == "Deltakere og jobber per enhet");
  CHECK(book.text(s, 1, 1) == "Deltakere");
  CHECK(book.text(s, 2, 0) == "Vest");
  CHECK(book.type(s, 3, 1) == CellType::numeric);
  CHECK(book.number(s, 3, 1) == 12);
  CHECK(book.number(s, 3, 3) == Approx(0.5833));
  CHECK(book.number(s, 3, 4) == 2);
  CHECK(book.number(s, 3, 5) == 42373);  // 2016-01-04 as an Excel serial day
  // Hostile input is a string cell, never a formula or markup.
  CHECK(book.type(s, 3, 6) == CellType::string);
  CHECK(book.text(s, 3, 6) == test::kHostileScript);
  CHECK(book.type(s, 4, 6) == CellType::string);
  CHECK(book.text(s, 4, 6) == test::kHostileFormula);
  CHECK(book.type(s, 6, 0) == CellType::string);
  CHECK(book.text(s, 6, 0) == test::kHostileFormula);
}

TEST_CASE("XLSX shows suppressed values only as their marker text") {
  test::ScratchDir dir("xlsx-suppressed");
  const ReadBack book(render_sample(dir));
  CHECK(book.type("Resultater", 4, 2) == CellType::string);
  CHECK(book.text("Resultater", 4, 2) == "<5");
  CHECK(book.text("Resultater", 4, 3) == "\u2013");
}

TEST_CASE("XLSX totals are formulas over the data rows, cached with the document's figure") {
  test::ScratchDir dir("xlsx-totals");
  const auto file = render_sample(dir);
  const ReadBack book(file);
  CHECK(book.type("Resultater", 7, 1) == CellType::formula);
  CHECK(book.number("Resultater", 7, 1) == 29);
  // A column with a suppressed cell keeps its total as a number: a formula would leave it out.
  CHECK(book.type("Resultater", 7, 2) == CellType::numeric);
  CHECK(book.number("Resultater", 7, 2) == 14);

  const std::string sheet =
      test::run_command("unzip -p '" + file.string() + "' xl/worksheets/sheet2.xml");
  CHECK(sheet.find("<f>SUM(B4:B5,B7)</f><v>29</v>") != std::string::npos);
  // Hostile text is a string cell, never a formula.
  CHECK(sheet.find("<f>HYPERLINK") == std::string::npos);
  CHECK(sheet.find("<f>=HYPERLINK") == std::string::npos);
  CHECK(sheet.find("<pane xSplit=\"1\" ySplit=\"2\"") != std::string::npos);
  CHECK(sheet.find("<autoFilter ref=\"A2:G7\"/>") != std::string::npos);
  // Printed pages: running head and "Side n av m" (Excel's &P and &N).
  CHECK(sheet.find("<oddHeader>&amp;LHalvårsrapport · Bærum · 2016-H1</oddHeader>") !=
        std::string::npos);
  CHECK(sheet.find("<oddFooter>&amp;CSide &amp;P av &amp;N</oddFooter>") != std::string::npos);
  const std::string scores =
      test::run_command("unzip -p '" + file.string() + "' xl/worksheets/sheet3.xml");
  CHECK(scores.find("<f>AVERAGE(B3:B4)</f>") != std::string::npos);
  // The heatmap chart as the nine heat colours of the HTML and PDF (render/heat_scale.h): blanks
  // first (stop if true, on the range's own top-left cell), then one rule per colour, 1–5 in half
  // steps around each; both ends finite, so text cells stay plain.
  CHECK(scores.find("stopIfTrue=\"1\"><formula>ISBLANK(B3)</formula>") != std::string::npos);
  size_t rules = 0;
  for (size_t at = scores.find("operator=\"between\""); at != std::string::npos;
       at = scores.find("operator=\"between\"", at + 1))
    ++rules;
  CHECK(rules == 9);
  CHECK(scores.find("<formula>0.75</formula><formula>1.249999999</formula>") != std::string::npos);
  CHECK(scores.find("<formula>4.75</formula><formula>5.25</formula>") != std::string::npos);
  const std::string styles = test::run_command("unzip -p '" + file.string() + "' xl/styles.xml");
  CHECK(styles.find("FFDAE5F2") != std::string::npos);  // .heat-0 in report.css
  CHECK(styles.find("FF08306B") != std::string::npos);  // .heat-8
}

TEST_CASE("XLSX draws native charts from the source table's cells") {
  test::ScratchDir dir("xlsx-charts");
  const auto file = render_sample(dir);
  const std::string chart =
      test::run_command("unzip -p '" + file.string() + "' xl/charts/chart1.xml");
  CHECK(chart.find("<c:barChart>") != std::string::npos);
  CHECK(chart.find("<c:f>Resultater!$A$4:$A$7</c:f>") != std::string::npos);
  CHECK(chart.find("<c:f>Resultater!$B$4:$B$7</c:f>") != std::string::npos);
  const std::string core = test::run_command("unzip -p '" + file.string() + "' docProps/core.xml");
  CHECK(core.find("<dc:title>Halvårsrapport for Bærum IPS</dc:title>") != std::string::npos);
  CHECK(core.find("2016-06-30T00:00:00Z") != std::string::npos);
}

TEST_CASE("XLSX output is byte-identical run to run") {
  test::ScratchDir dir("xlsx-repeat");
  const auto first = test::read_file(render_sample(dir, "a.xlsx"));
  const auto second = test::read_file(render_sample(dir, "b.xlsx"));
  REQUIRE(!first.empty());
  CHECK(first == second);
}

TEST_CASE("XLSX opens in LibreOffice") {
  test::ScratchDir dir("xlsx-libreoffice");
  const auto file = render_sample(dir);
  int status = -1;
  // A private profile, so parallel runs and a user's open LibreOffice do not interfere.
  test::run_command(
      "cd '" + dir.path.string() + "' && HOME='" + dir.path.string() +
          "' timeout 120 soffice --headless -env:UserInstallation=file://" + dir.path.string() +
          "/lo-profile --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir '" +
          dir.path.string() + "' '" + file.string() + "' >/dev/null 2>&1",
      &status);
  REQUIRE(status == 0);
  const std::string csv = test::read_file(dir.path / "report.csv");
  CHECK(csv.find("Halvårsrapport for Bærum IPS") != std::string::npos);
}

TEST_CASE("XLSX rendering reports an unwritable output path as RenderError") {
  test::ScratchDir dir("xlsx-unwritable");
  CHECK_THROWS_AS(
      render::render_xlsx(test::sample_report(), options(), dir.path / "missing" / "r.xlsx"),
      render::RenderError);
  CHECK_FALSE(std::filesystem::exists(dir.path / "missing" / "r.xlsx"));
}

TEST_CASE("XLSX in English names the report sheet Report and writes ISO dates") {
  test::ScratchDir dir("xlsx-en");
  const auto out = dir.path / "en.xlsx";
  render::render_xlsx(test::sample_report(Lang::En), options(), out);
  const ReadBack book(out);
  CHECK(book.sheet_name(0) == "Report");
  const std::string styles = test::run_command("unzip -p '" + out.string() + "' xl/styles.xml");
  CHECK(styles.find("formatCode=\"yyyy-mm-dd\"") != std::string::npos);
}

TEST_CASE("XLSX renders an empty report and keeps sheet names unique") {
  test::ScratchDir dir("xlsx-edge");
  render::render_xlsx(doc::Report{}, options(), dir.path / "empty.xlsx");
  CHECK(ReadBack(dir.path / "empty.xlsx").sheet_count() == 1);

  doc::Report report = test::sample_report();
  auto& scores = std::get<doc::Table>(report.sections[2].blocks[0]);
  scores.sheet_name = "rapport";
  scores.rows.clear();  // a table without rows still gets its sheet, header and no chart
  render::render_xlsx(report, options(), dir.path / "names.xlsx");
  const ReadBack book(dir.path / "names.xlsx");
  CHECK(book.sheet_name(2) == "rapport (2)");
  CHECK(book.text("rapport (2)", 1, 0) == "Punkt");
}

namespace {

// Two tables as the national summary has them: item scores per site (items across), and per
// item its mean, lowest, highest and sites at 1–3; then an item table with score, previous and
// change, and a total of counts the report gives no formula for.
doc::Report recompute_report() {
  using namespace ips::doc;
  Report report = test::sample_report();
  report.sections.clear();
  Section section{"Punkter", "items", false, {}};
  Table scores;
  scores.id = "heatmap";
  scores.caption = "Punktskår per enhet";
  scores.columns = {{"Enhet", Align::Left, 1}, {"B1", Align::Right, 1}, {"B2", Align::Right, 1}};
  scores.rows = {{RowStyle::Data, {Value::of_text("Asker"), Value::score(3), Value::score(5)}},
                 {RowStyle::Data, {Value::of_text("Bærum"), Value::score(4), Value::score(2)}},
                 {RowStyle::Data, {Value::of_text("Ås"), Value::score(5), Value::score(2)}}};
  Table across;
  across.id = "across";
  across.caption = "Punktene på tvers av enhetene";
  across.columns = {{"Kode", Align::Left, 1},     {"Snitt", Align::Right, 1},
                    {"Lavest", Align::Right, 1},  {"Høyest", Align::Right, 1},
                    {"Med 1–3", Align::Right, 1}, {"Deltakere", Align::Right, 1}};
  across.rows = {{RowStyle::Data,
                  {Value::of_text("B1"), Value::number_of(4.0, 2), Value::score(3), Value::score(5),
                   Value::count(1), Value::count(7)}},
                 {RowStyle::Data,
                  {Value::of_text("B2"), Value::number_of(3.0, 2), Value::score(2), Value::score(5),
                   Value::count(2), Value::count(8)}},
                 {RowStyle::Total,
                  {Value::of_text("Sum"), Value::empty(), Value::empty(), Value::empty(),
                   Value::empty(), Value::count(15)}}};
  Table items;
  items.id = "items-B";
  items.caption = "Bemanning";
  items.columns = {{"Kode", Align::Left, 1},
                   {"Skår", Align::Right, 1},
                   {"Forrige", Align::Right, 1},
                   {"Endring", Align::Right, 1}};
  items.rows = {
      {RowStyle::Data, {Value::of_text("B1"), Value::score(4), Value::score(2), Value::change(2)}},
      {RowStyle::Data,
       {Value::of_text("B2"), Value::score(3), Value::score(5), Value::change(-2)}}};
  section.blocks = {scores, across, items};
  report.sections.push_back(section);
  return report;
}

}  // namespace

TEST_CASE("XLSX recomputes what a reader would: item figures over the score sheet, changes, sums") {
  test::ScratchDir dir("xlsx-recompute");
  const auto file = dir.path / "recompute.xlsx";
  render::render_xlsx(recompute_report(), options(), file);
  const ReadBack book(file);
  const std::string across = "Punktene på tvers av enhetene";
  // Cached values, for readers that do not recalculate.
  CHECK(book.type(across, 2, 1) == CellType::formula);
  CHECK(book.number(across, 2, 1) == Approx(4.0));
  CHECK(book.number(across, 3, 4) == 2);
  const std::string sheet =
      test::run_command("unzip -p '" + file.string() + "' xl/worksheets/sheet3.xml");
  CHECK(sheet.find("<f>AVERAGE('Punktskår per enhet'!B3:B5)</f>") != std::string::npos);
  CHECK(sheet.find("<f>MIN('Punktskår per enhet'!C3:C5)</f>") != std::string::npos);
  CHECK(sheet.find("<f>MAX('Punktskår per enhet'!B3:B5)</f>") != std::string::npos);
  CHECK(sheet.find("<f>COUNTIF('Punktskår per enhet'!C3:C5,\"&lt;=3\")</f>") != std::string::npos);
  // A count total the report gave no formula is a SUM when it is the sum.
  CHECK(sheet.find("<f>SUM(F3:F4)</f><v>15</v>") != std::string::npos);
  // Endring = Skår − Forrige.
  const std::string items =
      test::run_command("unzip -p '" + file.string() + "' xl/worksheets/sheet4.xml");
  CHECK(items.find("<f>B3-C3</f><v>2</v>") != std::string::npos);
  CHECK(items.find("<f>B4-C4</f><v>-2</v>") != std::string::npos);
}

namespace {

// A table of items with a note under each item's heading (comment, recommendation) and a
// column of rates with intervals, one withheld, and a total: the sheet gets the notes and the
// bounds as extra columns, written in the same pass as the table's own cells.
doc::Report notes_and_bounds_report() {
  using namespace ips::doc;
  Report report = test::sample_report();
  report.sections.clear();
  Section section{"Punkter", "items", false, {}};
  Table t;
  t.id = "items";
  t.caption = "Punktene";
  t.columns = {{"Kode", Align::Left, 1}, {"Andel", Align::Right, 1}};
  t.interval_low_header = "{0}, nedre grense 95 %";
  t.interval_high_header = "{0}, øvre grense 95 %";
  Value a = Value::rate(0.4);
  a.interval = Interval{0.25, 0.5};
  Value withheld = Value::withheld();
  withheld.interval_withheld = true;
  Value all = Value::rate(0.3);
  all.interval = Interval{0.2, 0.4};
  t.rows = {{RowStyle::Data, {Value::of_text("B1"), a}},
            {RowStyle::Data, {Value::of_text("B2"), withheld}},
            {RowStyle::Total, {Value::of_text("Alle"), all}}};
  t.footnotes = {"Fotnote under tabellen."};
  section.blocks = {t,
                    Heading{3, "B1 Bemanning", "item-B1"},
                    Paragraph{"Kommentar: =Godt i gang"},
                    Paragraph{"Anbefalinger: Fortsett"},
                    Heading{3, "B2 Fokus", "item-B2"},
                    Paragraph{"Anbefalinger: Mer tid"}};
  report.sections.push_back(section);
  return report;
}

}  // namespace

TEST_CASE("XLSX writes item notes and interval bounds beside the rows they belong to", "[xlsx]") {
  test::ScratchDir dir("xlsx-notes-bounds");
  const auto file = dir.path / "notes.xlsx";
  render::render_xlsx(notes_and_bounds_report(), options(), file);
  const ReadBack book(file);
  const std::string s = "Punktene";
  // Header row: the table's columns, the notes' labels, the bounds of "Andel".
  CHECK(book.text(s, 1, 0) == "Kode");
  CHECK(book.text(s, 1, 2) == "Kommentar");
  CHECK(book.text(s, 1, 3) == "Anbefalinger");
  CHECK(book.text(s, 1, 4) == "Andel, nedre grense 95 %");
  CHECK(book.text(s, 1, 5) == "Andel, øvre grense 95 %");
  // B1: its comment (a string, though it starts with "="), recommendation and bounds.
  CHECK(book.type(s, 2, 2) == CellType::string);
  CHECK(book.text(s, 2, 2) == "=Godt i gang");
  CHECK(book.text(s, 2, 3) == "Fortsett");
  CHECK(book.number(s, 2, 4) == Approx(0.25));
  CHECK(book.number(s, 2, 5) == Approx(0.5));
  // B2: no comment, a recommendation, its withheld interval as the marker.
  CHECK(book.type(s, 3, 2) == CellType::empty);
  CHECK(book.text(s, 3, 3) == "Mer tid");
  CHECK(book.text(s, 3, 4) == "\u2013");
  CHECK(book.text(s, 3, 5) == "\u2013");
  // The total's bounds, then the footnote after an empty row.
  CHECK(book.number(s, 4, 4) == Approx(0.2));
  CHECK(book.number(s, 4, 5) == Approx(0.4));
  CHECK(book.text(s, 6, 0) == "Fotnote under tabellen.");
  const std::string sheet =
      test::run_command("unzip -p '" + file.string() + "' xl/worksheets/sheet2.xml");
  CHECK(sheet.find("<autoFilter ref=\"A2:D4\"/>") != std::string::npos);
}

TEST_CASE(
    "XLSX text is in a shared-string table, charts keep their cached numbers, and the "
    "temporary files are in a folder of their own",
    "[xlsx]") {
  test::ScratchDir dir("xlsx-shared-strings");
  const auto tmp = dir.path / "tmp";
  std::filesystem::create_directories(tmp);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  ::setenv("TMPDIR", tmp.c_str(), 1);
  const auto file = dir.path / "report.xlsx";
  render::render_xlsx(test::sample_report(), options(), file);
  // An error after the workbook was started (a missing folder) cleans up too.
  CHECK_THROWS_AS(
      render::render_xlsx(test::sample_report(), options(), dir.path / "missing" / "r.xlsx"),
      render::RenderError);
  if (old)
    ::setenv("TMPDIR", saved.c_str(), 1);
  else
    ::unsetenv("TMPDIR");
  CHECK(std::filesystem::is_empty(tmp));
  // Text in xl/sharedStrings.xml, as Excel writes it: Apple Numbers and the iPhone's and the
  // Mac's attachment previews show inline strings (constant-memory mode) as blank cells.
  const std::string parts = test::run_command("unzip -l '" + file.string() + "'");
  CHECK(parts.find("xl/sharedStrings.xml") != std::string::npos);
  const std::string sheets =
      test::run_command("unzip -p '" + file.string() + "' 'xl/worksheets/*.xml'");
  CHECK(sheets.find("inlineStr") == std::string::npos);
  const std::string strings =
      test::run_command("unzip -p '" + file.string() + "' xl/sharedStrings.xml");
  CHECK(strings.find("<t>Deltakere og jobber per enhet</t>") != std::string::npos);
  // A chart carries a copy of its numbers, which previewers draw from.
  const std::string charts =
      test::run_command("unzip -p '" + file.string() + "' 'xl/charts/*.xml'");
  CHECK(charts.find("<c:numCache>") != std::string::npos);
}

TEST_CASE("XLSX text cells read back in openpyxl as strings, formula-like text included",
          "[xlsx]") {
  test::ScratchDir dir("xlsx-openpyxl");
  const auto file = render_sample(dir);
  int status = -1;
  // openpyxl (pandas' engine for xlsx): the sheet's values as Python sees them.
  const std::string out = test::run_command(
      "/usr/bin/python3 -c \"import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])"
      "['Resultater']; c=ws['G5']; print(repr(ws['A1'].value)); print(c.data_type, "
      "repr(c.value)); print(ws['B4'].data_type, ws['B4'].value)\" '" +
          file.string() + "' 2>&1",
      &status);
  INFO(out);
  REQUIRE(status == 0);
  CHECK(out.find("'Deltakere og jobber per enhet'") != std::string::npos);
  CHECK(out.find("s '=HYPERLINK(\"x\")'") != std::string::npos);
  CHECK(out.find("n 12") != std::string::npos);
}
