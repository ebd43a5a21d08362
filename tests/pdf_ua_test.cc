// PDF/UA-1: the checker fails an untagged PDF, the example's PDFs pass it and say "Tagged: yes",
// untagged drawing becomes an artifact, Norwegian text in English reports is marked nb, and the
// reading order of the structure tree is the order on the page.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
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
// a Figure: a screen reader reads the figure's alt text, not its axis labels. Without
// `cell_continuations`, a table cell of several lines gives only its first line's words.
std::vector<std::string> structure_words(const fs::path& pdf, bool cell_continuations = true) {
  const std::string tree = test::run_command("pdfinfo -struct-text '" + pdf.string() + "'");
  std::istringstream in(tree);
  std::string text;
  size_t figure_indent = std::string::npos, cell_indent = std::string::npos;
  int cell_spans = 0;  // the Span lines of the cell read so far
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
    if (cell_indent != std::string::npos && indent <= cell_indent) cell_indent = std::string::npos;
    if (line.compare(indent, 2, "TD") == 0 || line.compare(indent, 2, "TH") == 0) {
      cell_indent = indent;
      cell_spans = 0;
    }
    if (cell_indent != std::string::npos && line.compare(indent, 4, "Span") == 0) ++cell_spans;
    if (!cell_continuations && cell_spans > 1) continue;
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

TEST_CASE("the PDF/UA checker fails a report PDF whose tagging is taken away", "[pdf][pdfua]") {
  // What the renderer wrote before tagging: cairo's page content without a structure tree,
  // language, metadata or viewer preferences.
  test::ScratchDir dir("pdfua-untagged-report");
  QPDF q;
  q.processFile((example_pdfs("nb") / "oslo" / "halvarsrapport-oslo-2016-H2.pdf").c_str());
  QPDFObjectHandle root = q.getRoot();
  for (const char* key :
       {"/StructTreeRoot", "/MarkInfo", "/Lang", "/Metadata", "/ViewerPreferences"})
    root.removeKey(key);
  const fs::path untagged = dir.path / "untagged.pdf";
  QPDFWriter w(q, untagged.c_str());
  w.write();
  const std::string failures = failures_of(untagged);
  INFO(failures);
  CHECK(failures.find("no /StructTreeRoot (the file is not tagged)") != std::string::npos);
  CHECK(failures.find("/MarkInfo /Marked is not true") != std::string::npos);
  CHECK(failures.find("no /Lang") != std::string::npos);
  CHECK(failures.find("no XMP /Metadata") != std::string::npos);
  CHECK(failures.find("DisplayDocTitle is not true") != std::string::npos);
  CHECK(failures.find("page 2: marked content with MCIDs but no /StructParents entry") !=
        std::string::npos);
  CHECK(test::run_command("pdfinfo '" + untagged.string() + "'").find("Tagged:          no") !=
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
    if (h.getKey("/S").getName() == "/Figure") {
      if (figures == 0) h.removeKey("/Alt");
      if (figures == 1) h.removeKey("/A");  // its /Layout /BBox
      ++figures;
    }
    if (h.getKey("/S").getName() == "/TH" && headers++ == 0) h.removeKey("/A");
  }
  REQUIRE(figures > 1);
  REQUIRE(headers > 0);
  const fs::path broken = dir.path / "broken.pdf";
  QPDFWriter w(q, broken.c_str());
  w.write();
  const std::string failures = failures_of(broken);
  INFO(failures);
  CHECK(std::regex_search(failures, std::regex(R"(\(Figure\): has no /Alt text)")));
  CHECK(std::regex_search(failures, std::regex(R"(\(TH\): TH has no /A)")));
  CHECK(std::regex_search(failures, std::regex(R"(\(Figure\): has no /A << /O /Layout /BBox)")));
  CHECK(std::count(failures.begin(), failures.end(), '\n') == 3);
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
    // A cell's later lines are left out: the tree reads a cell whole, the page line by line
    // across the row ("a title or table cell set on several lines…" checks those lines).
    const auto tagged = structure_words(pdf, false);
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

TEST_CASE("a title or table cell set on several lines is in the structure tree whole",
          "[pdf][pdfua]") {
  // Drawn whole in one leaf, only the first line reached pdfinfo's structure text: cairo writes
  // an empty marked-content span where a line breaks, and the rest of the leaf was lost after it.
  const auto contains = [](const std::vector<std::string>& words, const std::string& text) {
    const std::vector<std::string> wanted = words_of(text);
    return std::search(words.begin(), words.end(), wanted.begin(), wanted.end()) != words.end();
  };
  const fs::path root = example_pdfs("nb");
  const auto report =
      structure_words(root / "akershus" / "kvalitetsrapport-akershus-2016-10-18.pdf");
  CHECK(contains(report,
                 "Individuell jobbstøtte (IPS) – Kvalitetsrapport og generell "
                 "organisasjonsindeks IPS Romerike"));
  const auto national = structure_words(root / "nasjonal-sammenstilling-2016-H2.pdf");
  CHECK(contains(national, "Individuell jobbstøtte (IPS) – Nasjonal sammenstilling"));
  CHECK(contains(national,
                 "O1 Integrering av rehabilitering med behandling av psykiske lidelser "
                 "gjennom teamarbeid"));
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

// cairo writes the first page's content stream before object 1, and (its content uncompressed
// for post-processing, CAIRO_DEBUG_PDF) every ToUnicode map as plain text; each stream
// written again leaves its old /Length object behind.
TEST_CASE("the tagged PDF holds each object once and every stream but its XMP compressed",
          "[pdf][pdfua]") {
  for (const fs::path& pdf : pdfs_below(example_pdfs("nb"))) {
    INFO(pdf.string());
    const std::string bytes = test::read_file(pdf);
    std::map<std::string, int> copies;
    const std::regex object_start("(^|\n)(\\d+) 0 obj\n");
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), object_start);
         it != std::sregex_iterator(); ++it)
      ++copies[(*it)[2].str()];
    for (const auto& [number, n] : copies) {
      INFO("object " << number);
      CHECK(n == 1);
    }
    QPDF q;
    q.processFile(pdf.c_str());
    int streams = 0, uncompressed = 0;
    std::set<int> numbers, lengths;  // objects that are one integer; streams' /Length objects
    for (QPDFObjectHandle o : q.getAllObjects()) {
      if (o.isInteger()) numbers.insert(o.getObjectID());
      if (!o.isStream()) continue;
      ++streams;
      const bool xmp = o.getDict().getKey("/Type").isNameAndEquals("/Metadata");
      if (!xmp && !o.getDict().hasKey("/Filter")) ++uncompressed;
      if (o.getDict().getKey("/Length").isIndirect())
        lengths.insert(o.getDict().getKey("/Length").getObjectID());
    }
    CHECK(streams > 2);
    CHECK(uncompressed == 0);
    for (int n : numbers) {
      INFO("object " << n << " is a number no stream has as its length");
      CHECK(lengths.count(n) == 1);
    }
  }
}

