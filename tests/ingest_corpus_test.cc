// The bad-input corpus: every broken or unusual input gives exactly the expected diagnostics
// (file, sheet, row, column, code), never a crash, and read = used + excluded holds.
#include <toml++/toml.h>

#include <fstream>
#include <set>

#include "ingest_test_helpers.h"

using namespace ips;

namespace {

struct Expected {
  Severity severity;
  std::string sheet;
  int row;
  std::string column;  // letter; empty = not about a column
  std::string code;
  std::string value;      // "*" = do not check
  std::string file = "";  // another fixture than the case's own
};

const ScaleCatalog& catalog() {
  return test::scale_catalog();
}
std::filesystem::path fixture(const std::string& name) {
  return test::ingest_fixture(name);
}

Dataset ingest(const std::vector<std::string>& names, const IngestLimits& limits = {}) {
  std::vector<std::filesystem::path> files;
  for (const auto& n : names) files.push_back(fixture(n));
  return ingest_files(files, catalog(), limits);
}

// Each expected diagnostic is present, and no other warning or error is.
void check_diagnostics(const Dataset& ds, const std::string& file,
                       const std::vector<Expected>& expected) {
  INFO(test::describe(ds.diagnostics));
  size_t serious = 0;
  for (const auto& e : expected) {
    if (e.severity != Severity::Note) ++serious;
    const bool found = std::any_of(
        ds.diagnostics.items.begin(), ds.diagnostics.items.end(), [&](const Diagnostic& d) {
          return d.severity == e.severity &&
                 d.file == fixture(e.file.empty() ? file : e.file).string() && d.sheet == e.sheet &&
                 d.row == e.row && d.column == e.column && d.code == e.code &&
                 (e.value == "*" || d.value == e.value);
        });
    INFO("expected " << e.code << " at " << e.sheet << " row " << e.row << " column " << e.column);
    CHECK(found);
  }
  CHECK(ds.diagnostics.count(Severity::Error) + ds.diagnostics.count(Severity::Warning) == serious);
  test::check_accounting(ds);
}

const TableAccount& table(const Dataset& ds, const std::string& sheet) {
  for (const auto& t : ds.diagnostics.tables)
    if (t.sheet == sheet) return t;
  FAIL("no table for sheet " << sheet);
  return ds.diagnostics.tables.front();
}

// A file refused as a whole: one error with a file.* code, the file marked unreadable.
void check_refused(const std::string& name, const std::string& code,
                   const IngestLimits& limits = {}) {
  INFO(name);
  const Dataset ds = ingest({name}, limits);
  check_diagnostics(ds, name, {{Severity::Error, "", 0, "", code, ""}});
  REQUIRE(ds.diagnostics.files.size() == 1);
  CHECK_FALSE(ds.diagnostics.files[0].readable);
  CHECK(ds.diagnostics.files[0].path == fixture(name).string());
  CHECK(ds.diagnostics.tables.empty());
  CHECK(ds.sites.empty());
  CHECK(ds.reviews.empty());
}

}  // namespace

TEST_CASE("a truncated workbook is refused as corrupt") {
  check_refused("truncated.xlsx", "file.corrupt");
}

TEST_CASE("a text file named .xlsx is refused as not a spreadsheet") {
  check_refused("not_a_zip.xlsx", "file.not_spreadsheet");
}

TEST_CASE("a PDF is refused as not a spreadsheet") {
  check_refused("report.pdf", "file.not_spreadsheet");
}

TEST_CASE("an empty file is refused as empty") {
  check_refused("empty.csv", "file.empty");
}

TEST_CASE("a workbook with only empty sheets is refused as empty") {
  check_refused("empty_workbook.xlsx", "file.empty");
}

TEST_CASE("a password-protected, OLE-packaged xlsx is refused as encrypted") {
  check_refused("encrypted.xlsx", "file.encrypted");
}

TEST_CASE("an old .xls file is refused with advice to save as xlsx") {
  check_refused("old_format.xls", "file.old_excel");
}

