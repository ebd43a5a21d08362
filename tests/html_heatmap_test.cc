// Heatmaps in HTML are tables with coloured cells: a heatmap of a table in the report colours
// that table (and is not drawn again), a heatmap of its own numbers becomes such a table, and
// the cells' colours are the PDF's, each with text that reads on it.
#include <catch2/catch.hpp>

#include <regex>

#include "render/heat_scale.h"
#include "render/layout_text.h"
#include "render/renderer.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::doc;

namespace {

ChartSpec heatmap(const std::string& title, const std::string& source_table) {
  ChartSpec c;
  c.kind = ChartKind::Heatmap;
  c.title = title;
  c.alt_text = "Varmekart";
  c.categories = {"B1", "B2", "B3"};
  c.series = {{"Bodø <IPS>", {1, 5, std::nullopt}, {}, {}}, {"Oslo", {3, 4, 2}, {}, {}}};
  c.y_axis = {"Skår", 1, 5, 1, false};
  c.source_table = source_table;
  return c;
}

Report report_with_heatmaps() {
  Report report;
  report.meta.kind = "nasjonal-sammenstilling";
  report.meta.title = "Nasjonal sammenstilling";
  report.meta.lang = Lang::Nb;
  Section s{"Punktskår per enhet", "heatmap", false, {}};
  Table t;
  t.id = "scores";
  t.caption = "Siste gjennomgang per enhet";
  t.columns = {{"Enhet", Align::Left, 1},
               {"B1", Align::Center, 1},
               {"B2", Align::Center, 1},
               {"B3", Align::Center, 1}};
  t.rows.push_back(
      {RowStyle::Data,
       {Value::of_text("Bodø <IPS>"), Value::score(1), Value::score(5), Value::empty()}});
  t.rows.push_back({RowStyle::Data,
                    {Value::of_text("Oslo"), Value::score(3), Value::score(4), Value::score(2)}});
  t.rows.push_back({RowStyle::Total,
                    {Value::of_text("Snitt"), Value::number_of(2, 1),
                     Value::number_of(4.5, 1).bold(), Value::of_text("2*")}});
  s.blocks.push_back(t);
  s.blocks.push_back(Chart{heatmap("Punktskår per enhet (alle enheter)", "scores")});
  s.blocks.push_back(Chart{heatmap("Punktskår uten tabell", "")});
  report.sections.push_back(std::move(s));
  return report;
}

std::string render_to_html(const test::ScratchDir& dir) {
  render::RenderOptions options;
  options.resources_dir = test::source_dir();
  const auto out = dir.path / "heatmap.html";
  render::render_html(report_with_heatmaps(), options, out);
  return test::read_file(out);
}

size_t count_of(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// WCAG 2.1 contrast ratio of two colours.
double contrast(render::Rgb a, render::Rgb b) {
  auto luminance = [](render::Rgb c) {
    auto channel = [](double v) {
      return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("a heatmap of a table in the report colours that table and is not drawn again") {
  test::ScratchDir dir("html-heatmap");
  const std::string html = render_to_html(dir);
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("Punktskår per enhet (alle enheter)") == std::string::npos);
  REQUIRE(count_of(html, "<table class=\"heatmap\">") == 2);
  const size_t table = html.find("<caption id=\"table-scores-caption\">");
  REQUIRE(table != std::string::npos);
  const std::string row = html.substr(html.find("<tr class=\"data\">", table), 200);
  CHECK(row.find("<th scope=\"row\" class=\"text\">Bodø &lt;IPS&gt;</th>"
                 "<td class=\"heat-0\">1</td><td class=\"heat-8\">5</td>"
                 "<td class=\"heat-none\"></td>") != std::string::npos);
  // A bold figure stays bold; text in a score column is left plain.
  CHECK(html.find("<td class=\"heat-2\">2,0</td><td class=\"heat-7 em\">4,5</td>"
                  "<td class=\"center\">2*</td>") != std::string::npos);
  // The key: one swatch per score.
  CHECK(html.find("<p class=\"heat-key\" aria-hidden=\"true\">Skår <span class=\"heat-swatch "
                  "heat-0\"></span>&nbsp;1 "
                  "<span class=\"heat-swatch heat-2\"></span>&nbsp;2 <span class=\"heat-swatch "
                  "heat-4\"></span>&nbsp;3") != std::string::npos);
}

TEST_CASE("a heatmap of its own numbers is shown as a coloured table captioned with its title") {
  test::ScratchDir dir("html-heatmap-own");
  const std::string html = render_to_html(dir);
  const size_t figure = html.find("<figure class=\"chart heatmap\"");
  REQUIRE(figure != std::string::npos);
  const std::string rest = html.substr(figure);
  CHECK(rest.find("Punktskår uten tabell</caption>") != std::string::npos);
  CHECK(rest.find("<td class=\"heat-4\">3</td><td class=\"heat-6\">4</td>"
                  "<td class=\"heat-2\">2</td>") != std::string::npos);
  CHECK(rest.find("<details") == std::string::npos);  // the table is the data: no second copy
}

TEST_CASE("heat colours read with their text colour and match the stylesheet") {
  const render::Rgb ink{0.15, 0.17, 0.19}, white{1, 1, 1};
  const std::string css = test::read_file(test::source_dir() / "templates/html/report.css");
  for (int step = 0; step <= 8; ++step) {
    const double position = step / 8.0;
    const render::Rgb fill = render::heat_colour(position);
    const bool white_text = render::heat_takes_white_text(position);
    INFO("step " << step);
    CHECK(contrast(fill, white_text ? white : ink) >= 4.5);
    CHECK(render::heat_step(position) == step);
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(std::lround(fill.r * 255)),
                  static_cast<int>(std::lround(fill.g * 255)),
                  static_cast<int>(std::lround(fill.b * 255)));
    const std::string rule = ".heat-" + std::to_string(step) + " { background: " + hex +
                             "; color: " + (white_text ? "#ffffff" : "var(--ink)") + "; }";
    CHECK(css.find(rule) != std::string::npos);
  }
  // The stylesheet's ink is at least as dark as the charts'.
  CHECK(css.find("--ink: #1f2a33;") != std::string::npos);
}

TEST_CASE("the heat scale follows the chart's axis, or the item scale 1–5") {
  ChartSpec c;
  c.kind = ChartKind::Heatmap;
  c.y_axis = {"", 0, 1, 0.25, false};  // the unset default
  const auto items = render::HeatScale::of(c);
  CHECK(items.min == 1);
  CHECK(items.max == 5);
  CHECK(items.position(3) == Approx(0.5));
  CHECK(items.position(9) == 1);
  c.y_axis = {"", 0, 10, 2, false};
  CHECK(render::HeatScale::of(c).position(5) == Approx(0.5));
}