namespace {

// A structure element's /S without the slash, "" when it has none.
std::string structure_type(QPDFObjectHandle e) {
  return e.isDictionary() && e.getKey("/S").isName() ? e.getKey("/S").getName().substr(1) : "";
}

std::vector<QPDFObjectHandle> structure_kids(QPDFObjectHandle e) {
  std::vector<QPDFObjectHandle> kids;
  QPDFObjectHandle k = e.getKey("/K");
  if (k.isArray()) {
    for (int i = 0; i < k.getArrayNItems(); ++i)
      if (!structure_type(k.getArrayItem(i)).empty()) kids.push_back(k.getArrayItem(i));
  } else if (!structure_type(k).empty()) {
    kids.push_back(k);
  }
  return kids;
}

// Calls `visit(element, parent)` for every structure element below `e`.
template <class Visit>
void each_element(QPDFObjectHandle e, Visit&& visit) {
  for (QPDFObjectHandle kid : structure_kids(e)) {
    visit(kid, e);
    each_element(kid, visit);
  }
}

// The /A << /O /Layout /BBox … >> of a Figure as {left, bottom, right, top}, empty when missing.
std::vector<double> layout_bbox(QPDFObjectHandle e) {
  QPDFObjectHandle a = e.getKey("/A");
  std::vector<QPDFObjectHandle> owners;
  if (a.isArray())
    for (int i = 0; i < a.getArrayNItems(); ++i) owners.push_back(a.getArrayItem(i));
  else
    owners.push_back(a);
  for (QPDFObjectHandle o : owners) {
    if (!o.isDictionary() || !o.getKey("/O").isName() || o.getKey("/O").getName() != "/Layout")
      continue;
    std::vector<double> box;
    for (int i = 0; i < o.getKey("/BBox").getArrayNItems(); ++i)
      box.push_back(o.getKey("/BBox").getArrayItem(i).getNumericValue());
    return box;
  }
  return {};
}

// How many elements of `type` are below `e`.
int count_below(QPDFObjectHandle e, const std::string& type) {
  int n = 0;
  each_element(e, [&](QPDFObjectHandle x, QPDFObjectHandle) { n += structure_type(x) == type; });
  return n;
}

}  // namespace

