#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include "fixtures/render/sample_report.h"
#include "render/renderer.h"
#include "support/test_support.h"

using namespace ips;

namespace {

size_t count_of(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

render::RenderOptions options() {
  render::RenderOptions o;
  o.resources_dir = test::source_dir();
  o.document_time = 1467244800;  // 2016-06-30
  return o;
}

std::string render_sample(const test::ScratchDir& dir, Lang lang = Lang::Nb) {
  const auto out = dir.path / "report.html";
  render::render_html(test::sample_report(lang), options(), out);
  return test::read_file(out);
}

}  // namespace

TEST_CASE("HTML escapes every string from the input") {
  test::ScratchDir dir("html-escape");
  const std::string html = render_sample(dir);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("=HYPERLINK(&quot;x&quot;)") != std::string::npos);
  CHECK(html.find("Tønsberg &amp; Ås") != std::string::npos);
}

TEST_CASE("HTML has landmarks, one h1, a contents list and accessible tables") {
  test::ScratchDir dir("html-structure");
  const std::string html = render_sample(dir);
  CHECK(html.find("<html lang=\"nb\">") != std::string::npos);
  CHECK(count_of(html, "<h1") == 1);
  CHECK(html.find("<h1>Halvårsrapport for Bærum IPS</h1>") != std::string::npos);
  for (const char* landmark : {"<header", "<nav", "<main>", "<footer"})
    CHECK(count_of(html, landmark) == 1);
  // Contents links land on section anchors.
  CHECK(html.find("<a href=\"#resultater\">Resultater</a>") != std::string::npos);
  CHECK(html.find("<section id=\"resultater\"") != std::string::npos);
  CHECK(html.find("<h2 id=\"resultater-title\">Resultater</h2>") != std::string::npos);
  // Heading level 2 is a subsection: h3.
  CHECK(html.find("<h3 id=\"deltakere\" class=\"block-heading\">Deltakere og jobber</h3>") !=
        std::string::npos);
  CHECK(
      html.find("<caption id=\"table-outcomes-caption\">Deltakere og jobber per enhet</caption>") !=
      std::string::npos);
  CHECK(html.find("<th scope=\"col\" class=\"num\">Deltakere</th>") != std::string::npos);
  CHECK(html.find("<th scope=\"row\" class=\"text\">Bærum</th>") != std::string::npos);
  CHECK(html.find("<th scope=\"rowgroup\" colspan=\"7\">Vest</th>") != std::string::npos);
  CHECK(html.find("<tr class=\"total\">") != std::string::npos);
  CHECK(html.find("<dl class=\"fields\">") != std::string::npos);
  CHECK(html.find("<p class=\"warning\">") != std::string::npos);
  CHECK(html.find("<p class=\"lead\">") != std::string::npos);
}