TEST_CASE("a file that does not exist is reported, not thrown") {
  check_refused("no_such_file.xlsx", "file.not_found");
}

TEST_CASE("a file over the size limit is refused before it is read") {
  IngestLimits limits;
  limits.max_file_bytes = 1000;
  check_refused("valid_fidelity.xlsx", "file.too_large", limits);
}

TEST_CASE("a zip that unpacks far beyond its size is refused unopened") {
  IngestLimits ratio;
  ratio.max_zip_ratio = 2;
  check_refused("valid_fidelity.xlsx", "file.too_large_unpacked", ratio);
  IngestLimits total;
  total.max_uncompressed_bytes = 10'000;
  check_refused("valid_fidelity.ods", "file.too_large_unpacked", total);
}

TEST_CASE("a refused file does not stop the other files") {
  const Dataset ds = ingest({"truncated.xlsx", "valid_fidelity.xlsx"});
  REQUIRE(ds.diagnostics.files.size() == 2);
  CHECK_FALSE(ds.diagnostics.files[0].readable);
  CHECK(ds.diagnostics.files[1].readable);
  CHECK(ds.reviews.size() == 2);
}

TEST_CASE("scores 0, 6, 3.5 and 'fire' are errors for that score only") {
  const Dataset ds = ingest({"bad_scores.xlsx"});
  check_diagnostics(ds, "bad_scores.xlsx",
                    {{Severity::Error, "Kvalitetsmålinger", 2, "D", "score.out_of_range", "0"},
                     {Severity::Error, "Kvalitetsmålinger", 3, "E", "score.out_of_range", "6"},
                     {Severity::Error, "Kvalitetsmålinger", 4, "F", "score.not_integer", "3.5"},
                     {Severity::Error, "Kvalitetsmålinger", 5, "F", "score.not_a_number", "fire"}});
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "score.out_of_range" && d.row == 2) {
      CHECK(d.column_header == "Evaluator 1");
      CHECK(d.args == std::vector<std::string>{"B1"});
      CHECK(d.site == "Bodø");
      CHECK(d.review_date == Date::from_ymd(2012, 12, 3));
    }
  REQUIRE(ds.reviews.size() == 1);
  const auto& items = ds.reviews[0].scales[ScaleCatalog::kIps25].items;
  CHECK_FALSE(items[0].score);
  CHECK_FALSE(items[1].score);
  CHECK_FALSE(items[2].score);
  CHECK_FALSE(items[3].score);
  CHECK(items[4].score == 4);
  CHECK(table(ds, "Kvalitetsmålinger").rows_used == 5);
}

TEST_CASE("impossible, ambiguous and unreadable dates exclude their rows - good forms are read") {
  const Dataset ds = ingest({"bad_dates.xlsx"});
  check_diagnostics(ds, "bad_dates.xlsx",
                    {{Severity::Error, "Kvalitetsmålinger", 2, "B", "date.invalid", "31.02.2015"},
                     {Severity::Error, "Kvalitetsmålinger", 3, "B", "date.ambiguous", "03/04/13"},
                     {Severity::Error, "Kvalitetsmålinger", 4, "B", "date.ambiguous", "03.04.13"},
                     {Severity::Error, "Kvalitetsmålinger", 5, "B", "date.unreadable", "i fjor"}});
  for (const auto& d : ds.diagnostics.items)
    if (d.code.rfind("date.", 0) == 0) {
      CHECK(d.site == "Bodø");  // known from the row even though its date is not
      CHECK_FALSE(d.review_date);
    }
  const TableAccount& t = table(ds, "Kvalitetsmålinger");
  CHECK(t.rows_read == 7);
  CHECK(t.rows_excluded == 4);
  // 3.4.2013, 2013-04-03 and the serial number 41367 are the same day.
  REQUIRE(ds.reviews.size() == 1);
  CHECK(ds.reviews[0].date == Date::from_ymd(2013, 4, 3));
  CHECK(ds.reviews[0].scales[0].items[4].score == 4);
  CHECK(ds.reviews[0].scales[0].items[5].score == 4);
  CHECK(ds.reviews[0].scales[0].items[6].score == 4);
}

