// The note that explains "–" is part of the document (doc::explain_withheld_values), so HTML,
// PDF and XLSX all show it, after key figures as under tables; no renderer adds one.
#include <catch2/catch.hpp>

#include "render/renderer.h"
#include "report/document.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::doc;

namespace {

const std::string kNote = "– Holdt tilbake: bygger på færre enn 5 personer.";

Report report_with_withheld_values() {
  Report r;
  r.meta.kind = "halvarsrapport";
  r.meta.title = "Halvårsrapport";
  r.meta.lang = Lang::Nb;
  r.words = {"Side {0} av {1}", "Innhold", "Tallene bak figuren", kNote, "{0} (fortsatt)"};
  Section s{"Sammendrag", "sammendrag", false, {}};
  s.blocks.push_back(KeyFigures{
      {{"Andel i arbeid", Value::withheld(), ""}, {"Deltakere", Value::count(12), ""}}, {}});
  s.blocks.push_back(KeyFigures{{{"Totalskår", Value::score(90), ""}}, {}});
  Table withheld;
  withheld.id = "outcomes";
  withheld.caption = "Resultater";
  withheld.columns = {{"Tall", Align::Left, 2}, {"Enheten", Align::Right, 1}};
  withheld.rows.push_back({RowStyle::Data, {Value::of_text("I arbeid"), Value::withheld()}});
  s.blocks.push_back(withheld);
  Table explained = withheld;
  explained.id = "explained";
  explained.caption = "Forklart";
  explained.footnotes = {"– betyr her: ingen data."};
  s.blocks.push_back(explained);
  r.sections.push_back(s);
  return r;
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

render::RenderOptions options() {
  render::RenderOptions o;
  o.resources_dir = test::source_dir();
  o.document_time = 1467244800;
  return o;
}

}  // namespace

TEST_CASE("the note explaining a withheld value is added to the document, once per place",
          "[notes]") {
  Report r = report_with_withheld_values();
  explain_withheld_values(r);
  const auto& blocks = r.sections[0].blocks;
  CHECK(std::get<KeyFigures>(blocks[0]).notes == std::vector<std::string>{kNote});
  CHECK(std::get<KeyFigures>(blocks[1]).notes.empty());  // nothing withheld there
  CHECK(std::get<Table>(blocks[2]).footnotes == std::vector<std::string>{kNote});
  // A note that already speaks of "–" is not repeated.
  CHECK(std::get<Table>(blocks[3]).footnotes ==
        std::vector<std::string>{"– betyr her: ingen data."});
  explain_withheld_values(r);  // idempotent: a second call adds nothing
  CHECK(std::get<KeyFigures>(blocks[0]).notes.size() == 1);
}

TEST_CASE("HTML, PDF and XLSX show the document's notes after key figures and under tables",
          "[notes]") {
  test::ScratchDir dir("withheld-notes");
  Report r = report_with_withheld_values();
  explain_withheld_values(r);
  render::render_html(r, options(), dir.path / "r.html");
  render::render_pdf(r, options(), dir.path / "r.pdf");
  render::render_xlsx(r, options(), dir.path / "r.xlsx");

  const std::string html = test::read_file(dir.path / "r.html");
  CHECK(count_of(html, kNote) == 2);  // after the key figures and under the table
  CHECK(html.find("<p class=\"figures-note\">" + kNote + "</p>") != std::string::npos);

  int rc = -1;
  const std::string pdf =
      test::run_command("pdftotext -layout '" + (dir.path / "r.pdf").string() + "' -", &rc);
  REQUIRE(rc == 0);
  CHECK(count_of(pdf, kNote) == 2);
  // The key figures' note comes before the first table's caption, right after the figures.
  CHECK(pdf.find(kNote) < pdf.find("Resultater"));

  const std::string cells = test::run_command(
      "/usr/bin/python3 -c \"import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); "
      "[print(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row "
      "if c.value]\" '" +
          (dir.path / "r.xlsx").string() + "'",
      &rc);
  REQUIRE(rc == 0);
  // The key figures' note on the report sheet, the table's under its own sheet.
  CHECK(count_of(cells, kNote) == 2);
}

TEST_CASE("a renderer adds no note the document does not hold", "[notes]") {
  test::ScratchDir dir("no-added-notes");
  const Report r = report_with_withheld_values();  // explain_withheld_values not called
  render::render_html(r, options(), dir.path / "r.html");
  render::render_pdf(r, options(), dir.path / "r.pdf");
  CHECK(count_of(test::read_file(dir.path / "r.html"), kNote) == 0);
  int rc = -1;
  const std::string pdf =
      test::run_command("pdftotext -layout '" + (dir.path / "r.pdf").string() + "' -", &rc);
  CHECK(count_of(pdf, kNote) == 0);
}
