// The xlsx reader stores every cell as the file means it, in one pass over each worksheet
// (xlsx_reader.h): shared strings with their runs joined, numbers, booleans, formulas without a
// cached result, error cells, merged ranges; a value it cannot take is kept or refused with its
// cell named, never dropped.
#include <catch2/catch.hpp>

#include "ingest/workbook_reader.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

RawWorkbook read_fixture(const std::string& name, ReadFailure& failure) {
  RawWorkbook book;
  read_zip_workbook(test::read_file(test::ingest_fixture(name)), "xlsx", WorkbookReadLimits{}, book,
                    failure);
  return book;
}

}  // namespace

TEST_CASE("xlsx cells of every kind arrive as the file means them", "[ingest][xlsx]") {
  ReadFailure failure;
  const RawWorkbook book = read_fixture("odd_cells.xlsx", failure);
  REQUIRE_FALSE(failure.failed());
  REQUIRE(book.sheets.size() == 1);
  const RawSheet& sheet = book.sheets[0];
  CHECK(sheet.name == "Deltakere");
  REQUIRE(sheet.rows.size() == 4);
  for (const RawRow& row : sheet.rows) REQUIRE(row.size() == 3);
  const auto& rows = sheet.rows;
  CHECK(rows[0][0].text == "Deltaker");
  CHECK(rows[0][1].text == "Alder");  // runs joined, the phonetic reading left out
  CHECK(rows[0][2].text == "Aktiv");
  CHECK(rows[1][0].text == "P001");
  CHECK(rows[1][1].kind == RawCell::Kind::Number);
  CHECK(rows[1][1].number == 34);
  CHECK(rows[1][2].kind == RawCell::Kind::Bool);
  CHECK(rows[1][2].number == 1);
  // A number cell whose value is no number keeps it as text, for the column to name.
  CHECK(rows[2][1].kind == RawCell::Kind::Text);
  CHECK(rows[2][1].text == "tretti");
  CHECK(rows[2][2].kind == RawCell::Kind::Bool);
  CHECK(rows[2][2].number == 0);
  CHECK(rows[3][0].kind == RawCell::Kind::Number);
  CHECK(rows[3][0].number == 15);
  CHECK(rows[3][1].kind == RawCell::Kind::Empty);  // a formula without a cached result
  CHECK(rows[3][1].from_formula);
  CHECK(rows[3][2].kind == RawCell::Kind::Error);
  CHECK(rows[3][2].text == "#DIV/0!");
  REQUIRE(sheet.merged.size() == 1);
  CHECK(sheet.merged[0].first_row == 4);
  CHECK(sheet.merged[0].first_col == 0);
  CHECK(sheet.merged[0].last_row == 4);
  CHECK(sheet.merged[0].last_col == 2);
}

TEST_CASE("an xlsx cell naming a shared string the workbook lacks fails the file, naming the cell",
          "[ingest][xlsx]") {
  ReadFailure failure;
  const RawWorkbook book = read_fixture("bad_shared_string.xlsx", failure);
  CHECK(failure.code == "file.corrupt");
  CHECK(failure.detail ==
        "sheet 'Deltakere' (xl/worksheets/sheet1.xml): cell B2 names shared string '7', but the "
        "workbook has 3");
  CHECK(book.sheets.empty());
}

TEST_CASE("an xlsx read in two processes gives what one read in this process gives",
          "[ingest][xlsx]") {
  // Several worksheets, shared between the two readers (xlsx_sheet_split.h).
  for (const char* name : {"participants_jobs.xlsx", "skipped_cells.xlsx", "hidden_sheet.xlsx"}) {
    INFO(name);
    const std::string bytes = test::read_file(test::ingest_fixture(name));
    WorkbookReadLimits direct_limits;
    direct_limits.contain_parse = false;
    RawWorkbook contained, direct;
    ReadFailure contained_failure, direct_failure;
    read_zip_workbook(bytes, "xlsx", WorkbookReadLimits{}, contained, contained_failure);
    read_zip_workbook(bytes, "xlsx", direct_limits, direct, direct_failure);
    REQUIRE_FALSE(direct_failure.failed());
    CHECK(contained_failure.code == direct_failure.code);
    REQUIRE(contained.sheets.size() == direct.sheets.size());
    REQUIRE(direct.sheets.size() >= 2);
    for (size_t s = 0; s < direct.sheets.size(); ++s) {
      const RawSheet& a = contained.sheets[s];
      const RawSheet& b = direct.sheets[s];
      CHECK(a.name == b.name);
      CHECK(a.hidden == b.hidden);
      REQUIRE(a.rows.size() == b.rows.size());
      for (size_t r = 0; r < b.rows.size(); ++r) {
        REQUIRE(a.rows[r].size() == b.rows[r].size());
        for (size_t c = 0; c < b.rows[r].size(); ++c)
          CHECK((a.rows[r][c].kind == b.rows[r][c].kind && a.rows[r][c].text == b.rows[r][c].text &&
                 a.rows[r][c].number == b.rows[r][c].number));
      }
    }
  }
}

TEST_CASE("an xlsx row numbered past every limit flags the sheet as cut, never lands elsewhere",
          "[ingest][xlsx]") {
  ReadFailure failure;
  const RawWorkbook book = read_fixture("huge_row.xlsx", failure);
  REQUIRE_FALSE(failure.failed());
  REQUIRE(book.sheets.size() == 1);
  CHECK(book.sheets[0].truncated);
  CHECK(book.sheets[0].rows.size() == 4);  // the four rows before it, nothing after them
}
