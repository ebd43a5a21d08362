// The chart engine: every kind draws, SVG output is deterministic and safe to inline several
// times in one page, and long labels stay inside the chart's box.
#include <catch2/catch.hpp>

#include <cairo-pdf.h>

#include <cstdlib>
#include <limits>
#include <regex>
#include <set>

#include "render/chart.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::doc;

namespace {

ChartSpec line_chart() {
  ChartSpec c;
  c.kind = ChartKind::Line;
  c.title = "Total skåre per gjennomgang";
  c.categories = {"2013-1", "2013-2", "2014-1", "2014-2", "2015-1", "2015-2"};
  c.series = {{"Bærum", {78, 85, 92, 95, std::nullopt, 101}, {}, {}},
              {"Tromsø", {66, 71, 70, 83, 88, 90}, {}, {}},
              {"Ålesund", {std::nullopt, 60, 74, 79, 84, 99}, {}, {}}};
  c.y_axis = {"Total skåre", 25, 125, 25, false};
  c.x_axis = {"Gjennomgang", 0, 1, 1, false};
  c.benchmarks = {{"God tjenestekvalitet (100)", 100}};
  return c;
}

ChartSpec bar_chart_with_long_names() {
  ChartSpec c;
  c.kind = ChartKind::Bar;
  c.categories = {"Drammen kommune og omegn interkommunale IPS-tjeneste for psykisk helse",
                  "Kristiansand",
                  "Nordre Aker bydel, Oslo kommune, distriktspsykiatrisk senter",
                  "Tromsø",
                  "Bærum",
                  "Ålesund",
                  "Stavanger universitetssjukehus avdeling"};
  c.series = {{"Andel i jobb", {0.31, 0.42, 0.28, 0.5, 0.45, 0.38, 0.29}, {}, {}}};
  c.y_axis = {"", 0, 0.6, 0.1, true};
  c.benchmarks = {{"Mål 40 %", 0.4}};
  return c;
}

ChartSpec heatmap() {
  ChartSpec c;
  c.kind = ChartKind::Heatmap;
  for (int i = 1; i <= 25; ++i) c.categories.push_back(std::string("B").append(std::to_string(i)));
  int row = 0;
  for (const char* site : {"Bærum", "Drammen interkommunale IPS-tjeneste", "Tromsø", "Ålesund"}) {
    Series s{site, {}, {}, {}};
    ++row;
    for (int i = 0; i < 25; ++i)
      s.values.push_back(i == 7 ? std::nullopt : std::optional<double>(1 + (i * 3 + row) % 5));
    c.series.push_back(s);
  }
  c.y_axis = {"Skåre", 1, 5, 1, false};
  return c;
}

ChartSpec scatter() {
  ChartSpec c;
  c.kind = ChartKind::Scatter;
  // Bærum and Asker sit almost on the same spot: their labels must not be drawn on top of
  // each other.
  c.series = {{"Tjenester",
               {0.22, 0.41, 0.35, 0.5, 0.28, 0.415, 0.405},
               {71, 98, 88, 112, 80, 99, 97},
               {"Tromsø", "Bærum", "Ålesund", "Drammen", "Kristiansand", "Asker", "Lier"}}};
  c.x_axis = {"Total skåre", 25, 125, 25, false};
  c.y_axis = {"Andel i jobb", 0, 0.6, 0.1, true};
  return c;
}

ChartSpec profile() {
  ChartSpec c;
  c.kind = ChartKind::Profile;
  for (int i = 1; i <= 25; ++i) c.categories.push_back(std::string("B").append(std::to_string(i)));
  Series now{"Denne gjennomgangen", {}, {}, {}}, before{"Forrige gjennomgang", {}, {}, {}};
  for (int i = 0; i < 25; ++i) {
    now.values.push_back(1 + (i * 7) % 5);
    before.values.push_back(i == 5 ? std::nullopt : std::optional<double>(1 + (i * 3) % 5));
  }
  c.series = {now, before};
  c.y_axis = {"Skåre", 1, 5, 1, false};
  return c;
}

std::vector<ChartSpec> every_kind() {
  return {line_chart(), bar_chart_with_long_names(), profile(), heatmap(), scatter()};
}

}  // namespace

