// The national summary stays legible from 1 site to 500: every word of the PDF stays inside its
// page, and the HTML stays one file of reasonable size. Inputs come from the project's own
// export generator (bench/), so they follow the input contract.
#include <catch2/catch.hpp>

#include <regex>

#include "analysis/fidelity.h"
#include "analysis/outcomes.h"
#include "ingest/ingest.h"
#include "render/renderer.h"
#include "report/nasjonal_sammenstilling.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

struct NationalRender {
  test::ScratchDir dir;
  fs::path pdf, html;
  explicit NationalRender(int sites) : dir("national-" + std::to_string(sites)) {
    const std::string gen = test::generator_binary() + " --sites " + std::to_string(sites) +
                            " --half-years 4 --participants " + std::to_string(sites * 12) +
                            " --seed 7 --out " + dir.path.string() + " >/dev/null 2>&1";
    int rc = -1;
    test::run_command(gen, &rc);
    REQUIRE(rc == 0);
    const ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
    const Dataset data = ingest_files({dir.path / "ips-export.xlsx"}, scales);
    REQUIRE(data.sites.size() == static_cast<size_t>(sites));
    const Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
    const auto scores = score_reviews(data, scales);
    const OutcomeIndex outcomes(data);
    const ReportContext ctx{scales, words, "", 5};
    const doc::Report report =
        build_nasjonal_sammenstilling(Period{2014, 2}, data, scores, outcomes, ctx);
    const render::RenderOptions options{test::source_dir(), 0};
    pdf = dir.path / "national.pdf";
    html = dir.path / "national.html";
    render::render_pdf(report, options, pdf);
    render::render_html(report, options, html);
  }
};

/// Words whose box leaves the A4 page, from pdftotext -bbox.
std::vector<std::string> words_outside_page(const fs::path& pdf) {
  const std::string xml = test::run_command("pdftotext -bbox '" + pdf.string() + "' -");
  static const std::regex word(
      R"re(<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>)re");
  std::vector<std::string> outside;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), word); it != std::sregex_iterator();
       ++it) {
    const double x0 = std::stod((*it)[1]), y0 = std::stod((*it)[2]), x1 = std::stod((*it)[3]),
                 y1 = std::stod((*it)[4]);
    if (x0 < 0 || y0 < 0 || x1 > 595.3 || y1 > 841.9) outside.push_back((*it)[5]);
  }
  return outside;
}

}  // namespace

TEST_CASE("a national summary of one site renders inside its pages") {
  NationalRender r(1);
  CHECK(words_outside_page(r.pdf).empty());
  CHECK(fs::file_size(r.html) < 1'500'000);
}

TEST_CASE("a national summary of 500 sites paginates its tables and splits its charts") {
  NationalRender r(500);
  const auto outside = words_outside_page(r.pdf);
  CHECK(outside.empty());
  if (!outside.empty()) INFO("first outside: " << outside.front());
  const std::string info = test::run_command("pdfinfo '" + r.pdf.string() + "'");
  std::smatch pages;
  REQUIRE(std::regex_search(info, pages, std::regex(R"(Pages:\s+(\d+))")));
  CHECK(std::stoi(pages[1]) > 40);  // 500-row tables over many pages, not squeezed onto one
  // The last site appears in the heatmap and outcome tables (nothing cut off at the end).
  const std::string text = test::run_command("pdftotext '" + r.pdf.string() + "' -");
  CHECK(text.find("Skår per punkt ved enhetenes siste gjennomgang (481–500)") != std::string::npos);
  // The HTML stays one file under 2 MB: charts are SVG with real text, and the heatmap is the
  // coloured item table rather than 17 drawings of it. (1.5 MB until each chart was drawn twice,
  // for desktop and phone widths, so that no chart text is under 12 CSS px: 1.78 MB.)
  CHECK(fs::file_size(r.html) < 2'000'000);
  const std::string html = test::read_file(r.html);
  CHECK(html.find("<table class=\"heatmap\">") != std::string::npos);
}