TEST_CASE(
    "a repeated row is a duplicate counted once - a differing repeat is a conflict for its key") {
  const Dataset ds = ingest({"duplicates.xlsx"});
  check_diagnostics(ds, "duplicates.xlsx",
                    {{Severity::Note, "Kvalitetsmålinger", 3, "", "row.duplicate", ""},
                     {Severity::Error, "Kvalitetsmålinger", 5, "", "row.conflict", ""}});
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "row.conflict") {
      CHECK(d.site == "Bodø");
      CHECK(d.review_date == Date::from_ymd(2012, 12, 3));
      CHECK(d.args[1] == "4");
    }
  const TableAccount& t = table(ds, "Kvalitetsmålinger");
  CHECK(t.rows_read == 5);
  CHECK(t.rows_used == 2);  // B1 once, B3
  CHECK(t.rows_excluded == 3);
  CHECK(t.duplicates == 1);
  const auto& items = ds.reviews.at(0).scales[0].items;
  CHECK(items[0].score == 5);
  CHECK_FALSE(items[1].score);  // B2 conflicted: neither value is used
  CHECK(items[2].score == 5);
}

TEST_CASE(
    "the same data in two files is counted once - a differing value across files is a conflict") {
  std::vector<std::filesystem::path> files{fixture("valid_fidelity.xlsx")};
  for (const auto& f : test::csv_files("csv_utf8")) files.push_back(f);
  const Dataset twice = ingest_files(files, catalog());
  INFO(test::describe(twice.diagnostics));
  CHECK(twice.diagnostics.count(Severity::Error) == 0);
  CHECK(test::dump_model(twice) == test::dump_model(ingest({"valid_fidelity.xlsx"})));
  int duplicates = 0;
  for (const auto& t : twice.diagnostics.tables) duplicates += t.duplicates;
  CHECK(duplicates == 2 + 74 + 2);
  CHECK(twice.diagnostics.count(Severity::Note) == 2 + 74 + 2);
  test::check_accounting(twice);

  const Dataset conflict = ingest({"valid_fidelity.xlsx", "conflict.csv"});
  check_diagnostics(conflict, "conflict.csv",
                    {{Severity::Error, "", 2, "", "row.conflict", ""},
                     {Severity::Warning, "Gjennomganger", 2, "H", "review.stated_total_differs",
                      "51", "valid_fidelity.xlsx"}});
  // Without B1 the recomputed total (46) no longer matches the stated 51; the message names the
  // review (site and date) as well as both totals.
  CHECK(std::any_of(conflict.diagnostics.items.begin(), conflict.diagnostics.items.end(),
                    [](const Diagnostic& d) {
                      return d.code == "review.stated_total_differs" &&
                             d.column_header == "Oppgitt total" &&
                             d.args == std::vector<std::string>{"51", "46", "Bodø", "03.12.2012"};
                    }));
  CHECK_FALSE(conflict.reviews.at(0).scales[0].items[0].score);  // Bodø B1
  CHECK(conflict.reviews.at(0).scales[0].items[1].score == 5);
}

TEST_CASE("a column of national identity numbers is refused and its values go nowhere") {
  const Dataset ds = ingest({"identity_numbers.xlsx"});
  check_diagnostics(ds, "identity_numbers.xlsx",
                    {{Severity::Error, "Deltakere", 1, "D", "column.identity_numbers", ""}});
  CHECK(ds.participants.size() == 3);
  const std::string everything = test::dump_model(ds) + test::describe(ds.diagnostics);
  CHECK(everything.find("01017012345") == std::string::npos);
  CHECK(everything.find("15128523456") == std::string::npos);
  // The x/blank convention of "I arbeid ved inntak".
  CHECK(ds.participants[2].employed_at_intake == true);
}

