// PDF/UA-1: the checker fails an untagged PDF, the example's PDFs pass it and say "Tagged: yes",
// untagged drawing becomes an artifact, Norwegian text in English reports is marked nb, and the
// reading order of the structure tree is the order on the page.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

#include <cairo-pdf.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include "render/pdf_text_language.h"
#include "render/pdf_ua_postprocess.h"
#include "support/pdf_ua_check.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

const std::string kExample = (test::source_dir() / "examples/ips-eksempel.xlsx").string();

// The example's PDFs, rendered once per language for the whole test run.
const fs::path& example_pdfs(const std::string& lang) {
  static test::ScratchDir dir("pdfua-example");
  static std::map<std::string, fs::path> rendered;
  auto it = rendered.find(lang);
  if (it != rendered.end()) return it->second;
  const fs::path out = dir.path / lang;
  int rc = -1;
  test::run_command(test::ipsreport_binary() + " run " + kExample + " --out " + out.string() +
                        " --formats pdf --lang " + lang + " 2>&1",
                    &rc);
  REQUIRE(rc == 1);  // the example has warnings by design
  return rendered[lang] = out;
}

std::vector<fs::path> pdfs_below(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.path().extension() == ".pdf") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string failures_of(const fs::path& pdf) {
  std::string all;
  for (const auto& f : pdfua::check_pdf_ua(pdf)) all += pdfua::describe(pdf, f) + "\n";
  return all;
}

// Words for comparing reading orders: ligatures spelled out, hyphens and slashes dropped (pdftotext
// joins a word hyphenated at a line end, and sets "3 / 3" as "3/3").
std::vector<std::string> words_of(std::string text) {
  for (auto [from, to] : {std::pair{"ﬁ", "fi"}, std::pair{"ﬂ", "fl"}}) {
    for (size_t at; (at = text.find(from)) != std::string::npos;)
      text.replace(at, std::string(from).size(), to);
  }
  std::string cleaned;
  for (char c : text) cleaned += (c == '/' ? ' ' : c == '-' ? '\0' : c);
  cleaned.erase(std::remove(cleaned.begin(), cleaned.end(), '\0'), cleaned.end());
  std::istringstream in(cleaned);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The text of the structure tree in its order (pdfinfo -struct-text), leaving out what is inside
// a Figure: a screen reader reads the figure's alt text, not its axis labels.
std::vector<std::string> structure_words(const fs::path& pdf) {
  const std::string tree = test::run_command("pdfinfo -struct-text '" + pdf.string() + "'");
  std::istringstream in(tree);
  std::string text;
  size_t figure_indent = std::string::npos;
  for (std::string line; std::getline(in, line);) {
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    if (figure_indent != std::string::npos) {
      if (indent > figure_indent) continue;
      figure_indent = std::string::npos;
    }
    if (line.compare(indent, 6, "Figure") == 0) {
      figure_indent = indent;
      continue;
    }
    if (line[indent] == '"' && line.size() > indent + 1)
      text += line.substr(indent + 1, line.rfind('"') - indent - 1) + "\n";
  }
  return words_of(text);
}

// How many words of `a` appear in `b` in the same order (longest common subsequence).
size_t common_in_order(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<size_t> row(b.size() + 1, 0), next(b.size() + 1, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = 0; j < b.size(); ++j)
      next[j + 1] = a[i] == b[j] ? row[j] + 1 : std::max(next[j], row[j + 1]);
    std::swap(row, next);
  }
  return row[b.size()];
}

}  // namespace

TEST_CASE("the PDF/UA checker fails an untagged PDF and names each missing part", "[pdf][pdfua]") {
  test::ScratchDir dir("pdfua-untagged");
  const fs::path pdf = dir.path / "plain.pdf";
  cairo_surface_t* surface = cairo_pdf_surface_create(pdf.c_str(), 200, 200);
  cairo_t* cr = cairo_create(surface);
  cairo_rectangle(cr, 10, 10, 50, 50);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);

  const std::string failures = failures_of(pdf);
  INFO(failures);
  CHECK(failures.find("no /StructTreeRoot") != std::string::npos);
  CHECK(failures.find("no /Lang") != std::string::npos);
  CHECK(failures.find("DisplayDocTitle") != std::string::npos);
  CHECK(failures.find("no XMP /Metadata") != std::string::npos);
  CHECK(failures.find("page 1: the page has no /Tabs /S") != std::string::npos);
  CHECK(failures.find("page 1: 1 of 1 content items are neither tagged nor an artifact") !=
        std::string::npos);
}