TEST_CASE("every chart is a Figure with alt text and its box, after the table of its numbers",
          "[pdf][pdfua]") {
  // The decision (docs/accessibility.md): the table a chart is drawn from comes before it in its
  // section; a heatmap, which prints every value, is itself that table, its colour key the Figure.
  std::map<std::string, int> figures_per_kind;
  int heatmaps = 0;
  for (const std::string& lang : {std::string("nb"), std::string("en")}) {
    for (const fs::path& pdf : pdfs_below(example_pdfs(lang))) {
      INFO(pdf.string());
      const std::string kind = pdf.filename().string().substr(0, 5);
      QPDF q;
      q.processFile(pdf.c_str());
      QPDFObjectHandle tree = q.getRoot().getKey("/StructTreeRoot");
      REQUIRE(tree.isDictionary());
      each_element(tree, [&](QPDFObjectHandle e, QPDFObjectHandle parent) {
        if (structure_type(e) != "Figure") return;
        ++figures_per_kind[kind];
        CHECK_FALSE(e.getKey("/Alt").getUTF8Value().empty());
        // The box lies on the figure's page, inside its margins.
        const std::vector<double> box = layout_bbox(e);
        REQUIRE(box.size() == 4);
        QPDFObjectHandle media = e.getKey("/Pg").getKey("/MediaBox");
        REQUIRE(media.isArray());
        CHECK(box[0] > 20);
        CHECK(box[1] > 20);
        CHECK(box[2] < media.getArrayItem(2).getNumericValue() - 20);
        CHECK(box[3] < media.getArrayItem(3).getNumericValue() - 20);
        CHECK(box[2] - box[0] > 200);  // the width of the text
        CHECK(box[3] - box[1] > 10);
        // A Table before it in its section holds the chart's numbers.
        const std::vector<QPDFObjectHandle> siblings = structure_kids(parent);
        QPDFObjectHandle table, before;
        for (QPDFObjectHandle s : siblings) {
          if (s.getObjGen() == e.getObjGen()) break;
          if (structure_type(s) == "Table") table = s;
          before = s;
        }
        REQUIRE(table.isDictionary());
        CHECK(count_below(table, "TD") > 0);
        const std::string alt = e.getKey("/Alt").getUTF8Value();
        if (alt.rfind("Varmekart", 0) == 0 || alt.rfind("Heatmap", 0) == 0) {
          // A heatmap's key: the table just before it is the grid, a column per item.
          ++heatmaps;
          CHECK(before.getObjGen() == table.getObjGen());
          QPDFObjectHandle first_row = structure_kids(table).at(0);
          CHECK(count_below(first_row, "TH") == 25);
          CHECK(count_below(table, "TH") ==
                count_below(first_row, "TH") + static_cast<int>(structure_kids(table).size()) - 1);
        }
      });
    }
  }
  CHECK(figures_per_kind["kvali"] >= 2 * 6);      // the item profile of each of the 6 reviews
  CHECK(figures_per_kind["halva"] >= 2 * 6 * 3);  // fidelity, comparison and trend per site
  CHECK(figures_per_kind["nasjo"] >= 2 * 5);      // totals, heatmap key, outcomes, trend, scatter
  CHECK(heatmaps >= 2);
}