TEST_CASE("identity numbers as the participant key leave the table without its key column") {
  const Dataset ds = ingest({"identity_key.xlsx"});
  check_diagnostics(ds, "identity_key.xlsx",
                    {{Severity::Error, "Deltakere", 1, "A", "column.identity_numbers", ""},
                     {Severity::Error, "Deltakere", 1, "", "table.missing_column", ""}});
  CHECK(ds.participants.empty());
  CHECK(table(ds, "Deltakere").rows_excluded == 2);
  CHECK((test::dump_model(ds) + test::describe(ds.diagnostics)).find("01017012345") ==
        std::string::npos);
}

TEST_CASE("formula cells give their computed values, in xlsx and ods") {
  for (const std::string name : {"formulas.xlsx", "formulas.ods"}) {
    INFO(name);
    const Dataset ds = ingest({name});
    check_diagnostics(ds, name, {});
    REQUIRE(ds.reviews.size() == 1);
    const auto& items = ds.reviews[0].scales[0].items;
    CHECK(items[0].consensus == 4);
    CHECK(items[0].score == 4);
    CHECK(items[1].score == 3);
    CHECK(ds.reviews[0].info.stated_total == 7);
  }
}

TEST_CASE("hidden sheets are read like the others and noted") {
  for (const std::string name : {"hidden_sheet.xlsx", "hidden_sheet.ods"}) {
    INFO(name);
    const Dataset ds = ingest({name});
    check_diagnostics(ds, name,
                      {{Severity::Note, "Gamle enheter", 0, "", "sheet.hidden", ""},
                       {Severity::Note, "Kvalitetsmålinger", 0, "", "sheet.hidden", ""}});
    CHECK(ds.sites.size() == 2);
    CHECK(ds.reviews.size() == 1);
    size_t hidden_notes = 0;
    for (const auto& d : ds.diagnostics.items) hidden_notes += d.code == "sheet.hidden";
    CHECK(hidden_notes == 2);
  }
}

TEST_CASE("evaluators who disagree with no consensus leave the item unscored, with a warning") {
  const Dataset ds = ingest({"disagree.xlsx"});
  check_diagnostics(
      ds, "disagree.xlsx",
      {{Severity::Warning, "Kvalitetsmålinger", 4, "", "score.evaluators_disagree", ""}});
  const auto& items = ds.reviews.at(0).scales[0].items;
  CHECK(items[0].score == 4);  // agree
  CHECK(items[1].score == 5);  // consensus decides
  CHECK_FALSE(items[2].score);
  CHECK(items[2].evaluator1 == 5);
  CHECK(items[2].evaluator2 == 3);
  CHECK(items[3].score == 2);  // only one evaluator scored
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "score.evaluators_disagree") {
      CHECK(d.args == std::vector<std::string>{"B3", "5", "3"});
      CHECK(d.site == "Hamar");
      CHECK(d.review_date == Date::from_ymd(2013, 6, 10));
    }
}

TEST_CASE("a consensus outside both evaluators' scores is a note naming its cell") {
  // Columns in an unusual order, so the column letter must come from the header row.
  test::ScratchDir dir{"consensus-outside"};
  const std::filesystem::path csv = dir.path / "fidelity.csv";
  std::ofstream(csv) << "Punkt;Enhet;Evaluator 1;Evaluator 2;Dato;Konsensus\n"
                        "B1;Hamar;4;4;10.06.2013;4\n"
                        "B2;Hamar;4;4;10.06.2013;5\n"   // above both: row 3
                        "B3;Hamar;3;5;10.06.2013;4\n"   // between: fine
                        "O1;Hamar;2;3;10.06.2013;1\n";  // below both: row 5
  const Dataset ds = ingest_files({csv}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  std::vector<const Diagnostic*> notes;
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "agreement.consensus_outside_note") notes.push_back(&d);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0]->severity == Severity::Note);
  CHECK(notes[0]->file == csv.string());
  CHECK(notes[0]->row == 3);
  CHECK(notes[0]->column == "F");
  CHECK(notes[0]->column_header == "Konsensus");
  CHECK(notes[0]->value == "5");
  CHECK(notes[0]->args == std::vector<std::string>{"B2", "4", "4", "5", "10.06.2013"});
  CHECK(notes[0]->site == "Hamar");
  CHECK(notes[1]->row == 5);
  CHECK(notes[1]->value == "1");
  // The consensus still decides the score.
  CHECK(ds.reviews.at(0).scales[0].items[1].score == 5);
}

