// A project leader's text longer than a page, in the example's Halvårsrapport for Bodø: many
// paragraphs, one very long paragraph and a long list, from a Markdown file of the texts folder.
// The PDF carries every word in order over more pages, the long paragraph itself goes on from
// one page to the next, and no line leaves the page's text area (the layout engine's chunks and
// the words' boxes in the written file); HTML and XLSX hold the whole text too, the list as one
// list.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <cairo-pdf.h>

#include "analysis/fidelity.h"
#include "analysis/outcomes.h"
#include "ingest/ingest.h"
#include "ingest/narrative_reader.h"
#include "render/fonts.h"
#include "render/pdf_flow.h"
#include "render/pdf_layout.h"
#include "render/pdf_style.h"
#include "render/renderer.h"
#include "report/report_set.h"
#include "report/report_structure.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

const Period kPeriod = *Period::parse("2016-H1");  // the example's sheet has texts for H2 only

// Ordinary words with a numbered marker word ("m0042") after every fourth, so that order and
// completeness can be checked word by word.
struct TextMaker {
  int next = 0;
  std::vector<std::string> markers;
  std::string words(int n) {
    static const char* kWords[] = {"teamet",      "følger",    "opp",   "arbeidsgiverne", "og",
                                   "behandlerne", "gjennom",   "hele",  "halvåret",       "med",
                                   "tett",        "samarbeid", "rundt", "deltakerne"};
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (!out.empty()) out += ' ';
      if (i % 5 == 4) {
        char m[16];
        std::snprintf(m, sizeof m, "m%04d", next++);
        markers.push_back(m);
        out += m;
      } else {
        out += kWords[(next + i) % 14];
      }
    }
    return out;
  }
};

struct LongTexts {
  std::string markdown;
  std::vector<std::string> paragraph_markers;  // the very long paragraph's markers
  std::vector<std::string> all_markers;
  // Each field's markers: the structure file places the fields apart, each in its own order.
  std::vector<std::vector<std::string>> fields;
  int list_items = 0;
};

LongTexts long_texts() {
  TextMaker t;
  LongTexts out;
  std::string& md = out.markdown;
  auto field_done = [&](size_t first) {
    out.fields.emplace_back(t.markers.begin() + static_cast<long>(first), t.markers.end());
    return t.markers.size();
  };
  size_t first = 0;
  md += "# Vurdering\n\n";
  for (int p = 0; p < 14; ++p) md += t.words(90) + "\n\n";  // many paragraphs, about 8 000 chars
  first = field_done(first);
  md += "# Mål for neste halvår\n\n";
  md += t.words(1400) + "\n\n";  // one paragraph of about 12 000 characters: two pages
  out.paragraph_markers.assign(t.markers.begin() + static_cast<long>(first), t.markers.end());
  first = field_done(first);
  md += "# Merknad til resultatene\n\n";
  for (int i = 0; i < 90; ++i, ++out.list_items) md += "- " + t.words(10) + "\n";
  field_done(first);
  out.all_markers = t.markers;
  return out;
}

std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Every field's markers, each field in order, among the tokens; empty when all are there, else
// the first missing.
std::string first_missing(const std::vector<std::vector<std::string>>& fields,
                          const std::vector<std::string>& toks) {
  for (const std::vector<std::string>& markers : fields) {
    size_t at = 0;
    for (const std::string& m : markers) {
      while (at < toks.size() && toks[at] != m) ++at;
      if (at == toks.size()) return m;
      ++at;
    }
  }
  return "";
}

std::string xml_text(const std::string& xml) {
  static const std::regex text("<t[^>]*>([^<]*)</t>");
  std::string out;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), text); it != std::sregex_iterator();
       ++it)
    out += (*it)[1].str() + " ";
  return out;
}

struct Run {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  ReportStructures structures = load_report_structures(test::source_dir() / "templates/structure",
                                                       test::source_dir() / "templates/structure");
  Dataset data;
  std::vector<ReviewScore> scores;
  std::unique_ptr<OutcomeIndex> outcomes;
  std::unique_ptr<ReportContext> ctx;

