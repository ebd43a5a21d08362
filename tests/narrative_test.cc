// The project leader's texts (Tekster, Markdown files) and the action plan (Tiltak): read from
// real files (the template writer's xlsx, CSV exports, .md files), checked, and accounted for.
#include <catch2/catch.hpp>

#include <fstream>

#include "ingest/ingest.h"
#include "ingest/markdown_text.h"
#include "ingest/narrative_reader.h"
#include "ingest_test_helpers.h"
#include "report/site_file_names.h"
#include "template/input_templates.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

Review review(const std::string& site, Date date, const ScaleCatalog& scales) {
  Review r;
  r.site = site;
  r.date = date;
  r.scales.resize(scales.scales.size());
  for (size_t s = 0; s < scales.scales.size(); ++s)
    r.scales[s].items.resize(scales.scales[s].items.size());
  for (ItemRating& it : r.scales[ScaleCatalog::kIps25].items) it.consensus = 3;
  r.scales[ScaleCatalog::kIps25].items[0].recommendation = "Færre deltakere per jobbspesialist.";
  return r;
}

// A review workbook (the template writer's) for Bodø with reviews in March and September 2016.
fs::path review_workbook(const fs::path& dir, const ReviewWorkbookRows& extra = {}) {
  const ScaleCatalog& scales = test::scale_catalog();
  const Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  ReviewWorkbookRows rows = extra;
  rows.sites.push_back(Site{"Bodø", "IPS Bodø", "", "", "", {}, {}});
  rows.reviews = {review("Bodø", Date::from_ymd(2016, 3, 1), scales),
                  review("Bodø", Date::from_ymd(2016, 9, 1), scales)};
  const fs::path file = dir / "gjennomganger.xlsx";
  write_review_workbook(file, scales, words, rows);
  return file;
}

const Diagnostic* find(const Dataset& d, const std::string& code) {
  for (const Diagnostic& x : d.diagnostics.items)
    if (x.code == code) return &x;
  return nullptr;
}

}  // namespace

TEST_CASE(
    "Markdown: paragraphs, lists, emphasis and links drawn, the rest reported and shown as text",
    "[narrative]") {
  const ParsedMarkdown md = parse_markdown(
      "Et *viktig* og **sterkt** avsnitt med [lenke](https://nav.no).\n\n"
      "- første\n- andre\n\n1. en\n2. to\n\n"
      "<b>rå</b> html og ![et bilde](bilde.png) og [farlig](javascript:alert(1))\n");
  REQUIRE(md.sections.size() == 1);
  const std::vector<RichBlock>& b = md.sections[0].blocks;
  REQUIRE(b.size() == 6);
  CHECK(b[0].spans[1].text == "viktig");
  CHECK(b[0].spans[1].emphasis);
  CHECK(b[0].spans[3].strong);
  CHECK(b[0].spans[5].link == "https://nav.no");
  CHECK(b[1].kind == RichBlock::Kind::BulletItem);
  CHECK(b[4].kind == RichBlock::Kind::NumberedItem);
  CHECK(b[4].number == 2);
  // Raw HTML stays as its text, the image as its description, the javascript: link as text.
  CHECK(plain_text({b[5]}) == "<b>rå</b> html og et bilde og farlig");
  for (const RichSpan& s : b[5].spans) CHECK(s.link.empty());
  std::vector<std::string> what;
  for (const MarkdownProblem& p : md.problems) what.push_back(p.construct);
  CHECK(what.size() == 4);
  CHECK(what[0] == "raw HTML");
  CHECK(what[2] == "image");
  CHECK_THAT(what[3], Catch::StartsWith("link that is not http"));
  CHECK(md.problems[0].line == 9);
}