TEST_CASE("a wide-form fidelity sheet gives the same Bodø review as the long form") {
  const Dataset wide = ingest({"wide_form.xlsx"});
  check_diagnostics(wide, "wide_form.xlsx", {});
  const Dataset long_form = ingest({"valid_fidelity.xlsx"});
  REQUIRE(wide.reviews.size() == 1);
  const Review& w = wide.reviews[0];
  const Review& l = long_form.reviews[0];
  CHECK(w.site == "Bodø");
  CHECK(w.date == l.date);
  for (size_t s = 0; s < 2; ++s)
    for (size_t i = 0; i < w.scales[s].items.size(); ++i) {
      INFO(s << "." << i);
      CHECK(w.scales[s].items[i].score == l.scales[s].items[i].score);
    }
}

TEST_CASE("merged header cells are reported") {
  const Dataset ds = ingest({"merged_header.xlsx"});
  check_diagnostics(ds, "merged_header.xlsx",
                    {{Severity::Warning, "Kvalitetsmålinger", 1, "D", "header.merged_cells", ""}});
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "header.merged_cells") CHECK(d.args == std::vector<std::string>{"D1:E1"});
  CHECK(ds.reviews.at(0).scales[0].items[0].score == 5);
}

TEST_CASE("an unknown sheet and unknown columns are noted, the rest is used") {
  const Dataset ds = ingest({"unknown_sheet.xlsx"});
  check_diagnostics(ds, "unknown_sheet.xlsx",
                    {{Severity::Note, "Instruksjoner", 1, "", "table.unrecognised", ""},
                     {Severity::Note, "Enheter", 1, "", "header.unknown_columns", ""}});
  REQUIRE(ds.sites.size() == 1);
  CHECK(ds.sites[0].name == "IPS Bodø");
}

TEST_CASE("a CSV whose table cannot be recognised is an error") {
  const Dataset ds = ingest({"unknown_table.csv"});
  check_diagnostics(ds, "unknown_table.csv",
                    {{Severity::Error, "", 1, "", "table.unrecognised", ""}});
}

TEST_CASE("participants and jobs: valid rows used, bad cells exclude their rows") {
  const Dataset ds = ingest({"participants_jobs.xlsx"});
  check_diagnostics(ds, "participants_jobs.xlsx",
                    {{Severity::Error, "Deltakere", 4, "D", "yesno.unreadable", "kanskje"},
                     {Severity::Error, "Deltakere", 5, "H", "number.not_integer", "40.5"},
                     {Severity::Error, "Jobber", 5, "B", "job.unknown_kind", "sommerjobb"},
                     {Severity::Error, "Jobber", 6, "D", "job.ends_before_start", "01.04.2013"},
                     {Severity::Error, "Jobber", 7, "A", "job.unknown_participant", ""}});
  // The unknown participant's key is named for the operator only (never a published value).
  for (const Diagnostic& d : ds.diagnostics.items)
    if (d.code == "job.unknown_participant") {
      CHECK(d.private_value == "P999");
      CHECK(d.column_header == "Deltaker");
      CHECK(d.value.empty());
    }
  REQUIRE(ds.participants.size() == 2);
  const Participant& p1 = ds.participants[0];
  CHECK(p1.id == "P001");
  CHECK(p1.intake == Date::from_ymd(2013, 1, 7));
  CHECK(p1.employed_at_intake == false);
  CHECK(p1.first_employer_contact == Date::from_ymd(2013, 1, 20));
  CHECK(p1.age == 34);
  CHECK(ds.participants[1].ended == Date::from_ymd(2013, 12, 1));
  CHECK(ds.participants[1].end_reason == "Flyttet");
  REQUIRE(ds.jobs.size() == 3);
  CHECK(ds.jobs[0].kind == JobKind::Ordinary);
  CHECK(ds.jobs[0].hours_per_week == Approx(37.5));
  CHECK(ds.jobs[0].employer == "Rema 1000");
  CHECK_FALSE(ds.jobs[0].end);
  CHECK(ds.jobs[1].kind == JobKind::WageSubsidy);
  CHECK(ds.jobs[1].end == Date::from_ymd(2013, 12, 31));
  CHECK(ds.jobs[2].kind == JobKind::Education);
  CHECK(table(ds, "Deltakere").rows_excluded == 2);
  CHECK(table(ds, "Jobber").rows_excluded == 3);
  // Pseudonyms are never echoed in messages.
  for (const auto& d : ds.diagnostics.items) CHECK(d.value.find("P999") == std::string::npos);
}