TEST_CASE("every example PDF passes the PDF/UA-1 checks and is tagged", "[pdf][pdfua]") {
  for (const std::string& lang : {std::string("nb"), std::string("en")}) {
    const auto pdfs = pdfs_below(example_pdfs(lang));
    REQUIRE(pdfs.size() == 13);
    for (const auto& pdf : pdfs) {
      INFO(pdf);
      CHECK(failures_of(pdf).empty());
      const std::string info = test::run_command("pdfinfo '" + pdf.string() + "'");
      CHECK(info.find("Tagged:          yes") != std::string::npos);
    }
  }
}

TEST_CASE("a PDF/UA check catches a figure without alt text and a header without scope",
          "[pdf][pdfua]") {
  test::ScratchDir dir("pdfua-broken");
  const fs::path good = example_pdfs("nb") / "nasjonal-sammenstilling-2016-H2.pdf";
  QPDF q;
  q.processFile(good.c_str());
  int figures = 0, headers = 0;
  for (QPDFObjectHandle h : q.getAllObjects()) {
    if (!h.isDictionary() || !h.getKey("/S").isName()) continue;
    if (h.getKey("/S").getName() == "/Figure" && figures++ == 0) h.removeKey("/Alt");
    if (h.getKey("/S").getName() == "/TH" && headers++ == 0) h.removeKey("/A");
  }
  REQUIRE(figures > 0);
  REQUIRE(headers > 0);
  const fs::path broken = dir.path / "broken.pdf";
  QPDFWriter w(q, broken.c_str());
  w.write();
  const std::string failures = failures_of(broken);
  INFO(failures);
  CHECK(std::regex_search(failures, std::regex(R"(\(Figure\): has no /Alt text)")));
  CHECK(std::regex_search(failures, std::regex(R"(\(TH\): TH has no /A)")));
  CHECK(std::count(failures.begin(), failures.end(), '\n') == 2);
}

TEST_CASE("drawing outside marked content becomes an artifact, marked content stays as it is",
          "[pdf][pdfua]") {
  const std::string content =
      "q 0 0 1 rg 0 0 m 10 10 l S\n"
      "/P << /MCID 0 >> BDC\nBT /f-0-0 1 Tf (x) Tj ET\nEMC\n"
      "Q q 1 0 0 1 5 5 cm Q\n"
      "0 0 10 10 re f\n";
  const std::string out = render::mark_untagged_as_artifacts(content);
  CHECK(out ==
        "\n/Artifact BMC\nq 0 0 1 rg 0 0 m 10 10 l S\nEMC\n"
        "\n/P << /MCID 0 >> BDC\nBT /f-0-0 1 Tf (x) Tj ET\nEMC"
        "\n/Artifact BMC\n\nQ q 1 0 0 1 5 5 cm Q\n0 0 10 10 re f\n\nEMC\n");
}

TEST_CASE("a ligature's ActualText span outside a leaf stays inside the artifact", "[pdf][pdfua]") {
  // cairo writes Pango's "fi" ligature as /Span << /ActualText … >> BDC wherever it is drawn,
  // also in a repeated table header (an artifact): it has no MCID and is no structure content.
  const std::string content =
      "BT (De) Tj\n/Span << /ActualText <feff00660069> >> BDC\n<0004> Tj\nEMC\n(nisjon) Tj ET\n"
      "/TD << /MCID 0 >> BDC\nBT (x) Tj ET\nEMC\n";
  const std::string out = render::mark_untagged_as_artifacts(content);
  CHECK(out ==
        "\n/Artifact BMC\nBT (De) Tj\n/Span << /ActualText <feff00660069> >> BDC\n<0004> "
        "Tj\nEMC\n(nisjon) Tj ET\nEMC\n"
        "\n/TD << /MCID 0 >> BDC\nBT (x) Tj ET\nEMC\n");
}