TEST_CASE("A filled template's Tekster and Tiltak read back through ingest", "[narrative]") {
  test::ScratchDir dir("narrative-roundtrip");
  ReviewWorkbookRows rows;
  rows.texts.push_back({"Bodø", *Period::parse("2016-H2"), "vurdering", "Et *godt* halvår."});
  rows.texts.push_back({"", *Period::parse("2016-H2"), "mal", "=SUM(A1) er bare tekst"});
  PlannedAction a;
  a.site = "Bodø";
  a.review = Date::from_ymd(2016, 3, 1);
  a.item_code = "B1";
  a.action = "Fordele deltakerne på flere";
  a.responsible = "Prosjektleder";
  a.deadline = Date::from_ymd(2016, 6, 30);
  a.status = ActionStatus::InProgress;
  rows.actions.push_back(a);
  const fs::path file = review_workbook(dir.path, rows);
  const Dataset d = ingest_files({file}, test::scale_catalog());
  INFO(test::describe(d.diagnostics));
  CHECK(d.diagnostics.count(Severity::Error) == 0);
  REQUIRE(d.texts.size() == 2);
  CHECK(d.texts[0].site.empty());
  CHECK(d.texts[0].field == "mal");
  CHECK(plain_text(d.texts[0].blocks) == "=SUM(A1) er bare tekst");
  CHECK(d.texts[1].field == "vurdering");
  CHECK(d.texts[1].blocks[0].spans[1].emphasis);
  REQUIRE(d.actions.size() == 1);
  CHECK(d.actions[0].item_code == "B1");
  CHECK(d.actions[0].deadline == a.deadline);
  CHECK(d.actions[0].status == ActionStatus::InProgress);
  test::check_accounting(d);
}

TEST_CASE("Bad Tiltak and Tekster rows are reported by cell and excluded", "[narrative]") {
  test::ScratchDir dir("narrative-bad");
  const fs::path book = review_workbook(dir.path);
  const fs::path actions = dir.path / "tiltak.csv";
  write(actions,
        "Enhet;Gjennomgang;Punkt;Tiltak;Ansvarlig;Frist;Status;Kommentar\n"
        "Bodø;01.03.2016;B1;Godt tiltak;PL;30.06.2016;fullført;\n"
        "Bodø;01.03.2016;B1;Feil status;PL;30.06.2016;kanskje;\n"
        "Bodø;01.03.2016;B2;Frist som ikke er en dato;PL;snart;pågår;\n"
        "Bodø;02.03.2016;B1;Ukjent gjennomgang;PL;;pågår;\n"
        "Bodø;01.03.2016;Z9;Ukjent punkt;PL;;pågår;\n");
  const fs::path texts = dir.path / "tekster.csv";
  const std::string long_text(kNarrativePageChars + 500, 'x');
  write(texts,
        "Enhet;Periode;Felt;Tekst\n"
        "Bodø;2016-H2;Vurdering;Bra <script>alert(1)</script>\n"
        "Bodø;2016-H2;Sludder;Ukjent felt\n"
        "Bodø;2016-H3;Mål;Feil periode\n"
        "Bodø;2016-H2;Merknad;Fødselsnummer 15057612336 i teksten\n"
        "Molde;2016-H2;Mål;Ukjent enhet\n"
        ";2016-H2;Vurdering;" +
            long_text + "\n");
  const Dataset d = ingest_files({book, actions, texts}, test::scale_catalog());
  INFO(test::describe(d.diagnostics));
  REQUIRE(d.actions.size() == 1);
  CHECK(d.actions[0].action == "Godt tiltak");

  const Diagnostic* status = find(d, "action.bad_status");
  REQUIRE(status);
  CHECK(status->file == actions.string());
  CHECK(status->row == 3);
  CHECK(status->column == "G");
  CHECK(status->value == "kanskje");
  const Diagnostic* deadline = find(d, "date.unreadable");
  REQUIRE(deadline);
  CHECK(deadline->row == 4);
  CHECK(deadline->column == "F");
  CHECK(deadline->value == "snart");
  const Diagnostic* review = find(d, "action.unknown_review");
  REQUIRE(review);
  CHECK(review->row == 5);
  CHECK(review->args == std::vector<std::string>{"Bodø", "02.03.2016"});
  const Diagnostic* item = find(d, "item.unknown");
  REQUIRE(item);
  CHECK(item->row == 6);
  CHECK(item->value == "Z9");

  CHECK(find(d, "text.unknown_field"));
  CHECK(find(d, "text.bad_period"));
  CHECK(find(d, "text.unknown_site"));
  const Diagnostic* id = find(d, "cell.identity_number_required");
  REQUIRE(id);
  CHECK(id->value.empty());  // the number is never shown
  const Diagnostic* too_long = find(d, "text.too_long_for_page");
  REQUIRE(too_long);
  CHECK(too_long->row == 7);
  CHECK(too_long->severity == Severity::Warning);
  REQUIRE(d.texts.size() == 2);  // the long text is kept whole
  CHECK(plain_text(d.texts[0].blocks).size() == long_text.size());
  CHECK(plain_text(d.texts[1].blocks) == "Bra <script>alert(1)</script>");
  test::check_accounting(d);
  for (const TableAccount& t : d.diagnostics.tables) {
    if (t.file == actions.string()) CHECK((t.rows_read == 5 && t.rows_used == 1));
    if (t.file == texts.string()) CHECK((t.rows_read == 6 && t.rows_used == 2));
  }
}

