#include <catch2/catch.hpp>

#include <numeric>

#include "ingest_test_helpers.h"
#include "template/input_templates.h"

using namespace ips;

namespace {

const ScaleCatalog& catalog() {
  return test::scale_catalog();
}
Wording words(Lang lang) {
  return Wording::load(test::source_dir() / "templates", lang);
}

int rows_used(const Dataset& ds) {
  int used = 0;
  for (const auto& t : ds.diagnostics.tables) used += t.rows_used;
  return used;
}

bool has_note(const Dataset& ds, const std::string& code, const std::string& arg_part) {
  for (const auto& d : ds.diagnostics.items)
    if (d.severity == Severity::Note && d.code == code && !d.args.empty() &&
        d.args.front().find(arg_part) != std::string::npos)
      return true;
  return false;
}

// One part of an xlsx (zip) as text.
std::string xlsx_part(const std::filesystem::path& xlsx, const std::string& part) {
  int code = 0;
  const std::string out =
      test::run_command("unzip -p '" + xlsx.string() + "' '" + part + "'", &code);
  REQUIRE(code == 0);
  return out;
}

}  // namespace

TEST_CASE("blank input templates are read by the ingest with no error and no data row",
          "[template]") {
  for (Lang lang : {Lang::Nb, Lang::En}) {
    INFO((lang == Lang::Nb ? "nb" : "en"));
    test::ScratchDir dir("input_templates_blank");
    const auto files = write_input_templates(dir.path / "maler", catalog(), words(lang));
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename() == "ips-kvalitetsmaling.xlsx");
    CHECK(files[1].filename() == "ips-deltakere-og-jobber.xlsx");
    for (const auto& f : files) REQUIRE(std::filesystem::file_size(f) > 0);

    const Dataset ds = ingest_files(files, catalog());
    INFO(test::describe(ds.diagnostics));
    CHECK(ds.diagnostics.count(Severity::Error) == 0);
    CHECK(ds.diagnostics.count(Severity::Warning) == 0);
    CHECK(rows_used(ds) == 0);
    CHECK(ds.diagnostics.rows_excluded() == 0);
    CHECK(ds.reviews.empty());
    CHECK(ds.sites.empty());
    CHECK(ds.participants.empty());
    CHECK(ds.jobs.empty());
    // Every table sheet is recognised: 5 in the review workbook (with Tekster and Tiltak), 2 in
    // the register.
    CHECK(ds.diagnostics.tables.size() == 7);
    CHECK(ds.texts.empty());
    CHECK(ds.actions.empty());
    // The item-name helper column is unknown to the ingest: a note, nothing more.
    CHECK(has_note(ds, "header.unknown_columns", lang == Lang::Nb ? "Navn" : "Name"));
  }
}

TEST_CASE("input templates are byte-identical from run to run", "[template]") {
  test::ScratchDir a("input_templates_same_a");
  test::ScratchDir b("input_templates_same_b");
  const auto first = write_input_templates(a.path, catalog(), words(Lang::Nb));
  const auto second = write_input_templates(b.path, catalog(), words(Lang::Nb));
  for (size_t i = 0; i < first.size(); ++i)
    CHECK(test::read_file(first[i]) == test::read_file(second[i]));
}

TEST_CASE("input templates carry dropdowns, date checks and prompts", "[template]") {
  test::ScratchDir dir("input_templates_validation");
  const auto files = write_input_templates(dir.path, catalog(), words(Lang::Nb));
  // Review workbook: sheet3 = Kvalitetsmålinger, sheet2 = Gjennomganger, sheet4 = Enheter.
  const std::string fidelity = xlsx_part(files[0], "xl/worksheets/sheet3.xml");
  CHECK(fidelity.find("<dataValidation type=\"list\"") != std::string::npos);
  CHECK(fidelity.find("<formula1>\"1,2,3,4,5,-\"</formula1>") != std::string::npos);
  CHECK(fidelity.find("<dataValidation type=\"date\"") != std::string::npos);
  CHECK(fidelity.find("promptTitle=\"Skår\"") != std::string::npos);
  CHECK(fidelity.find("<pane ySplit=\"1\"") != std::string::npos);  // frozen header
  const std::string sites = xlsx_part(files[0], "xl/worksheets/sheet4.xml");
  CHECK(sites.find("<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\"") !=
        std::string::npos);
  CHECK(sites.find("<dataValidation type=\"date\"") != std::string::npos);
  const std::string workbook = xlsx_part(files[0], "xl/workbook.xml");
  CHECK(workbook.find("name=\"Kvalitetsmålinger\"") != std::string::npos);
  CHECK(workbook.find("name=\"Instruksjoner\"") != std::string::npos);
  // Register: sheet2 = Deltakere, sheet3 = Jobber.
  const std::string participants = xlsx_part(files[1], "xl/worksheets/sheet2.xml");
  CHECK(participants.find("<formula1>\"ja,nei\"</formula1>") != std::string::npos);
  CHECK(participants.find("<dataValidation type=\"whole\"") != std::string::npos);
  CHECK(participants.find("<formula1>15</formula1><formula2>80</formula2>") != std::string::npos);
  const std::string jobs = xlsx_part(files[1], "xl/worksheets/sheet3.xml");
  CHECK(
      jobs.find("<formula1>\"ordinær,lønnstilskudd,arbeidspraksis,utdanning,annet\"</formula1>") !=
      std::string::npos);
  CHECK(jobs.find("<dataValidation type=\"decimal\"") != std::string::npos);
  // Instructions warn against identity numbers.
  const std::string strings = xlsx_part(files[1], "xl/sharedStrings.xml");
  CHECK(strings.find("aldri fødselsnummer") != std::string::npos);
}