TEST_CASE("chart SVG is a bare svg element, the same bytes every time") {
  for (const ChartSpec& spec : every_kind()) {
    const std::string a = render::chart_svg(spec, 480, 260, Lang::Nb);
    const std::string b = render::chart_svg(spec, 480, 260, Lang::Nb);
    CHECK(a.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"480pt\" height=\"260pt\"",
                  0) == 0);
    CHECK(a.find("<?xml") == std::string::npos);
    CHECK(a.size() - a.rfind("</svg>") == 6);
    CHECK(a == b);
    CHECK((a.find("<path") != std::string::npos || a.find("<rect") != std::string::npos));
    CHECK(a.find("<text") != std::string::npos);
  }
}

TEST_CASE("chart SVG has no ids, so any number of charts can share an HTML page") {
  for (const ChartSpec& spec : every_kind()) {
    const std::string svg = render::chart_svg(spec, 480, 260, Lang::Nb);
    CHECK(svg.find(" id=") == std::string::npos);
    CHECK(svg.find("href") == std::string::npos);
    CHECK(svg.find("url(#") == std::string::npos);
  }
}

TEST_CASE("chart SVG writes its labels as text: escaped, cut with an ellipsis, and fitted") {
  ChartSpec spec = bar_chart_with_long_names();
  spec.categories[1] = "Kristiansand <b>&</b> \"Vennesla\"";
  const std::string svg = render::chart_svg(spec, 480, 260, Lang::Nb);
  // Wrapped onto two lines (one <text> each), the second cut with "…".
  CHECK(svg.find(">Kristiansand</text>") != std::string::npos);
  CHECK(svg.find(">&lt;b&gt;&amp;&lt;/b&gt; &quot;") != std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  // Percent ticks in Norwegian, a benchmark label, and the long name shortened with "…".
  CHECK(svg.find(">40\u00A0%</text>") != std::string::npos);
  CHECK(svg.find(">Mål 40 %</text>") != std::string::npos);
  CHECK(svg.find("\u2026</text>") != std::string::npos);
  CHECK(svg.find("psykisk helse</text>") == std::string::npos);
  // Text is never squeezed or stretched to a width (issue 17): the browser's font sets it.
  CHECK(svg.find(">Tromsø</text>") != std::string::npos);
  CHECK(svg.find("lengthAdjust") == std::string::npos);
  CHECK(svg.find("textLength") == std::string::npos);
  // Labels too many to stand side by side are turned upright about their anchor.
  ChartSpec crowded = bar_chart_with_long_names();
  for (int i = 0; i < 3; ++i)
    crowded.categories.insert(crowded.categories.end(), spec.categories.begin(),
                              spec.categories.end());
  for (auto& series : crowded.series) series.values.resize(crowded.categories.size(), 0.3);
  const std::string turned = render::chart_svg(crowded, 480, 260, Lang::Nb);
  CHECK(std::regex_search(turned, std::regex("transform=\"translate\\([0-9.]+ [0-9.]+\\) "
                                             "rotate\\(-90\\)\">Tromsø</text>")));
}

TEST_CASE("chart SVG shows the hyphen of a word broken over two lines, as the PDF does") {
  ChartSpec spec = bar_chart_with_long_names();
  spec.categories.assign(10, "Distriktspsykiatrisk senter Aker");
  spec.categories[0] = "Tromsø\tBodø";  // a control character from a cell is not valid XML
  spec.series[0].values.assign(10, 0.3);
  // Wide enough for slots that wrap labels in two lines (SVG text is measured with room for
  // a wider browser font, so 480 points now turn them upright).
  const std::string svg = render::chart_svg(spec, 560, 260, Lang::Nb);
  CHECK(std::regex_search(svg, std::regex(">Distrikts[a-z]*-</text>")));
  CHECK_FALSE(std::regex_search(svg, std::regex(">Distrikts[a-z]*</text>")));
  CHECK(svg.find('\t') == std::string::npos);
  CHECK(svg.find(">Tromsø") != std::string::npos);
}

TEST_CASE("percent axes are labelled in percent in the report language") {
  // Labels are drawn as glyphs, so check through a PDF's text layer.
  test::ScratchDir dir("chart-percent");
  const auto pdf = dir.path / "chart.pdf";
  cairo_surface_t* surface = cairo_pdf_surface_create(pdf.c_str(), 500, 300);
  cairo_t* cr = cairo_create(surface);
  render::draw_chart(cr, bar_chart_with_long_names(), 10, 10, 480, 280, Lang::Nb);
  cairo_show_page(cr);
  render::draw_chart(cr, bar_chart_with_long_names(), 10, 10, 480, 280, Lang::En);
  REQUIRE(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  REQUIRE(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(surface);
  const std::string nb = test::run_command("pdftotext -f 1 -l 1 '" + pdf.string() + "' -");
  const std::string en = test::run_command("pdftotext -f 2 -l 2 '" + pdf.string() + "' -");
  CHECK(nb.find("40 %") != std::string::npos);
  CHECK(nb.find("60 %") != std::string::npos);
  CHECK(en.find("40%") != std::string::npos);
}

TEST_CASE("every kind stays inside its box, long labels included") {
  test::ScratchDir dir("chart-box");
  const auto pdf = dir.path / "charts.pdf";
  const double x = 40, y = 40, w = 420, h = 260;
  cairo_surface_t* surface = cairo_pdf_surface_create(pdf.c_str(), 500, 340);
  cairo_t* cr = cairo_create(surface);
  for (const ChartSpec& spec : every_kind()) {
    render::draw_chart(
        cr, spec, x, y, w,
        spec.kind == ChartKind::Heatmap ? render::chart_preferred_height(spec, w) : h, Lang::Nb);
    cairo_show_page(cr);
  }
  REQUIRE(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  REQUIRE(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(surface);
  if (const char* keep = std::getenv("IPS_KEEP_PDF"))
    std::filesystem::copy_file(pdf, std::filesystem::path(keep) / "charts.pdf",
                               std::filesystem::copy_options::overwrite_existing);

  const std::string bbox = test::run_command("pdftotext -bbox '" + pdf.string() + "' -");
  const std::regex word(
      "<word xMin=\"([-\\d.]+)\" yMin=\"([-\\d.]+)\" xMax=\"([-\\d.]+)\" "
      "yMax=\"([-\\d.]+)\">([^<]*)</word>");
  int words = 0, shortened = 0;
  for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), word); it != std::sregex_iterator();
       ++it) {
    ++words;
    // cairo keeps the whole name as the text of the "…" glyph: such a "word" is narrow.
    if ((*it)[5].str().find("psykisk helse") != std::string::npos) {
      ++shortened;
      CHECK(std::stod((*it)[3]) - std::stod((*it)[1]) < 15);
    }
    INFO((*it)[5].str());
    // pdftotext's word boxes run from the font's ascent to its descent: 2 pt of slack.
    CHECK(std::stod((*it)[1]) >= x - 2);
    CHECK(std::stod((*it)[2]) >= y - 2);
    CHECK(std::stod((*it)[3]) <= x + w + 2);
    CHECK(std::stod((*it)[4]) <= y + h + 2);
  }
  CHECK(words > 100);
  // Long site names are shortened with an ellipsis rather than overflowing.
  CHECK(shortened == 1);
}

TEST_CASE("scatter point labels cover neither each other nor the benchmark labels") {
  test::ScratchDir dir("chart-scatter");
  const auto pdf = dir.path / "scatter.pdf";
  cairo_surface_t* surface = cairo_pdf_surface_create(pdf.c_str(), 500, 340);
  cairo_t* cr = cairo_create(surface);
  ChartSpec spec = scatter();
  // Benchmarks through the crowd of points: their labels take the free side of the plot.
  spec.benchmarks = {{"Minimum", 0.31}, {"Gjennomsnitt", 0.41}, {"Svært", 0.5}};
  render::draw_chart(cr, spec, 40, 40, 420, 260, Lang::Nb);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  REQUIRE(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(surface);

  struct Word {
    double x0, y0, x1, y1;
    std::string text;
  };
  std::vector<Word> labels;
  const std::string bbox = test::run_command("pdftotext -bbox '" + pdf.string() + "' -");
  const std::regex word(
      "<word xMin=\"([-\\d.]+)\" yMin=\"([-\\d.]+)\" xMax=\"([-\\d.]+)\" "
      "yMax=\"([-\\d.]+)\">([^<]*)</word>");
  const std::set<std::string> names{"Tromsø", "Bærum", "Ålesund",      "Drammen", "Kristiansand",
                                    "Asker",  "Lier",  "Gjennomsnitt", "Minimum", "Svært"};
  for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), word); it != std::sregex_iterator();
       ++it)
    if (names.count((*it)[5]))
      labels.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                        std::stod((*it)[4]), (*it)[5]});
  REQUIRE(labels.size() == names.size());
  for (size_t i = 0; i < labels.size(); ++i)
    for (size_t j = i + 1; j < labels.size(); ++j) {
      const Word &a = labels[i], &b = labels[j];
      INFO(a.text << " and " << b.text);
      // Word boxes run from ascent to descent; 1 pt of shared edge is not an overlap.
      const bool overlap = a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1;
      CHECK_FALSE(overlap);
    }
}

