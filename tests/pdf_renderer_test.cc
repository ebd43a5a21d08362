// render_pdf checked from the outside with poppler-utils: metadata, embedded fonts, page
// numbers, table header repetition, TOC page numbers, nothing outside the page, same bytes.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "render/renderer.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::doc;

namespace {

Report sample_report() {
  Report r;
  r.meta.kind = "halvarsrapport";
  r.meta.title = "Halvårsrapport for Bærum";
  r.meta.subtitle = "IPS-tjenesten i Bærum kommune";
  r.meta.running_head = "Halvårsrapport · Bærum · 2016 andre halvår";
  r.meta.subject = "IPS-tjenester: tjenestekvalitet og resultater";
  r.meta.author = "Nasjonalt kompetansesenter for IPS";
  r.meta.keywords = "IPS, kvalitetsskala, Bærum";
  r.meta.lang = Lang::Nb;
  r.meta.date_label = "Januar 2017";
  r.words.page_of = "Side {0} av {1}";
  r.words.contents = "Innhold";
  r.words.suppressed_note = "– Vises ikke når tallet bygger på færre enn fem personer.";
  r.words.continued = "{0} (fortsatt)";

  Section summary;
  summary.title = "Sammendrag";
  summary.anchor = "sammendrag";
  summary.blocks.push_back(Paragraph{
      "Tjenesten nådde god tjenestekvalitet ved siste gjennomgang. Andelen i jobb økte fra "
      "forrige halvår, og færre avsluttet tiltaket før de fikk arbeid. Særlig ærlige og åpne "
      "samtaler med arbeidsgivere trekkes fram.",
      ParagraphStyle::Lead});
  summary.blocks.push_back(FieldList{{{"Tjeneste", "IPS Bærum"},
                                      {"Periode", "1. juli – 31. desember 2016"},
                                      {"Gjennomgang", "14.11.2016, to kvalitetsrådgivere"}}});
  KeyFigures kf;
  kf.figures.push_back({"Total skåre", Value::score(98), "av 125 mulige"});
  kf.figures.push_back({"Andel i jobb", Value::rate(0.412), "14 av 34 deltakere"});
  kf.figures.push_back({"Deltakere", Value::count(34), ""});
  kf.figures.push_back({"Endring", Value::change(7), "fra forrige gjennomgang"});
  kf.figures.push_back(
      {"Nivå", Value::of_text("Delvis vurdert: 11 av 25 punkter"), "for få punkter for nivå"});
  summary.blocks.push_back(kf);
  summary.blocks.push_back(
      Paragraph{"Tallene for jobbstart er foreløpige fordi to registreringer mangler sluttdato.",
                ParagraphStyle::Warning});
  summary.blocks.push_back(
      Paragraph{"Kilde: registreringer fra tjenesten, hentet 3. januar.", ParagraphStyle::Note});
  r.sections.push_back(summary);

  Section fidelity;
  fidelity.title = "Tjenestekvalitet";
  fidelity.anchor = "tjenestekvalitet";
  fidelity.blocks.push_back(Heading{2, "Punktene i skalaen", "punkter"});
  fidelity.blocks.push_back(Paragraph{
      "Tabellen viser skåren for hvert punkt ved denne og forrige gjennomgang. Endringen er "
      "regnet ut av tallene som står i tabellen; lange kommentarer brytes over flere linjer.",
      ParagraphStyle::Body});
  Table items;
  items.id = "items";
  items.caption = "Tabell 1. Skåre per punkt";
  items.columns = {{"Punkt", Align::Left, 0.7},    {"Beskrivelse", Align::Left, 3.2},
                   {"Skåre", Align::Right, 0.8},   {"Forrige", Align::Right, 0.8},
                   {"Endring", Align::Right, 0.8}, {"Andel", Align::Right, 0.9}};
  for (int i = 1; i <= 40; ++i) {
    if (i == 1 || i == 21) {
      Row g;
      g.style = RowStyle::Group;
      g.cells = {Value::of_text(i == 1 ? "Bemanning og organisering" : "Tjenester og samarbeid")};
      items.rows.push_back(g);
    }
    Row row;
    std::string text = "Punkt nummer " + std::to_string(i) + " om samarbeid, økonomi og råd";
    if (i % 7 == 0)
      text +=
          ": en lengre beskrivelse som må brytes over flere linjer i cellen fordi den er "
          "skrevet av en kvalitetsrådgiver med mye å si om tjenesten";
    row.cells = {Value::of_text("P" + std::to_string(i)),
                 Value::of_text(text),
                 Value::score(1 + i % 5),
                 Value::score(1 + (i + 2) % 5),
                 Value::change(i % 5 - (i + 2) % 5),
                 i % 9 == 0 ? Value::withheld() : Value::rate(i / 41.0)};
    items.rows.push_back(row);
  }
  Row total;
  total.style = RowStyle::Total;
  total.cells = {Value::of_text("Sum"), Value::empty(),    Value::score(1234),
                 Value::score(1180),    Value::change(54), Value::empty()};
  items.rows.push_back(total);
  items.footnotes = {"Kilde: kvalitetsgjennomgangene i 2016."};
  fidelity.blocks.push_back(items);

  ChartSpec chart;
  chart.kind = ChartKind::Profile;
  chart.title = "Figur 1. Punktprofil, denne og forrige gjennomgang";
  chart.alt_text = "Søylediagram med skåre per punkt.";
  for (int i = 1; i <= 25; ++i) chart.categories.push_back("P" + std::to_string(i));
  Series now{"Denne gjennomgangen", {}, {}, {}}, before{"Forrige gjennomgang", {}, {}, {}};
  for (int i = 1; i <= 25; ++i) {
    now.values.push_back(1 + (i * 7) % 5);
    before.values.push_back(i % 6 == 0 ? std::nullopt : std::optional<double>(1 + (i * 3) % 5));
  }
  chart.series = {now, before};
  chart.y_axis = {"Skåre", 0, 5, 1, false};
  fidelity.blocks.push_back(Chart{chart});
  r.sections.push_back(fidelity);

  Section outcomes;
  outcomes.title = "Resultater";
  outcomes.anchor = "resultater";
  ChartSpec bars;
  bars.kind = ChartKind::Bar;
  bars.title = "Figur 2. Andel i jobb per tjeneste";
  bars.categories = {"Bærum", "Drammen kommune og omegn interkommunale IPS-tjeneste", "Tromsø",
                     "Ålesund", "Kristiansand"};
  bars.series = {{"2016 første halvår", {0.31, 0.42, 0.28, 0.5, std::nullopt}, {}, {}},
                 {"2016 andre halvår", {0.41, 0.39, 0.33, 0.46, 0.22}, {}, {}}};
  bars.y_axis = {"Andel i jobb", 0, 0.6, 0.1, true};
  bars.benchmarks = {{"Mål: 40 %", 0.4}};
  outcomes.blocks.push_back(Chart{bars});
  ChartSpec heat;
  heat.kind = ChartKind::Heatmap;
  heat.title = "Figur 3. Siste skåre per punkt og tjeneste";
  for (int i = 1; i <= 25; ++i) heat.categories.push_back("P" + std::to_string(i));
  int row = 0;
  for (const char* site : {"Bærum", "Drammen kommune og omegn interkommunale IPS-tjeneste",
                           "Tromsø", "Ålesund", "Kristiansand", "Øvre Eiker"}) {
    Series s{site, {}, {}, {}};
    ++row;
    for (int i = 0; i < 25; ++i)
      s.values.push_back(row == 4 && i > 20 ? std::nullopt
                                            : std::optional<double>(1 + (i * row + row) % 5));
    heat.series.push_back(s);
  }
  heat.y_axis = {"Skåre", 1, 5, 1, false};
  outcomes.blocks.push_back(Chart{heat});
  outcomes.blocks.push_back(
      Paragraph{"Målet på 40 % er hentet fra den nasjonale veilederen.", ParagraphStyle::Body});
  r.sections.push_back(outcomes);

  Section appendix;
  appendix.title = "Vedlegg: definisjoner";
  appendix.anchor = "vedlegg";
  appendix.appendix = true;
  for (int i = 0; i < 6; ++i)
    appendix.blocks.push_back(Paragraph{
        "Andel i jobb: deltakere med minst én jobbstart i perioden, delt på alle deltakere som "
        "var aktive i perioden. Personer som avsluttet før perioden startet, telles ikke.",
        ParagraphStyle::Body});
  r.sections.push_back(appendix);
  explain_withheld_values(r);  // as the report builders do: the notes are in the document
  return r;
}

render::RenderOptions options() {
  render::RenderOptions o;
  o.resources_dir = test::source_dir();
  o.document_time = 1483228800;  // 2017-01-01T00:00:00Z
  return o;
}

std::string page_text(const std::filesystem::path& pdf, int page) {
  return test::run_command("pdftotext -layout -f " + std::to_string(page) + " -l " +
                           std::to_string(page) + " '" + pdf.string() + "' - 2>&1");
}

int page_count(const std::filesystem::path& pdf) {
  const std::string info = test::run_command("pdfinfo '" + pdf.string() + "' 2>&1");
  std::smatch m;
  REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
  return std::stoi(m[1]);
}

// The words (pdftotext -bbox) closer than 1 cm to an edge of the A4 page; counts all words
// into `total`.
int words_outside_page(const std::filesystem::path& pdf, int* total = nullptr) {
  const std::string html = test::run_command("pdftotext -bbox '" + pdf.string() + "' -");
  const std::regex word(
      "<word xMin=\"([-\\d.]+)\" yMin=\"([-\\d.]+)\" xMax=\"([-\\d.]+)\" "
      "yMax=\"([-\\d.]+)\">([^<]*)</word>");
  int outside = 0, words = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator();
       ++it) {
    ++words;
    const bool inside = std::stod((*it)[1]) >= 28 && std::stod((*it)[2]) >= 28 &&
                        std::stod((*it)[3]) <= 595.276 - 28 && std::stod((*it)[4]) <= 841.89 - 28;
    if (!inside) {
      ++outside;
      UNSCOPED_INFO("outside the page: " << (*it)[0]);
    }
  }
  if (total) *total = words;
  return outside;
}