TEST_CASE("CSV with commas and quotes, and tab-separated CSV with decimal commas") {
  const Dataset ds = ingest({"deltakere_comma.csv", "jobber_tab.csv"});
  INFO(test::describe(ds.diagnostics));
  CHECK(ds.diagnostics.count(Severity::Error) == 0);
  REQUIRE(ds.participants.size() == 2);
  CHECK(ds.participants[1].site == "Mo i Rana, Helgeland");
  CHECK(ds.participants[1].age == 28);
  REQUIRE(ds.jobs.size() == 2);
  CHECK(ds.jobs[0].hours_per_week == Approx(37.5));
  CHECK(ds.jobs[1].hours_per_week == Approx(18.5));
  CHECK(ds.jobs[1].kind == JobKind::WageSubsidy);
  test::check_accounting(ds);
}

TEST_CASE("sheets are recognised by their headers - English, spaced and upper-case headers match") {
  const Dataset ds = ingest({"header_by_content.xlsx"});
  check_diagnostics(ds, "header_by_content.xlsx", {});
  REQUIRE(ds.sites.size() == 1);
  CHECK(ds.sites[0].county == "Nordland");
  REQUIRE(ds.reviews.size() == 1);
  const Review& r = ds.reviews[0];
  CHECK(r.scales[0].items[0].score == 5);  // item "1" = B1
  CHECK(r.scales[0].items[1].score == 5);  // item named "Rendyrking av IPS-tjenester" = B2
  CHECK(r.scales[1].items[2].score == 3);  // GOI item 3
  CHECK(r.scales[0].items[3].score == 4);  // "o1: Integrering gjennom team" = O1
}

TEST_CASE("unknown items and scales exclude their rows") {
  const Dataset ds = ingest({"bad_items.xlsx"});
  check_diagnostics(ds, "bad_items.xlsx",
                    {{Severity::Error, "Kvalitetsmålinger", 2, "D", "item.unknown", "B9"},
                     {Severity::Error, "Kvalitetsmålinger", 3, "D", "item.unknown", "26"},
                     {Severity::Error, "Kvalitetsmålinger", 4, "C", "scale.unknown", "DIS-12"},
                     {Severity::Error, "Kvalitetsmålinger", 5, "D", "item.unknown", "B1"}});
  CHECK(table(ds, "Kvalitetsmålinger").rows_used == 1);
}

TEST_CASE("the header may sit below blank rows - row numbers stay those the spreadsheet shows") {
  const Dataset ds = ingest({"header_lower.xlsx"});
  check_diagnostics(
      ds, "header_lower.xlsx",
      {{Severity::Error, "Kvalitetsmålinger", 6, "A", "value.missing", ""},
       {Severity::Warning, "Gjennomganger", 2, "C", "review.stated_total_differs", "9"},
       {Severity::Warning, "Gjennomganger", 3, "", "review.no_scores", ""},
       {Severity::Note, "Kvalitetsmålinger", 4, "", "site.not_in_register", ""}});
  const TableAccount& t = table(ds, "Kvalitetsmålinger");
  CHECK(t.rows_read == 2);  // blank rows are not rows
  CHECK(t.rows_used == 1);
  REQUIRE(ds.sites.size() == 2);
  CHECK(ds.sites[1].key == "Tromsø");
  CHECK(ds.sites[1].name == "Tromsø");
}