TEST_CASE("the example data typed into the templates reads back the same as the example",
          "[template]") {
  const Dataset original =
      ingest_files({test::source_dir() / "examples" / "ips-eksempel.xlsx"}, catalog());
  REQUIRE(!original.reviews.empty());
  REQUIRE(!original.participants.empty());
  REQUIRE(!original.jobs.empty());

  for (Lang lang : {Lang::Nb, Lang::En}) {
    INFO((lang == Lang::Nb ? "nb" : "en"));
    test::ScratchDir dir("input_templates_round_trip");
    const auto review_file = dir.path / "gjennomganger.xlsx";
    const auto register_file = dir.path / "register.xlsx";
    write_review_workbook(review_file, catalog(), words(lang),
                          {original.sites, original.reviews, {}, {}});
    write_register_workbook(register_file, words(lang), {original.participants, original.jobs});

    const Dataset filled = ingest_files({review_file, register_file}, catalog());
    INFO(test::describe(filled.diagnostics));
    CHECK(filled.diagnostics.count(Severity::Error) == 0);
    CHECK(filled.diagnostics.rows_excluded() == 0);
    CHECK(filled.reviews.size() == original.reviews.size());
    CHECK(filled.participants.size() == original.participants.size());
    CHECK(filled.jobs.size() == original.jobs.size());
    // Field by field: sites, every review's metadata and item ratings, participants, jobs.
    CHECK(test::dump_model(filled) == test::dump_model(original));
  }
}

TEST_CASE("typing site and date into the blank template's first row fills all 37 item rows",
          "[template][soffice]") {
  int code = 0;
  test::run_command("command -v soffice && command -v python3", &code);
  if (code != 0) {
    WARN("soffice or python3 not installed: the spreadsheet-program round trip is not checked");
    return;
  }
  test::ScratchDir dir("input_templates_typed");
  const auto files = write_input_templates(dir.path, catalog(), words(Lang::Nb));
  const auto typed = dir.path / "typed.xlsx";
  const Date date = Date::from_ymd(2012, 12, 3);
  test::run_command("python3 '" + test::fixture("template/type_site_and_date.py").string() + "' '" +
                        files[0].string() + "' '" + typed.string() + "' Bodø " +
                        std::to_string(static_cast<int>(date.spreadsheet_serial())),
                    &code);
  REQUIRE(code == 0);
  // LibreOffice recalculates the formulas on opening and saves their results, as a user's save
  // does.
  const auto saved = dir.path / "saved";
  const std::string log = test::run_command(
      "cd '" + dir.path.string() + "' && timeout 300 soffice -env:UserInstallation=file://" +
          dir.path.string() + "/lo --headless --convert-to xlsx --outdir '" + saved.string() +
          "' typed.xlsx 2>&1",
      &code);
  INFO(log);
  REQUIRE(std::filesystem::exists(saved / "typed.xlsx"));

  const Dataset ds = ingest_files({saved / "typed.xlsx"}, catalog());
  INFO(test::describe(ds.diagnostics));
  CHECK(ds.diagnostics.count(Severity::Error) == 0);
  CHECK(rows_used(ds) == 37);
  REQUIRE(ds.reviews.size() == 1);
  CHECK(ds.reviews[0].site == "Bodø");
  CHECK(ds.reviews[0].date == date);
  REQUIRE(ds.reviews[0].scales.size() == 2);
  CHECK(ds.reviews[0].scales[ScaleCatalog::kIps25].items.size() == 25);
  CHECK(ds.reviews[0].scales[ScaleCatalog::kGoi].items.size() == 12);
}
