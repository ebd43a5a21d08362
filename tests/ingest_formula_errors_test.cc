// Cells whose saved value is a formula error (#N/A, #DIV/0!, ...). They hold no data and are
// read as empty, so an unfilled template row of formulas stays an empty row; but in a row with
// data each one is named (file, sheet, row, column, error text), never lost without a word.
#include <catch2/catch.hpp>

#include <algorithm>

#include "ingest/formula_error.h"
#include "ingest/workbook_reader.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

std::vector<Diagnostic> with_code(const Dataset& ds, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : ds.diagnostics.items)
    if (d.code == code) out.push_back(d);
  return out;
}

bool any_on_row(const Dataset& ds, const std::string& sheet, int row) {
  return std::any_of(ds.diagnostics.items.begin(), ds.diagnostics.items.end(),
                     [&](const Diagnostic& d) { return d.sheet == sheet && d.row == row; });
}

void check_cell_diag(const Diagnostic& d, Severity severity, const std::string& sheet, int row,
                     const std::string& column, const std::string& header,
                     const std::string& value) {
  INFO(d.code << " " << d.sheet << " r" << d.row << " " << d.column);
  CHECK(d.severity == severity);
  CHECK(d.sheet == sheet);
  CHECK(d.row == row);
  CHECK(d.column == column);
  CHECK(d.column_header == header);
  CHECK(d.value == value);
  CHECK(d.args == std::vector<std::string>{value});
}

}  // namespace

TEST_CASE("formula error texts are recognised exactly", "[ingest]") {
  for (const char* e : {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
                        " #N/A ", "#I/T", "#VERDI!", "#NAVN?", "Err:502"})
    CHECK(is_formula_error_text(e));
  for (const char* t : {"", "N/A", "#n/a", "#N/A (mangler)", "Err:5021", "Err:abc", "ikke skåret"})
    CHECK_FALSE(is_formula_error_text(t));
}

TEST_CASE("xlsx error cells arrive as Error cells with their text, with or without a formula",
          "[ingest][xlsx]") {
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(test::read_file(test::ingest_fixture("formula_errors.xlsx")), "xlsx",
                    WorkbookReadLimits{}, book, failure);
  INFO(failure.code << ": " << failure.detail);
  REQUIRE_FALSE(failure.failed());
  REQUIRE(book.sheets.size() == 2);
  const auto& rows = book.sheets[0].rows;
  REQUIRE(rows.size() == 5);
  REQUIRE(rows[1].size() >= 6);
  CHECK(rows[1][5].kind == RawCell::Kind::Error);  // =VLOOKUP(...) showing #N/A
  CHECK(rows[1][5].text == "#N/A");
  CHECK(rows[1][5].from_formula);
  CHECK(rows[1][5].is_blank());
  REQUIRE(rows[2].size() >= 2);
  CHECK(rows[2][1].kind == RawCell::Kind::Error);  // t="e" without a formula
  CHECK(rows[2][1].text == "#REF!");
  CHECK_FALSE(rows[2][1].from_formula);
  REQUIRE(rows[3].size() == 8);
  for (const RawCell& c : rows[3]) CHECK(c.is_formula_error());
  CHECK(rows[3][7].text == "#VALUE!");
  REQUIRE(rows[4].size() == 8);
  CHECK(rows[4][7].text == "#DIV/0!");
  const auto& jobs = book.sheets[1].rows;
  REQUIRE(jobs.size() == 3);
  REQUIRE(jobs[2].size() == 5);
  CHECK(jobs[2][1].text == "#NAME?");
  CHECK(jobs[2][2].text == "#NUM!");
  CHECK(jobs[2][3].text == "#NULL!");
}

