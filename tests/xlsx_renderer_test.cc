#include <catch2/catch.hpp>

#include <ixion/address.hpp>
#include <ixion/model_context.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>

#include "fixtures/render/sample_report.h"
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

// The workbook as liborcus reads it.
struct ReadBack {
  orcus::spreadsheet::document document{orcus::spreadsheet::range_size_t{1048576, 16384}};

  explicit ReadBack(const std::filesystem::path& file) {
    orcus::spreadsheet::import_factory factory{document};
    orcus::orcus_xlsx loader{&factory};
    loader.read_file(file.string());
  }
  ixion::abs_address_t at(const std::string& sheet, int row, int col) const {
    const auto index = document.get_sheet_index(sheet);
    REQUIRE(index >= 0);
    return ixion::abs_address_t(index, row, col);
  }
  ixion::celltype_t type(const std::string& sheet, int row, int col) const {
    return document.get_model_context().get_celltype(at(sheet, row, col));
  }
  double number(const std::string& sheet, int row, int col) const {
    return document.get_model_context().get_numeric_value(at(sheet, row, col));
  }
  std::string text(const std::string& sheet, int row, int col) const {
    return std::string(document.get_model_context().get_string_value(at(sheet, row, col)));
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
  REQUIRE(book.document.get_sheet_count() == 4);
  CHECK(book.document.get_sheet_name(0) == "Rapport");
  CHECK(book.document.get_sheet_name(1) == "Resultater");
  CHECK(book.document.get_sheet_name(2) == "Skår per punkt runde H1-H2");
  // The bar chart's benchmark ("Mål") is a series of its own, drawn from the chart data sheet.
  CHECK(book.document.get_sheet_name(3) == "Figurdata");
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
  CHECK(book.type(s, 3, 1) == ixion::celltype_t::numeric);
  CHECK(book.number(s, 3, 1) == 12);
  CHECK(book.number(s, 3, 3) == Approx(0.5833));
  CHECK(book.number(s, 3, 4) == 2);
  CHECK(book.number(s, 3, 5) == 42373);  // 2016-01-04 as an Excel serial day
  // Hostile input is a string cell, never a formula or markup.
  CHECK(book.type(s, 3, 6) == ixion::celltype_t::string);
  CHECK(book.text(s, 3, 6) == test::kHostileScript);
  CHECK(book.type(s, 4, 6) == ixion::celltype_t::string);
  CHECK(book.text(s, 4, 6) == test::kHostileFormula);
  CHECK(book.type(s, 6, 0) == ixion::celltype_t::string);
  CHECK(book.text(s, 6, 0) == test::kHostileFormula);
}

TEST_CASE("XLSX shows suppressed values only as their marker text") {
  test::ScratchDir dir("xlsx-suppressed");
  const ReadBack book(render_sample(dir));
  CHECK(book.type("Resultater", 4, 2) == ixion::celltype_t::string);
  CHECK(book.text("Resultater", 4, 2) == "<5");
  CHECK(book.text("Resultater", 4, 3) == "\u2013");
}

TEST_CASE("XLSX totals are formulas over the data rows, cached with the document's figure") {
  test::ScratchDir dir("xlsx-totals");
  const auto file = render_sample(dir);
  const ReadBack book(file);
  CHECK(book.type("Resultater", 7, 1) == ixion::celltype_t::formula);
  CHECK(book.number("Resultater", 7, 1) == 29);
  // A column with a suppressed cell keeps its total as a number: a formula would leave it out.
  CHECK(book.type("Resultater", 7, 2) == ixion::celltype_t::numeric);
  CHECK(book.number("Resultater", 7, 2) == 14);

  const std::string sheet =
      test::run_command("unzip -p '" + file.string() + "' xl/worksheets/sheet2.xml");
  CHECK(sheet.find("<f>SUM(B4:B5,B7)</f><v>29</v>") != std::string::npos);
  CHECK(sheet.find("HYPERLINK") == std::string::npos);  // hostile text lives in shared strings only
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
  CHECK(book.document.get_sheet_name(0) == "Report");
  const std::string styles = test::run_command("unzip -p '" + out.string() + "' xl/styles.xml");
  CHECK(styles.find("formatCode=\"yyyy-mm-dd\"") != std::string::npos);
}

TEST_CASE("XLSX renders an empty report and keeps sheet names unique") {
  test::ScratchDir dir("xlsx-edge");
  render::render_xlsx(doc::Report{}, options(), dir.path / "empty.xlsx");
  CHECK(ReadBack(dir.path / "empty.xlsx").document.get_sheet_count() == 1);

  doc::Report report = test::sample_report();
  auto& scores = std::get<doc::Table>(report.sections[2].blocks[0]);
  scores.sheet_name = "rapport";
  scores.rows.clear();  // a table without rows still gets its sheet, header and no chart
  render::render_xlsx(report, options(), dir.path / "names.xlsx");
  const ReadBack book(dir.path / "names.xlsx");
  CHECK(book.document.get_sheet_name(2) == "rapport (2)");
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
  CHECK(book.type(across, 2, 1) == ixion::celltype_t::formula);
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
