// A sheet's rows are stored as wide as their rightmost cell, so a small file with one cell far
// to the right on many rows would take gigabytes (fuzz_workbook: 16 KB of xlsx, 3 GB of cells).
// The reader stops at IngestLimits::max_cells_per_sheet and says so.
#include <catch2/catch.hpp>

#include <xlsxwriter.h>

#include "ingest/workbook_reader.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

// An Enheter sheet with two sites, then one number in the last column (XFD) of 300 rows.
std::filesystem::path write_wide_workbook(const std::filesystem::path& folder) {
  const auto path = folder / "bred.xlsx";
  lxw_workbook* book = workbook_new(path.string().c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Enheter");
  worksheet_write_string(sheet, 0, 0, "Enhet", nullptr);
  worksheet_write_string(sheet, 0, 1, "Navn", nullptr);
  worksheet_write_string(sheet, 1, 0, "Bodø", nullptr);
  worksheet_write_string(sheet, 2, 0, "Hamar", nullptr);
  for (lxw_row_t row = 3; row < 303; ++row) worksheet_write_number(sheet, row, 16383, 1, nullptr);
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  return path;
}

}  // namespace

TEST_CASE("a sheet with more cells than the limit is cut there and reported, the rows above kept") {
  test::ScratchDir dir("cell_limit");
  const auto path = write_wide_workbook(dir.path);
  const std::string bytes = test::read_file(path);
  REQUIRE(bytes.size() < 50'000);

  WorkbookReadLimits limits;
  limits.max_cells_per_sheet = 100'000;  // 300 rows × 16 384 columns would be 4.9 million
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(bytes, "xlsx", limits, book, failure);
  REQUIRE_FALSE(failure.failed());
  REQUIRE(book.sheets.size() == 1);
  const RawSheet& sheet = book.sheets[0];
  CHECK(sheet.too_many_cells);
  size_t cells = 0;
  for (const auto& row : sheet.rows) cells += row.size();
  CHECK(cells <= limits.max_cells_per_sheet);
  REQUIRE(sheet.rows.size() >= 3);
  CHECK(sheet.rows[2][0].text == "Hamar");

  IngestLimits ingest_limits;
  ingest_limits.max_cells_per_sheet = 100'000;
  const Dataset ds = ingest_files({path}, test::scale_catalog(), ingest_limits);
  INFO(test::describe(ds.diagnostics));
  bool reported = false;
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "sheet.too_many_cells" && d.sheet == "Enheter" && d.args == std::vector<std::string>{"100000"})
      reported = true;
  CHECK(reported);
  CHECK(ds.sites.size() == 2);
}

TEST_CASE("an ordinary workbook is far below the cell limit") {
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(test::read_file(test::ingest_fixture("valid_fidelity.xlsx")), "xlsx", WorkbookReadLimits{}, book,
                    failure);
  REQUIRE_FALSE(failure.failed());
  for (const auto& sheet : book.sheets) CHECK_FALSE(sheet.too_many_cells);
}