TEST_CASE("xlsx: errors in used rows are read as empty and named - template rows stay empty",
          "[ingest][xlsx]") {
  const auto file = test::ingest_fixture("formula_errors.xlsx");
  const Dataset ds = ingest_files({file}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  test::check_accounting(ds);

  // The rows of formulas showing #N/A are no data rows: no record, no message.
  CHECK_FALSE(any_on_row(ds, "Deltakere", 4));
  CHECK_FALSE(any_on_row(ds, "Jobber", 3));
  CHECK(with_code(ds, "value.missing").empty());

  // Optional columns: the record is kept, the value empty, one warning per cell.
  REQUIRE(ds.participants.size() == 2);
  CHECK(ds.participants[0].id == "P001");
  CHECK_FALSE(ds.participants[0].ended);
  CHECK(ds.participants[0].age == 34);
  CHECK(ds.participants[1].id == "P003");
  CHECK_FALSE(ds.participants[1].age);
  REQUIRE(ds.jobs.size() == 1);
  CHECK_FALSE(ds.jobs[0].hours_per_week);
  const auto warnings = with_code(ds, "cell.formula_error");
  REQUIRE(warnings.size() == 3);
  for (const Diagnostic& d : warnings) CHECK(d.file == file.string());
  check_cell_diag(warnings[0], Severity::Warning, "Deltakere", 2, "F", "Avsluttet", "#N/A");
  check_cell_diag(warnings[1], Severity::Warning, "Deltakere", 5, "H", "Alder", "#DIV/0!");
  check_cell_diag(warnings[2], Severity::Warning, "Jobber", 2, "E", "Timer per uke", "#DIV/0!");

  // A required column: one error that names the formula error, and the row is left out.
  const auto required = with_code(ds, "value.formula_error");
  REQUIRE(required.size() == 1);
  check_cell_diag(required[0], Severity::Error, "Deltakere", 3, "B", "Enhet", "#REF!");
  CHECK(required[0].file == file.string());
  for (const auto& t : ds.diagnostics.tables)
    if (t.sheet == "Deltakere") {
      CHECK(t.rows_read == 3);
      CHECK(t.rows_excluded == 1);
    }
}

TEST_CASE("csv: the exact error texts are formula errors too", "[ingest][csv]") {
  const auto file = test::ingest_fixture("formula_errors.csv");
  const Dataset ds = ingest_files({file}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  test::check_accounting(ds);
  CHECK_FALSE(any_on_row(ds, "", 3));  // every cell an error: an empty row
  REQUIRE(ds.participants.size() == 2);
  CHECK(ds.participants[0].id == "P001");
  CHECK_FALSE(ds.participants[0].ended);
  CHECK(ds.participants[1].id == "P003");
  CHECK_FALSE(ds.participants[1].ended);
  const auto warnings = with_code(ds, "cell.formula_error");
  REQUIRE(warnings.size() == 2);
  check_cell_diag(warnings[0], Severity::Warning, "", 2, "D", "Avsluttet", "#N/A");
  check_cell_diag(warnings[1], Severity::Warning, "", 5, "D", "Avsluttet", "Err:502");
  const auto required = with_code(ds, "value.formula_error");
  REQUIRE(required.size() == 1);
  check_cell_diag(required[0], Severity::Error, "", 4, "B", "Enhet", "#REF!");
  // "#n/a" is no error text Excel writes: it stays text.
  CHECK(ds.participants[1].end_reason == "#n/a");
}

TEST_CASE("ods: LibreOffice's error cells are named like xlsx ones", "[ingest][ods]") {
  const auto file = test::ingest_fixture("formula_errors.ods");
  const Dataset ds = ingest_files({file}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  test::check_accounting(ds);
  CHECK_FALSE(any_on_row(ds, "Deltakere", 4));
  CHECK_FALSE(any_on_row(ds, "Jobber", 3));
  CHECK(with_code(ds, "value.missing").empty());
  REQUIRE(ds.participants.size() == 2);
  CHECK_FALSE(ds.participants[0].ended);
  CHECK_FALSE(ds.participants[1].age);
  REQUIRE(ds.jobs.size() == 1);
  CHECK_FALSE(ds.jobs[0].hours_per_week);
  // LibreOffice recalculated on conversion: the lookup into a missing sheet shows #NAME?.
  const auto warnings = with_code(ds, "cell.formula_error");
  REQUIRE(warnings.size() == 3);
  check_cell_diag(warnings[0], Severity::Warning, "Deltakere", 2, "F", "Avsluttet", "#NAME?");
  check_cell_diag(warnings[1], Severity::Warning, "Deltakere", 5, "H", "Alder", "#DIV/0!");
  check_cell_diag(warnings[2], Severity::Warning, "Jobber", 2, "E", "Timer per uke", "#DIV/0!");
  const auto required = with_code(ds, "value.formula_error");
  REQUIRE(required.size() == 1);
  check_cell_diag(required[0], Severity::Error, "Deltakere", 3, "B", "Enhet", "#REF!");
}

TEST_CASE("ods: a repeated error cell marks every cell it covers, without its comment",
          "[ingest][ods]") {
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(test::read_file(test::ingest_fixture("formula_errors_repeated.ods")), "ods",
                    WorkbookReadLimits{}, book, failure);
  INFO(failure.code << ": " << failure.detail);
  REQUIRE_FALSE(failure.failed());
  REQUIRE(book.sheets.size() == 1);
  const auto& rows = book.sheets[0].rows;
  REQUIRE(rows.size() >= 3);
  REQUIRE(rows[1].size() == 5);
  for (size_t c : {3u, 4u}) {
    CHECK(rows[1][c].kind == RawCell::Kind::Error);
    CHECK(rows[1][c].text == "#DIV/0!");  // the comment "sjekk" is no part of the value
  }
  REQUIRE(rows[2].size() == 5);
  for (const RawCell& c : rows[2]) CHECK(c.text == "#N/A");
  for (size_t r = 3; r < rows.size(); ++r)  // liborcus may or may not repeat the row
    for (const RawCell& c : rows[r]) CHECK(c.is_formula_error());

  const Dataset ds =
      ingest_files({test::ingest_fixture("formula_errors_repeated.ods")}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  const auto warnings = with_code(ds, "cell.formula_error");
  REQUIRE(warnings.size() == 2);
  check_cell_diag(warnings[0], Severity::Warning, "Jobber", 2, "D", "Slutt", "#DIV/0!");
  check_cell_diag(warnings[1], Severity::Warning, "Jobber", 2, "E", "Timer per uke", "#DIV/0!");
  CHECK_FALSE(any_on_row(ds, "Jobber", 3));
  CHECK_FALSE(any_on_row(ds, "Jobber", 4));
}