TEST_CASE("a second column with the same meaning is reported and ignored") {
  const Dataset ds = ingest({"duplicate_column.xlsx"});
  check_diagnostics(
      ds, "duplicate_column.xlsx",
      {{Severity::Warning, "Kvalitetsmålinger", 1, "E", "header.duplicate_column", ""}});
  CHECK(ds.reviews.at(0).scales[0].items[0].score == 5);
}

TEST_CASE("a cell longer than the limit excludes its row") {
  IngestLimits limits;
  limits.max_cell_chars = 40;
  const Dataset ds = ingest({"long_cell.xlsx"}, limits);
  check_diagnostics(ds, "long_cell.xlsx",
                    {{Severity::Error, "Kvalitetsmålinger", 2, "E", "cell.too_long", ""}});
  CHECK(table(ds, "Kvalitetsmålinger").rows_excluded == 1);
}

TEST_CASE("a sheet over the row limit is read up to the limit and reported") {
  IngestLimits limits;
  limits.max_rows_per_sheet = 10;
  const Dataset ds = ingest({"valid_fidelity.xlsx"}, limits);
  // Nine item rows fit, so Bodø's total falls short and Hamar has no scores at all.
  check_diagnostics(
      ds, "valid_fidelity.xlsx",
      {{Severity::Error, "Kvalitetsmålinger", 0, "", "sheet.too_many_rows", ""},
       {Severity::Warning, "Gjennomganger", 2, "H", "review.stated_total_differs", "51"},
       {Severity::Warning, "Gjennomganger", 3, "", "review.no_scores", ""}});
  CHECK(table(ds, "Kvalitetsmålinger").rows_read == 9);
}

TEST_CASE("a CSV is recognised by its header when its name says nothing") {
  const Dataset ds = ingest({"export.csv"});
  check_diagnostics(ds, "export.csv", {});
  CHECK(ds.reviews.size() == 1);
}

TEST_CASE("every diagnostic code the corpus produces has a message in both languages") {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(fixture("")))
    if (e.is_regular_file() && e.path().extension() != ".sh" && e.path().extension() != ".c")
      names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  names.push_back("no_such_file.xlsx");
  std::set<std::string> codes;
  for (const auto& n : names)
    for (const auto& d : ingest({n}).diagnostics.items) codes.insert(d.code);
  IngestLimits tight;
  tight.max_file_bytes = 10;
  for (const auto& d : ingest({"valid_fidelity.xlsx"}, tight).diagnostics.items)
    codes.insert(d.code);
  tight = {};
  tight.max_zip_ratio = 1;
  for (const auto& d : ingest({"valid_fidelity.xlsx"}, tight).diagnostics.items)
    codes.insert(d.code);
  tight = {};
  tight.max_cell_chars = 1;
  tight.max_rows_per_sheet = 3;
  for (const auto& d : ingest({"valid_fidelity.xlsx"}, tight).diagnostics.items)
    codes.insert(d.code);
  CHECK(codes.size() >= 30);
  for (const char* lang : {"nb", "en"}) {
    const auto messages = toml::parse_file(
        (test::source_dir() / "templates" / (std::string("messages.") + lang + ".toml")).string());
    for (const auto& code : codes) {
      INFO(lang << ": " << code);
      const auto text = messages.at_path("messages." + code).value<std::string>();
      CHECK(text.has_value());
    }
  }
}

TEST_CASE("a wide-form row given twice is one duplicate with one note") {
  const Dataset ds = ingest({"wide_form.xlsx", "wide_form.xlsx"});
  size_t notes = 0;
  for (const auto& d : ds.diagnostics.items) notes += d.code == "row.duplicate";
  CHECK(notes == 1);
  REQUIRE(ds.diagnostics.tables.size() == 2);
  CHECK(ds.diagnostics.tables[1].duplicates == 1);
  CHECK(ds.diagnostics.tables[1].rows_excluded == 1);
  CHECK(ds.reviews.size() == 1);
  test::check_accounting(ds);
}