  explicit Run(const fs::path* texts) {
    data = ingest_files({test::source_dir() / "examples/ips-eksempel.xlsx"}, scales);
    if (texts) read_text_folder(*texts, data);
    scores = score_reviews(data, scales);
    outcomes = std::make_unique<OutcomeIndex>(data);
    ctx = std::make_unique<ReportContext>(ReportContext{scales, words, "", 5});
    ctx->structures = &structures;
  }

  doc::Report halvarsrapport(const std::string& site) const {
    for (const PlannedReport& p : plan_reports(data, scores, *outcomes, kPeriod, *ctx))
      if (p.kind == "halvarsrapport" && p.site == site) return p.build();
    FAIL("no Halvårsrapport for " << site);
    return {};
  }
};

int pdf_pages(const fs::path& pdf) {
  const std::string info = test::run_command("pdfinfo '" + pdf.string() + "'");
  std::smatch m;
  REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
  return std::stoi(m[1].str());
}

// The layout engine's own account: every chunk placed in the text area, none over another.
std::vector<std::string> chunks_outside_text_area(const doc::Report& report, int* pages) {
  std::vector<std::string> problems;
  const render::PdfStyle style =
      render::load_pdf_style(test::source_dir() / "templates" / "pdf.toml");
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(nullptr, nullptr, style.page_width, style.page_height);
  cairo_t* cr = cairo_create(surface);
  {
    render::ContextPtr text =
        render::bundled_text_context(cr, render::fonts_dir_of(test::source_dir()));
    render::PdfLayout layout(report, style, text.get());
    const render::Pagination pagination =
        render::paginate(layout.chunks(), style.margin_top, style.body_height());
    *pages = static_cast<int>(pagination.pages.size());
    const double top = style.margin_top, bottom = top + style.body_height();
    for (size_t p = 0; p < pagination.pages.size(); ++p) {
      double end = top;
      for (const render::PlacedChunk& pc : pagination.pages[p]) {
        const std::string where =
            "page " + std::to_string(p + 1) + " at y " + std::to_string(pc.y) + ": ";
        if (pc.y < end - 0.01) problems.push_back(where + "a chunk overlaps the one above");
        if (pc.y < top - 0.01 || pc.y + pc.chunk->height > bottom + 0.01)
          problems.push_back(where + "a chunk leaves the text area");
        end = pc.y + pc.chunk->height;
      }
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return problems;
}

struct WordBox {
  int page;
  double x0, y0, x1, y1;
};

// Each marker's box(es) as pdftotext -bbox reads them from the written PDF.
std::map<std::string, std::vector<WordBox>> marker_boxes(const fs::path& pdf) {
  const std::string html = test::run_command("pdftotext -bbox '" + pdf.string() + "' -");
  std::map<std::string, std::vector<WordBox>> out;
  static const std::regex word(
      "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">"
      "(m[0-9]{4})</word>");
  int page = 0;
  std::istringstream in(html);
  for (std::string line; std::getline(in, line);) {
    if (line.find("<page ") != std::string::npos) ++page;
    std::smatch m;
    if (std::regex_search(line, m, word))
      out[m[5].str()].push_back({page, std::stod(m[1].str()), std::stod(m[2].str()),
                                 std::stod(m[3].str()), std::stod(m[4].str())});
  }
  return out;
}

}  // namespace

TEST_CASE("A text longer than a page flows over PDF pages whole, and HTML and XLSX hold it all",
          "[narrative][narrative-flow]") {
  test::ScratchDir dir("narrative-flow");
  const LongTexts texts = long_texts();
  const fs::path folder = dir.path / "tekster";
  fs::create_directories(folder);
  std::ofstream(folder / "bodo-2016-H1.md", std::ios::binary) << texts.markdown;

  const Run plain(nullptr);
  const Run with_texts(&folder);
  size_t from_files = 0;
  for (const NarrativeText& t : with_texts.data.texts)
    if (t.period == kPeriod && t.site == "Bodø") ++from_files;
  REQUIRE(from_files == 3);
  const doc::Report base = plain.halvarsrapport("Bodø");
  const doc::Report report = with_texts.halvarsrapport("Bodø");

  render::RenderOptions options;
  options.resources_dir = test::source_dir();
  const fs::path base_pdf = dir.path / "base.pdf", pdf = dir.path / "long.pdf";
  render::render_pdf(base, options, base_pdf);
  render::render_pdf(report, options, pdf);

  SECTION("PDF: every word in order, over more pages, inside the text area") {
    const std::vector<std::string> toks =
        tokens(test::run_command("pdftotext -enc UTF-8 '" + pdf.string() + "' -"));
    CHECK(first_missing(texts.fields, toks).empty());
    // The ordinary words are all there too, as often as written.
    std::map<std::string, int> written, shown;
    std::istringstream lines(texts.markdown);
    for (std::string line; std::getline(lines, line);)
      if (line.rfind("#", 0) != 0)
        for (const std::string& w : tokens(line)) ++written[w];
    for (const std::string& w : toks) ++shown[w];
    for (const auto& [w, n] : written)
      if (w != "-") CHECK(shown[w] >= n);

    // About 28 000 characters of text at some 3 000 a page.
    const int base_pages = pdf_pages(base_pdf), pages = pdf_pages(pdf);
    CHECK(pages >= base_pages + 6);

    int laid_out = 0;
    const std::vector<std::string> problems = chunks_outside_text_area(report, &laid_out);
    for (size_t i = 0; i < std::min<size_t>(problems.size(), 5); ++i) UNSCOPED_INFO(problems[i]);
    CHECK(problems.empty());
    CHECK(laid_out == pages);

    // The words as drawn: each once, inside the text area, and the long paragraph on two pages
    // or more.
    const render::PdfStyle style =
        render::load_pdf_style(test::source_dir() / "templates" / "pdf.toml");
    const auto boxes = marker_boxes(pdf);
    const double left = style.margin_left, right = left + style.body_width();
    const double top = style.margin_top, bottom = top + style.body_height();
    for (const std::string& m : texts.all_markers) {
      INFO(m);
      REQUIRE(boxes.count(m));
      REQUIRE(boxes.at(m).size() == 1);
      const WordBox& b = boxes.at(m).front();
      CHECK(b.x0 >= left - 0.5);
      CHECK(b.x1 <= right + 0.5);
      CHECK(b.y0 >= top - 0.5);
      CHECK(b.y1 <= bottom + 0.5);
    }
    const int first_page = boxes.at(texts.paragraph_markers.front()).front().page;
    const int last_page = boxes.at(texts.paragraph_markers.back()).front().page;
    CHECK(last_page >= first_page + 2);
  }

  SECTION("HTML: the whole text, the list as one list of every item") {
    const fs::path html = dir.path / "long.html";
    render::render_html(report, options, html);
    const std::string page = test::read_file(html);
    const std::string text = std::regex_replace(page, std::regex("<[^>]*>"), " ");
    CHECK(first_missing(texts.fields, tokens(text)).empty());
    // The list of 90 items is one <ul>: the first item opens it, the last closes it.
    const size_t open = page.find("<ul class=\"rich-list\">");
    REQUIRE(open != std::string::npos);
    const size_t close = page.find("</ul>", open);
    REQUIRE(close != std::string::npos);
    const std::string list = page.substr(open, close - open);
    size_t items = 0;
    for (size_t at = list.find("<li"); at != std::string::npos; at = list.find("<li", at + 1))
      ++items;
    CHECK(items == static_cast<size_t>(texts.list_items));
    CHECK(page.find("<ul class=\"rich-list\">", close) == std::string::npos);
  }

  SECTION("XLSX: the whole text") {
    const fs::path xlsx = dir.path / "long.xlsx";
    render::render_xlsx(report, options, xlsx);
    const std::string strings =
        test::run_command("unzip -p '" + xlsx.string() + "' xl/sharedStrings.xml");
    CHECK(first_missing(texts.fields, tokens(xml_text(strings))).empty());
  }
}