TEST_CASE("Markdown files in the texts folder: one per site and period, sections by heading",
          "[narrative]") {
  test::ScratchDir dir("narrative-md");
  const Dataset base = ingest_files({review_workbook(dir.path)}, test::scale_catalog());
  const fs::path texts = dir.path / "tekster";
  fs::create_directories(texts);
  write(texts / "bodo-2016-H2.md",
        "Innledning uten overskrift.\n\n# Vurdering\n\nEt *godt* halvår.\n\n"
        "## Mål for neste halvår\n\n- mer arbeidsgiverkontakt\n- <i>rå</i>\n\n"
        "# Sludder\n\nUkjent.\n");
  write(texts / "nasjonal-2016-H2.md", "# Vurdering\n\nNasjonalt.\n");
  write(texts / "molde-2016-H2.md", "# Vurdering\n\nUkjent enhet.\n");
  write(texts / "notater.md", "# Vurdering\n");
  Dataset d = base;
  read_text_folder(texts, d);
  INFO(test::describe(d.diagnostics));
  REQUIRE(d.texts.size() == 3);
  CHECK(d.texts[0].site.empty());
  CHECK(d.texts[1].field == "mal");
  CHECK(d.texts[1].blocks.size() == 2);
  CHECK(d.texts[2].field == "vurdering");
  const Diagnostic* before = find(d, "text.before_heading");
  REQUIRE(before);
  CHECK(before->file == (texts / "bodo-2016-H2.md").string());
  CHECK(before->row == 1);
  const Diagnostic* heading = find(d, "text.unknown_heading");
  REQUIRE(heading);
  CHECK(heading->row == 12);
  const Diagnostic* html = find(d, "text.unsupported_markdown");
  REQUIRE(html);
  CHECK(html->row == 10);
  CHECK(find(d, "text.unknown_site"));
  CHECK(find(d, "text.file_name"));
  test::check_accounting(d);
}

