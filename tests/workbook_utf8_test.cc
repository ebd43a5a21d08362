// Text from a workbook reaches every report, so it must be UTF-8: liborcus passes the XML's
// bytes on unchecked (fuzz_workbook found sheet names and cells that were not), and the reader
// repairs them with replacement characters.
#include <catch2/catch.hpp>

#include "ingest/text_normalize.h"
#include "ingest/workbook_reader.h"
#include "ingest_test_helpers.h"

using namespace ips;

TEST_CASE("repair_utf8 replaces each invalid byte and each NUL, and keeps valid text as it is") {
  CHECK(repair_utf8("Bodø") == "Bodø");
  CHECK(repair_utf8("Bod\xff") == "Bod\xEF\xBF\xBD");
  CHECK(repair_utf8("IPS \xc3 Bod\xc3\xb8") == "IPS \xEF\xBF\xBD Bodø");
  CHECK(repair_utf8("x\xed\xa0\x80y") == "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy");
  CHECK(repair_utf8(std::string_view("a\0b", 3)) ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE(
    "a workbook with bytes that are not UTF-8 is read as valid UTF-8 with replacement characters") {
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(test::read_file(test::ingest_fixture("invalid_utf8_text.xlsx")), "xlsx",
                    WorkbookReadLimits{}, book, failure);
  REQUIRE_FALSE(failure.failed());
  REQUIRE(book.sheets.size() == 1);
  CHECK(book.sheets[0].name == "Enheter\xEF\xBF\xBD");
  const auto& rows = book.sheets[0].rows;
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][0].text == "Bod\xEF\xBF\xBD");
  CHECK(rows[1][1].text == "IPS \xEF\xBF\xBD Bodø");
  CHECK(rows[2][1].text == "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy");
  for (const auto& row : rows)
    for (const auto& cell : row) CHECK(is_valid_utf8(cell.text));

  // The whole ingest stage: the sites are there under their repaired keys.
  const Dataset ds =
      ingest_files({test::ingest_fixture("invalid_utf8_text.xlsx")}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.sites.size() == 2);
  for (const auto& site : ds.sites) CHECK(is_valid_utf8(site.key + site.name));
}
