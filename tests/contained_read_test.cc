// liborcus 0.17 aborts the process on some damaged workbooks (an assertion in its ODS styles
// reader, an exception escaping its XML parser thread: both found by fuzz_workbook). The parse
// runs in a child process, so such a file fails alone and the run goes on.
#include <catch2/catch.hpp>

#include "ingest/contained_read.h"
#include "ingest/workbook_reader.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

RawWorkbook read_fixture(const std::string& name, const std::string& format, bool contained,
                         ReadFailure& failure) {
  WorkbookReadLimits limits;
  limits.contain_parse = contained;
  RawWorkbook book;
  read_zip_workbook(test::read_file(test::ingest_fixture(name)), format, limits, book, failure);
  return book;
}

}  // namespace

TEST_CASE(
    "a workbook on which liborcus aborts is refused as corrupt, and the other files are read") {
  for (const char* name : {"orcus_assertion_styles.ods", "orcus_bad_character_reference.ods"}) {
    INFO(name);
    ReadFailure failure;
    const RawWorkbook book = read_fixture(name, "ods", true, failure);
    CHECK(failure.code == "file.corrupt");
    CHECK(book.sheets.empty());
  }
  const Dataset ds = ingest_files({test::ingest_fixture("orcus_assertion_styles.ods"),
                                   test::ingest_fixture("valid_fidelity.xlsx")},
                                  test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.diagnostics.files.size() == 2);
  CHECK_FALSE(ds.diagnostics.files[0].readable);
  CHECK(ds.diagnostics.files[1].readable);
  CHECK(ds.reviews.size() == 2);
}

TEST_CASE("a contained read gives exactly what a read in this process gives") {
  for (const auto& [name, format] :
       {std::pair{"valid_fidelity.xlsx", "xlsx"}, std::pair{"valid_fidelity.ods", "ods"},
        std::pair{"missing_item_column.xlsx", "xlsx"}}) {
    INFO(name);
    ReadFailure contained_failure, direct_failure;
    const RawWorkbook contained = read_fixture(name, format, true, contained_failure);
    const RawWorkbook direct = read_fixture(name, format, false, direct_failure);
    CHECK(contained_failure.code == direct_failure.code);
    CHECK(contained.format == direct.format);
    REQUIRE(contained.sheets.size() == direct.sheets.size());
    REQUIRE_FALSE(contained.sheets.empty());
    for (size_t s = 0; s < direct.sheets.size(); ++s) {
      const RawSheet& a = contained.sheets[s];
      const RawSheet& b = direct.sheets[s];
      CHECK(a.name == b.name);
      CHECK(a.hidden == b.hidden);
      CHECK(a.truncated == b.truncated);
      CHECK(a.merged.size() == b.merged.size());
      REQUIRE(a.rows.size() == b.rows.size());
      for (size_t r = 0; r < b.rows.size(); ++r) {
        REQUIRE(a.rows[r].size() == b.rows[r].size());
        for (size_t c = 0; c < b.rows[r].size(); ++c) {
          const RawCell& x = a.rows[r][c];
          const RawCell& y = b.rows[r][c];
          CHECK((x.kind == y.kind && x.number == y.number && x.text == y.text &&
                 x.is_date == y.is_date && x.from_formula == y.from_formula));
        }
      }
    }
  }
}