TEST_CASE("A texts file may name a site by the suffixed file name its reports have",
          "[narrative]") {
  // "Bodø" and "Bodo" are both "bodo" as file names: each site's reports get a suffix from its
  // key (site_file_names.h), and the plain "bodo" names neither.
  test::ScratchDir dir("narrative-md-names");
  ReviewWorkbookRows rows;
  rows.sites.push_back(Site{"Bodo", "IPS Bodo", "", "", "", {}, {}});
  Dataset d = ingest_files({review_workbook(dir.path, rows)}, test::scale_catalog());
  const auto names = site_file_names({"Bodø", "Bodo"});
  REQUIRE(names.at("Bodø") != "bodo");
  const fs::path texts = dir.path / "tekster";
  fs::create_directories(texts);
  write(texts / (names.at("Bodø") + "-2016-H2.md"), "# Vurdering\n\nFor Bodø.\n");
  write(texts / (names.at("Bodo") + "-2016-H2.md"), "# Vurdering\n\nFor Bodo.\n");
  write(texts / "bodo-2016-H1.md", "# Vurdering\n\nFor hvem?\n");
  read_text_folder(texts, d);
  INFO(test::describe(d.diagnostics));
  REQUIRE(d.texts.size() == 2);
  CHECK(d.texts[0].site == "Bodo");
  CHECK(plain_text(d.texts[0].blocks) == "For Bodo.");
  CHECK(d.texts[1].site == "Bodø");
  CHECK(plain_text(d.texts[1].blocks) == "For Bodø.");
  const Diagnostic* clash = find(d, "text.ambiguous_site");
  REQUIRE(clash);
  CHECK(clash->file == (texts / "bodo-2016-H1.md").string());
  CHECK(clash->args.at(0) == "bodo");
  CHECK_THAT(clash->args.at(1),
             Catch::Contains(names.at("Bodø")) && Catch::Contains(names.at("Bodo")));
  test::check_accounting(d);

  // A site whose key is one of a kind keeps its plain name, and a long key its cut form.
  const std::string long_key(80, 'a');
  const auto single = site_file_names({"Bodø", long_key});
  CHECK(single.at("Bodø") == "bodo");
  Dataset e = ingest_files({review_workbook(dir.path)}, test::scale_catalog());
  e.sites.push_back(Site{long_key, long_key, "", "", "", {}, {}});
  const fs::path more = dir.path / "flere";
  fs::create_directories(more);
  write(more / (single.at(long_key) + "-2016-H2.md"), "# Vurdering\n\nLang nøkkel.\n");
  write(more / "bodo-2016-H2.md", "# Vurdering\n\nBodø.\n");
  read_text_folder(more, e);
  INFO(test::describe(e.diagnostics));
  REQUIRE(e.texts.size() == 2);
  CHECK(e.texts[0].site == "Bodø");
  CHECK(e.texts[1].site == long_key);
}

TEST_CASE(
    "The blank template's Tekster and Tiltak offer the fields and statuses as lists and "
    "check the dates",
    "[narrative][template]") {
  test::ScratchDir dir("narrative-template");
  const Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  const auto files = write_input_templates(dir.path, test::scale_catalog(), words);
  auto part = [&](const std::string& name) {
    return test::run_command("unzip -p '" + files.at(0).string() + "' '" + name + "'");
  };
  // libxlsxwriter numbers the sheet parts in the order the workbook lists the sheets.
  const std::string workbook = part("xl/workbook.xml");
  auto sheet = [&](const std::string& name) {
    int n = 0;
    for (size_t at = workbook.find("<sheet "); at != std::string::npos;
         at = workbook.find("<sheet ", at + 1)) {
      ++n;
      if (workbook.compare(at, 14 + name.size(), "<sheet name=\"" + name + "\"") == 0)
        return part("xl/worksheets/sheet" + std::to_string(n) + ".xml");
    }
    FAIL("no sheet " << name);
    return std::string();
  };
  const std::string actions = sheet("Tiltak");
  CHECK_THAT(actions, Catch::Contains("<formula1>\"ikke startet,pågår,fullført\"</formula1>"));
  CHECK_THAT(actions, Catch::Contains("type=\"date\"") && Catch::Contains("sqref=\"B2:B") &&
                          Catch::Contains("sqref=\"F2:F"));
  const std::string texts = sheet("Tekster");
  CHECK_THAT(texts, Catch::Contains("<formula1>\"" + words.get("narrative.vurdering") + "," +
                                    words.get("narrative.mal") + "," +
                                    words.get("narrative.merknad") + "\"</formula1>"));
  // Blank, they read as empty tables of the review workbook.
  const Dataset d = ingest_files(files, test::scale_catalog());
  CHECK(d.diagnostics.count(Severity::Error) == 0);
  CHECK(d.texts.empty());
  CHECK(d.actions.empty());
}