TEST_CASE("HTML shows suppressed values only as their marker") {
  test::ScratchDir dir("html-suppressed");
  const std::string html = render_sample(dir);
  CHECK(html.find("<td class=\"num suppressed\">&lt;5</td>") != std::string::npos);
  CHECK(html.find("<td class=\"num suppressed\">\u2013</td>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">58,3\u00A0%</td>") != std::string::npos);
  // A table with "–" carries the explanation once.
  // Each place with "–" carries the explanation once: the key figures and the outcomes table.
  CHECK(count_of(html, "holdt tilbake fordi") == 2);
  CHECK(html.find("<p class=\"figures-note\">") != std::string::npos);
}

TEST_CASE("HTML charts have a caption, a text alternative and their numbers as a table") {
  test::ScratchDir dir("html-chart");
  const std::string html = render_sample(dir);
  CHECK(html.find("<figcaption>Deltakere per enhet</figcaption>") != std::string::npos);
  // The drawing inline, described for screen readers by the chart's alt text; drawn twice (a
  // desktop and a phone drawing, each with the width under which its text would be < 12 px).
  CHECK(
      html.find("<div class=\"chart-image\" role=\"img\" aria-label=\"Stolpediagram: Bærum har 12 "
                "deltakere, Asker 9 og den tredje enheten 8.\">") != std::string::npos);
  CHECK(count_of(html, "<div class=\"chart-wide\" style=\"min-width:720px\"><svg") == 1);
  CHECK(count_of(html, "<div class=\"chart-narrow\" style=\"min-width:270px\"><svg") == 1);
  // Shown at its minimum width, every drawing's smallest text is 12 CSS px: the text size
  // (user units, the root's 7.5 unless a <text> says) times the shown width over the viewBox's.
  const std::regex drawing(
      "<div class=\"chart-(wide|narrow)\" style=\"min-width:([0-9]+)px\"><svg [^>]*viewBox=\"0 0 "
      "([0-9.]+) [0-9.]+\" [^>]*font-size=\"([0-9.]+)\"[^>]*>(.*?)</svg></div>");
  int drawings = 0;
  for (auto m = std::sregex_iterator(html.begin(), html.end(), drawing);
       m != std::sregex_iterator(); ++m) {
    ++drawings;
    double smallest = std::stod((*m)[4]);
    const std::string body = (*m)[5];
    const std::regex text_size("<text [^>]*font-size=\"([0-9.]+)\"");
    for (auto t = std::sregex_iterator(body.begin(), body.end(), text_size);
         t != std::sregex_iterator(); ++t)
      smallest = std::min(smallest, std::stod((*t)[1]));
    const double shown_px = smallest * std::stod((*m)[2]) / std::stod((*m)[3]);
    CHECK(shown_px >= 12 - 0.05);
  }
  CHECK(drawings == 2);
  CHECK(html.find("lengthAdjust") == std::string::npos);
  // The drawing's labels are text (searchable, sharp at any zoom), not glyph outlines.
  CHECK(html.find(">Bærum</text>") != std::string::npos);
  CHECK(html.find("glyph") == std::string::npos);
  CHECK(html.find("<summary>Tallene bak figuren</summary>") != std::string::npos);
  CHECK(html.find("<li>Mål: 10</li>") != std::string::npos);
}

TEST_CASE("HTML is self-contained") {
  test::ScratchDir dir("html-self-contained");
  const std::string html = render_sample(dir);
  const std::regex external(R"((src|href)\s*=\s*["']?(https?:)?//)", std::regex::icase);
  CHECK_FALSE(std::regex_search(html, external));
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("<style>") != std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
}

TEST_CASE("HTML in English is marked English and formats numbers the English way") {
  test::ScratchDir dir("html-en");
  const std::string html = render_sample(dir, Lang::En);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("<td class=\"num\">58.3%</td>") != std::string::npos);
}

TEST_CASE("HTML output is byte-identical run to run") {
  test::ScratchDir dir("html-repeat");
  const std::string first = render_sample(dir);
  const std::string second = render_sample(dir);
  CHECK(first == second);
}

TEST_CASE("HTML rendering fails with RenderError when a template is missing or broken") {
  test::ScratchDir dir("html-bad-template");
  const auto templates = dir.path / "templates" / "html";
  render::RenderOptions o = options();
  o.resources_dir = dir.path;
  CHECK_THROWS_AS(render::render_html(test::sample_report(), o, dir.path / "a.html"),
                  render::RenderError);

  std::filesystem::create_directories(templates);
  for (const auto& entry :
       std::filesystem::directory_iterator(test::source_dir() / "templates" / "html"))
    std::filesystem::copy_file(entry.path(), templates / entry.path().filename());
  std::ofstream(templates / "table.mustache") << "<table>{{#rows}}</table>";
  try {
    render::render_html(test::sample_report(), o, dir.path / "a.html");
    FAIL("a broken template must not render");
  } catch (const render::RenderError& e) {
    CHECK(std::string(e.what()).find("table.mustache") != std::string::npos);
  }
}

TEST_CASE("HTML renders an empty report and keeps section links unique") {
  test::ScratchDir dir("html-edge");
  doc::Report empty;
  render::render_html(empty, options(), dir.path / "empty.html");
  const std::string bare = test::read_file(dir.path / "empty.html");
  CHECK(count_of(bare, "<h1") == 1);
  CHECK(bare.find("<nav") == std::string::npos);  // nothing to list

  doc::Report twice = test::sample_report();
  twice.sections[1].anchor = twice.sections[0].anchor;
  twice.sections[2].anchor.clear();
  render::render_html(twice, options(), dir.path / "twice.html");
  const std::string html = test::read_file(dir.path / "twice.html");
  CHECK(count_of(html, "<section id=\"sammendrag\"") == 1);
  CHECK(html.find("<a href=\"#sammendrag-2\">Resultater</a>") != std::string::npos);
  CHECK(html.find("<section id=\"section-3\"") != std::string::npos);
}

TEST_CASE("HTML rows have one cell per column") {
  test::ScratchDir dir("html-cells");
  doc::Report report;
  doc::Section section{"Tabell", "tabell", false, {}};
  doc::Table table;
  table.caption = "Ujevn";
  table.columns = {
      {"A", doc::Align::Left, 1}, {"B", doc::Align::Right, 1}, {"C", doc::Align::Right, 1}};
  table.rows.push_back({doc::RowStyle::Data, {doc::Value::of_text("kort")}});
  table.rows.push_back({doc::RowStyle::Data,
                        {doc::Value::of_text("lang"), doc::Value::count(1), doc::Value::count(2),
                         doc::Value::count(3)}});
  section.blocks.push_back(table);
  report.sections.push_back(section);
  render::render_html(report, options(), dir.path / "cells.html");
  const std::string html = test::read_file(dir.path / "cells.html");
  CHECK(html.find("<th scope=\"row\" class=\"text\">kort</th><td class=\"num\"></td><td "
                  "class=\"num\"></td></tr>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">2</td></tr>") != std::string::npos);
  CHECK(html.find(">3<") == std::string::npos);
}

TEST_CASE("HTML chart data tables show rates as percentages and scatter points by label") {
  test::ScratchDir dir("html-chart-data");
  doc::Report report;
  doc::Section section{"Figurer", "figurer", false, {}};
  doc::ChartSpec rates;
  rates.kind = doc::ChartKind::Line;
  rates.title = "Andel i arbeid";
  rates.categories = {"2016-H1", "2016-H2"};
  rates.series = {{"Bærum", {0.4167, std::nullopt}, {}, {}}};
  rates.y_axis.percent = true;
  section.blocks.push_back(doc::Chart{rates});
  doc::ChartSpec scatter;
  scatter.kind = doc::ChartKind::Scatter;
  scatter.title = "Troskap og arbeid";
  scatter.x_axis.title = "Sum skår";
  scatter.y_axis = {"Andel i arbeid", 0, 1, 0.25, true};
  scatter.series = {{"Tjenester", {0.5}, {3.25}, {"Asker & Bærum"}}};
  section.blocks.push_back(doc::Chart{scatter});
  report.sections.push_back(section);
  render::render_html(report, options(), dir.path / "charts.html");
  const std::string html = test::read_file(dir.path / "charts.html");
  CHECK(html.find("<th scope=\"row\" class=\"text period\">2016-H1</th><td "
                  "class=\"num\">41,7\u00A0%</td>") != std::string::npos);
  CHECK(html.find("<th scope=\"row\" class=\"text period\">2016-H2</th><td class=\"num\"></td>") !=
        std::string::npos);
  CHECK(
      html.find("<th scope=\"row\" class=\"text\">Asker &amp; Bærum</th><td class=\"num\">3,25</td>"
                "<td class=\"num\">50\u00A0%</td>") != std::string::npos);
}

TEST_CASE("HTML does not explain – twice when the table's own footnote does") {
  test::ScratchDir dir("html-footnote-once");
  doc::Report report = test::sample_report();
  auto& table = std::get<doc::Table>(report.sections[1].blocks[1]);
  table.footnotes = {"<5 og \u2013 skjuler små tall."};
  render::render_html(report, options(), dir.path / "once.html");
  const std::string html = test::read_file(dir.path / "once.html");
  CHECK(count_of(html, "holdt tilbake fordi") == 1);  // only beside the key figures
  CHECK(count_of(html, "skjuler små tall") == 1);
}
