// A sheet's rows are stored as wide as their rightmost cell, so a small file with one cell far
// to the right on many rows would take gigabytes (fuzz_workbook: 16 KB of xlsx, 3 GB of cells).
// The reader leaves out cells right of column kMaxRawColumns and says so.
#include <catch2/catch.hpp>

#include <xlsxwriter.h>

#include <chrono>

#include "ingest/workbook_reader.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

// An Enheter sheet with two sites, then one number in the last column (XFD) of 3 000 rows.
std::filesystem::path write_wide_workbook(const std::filesystem::path& folder) {
  const auto path = folder / "bred.xlsx";
  lxw_workbook* book = workbook_new(path.string().c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Enheter");
  worksheet_write_string(sheet, 0, 0, "Enhet", nullptr);
  worksheet_write_string(sheet, 0, 1, "Navn", nullptr);
  worksheet_write_string(sheet, 1, 0, "Bodø", nullptr);
  worksheet_write_string(sheet, 2, 0, "Hamar", nullptr);
  for (lxw_row_t row = 3; row < 3003; ++row) worksheet_write_number(sheet, row, 16383, 1, nullptr);
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  return path;
}

}  // namespace

TEST_CASE(
    "a sheet with cells far to the right is cut at the column cap and reported, the table kept") {
  test::ScratchDir dir("cell_limit");
  const auto path = write_wide_workbook(dir.path);
  const std::string bytes = test::read_file(path);
  REQUIRE(bytes.size() < 50'000);

  const auto started = std::chrono::steady_clock::now();
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(bytes, "xlsx", WorkbookReadLimits{}, book, failure);
  REQUIRE_FALSE(failure.failed());
  REQUIRE(book.sheets.size() == 1);
  const RawSheet& sheet = book.sheets[0];
  CHECK(sheet.columns_cut);
  size_t cells = 0;
  for (const auto& row : sheet.rows) {
    CHECK(row.size() <= kMaxRawColumns);
    cells += row.size();
  }
  CHECK(cells < 100);  // 3 000 × 16 384 cells would be 49 million
  REQUIRE(sheet.rows.size() >= 3);
  CHECK(sheet.rows[2][0].text == "Hamar");

  const Dataset ds = ingest_files({path}, test::scale_catalog());
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
  INFO(test::describe(ds.diagnostics));
  bool reported = false;
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "sheet.too_many_columns" && d.sheet == "Enheter" &&
        d.args == std::vector<std::string>{"AMJ"})
      reported = true;
  CHECK(reported);
  CHECK(ds.sites.size() == 2);
}

TEST_CASE("an ordinary workbook is far below the column and cell limits") {
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(test::read_file(test::ingest_fixture("valid_fidelity.xlsx")), "xlsx",
                    WorkbookReadLimits{}, book, failure);
  REQUIRE_FALSE(failure.failed());
  for (const auto& sheet : book.sheets) {
    CHECK_FALSE(sheet.columns_cut);
    CHECK_FALSE(sheet.cells_cut);
  }
}