// Lets a developer look at the output: IPS_KEEP_PDF=/some/dir keeps a copy.
void keep(const std::filesystem::path& pdf) {
  if (const char* dir = std::getenv("IPS_KEEP_PDF"))
    std::filesystem::copy_file(pdf, std::filesystem::path(dir) / pdf.filename(),
                               std::filesystem::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("the PDF carries the report's metadata and only the bundled fonts, embedded") {
  test::ScratchDir dir("pdf-meta");
  const auto pdf = dir.path / "report.pdf";
  render::render_pdf(sample_report(), options(), pdf);
  keep(pdf);

  const std::string info = test::run_command("pdfinfo '" + pdf.string() + "'");
  CHECK(std::regex_search(info, std::regex("Title:\\s+Halvårsrapport for Bærum\n")));
  CHECK(std::regex_search(info, std::regex("Author:\\s+Nasjonalt kompetansesenter for IPS\n")));
  CHECK(std::regex_search(info, std::regex("Subject:\\s+IPS-tjenester: tjenestekvalitet")));
  CHECK(std::regex_search(info, std::regex("Keywords:\\s+IPS, kvalitetsskala, Bærum\n")));
  CHECK(std::regex_search(info, std::regex("Creator:\\s+ipsreport\n")));
  CHECK(std::regex_search(info, std::regex("CreationDate:\\s+Sun Jan  1 00:00:00 2017 UTC")));
  CHECK(std::regex_search(info, std::regex("Page size:\\s+595.276 x 841.89 pts \\(A4\\)")));

  const std::string fonts = test::run_command("pdffonts '" + pdf.string() + "'");
  std::istringstream lines(fonts);
  std::string line;
  int font_rows = 0;
  std::getline(lines, line);  // header
  std::getline(lines, line);  // ----
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++font_rows;
    INFO(line);
    CHECK(std::regex_search(line, std::regex("^[A-Z]{6}\\+Lato-")));  // subset of Lato
    CHECK(std::regex_search(line, std::regex("yes\\s+yes\\s+(yes|no)\\s+\\d+\\s+\\d+$")));
  }
  CHECK(font_rows >= 2);
}

TEST_CASE("every page has its number and a long table repeats its header on each page") {
  test::ScratchDir dir("pdf-pages");
  const auto pdf = dir.path / "report.pdf";
  render::render_pdf(sample_report(), options(), pdf);
  const int pages = page_count(pdf);
  REQUIRE(pages >= 5);

  int table_pages = 0;
  for (int p = 1; p <= pages; ++p) {
    const std::string text = page_text(pdf, p);
    INFO("page " << p << ":\n" << text);
    CHECK(text.find("Side " + std::to_string(p) + " av " + std::to_string(pages)) !=
          std::string::npos);
    if (p > 1) CHECK(text.find("Halvårsrapport · Bærum · 2016 andre halvår") != std::string::npos);
    const bool has_rows = std::regex_search(text, std::regex("\\bP\\d+\\s+Punkt nummer"));
    if (has_rows) {
      ++table_pages;
      CHECK(std::regex_search(text, std::regex("Punkt\\s+Beskrivelse\\s+Skåre\\s+Forrige")));
      // The caption on the first page; on the pages after, the caption marked as continued.
      CHECK(text.find(table_pages == 1
                          ? "Tabell 1. Skåre per punkt\n"
                          : "Tabell 1. Skåre per punkt (fortsatt)") != std::string::npos);
    }
  }
  CHECK(table_pages >= 2);  // the 40-row table spans pages
  // Norwegian letters, formatted values and the total row come out as text.
  std::string all = test::run_command("pdftotext -layout '" + pdf.string() + "' -");
  CHECK(all.find("Bemanning og organisering") != std::string::npos);
  CHECK(all.find("41,2 %") != std::string::npos);
  CHECK(all.find("1 234") != std::string::npos);
  CHECK(all.find("Særlig ærlige og åpne") != std::string::npos);
  CHECK(all.find("Delvis vurdert: 11 av 25") != std::string::npos);  // wrapped, not cut
  // The table has a withheld value: its explanation is added under the table's own note.
  CHECK(all.find("Kilde: kvalitetsgjennomgangene i 2016.") != std::string::npos);
  CHECK(all.find("– Vises ikke når tallet bygger på færre enn fem personer.") != std::string::npos);
}

TEST_CASE("the table of contents gives the page where each section starts") {
  test::ScratchDir dir("pdf-toc");
  const auto pdf = dir.path / "report.pdf";
  render::render_pdf(sample_report(), options(), pdf);
  const int pages = page_count(pdf);
  const std::string toc = page_text(pdf, 2);
  REQUIRE(toc.find("Innhold") != std::string::npos);
  for (const std::string title :
       {"Sammendrag", "Tjenestekvalitet", "Resultater", "Vedlegg: definisjoner"}) {
    std::smatch m;
    INFO(title << "\n" << toc);
    REQUIRE(std::regex_search(toc, m, std::regex(title + "[ .]*?\\s(\\d+)\\n")));
    const int page = std::stoi(m[1]);
    REQUIRE(page >= 3);
    REQUIRE(page <= pages);
    // The section heading is on that page, and not on the page before.
    CHECK(page_text(pdf, page).find(title) != std::string::npos);
  }
  // Bookmarks and links exist (read with the objects out of their compressed object streams).
  const std::string raw =
      test::run_command("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
  CHECK(raw.find("/Outlines") != std::string::npos);
  CHECK(raw.find("/Subtype /Link") != std::string::npos);
  // Every TOC link has a destination (cairo 1.16 silently drops links to later pages by
  // page number, so the renderer uses named destinations).
  CHECK(std::regex_search(raw, std::regex("/Dest \\(ips-[^<]*/Subtype /Link")));
  CHECK(raw.find("/Dests") != std::string::npos);
}

TEST_CASE("no word lies outside the page") {
  test::ScratchDir dir("pdf-bbox");
  const auto pdf = dir.path / "report.pdf";
  render::render_pdf(sample_report(), options(), pdf);
  int words = 0;
  CHECK(words_outside_page(pdf, &words) == 0);
  CHECK(words > 500);
}

TEST_CASE("two renders of the same report are byte-identical") {
  test::ScratchDir dir("pdf-same");
  render::render_pdf(sample_report(), options(), dir.path / "a.pdf");
  render::render_pdf(sample_report(), options(), dir.path / "b.pdf");
  const std::string a = test::read_file(dir.path / "a.pdf");
  CHECK(a.size() > 10000);
  CHECK(a == test::read_file(dir.path / "b.pdf"));
  // The Info dict sits in a compressed object stream; pdfinfo reads it.
  const std::string info =
      test::run_command("pdfinfo -isodates '" + (dir.path / "a.pdf").string() + "'");
  CHECK(info.find("CreationDate:    2017-01-01T00:00:00Z") != std::string::npos);
  CHECK(info.find("ModDate:         2017-01-01T00:00:00Z") != std::string::npos);
}

TEST_CASE("a PDF that cannot be written is an error, not a truncated file") {
  test::ScratchDir dir("pdf-fail");
  const auto pdf = dir.path / "missing-folder" / "report.pdf";
  CHECK_THROWS_AS(render::render_pdf(sample_report(), options(), pdf), render::RenderError);
  CHECK_FALSE(std::filesystem::exists(pdf));
}

TEST_CASE("a long report is complete, with every page numbered") {
  // A 3 000-row table: a cairo error part-way would leave a short PDF (docs/architecture.md).
  Report r = sample_report();
  Table big;
  big.id = "big";
  big.caption = "Tabell 9. Alle registreringer";
  big.columns = {{"Nr.", Align::Right, 0.6},
                 {"Tjeneste", Align::Left, 2},
                 {"Dato", Align::Left, 1},
                 {"Andel", Align::Right, 1}};
  for (int i = 1; i <= 3000; ++i)
    big.rows.push_back({RowStyle::Data,
                        {Value::count(i), Value::of_text(i % 2 ? "Bærum" : "Tromsø"),
                         Value::date(17000 + i), Value::rate((i % 100) / 100.0)}});
  r.sections.back().blocks.push_back(big);
  test::ScratchDir dir("pdf-long");
  const auto pdf = dir.path / "long.pdf";
  const auto start = std::chrono::steady_clock::now();
  render::render_pdf(r, options(), pdf);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int pages = page_count(pdf);
  WARN(pages << " pages in " << seconds << " s");
  CHECK(pages > 60);
  const std::string last = page_text(pdf, pages);
  CHECK(last.find("Side " + std::to_string(pages) + " av " + std::to_string(pages)) !=
        std::string::npos);
  CHECK(last.find("3 000") != std::string::npos);
  CHECK(std::regex_search(last, std::regex("Nr\\.\\s+Tjeneste\\s+Dato\\s+Andel")));
}

TEST_CASE("a broken pdf.toml is reported with its file and setting") {
  render::RenderOptions o = options();
  o.resources_dir = test::fixture("pdf/bad-style");
  test::ScratchDir dir("pdf-style");
  try {
    render::render_pdf(sample_report(), o, dir.path / "x.pdf");
    FAIL("no error");
  } catch (const render::RenderError& e) {
    const std::string what = e.what();
    CHECK(what.find("pdf.toml") != std::string::npos);
    CHECK(what.find("[colour] accent") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(dir.path / "x.pdf"));
}

TEST_CASE("reports rendered on several threads at once come out the same as one by one") {
  test::ScratchDir dir("pdf-threads");
  render::render_pdf(sample_report(), options(), dir.path / "alone.pdf");
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i)
    threads.emplace_back([&, i] {
      render::render_pdf(sample_report(), options(), dir.path / ("t" + std::to_string(i) + ".pdf"));
    });
  for (auto& t : threads) t.join();
  const std::string alone = test::read_file(dir.path / "alone.pdf");
  for (int i = 0; i < 3; ++i)
    CHECK(test::read_file(dir.path / ("t" + std::to_string(i) + ".pdf")) == alone);
}

TEST_CASE("an English report and an empty report render too") {
  Report en = sample_report();
  en.meta.lang = Lang::En;
  en.words.page_of = "Page {0} of {1}";
  en.words.contents = "Contents";
  test::ScratchDir dir("pdf-en");
  render::render_pdf(en, options(), dir.path / "en.pdf");
  const int pages = page_count(dir.path / "en.pdf");
  CHECK(page_text(dir.path / "en.pdf", 2).find("Contents") != std::string::npos);
  CHECK(page_text(dir.path / "en.pdf", 3).find("41.2%") != std::string::npos);
  CHECK(page_text(dir.path / "en.pdf", pages).find("Page " + std::to_string(pages) + " of ") !=
        std::string::npos);

  Report empty;
  empty.meta.title = "Tom rapport";
  empty.words.page_of = "Side {0} av {1}";
  render::render_pdf(empty, options(), dir.path / "empty.pdf");
  CHECK(page_count(dir.path / "empty.pdf") == 1);
  CHECK(page_text(dir.path / "empty.pdf", 1).find("Side 1 av 1") != std::string::npos);
}

TEST_CASE("a heading is never left alone at the bottom of a page") {
  // Fill pages with a growing number of paragraphs so that the heading meets the page end
  // at some point; it must always share its page with the text that follows it.
  test::ScratchDir dir("pdf-keep");
  std::set<int> heading_pages;
  for (int filler = 28; filler <= 40; ++filler) {
    Report r;
    r.meta.title = "Test";
    r.words.page_of = "Side {0} av {1}";
    Section s;
    s.title = "Del";
    for (int i = 0; i < filler; ++i)
      s.blocks.push_back(Paragraph{"Fyll " + std::to_string(i) + ": en linje tekst.", {}});
    s.blocks.push_back(Heading{2, "Overskrift som skal holdes sammen", "h"});
    s.blocks.push_back(Paragraph{"Teksten etter overskriften.", {}});
    r.sections.push_back(s);
    const auto pdf = dir.path / ("keep" + std::to_string(filler) + ".pdf");
    render::render_pdf(r, options(), pdf);
    for (int p = 3; p <= page_count(pdf); ++p) {  // after the title page and contents
      const std::string text = page_text(pdf, p);
      INFO("filler " << filler << ", page " << p);
      if (text.find("Overskrift som skal holdes sammen") != std::string::npos) {
        heading_pages.insert(p);
        CHECK(text.find("Teksten etter overskriften.") != std::string::npos);
      }
    }
  }
  CHECK(heading_pages.size() >= 2);  // the heading did cross a page end in the series
}

TEST_CASE("a table cell longer than a page continues on the next page, nothing cut") {
  Report r;
  r.meta.title = "Lang kommentar";
  r.words.page_of = "Side {0} av {1}";
  Section s;
  s.title = "Kommentarer";
  Table t;
  t.columns = {
      {"Punkt", Align::Left, 1}, {"Kommentar", Align::Left, 3}, {"Skåre", Align::Right, 1}};
  std::string comment;
  for (int i = 1; i <= 400; ++i) comment += "setning " + std::to_string(i) + " om tjenesten. ";
  comment += "SLUTTEN.";
  t.rows.push_back(
      {RowStyle::Data, {Value::of_text("B1"), Value::of_text(comment), Value::score(4)}});
  t.rows.push_back(
      {RowStyle::Data, {Value::of_text("B2"), Value::of_text("kort"), Value::score(5)}});
  s.blocks.push_back(t);
  r.sections.push_back(s);
  test::ScratchDir dir("pdf-tall-row");
  const auto pdf = dir.path / "tall.pdf";
  render::render_pdf(r, options(), pdf);
  keep(pdf);
  const std::string all = test::run_command("pdftotext '" + pdf.string() + "' -");
  CHECK(all.find("setning 400 om tjenesten.") != std::string::npos);
  CHECK(all.find("SLUTTEN.") != std::string::npos);
  const int pages = page_count(pdf);
  CHECK(pages >= 4);
  for (int p = 3; p <= pages; ++p)  // the header row is on every page of the table
    CHECK(std::regex_search(page_text(pdf, p), std::regex("Punkt\\s+Kommentar\\s+Skåre")));
  CHECK(words_outside_page(pdf) == 0);
}

TEST_CASE("pdf.toml settings change the layout: sections on new pages, wider margins") {
  render::RenderOptions o = options();
  o.resources_dir = test::fixture("pdf/custom-style");  // its fonts/ links to the bundled ones
  test::ScratchDir dir("pdf-custom");
  const auto pdf = dir.path / "custom.pdf";
  render::render_pdf(sample_report(), o, pdf);
  keep(pdf);
  // Sammendrag and Tjenestekvalitet share page 3 by default; here each has its own page.
  CHECK(page_text(pdf, 3).find("Sammendrag") != std::string::npos);
  CHECK(page_text(pdf, 3).find("Tjenestekvalitet") == std::string::npos);
  CHECK(page_text(pdf, 4).find("Tjenestekvalitet") != std::string::npos);
  // 30 mm margins: no text starts left of 85 pt.
  const std::string bbox = test::run_command("pdftotext -bbox -f 3 -l 3 '" + pdf.string() + "' -");
  std::smatch m;
  REQUIRE(std::regex_search(bbox, m, std::regex("<word xMin=\"([\\d.]+)\"")));
  CHECK(std::stod(m[1]) == Approx(30 * 72 / 25.4).margin(1.0));
}

TEST_CASE("table headers break between words only - 25 item codes stand upright") {
  Report r = sample_report();
  Section s{"Punktskår", "punkter", false, {}};
  Table narrow;  // shares too small for "Plass" and "Evaluator" unless columns are planned
  narrow.caption = "Rangering";
  narrow.columns = {{"Plass", Align::Right, 0.3},
                    {"Enhet", Align::Left, 4},
                    {"Evaluator 1", Align::Right, 0.6},
                    {"Kvalitetsnivå", Align::Left, 4}};
  narrow.rows.push_back({RowStyle::Data,
                         {Value::count(1), Value::of_text("Bærum"), Value::score(4),
                          Value::of_text("Bra kvalitet")}});
  s.blocks.push_back(narrow);
  Table items;
  items.caption = "Alle 25 punkter";
  items.columns.push_back({"Enhet", Align::Left, 3.2});
  std::vector<Value> cells{Value::of_text("Bærum")};
  for (int i = 1; i <= 25; ++i) {
    items.columns.push_back({(i <= 11 ? "O" : "T") + std::to_string(i), Align::Center, 0.62});
    cells.push_back(Value::score(1 + i % 5));
  }
  items.rows.push_back({RowStyle::Data, cells});
  s.blocks.push_back(items);
  r.sections.push_back(s);
  test::ScratchDir dir("pdf-headers");
  const auto pdf = dir.path / "headers.pdf";
  render::render_pdf(r, options(), pdf);
  keep(pdf);
  const std::string text = test::run_command("pdftotext '" + pdf.string() + "' -");
  // pdftotext drops a hyphen Pango adds at a break: a broken word shows as its first part.
  CHECK(std::regex_search(text, std::regex("\\bPlass\\b")));
  CHECK(std::regex_search(text, std::regex("\\bEvaluator\\b")));
  for (const char* code : {"O1", "O11", "T12", "T25"}) {
    INFO(code);
    CHECK(std::regex_search(text, std::regex(std::string("\\b") + code + "\\b")));
  }
  CHECK(words_outside_page(pdf) == 0);
}

TEST_CASE("a table never leaves its first or its last row alone on a page") {
  // The table starts lower on the page each time, so some start puts the page end after its
  // first row and some before its last.
  for (int filler = 24; filler <= 52; ++filler) {
    Report r = sample_report();
    r.sections.clear();
    Section s{"Tabell", "tabell", false, {}};
    for (int i = 0; i < filler; ++i)
      s.blocks.push_back(Paragraph{"Linje " + std::to_string(i), ParagraphStyle::Body});
    Table t;
    t.caption = "Rader";
    t.columns = {{"Rad", Align::Left, 1}, {"Tall", Align::Right, 1}};
    for (int i = 1; i <= 6; ++i)
      t.rows.push_back(
          {RowStyle::Data, {Value::of_text("rad" + std::to_string(i)), Value::count(i)}});
    s.blocks.push_back(t);
    r.sections.push_back(s);
    test::ScratchDir dir("pdf-table-ends");
    const auto pdf = dir.path / "ends.pdf";
    render::render_pdf(r, options(), pdf);
    // pdftotext ends every page with a form feed.
    const std::string text = test::run_command("pdftotext '" + pdf.string() + "' -");
    auto page_of = [&](const std::string& word) {
      const size_t at = text.find(word);
      return at == std::string::npos
                 ? -1
                 : static_cast<int>(std::count(text.begin(), text.begin() + at, '\f'));
    };
    INFO("paragraphs before the table: " << filler);
    REQUIRE(page_of("rad1") >= 0);
    CHECK(page_of("rad1") == page_of("rad2"));
    CHECK(page_of("rad5") == page_of("rad6"));
    CHECK(page_of("Rader") == page_of("rad1"));
  }
}