TEST_CASE("NaN, infinite and missing values never break a chart") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (ChartSpec spec : every_kind()) {
    for (auto& series : spec.series) {
      if (!series.values.empty()) series.values[0] = nan;
      if (series.values.size() > 1) series.values[1] = inf;
      if (!series.x.empty()) series.x[0] = -inf;
    }
    spec.benchmarks.push_back({"NaN", nan});
    CHECK_NOTHROW(render::chart_svg(spec, 400, 240, Lang::Nb));
  }
  ChartSpec empty;
  CHECK_NOTHROW(render::chart_svg(empty, 400, 240, Lang::Nb));
  empty.kind = ChartKind::Heatmap;
  CHECK_NOTHROW(render::chart_svg(empty, 400, 240, Lang::Nb));
  empty.kind = ChartKind::Scatter;
  empty.y_axis = {"", 5, 5, 0, false};  // an unusable axis
  CHECK_NOTHROW(render::chart_svg(empty, 400, 240, Lang::Nb));
}

TEST_CASE("a phone-wide chart's legend names wrap whole and a missing bar is a drawn dash") {
  // 168.75 points: the phone drawing of such a chart in the HTML. The current review's name
  // did not fit one line and lost its year ("Denne gjennomgangen 29.11…"); the missing bar's
  // mark was the character "–", wider than the bar, and ran into the bars beside it in Lato.
  ChartSpec spec;
  spec.kind = ChartKind::Profile;
  spec.title = "Punktprofil: skår per punkt";
  for (int i = 1; i <= 25; ++i) spec.categories.push_back("P" + std::to_string(i));
  Series now{"Denne gjennomgangen 29.11.2016", {}, {}, {}};
  Series before{"Forrige 31.05.2016", {}, {}, {}};
  for (int i = 0; i < 25; ++i) {
    now.values.push_back(i < 11 ? std::optional<double>(4) : std::nullopt);
    before.values.push_back(5);
  }
  spec.series = {now, before};
  spec.y_axis = {"Skår", 0, 5, 1, false};
  const std::string svg = render::chart_svg(spec, 168.75, 219.38, Lang::Nb);
  CHECK(svg.find(">Denne gjennomgangen</text>") != std::string::npos);
  CHECK(svg.find(">29.11.2016</text>") != std::string::npos);
  CHECK(svg.find("\u2026</text>") == std::string::npos);
  CHECK(svg.find(">\u2013</text>") == std::string::npos);
}
