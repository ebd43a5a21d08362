// The page count behind "pages per second" in --timings: render_pdf adds exactly the pages of
// the file it wrote to its thread's count.
#include <catch2/catch.hpp>

#include <regex>

#include "render/pdf_page_count.h"
#include "render/renderer.h"
#include "support/test_support.h"

using namespace ips;

TEST_CASE("render_pdf counts the pages it wrote on its thread") {
  doc::Report r;
  r.meta.title = "Nasjonal sammenstilling";
  r.meta.lang = Lang::Nb;
  doc::Section s;
  s.title = "Tjenester";
  doc::Table t;
  t.columns = {{"Nr.", doc::Align::Right, 1}, {"Tjeneste", doc::Align::Left, 3}};
  for (int i = 1; i <= 200; ++i)
    t.rows.push_back({doc::RowStyle::Data, {doc::Value::count(i), doc::Value::of_text("IPS")}});
  s.blocks.push_back(t);
  r.sections.push_back(s);
  render::RenderOptions options;
  options.resources_dir = test::source_dir();

  test::ScratchDir dir("pdf-page-count");
  const auto pdf = dir.path / "count.pdf";
  const int64_t before = render::pdf_pages_rendered_on_this_thread();
  render::render_pdf(r, options, pdf);
  const int64_t counted = render::pdf_pages_rendered_on_this_thread() - before;

  const std::string info = test::run_command("pdfinfo '" + pdf.string() + "' 2>&1");
  std::smatch m;
  REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
  CHECK(counted == std::stoi(m[1]));
  CHECK(counted > 3);
}