TEST_CASE("a title above the header is skipped with a note - row numbers stay the spreadsheet's") {
  const Dataset ds = ingest({"title_row.xlsx"});
  check_diagnostics(
      ds, "title_row.xlsx",
      {{Severity::Note, "Kvalitetsmålinger", 3, "", "header.title_rows_skipped", ""}});
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "header.title_rows_skipped") CHECK(d.args == std::vector<std::string>{"1", "2"});
  CHECK(ds.reviews.at(0).scales[0].items[0].score == 5);
  CHECK(ds.diagnostics.tables.at(0).rows_read == 1);
}

TEST_CASE("array formula cells give their cached values") {
  const Dataset ds = ingest({"array_formula.xlsx"});
  check_diagnostics(ds, "array_formula.xlsx", {});
  CHECK(ds.reviews.at(0).scales[0].items[0].consensus == 4);
  CHECK(ds.reviews.at(0).scales[0].items[0].score == 4);
}

TEST_CASE("a CSV's header row decides its table before its file name") {
  const Dataset ds = ingest({"misnamed/jobber.csv"});
  check_diagnostics(ds, "misnamed/jobber.csv", {});
  REQUIRE(ds.diagnostics.tables.size() == 1);
  CHECK(ds.diagnostics.tables[0].table == "Deltakere");
  CHECK(ds.participants.size() == 1);
}

TEST_CASE(
    "a CSV with broken quoting keeps the rows before the break and reports where it stopped") {
  const Dataset ds = ingest({"broken_quotes.csv"});
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.diagnostics.count(Severity::Error) == 1);
  CHECK(ds.diagnostics.items[0].code == "csv.malformed");
  CHECK(ds.diagnostics.items[0].row == 4);
  CHECK(ds.diagnostics.items[0].args == std::vector<std::string>{"3"});
  CHECK(ds.sites.size() == 2);
  CHECK(ds.sites[0].key == "Bodø");
  test::check_accounting(ds);
}

TEST_CASE("site keys written almost alike are kept apart but flagged") {
  const Dataset ds = ingest({"similar_sites.csv"});
  // "bodø " is trimmed to "bodø"; Bodø / bodø / Bodo are three keys with one reading.
  REQUIRE(ds.sites.size() == 3);
  size_t warnings = 0;
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "site.similar_keys") {
      ++warnings;
      CHECK(d.severity == Severity::Warning);
    }
  CHECK(warnings == 2);
}

TEST_CASE("values beyond column 1024 are left out and the sheet is flagged") {
  const Dataset ds = ingest({"far_right.xlsx"});
  check_diagnostics(ds, "far_right.xlsx",
                    {{Severity::Warning, "Enheter", 0, "", "sheet.too_many_columns", ""}});
  CHECK(ds.sites.size() == 2);
}

TEST_CASE("cells merged down over data rows count in every row they span") {
  const Dataset ds = ingest({"merged_data.xlsx"});
  check_diagnostics(
      ds, "merged_data.xlsx",
      {{Severity::Note, "Kvalitetsmålinger", 2, "A", "sheet.merged_cells_filled", ""}});
  REQUIRE(ds.reviews.size() == 1);
  const auto& items = ds.reviews[0].scales[0].items;
  CHECK(items[0].score == 5);
  CHECK(items[1].score == 4);
  CHECK(items[2].score == 3);
}

TEST_CASE("a wide-form item column given twice is reported - the first one counts") {
  const Dataset ds = ingest({"wide_duplicate_item.xlsx"});
  check_diagnostics(
      ds, "wide_duplicate_item.xlsx",
      {{Severity::Warning, "Kvalitetsmålinger", 1, "F", "header.duplicate_column", ""}});
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "header.duplicate_column") CHECK(d.args == std::vector<std::string>{"B1", "C"});
  CHECK(ds.reviews.at(0).scales[0].items[0].score == 5);
}
