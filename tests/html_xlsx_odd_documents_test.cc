// Both renderers on documents a builder should not produce but might: they must still write a
// complete, readable file (or throw RenderError), never crash.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>

#include "render/renderer.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::doc;

namespace {

Report odd_report() {
  Report report;
  report.meta.title = "Rare tabeller";
  Section section{"Rart", "", false, {}};

  Table no_columns;
  no_columns.id = "a";
  no_columns.caption = "???";
  no_columns.rows.push_back({RowStyle::Data, {Value::of_text("x"), Value::count(1)}});
  no_columns.rows.push_back({RowStyle::Group, {}});
  no_columns.rows.push_back({RowStyle::Data, {}});
  section.blocks.push_back(no_columns);

  Table totals_only;
  totals_only.id = "b";
  totals_only.columns = {{"Navn", Align::Left, 1}, {"Antall", Align::Right, 1}};
  totals_only.rows.push_back(
      {RowStyle::Total, {Value::of_text("Sum"), Value::count(0).with_aggregate(Aggregate::Sum)}});
  totals_only.rows.push_back(
      {RowStyle::Data,
       {Value::of_text("Uendelig"), Value::number_of(std::numeric_limits<double>::infinity(), 1)}});
  totals_only.rows.push_back(
      {RowStyle::Data, {Value::of_text(std::string(40000, 'a')), Value::number_of(NAN, 1)}});
  section.blocks.push_back(totals_only);

  ChartSpec missing_table;
  missing_table.title = "Peker ingensteds";
  missing_table.source_table = "finnes-ikke";
  missing_table.series_columns = {1};
  section.blocks.push_back(Chart{missing_table});

  ChartSpec bad_columns;
  bad_columns.kind = ChartKind::Line;
  bad_columns.source_table = "b";
  bad_columns.category_column = 7;
  bad_columns.series_columns = {-1, 9};
  section.blocks.push_back(Chart{bad_columns});

  ChartSpec heat;
  heat.kind = ChartKind::Heatmap;
  heat.source_table = "a";
  section.blocks.push_back(Chart{heat});

  section.blocks.push_back(Heading{9, "Dyp overskrift", ""});
  section.blocks.push_back(KeyFigures{});
  section.blocks.push_back(FieldList{});
  report.sections.push_back(section);
  return report;
}

}  // namespace

TEST_CASE("odd documents still give complete HTML and XLSX files") {
  test::ScratchDir dir("odd-documents");
  render::RenderOptions options;
  options.resources_dir = test::source_dir();

  render::render_html(odd_report(), options, dir.path / "odd.html");
  const std::string html = test::read_file(dir.path / "odd.html");
  CHECK(html.find("</html>") != std::string::npos);
  CHECK(html.find("<h4 id=\"block-") != std::string::npos);

  const auto xlsx = dir.path / "odd.xlsx";
  render::render_xlsx(odd_report(), options, xlsx);
  orcus::spreadsheet::document document{orcus::spreadsheet::range_size_t{1048576, 16384}};
  orcus::spreadsheet::import_factory factory{document};
  orcus::orcus_xlsx loader{&factory};
  loader.read_file(xlsx.string());
  CHECK(document.get_sheet_count() == 3);
  CHECK(document.get_sheet_name(1) == "Tabell");
  CHECK(document.get_sheet_name(2) == "b");
}