TEST_CASE("Norwegian text is told from English", "[pdf][pdfua]") {
  CHECK(render::looks_norwegian("Bedre enn ved forrige gjennomgang, men fortsatt ujevnt."));
  CHECK(render::looks_norwegian("Vurdere hvor godt tjenesten følger IPS-modellen."));
  CHECK(render::looks_norwegian("Prosjektleder og styringsgruppe, IPS Oslo Nord"));
  CHECK_FALSE(
      render::looks_norwegian("Criterion for a score of 5: The job specialist spends time."));
  CHECK_FALSE(render::looks_norwegian("IPS Fidelity Scale for IPS Tønsberg, review of 2016-12-06"));
  CHECK_FALSE(render::looks_norwegian("IPS Bodø"));
  CHECK_FALSE(render::looks_norwegian("89"));
}

TEST_CASE("an English report marks the evaluators' Norwegian text nb and nothing else",
          "[pdf][pdfua]") {
  const fs::path pdf = example_pdfs("en") / "akershus" / "kvalitetsrapport-akershus-2016-10-18.pdf";
  QPDF q;
  q.processFile(pdf.c_str());
  CHECK(q.getRoot().getKey("/Lang").getUTF8Value() == "en");
  int marked = 0;
  for (QPDFObjectHandle h : q.getAllObjects())
    if (h.isDictionary() && h.getKey("/S").isName() && h.getKey("/Lang").isString()) {
      CHECK(h.getKey("/Lang").getUTF8Value() == "nb");
      ++marked;
    }
  CHECK(marked >= 10);  // purpose, method, summary, the comments and recommendations
  const fs::path nb = example_pdfs("nb") / "akershus" / "kvalitetsrapport-akershus-2016-10-18.pdf";
  QPDF q_nb;
  q_nb.processFile(nb.c_str());
  CHECK(q_nb.getRoot().getKey("/Lang").getUTF8Value() == "nb");
  for (QPDFObjectHandle h : q_nb.getAllObjects())
    CHECK_FALSE((h.isDictionary() && h.getKey("/S").isName() && h.getKey("/Lang").isString()));
}

TEST_CASE("the structure tree reads in the order the page shows, for each kind of report",
          "[pdf][pdfua]") {
  const fs::path root = example_pdfs("nb");
  for (const fs::path& pdf : {root / "akershus" / "kvalitetsrapport-akershus-2016-10-18.pdf",
                              root / "oslo" / "halvarsrapport-oslo-2016-H2.pdf",
                              root / "nasjonal-sammenstilling-2016-H2.pdf"}) {
    INFO(pdf);
    const auto tagged = structure_words(pdf);
    // The page as it is laid out, line by line from the top (pdftotext's own reading order
    // guesses columns and reads some tables column by column).
    const auto shown = words_of(test::run_command("pdftotext -layout '" + pdf.string() + "' -"));
    REQUIRE(tagged.size() > 300);
    const size_t in_order = common_in_order(tagged, shown);
    INFO(in_order << " of " << tagged.size() << " tagged words in the visual order");
    // What differs: key figures, read box by box (label, value, detail) where the page shows
    // the boxes side by side line by line; column headers turned upright in the item tables.
    CHECK(in_order >= tagged.size() * 97 / 100);
  }
}

TEST_CASE("the tagged PDF keeps its structure elements compressed and one version of each object",
          "[pdf][pdfua]") {
  for (const fs::path& pdf : pdfs_below(example_pdfs("nb"))) {
    INFO(pdf.string());
    const std::string bytes = test::read_file(pdf);
    // cairo writes every structure element as plain text; they must be in the object stream.
    CHECK(bytes.find("/StructElem") == std::string::npos);
    // One cross-reference section: the file was written again, not appended to.
    CHECK(bytes.find("startxref") == bytes.rfind("startxref"));
    QPDF q;
    q.processFile(pdf.c_str());
    CHECK(q.getRoot().getKey("/StructTreeRoot").isDictionary());
  }
}
