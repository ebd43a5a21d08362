// The 95 % intervals as custom error bars on XLSX bar charts (issue 19): the placeholder patch
// on its own, and a rendered workbook read back.
#include <catch2/catch.hpp>

#include "render/renderer.h"
#include "render/xlsx_error_bars.h"
#include "support/test_support.h"

using namespace ips;

namespace {

render::RenderOptions options() {
  render::RenderOptions o;
  o.resources_dir = test::source_dir();
  o.document_time = 1467244800;
  return o;
}

// Two sites and all sites: 8 of 20 (21,9–61,3), a withheld rate, 30 of 100 (22,0–39,5).
doc::Report rates_report() {
  using namespace ips::doc;
  Report report;
  report.meta.kind = "halvarsrapport";
  report.meta.title = "Andeler";
  report.meta.lang = Lang::Nb;
  report.meta.output_stem = "andeler";
  Section s{"Resultater", "resultater", false, {}};
  Table t;
  t.id = "rates";
  t.caption = "Andel i arbeid";
  t.sheet_name = "Andeler";
  t.columns = {{"Enhet", Align::Left, 1}, {"Andel i arbeid", Align::Right, 1}};
  t.interval_low_header = "{0}, nedre grense 95 %";
  t.interval_high_header = "{0}, øvre grense 95 %";
  Value a = Value::rate(0.4);
  a.interval = Interval{0.218807, 0.613419};
  Value withheld = Value::withheld();
  withheld.interval_withheld = true;
  Value all = Value::rate(0.3);
  all.interval = Interval{0.219875, 0.394692};
  t.rows = {{RowStyle::Data, {Value::of_text("Asker"), a}},
            {RowStyle::Data, {Value::of_text("Bærum"), withheld}},
            {RowStyle::Data, {Value::of_text("Alle"), all}}};
  s.blocks.push_back(t);
  ChartSpec c;
  c.kind = ChartKind::Bar;
  c.title = "Andel i arbeid per enhet";
  c.categories = {"Asker", "Bærum", "Alle"};
  c.series = {{"Andel i arbeid", {0.4, std::nullopt, 0.3}, {}, {}}};
  c.intervals = {{Interval{0.218807, 0.613419}, std::nullopt, Interval{0.219875, 0.394692}}};
  c.y_axis = {"Andel", 0, 1, 0.25, true};
  c.benchmarks = {{"Minimum 31 %", 0.31}};
  c.source_table = "rates";
  c.category_column = 0;
  c.series_columns = {1};
  s.blocks.push_back(Chart{c});
  report.sections.push_back(std::move(s));
  return report;
}

}  // namespace

TEST_CASE("Error bar placeholders become custom lengths read from cells", "[xlsx-error-bars]") {
  render::CustomErrorBars bars;
  bars.placeholder = render::error_bar_placeholder(1);
  bars.plus_range = "'Figur & data'!$B$4:$B$5";
  bars.minus_range = "'Figur & data'!$C$4:$C$5";
  bars.plus = {0.25, std::nullopt};
  bars.minus = {0.125, std::nullopt};
  const std::string fixed_other =
      "<c:errBars><c:errBarType val=\"both\"/><c:errValType val=\"fixedVal\"/>"
      "<c:val val=\"0.1\"/></c:errBars>";
  const std::string xml = "<c:ser>" + fixed_other +
                          "</c:ser><c:ser><c:errBars><c:errBarType val=\"both\"/>"
                          "<c:errValType val=\"fixedVal\"/><c:val val=\"7001\"/><c:spPr/>"
                          "</c:errBars></c:ser>";
  size_t replaced = 0;
  const std::string out = render::replace_error_bar_placeholders(xml, {bars}, replaced);
  CHECK(replaced == 1);
  // A fixed error bar that is not a placeholder stays as it was.
  CHECK(out.find(fixed_other) != std::string::npos);
  CHECK(out.find("val=\"7001\"") == std::string::npos);
  CHECK(out.find("<c:errBars><c:errBarType val=\"both\"/><c:errValType val=\"cust\"/><c:plus>"
                 "<c:numRef><c:f>'Figur &amp; data'!$B$4:$B$5</c:f><c:numCache><c:formatCode>"
                 "General</c:formatCode><c:ptCount val=\"2\"/><c:pt idx=\"0\"><c:v>0.25</c:v>"
                 "</c:pt></c:numCache></c:numRef></c:plus><c:minus><c:numRef><c:f>"
                 "'Figur &amp; data'!$C$4:$C$5</c:f>") != std::string::npos);
  CHECK(out.find("<c:v>0.125</c:v></c:pt></c:numCache></c:numRef></c:minus><c:spPr/>"
                 "</c:errBars>") != std::string::npos);
}

TEST_CASE("XLSX bar charts show each rate's 95 % interval as error bars from its bounds",
          "[xlsx-error-bars]") {
  test::ScratchDir dir("xlsx-error-bars");
  const auto file = dir.path / "andeler.xlsx";
  render::render_xlsx(rates_report(), options(), file);
  const std::string xml =
      test::run_command("unzip -p '" + file.string() + "' xl/charts/chart1.xml");
  CHECK(xml.find("<c:barChart>") != std::string::npos);
  CHECK(xml.find("val=\"7000\"") == std::string::npos);  // no placeholder left
  const size_t from = xml.find("<c:errBars>"), to = xml.find("</c:errBars>");
  REQUIRE(to != std::string::npos);
  const std::string chart = xml.substr(from, to - from);
  CHECK(chart.find("<c:errValType val=\"cust\"/>") != std::string::npos);
  // Lengths above and below each bar on the chart data sheet; none for the withheld rate.
  CHECK(chart.find("<c:plus><c:numRef><c:f>'Figurdata'!$B$") != std::string::npos);
  CHECK(chart.find("<c:pt idx=\"0\"><c:v>0.2134") != std::string::npos);  // 61,3 − 40,0
  CHECK(chart.find("<c:pt idx=\"0\"><c:v>0.1811") != std::string::npos);  // 40,0 − 21,9
  CHECK(chart.find("<c:pt idx=\"1\">") == std::string::npos);
  CHECK(chart.find("<c:pt idx=\"2\"><c:v>0.0946") != std::string::npos);
  CHECK(chart.find("<c:pt idx=\"2\"><c:v>0.0801") != std::string::npos);
  // The same bytes again.
  const auto again = dir.path / "again.xlsx";
  render::render_xlsx(rates_report(), options(), again);
  CHECK(test::read_file(file) == test::read_file(again));
}
