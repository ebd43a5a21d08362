// liborcus 0.17 aborts the process on some damaged workbooks (an assertion in its ODS styles
// reader, an exception escaping its XML parser thread: both found by fuzz_workbook). The parse
// runs in a child process, so such a file fails alone and the run goes on.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>

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

TEST_CASE("an xlsx read in two readers at once stops at the same cell budget as one reader") {
  // Each reader may use only its share of the budget; where a share runs out but the whole
  // budget would not, the file is read again in one process. So at every budget the result
  // (refused or read, and every cell) is what a single read in this process gives.
  const std::string bytes = test::read_file(test::ingest_fixture("valid_fidelity.xlsx"));
  for (size_t budget = 4096; budget <= 256 * 1024; budget += 6 * 1024) {
    INFO("budget " << budget);
    WorkbookReadLimits contained_limits, direct_limits;
    contained_limits.max_cell_bytes = direct_limits.max_cell_bytes = budget;
    direct_limits.contain_parse = false;
    RawWorkbook contained, direct;
    ReadFailure contained_failure, direct_failure;
    read_zip_workbook(bytes, "xlsx", contained_limits, contained, contained_failure);
    read_zip_workbook(bytes, "xlsx", direct_limits, direct, direct_failure);
    CHECK(contained_failure.code == direct_failure.code);
    REQUIRE(contained.sheets.size() == direct.sheets.size());
    for (size_t s = 0; s < direct.sheets.size(); ++s) {
      REQUIRE(contained.sheets[s].rows.size() == direct.sheets[s].rows.size());
      for (size_t r = 0; r < direct.sheets[s].rows.size(); ++r) {
        REQUIRE(contained.sheets[s].rows[r].size() == direct.sheets[s].rows[r].size());
        for (size_t c = 0; c < direct.sheets[s].rows[r].size(); ++c)
          CHECK(contained.sheets[s].rows[r][c].text == direct.sheets[s].rows[r][c].text);
      }
    }
  }
}

namespace {

// A reader that sleeps `delay_ms`, then gives one sheet of `rows` rows (about 40 bytes each in
// the message to the parent: 20 000 rows are several full pipes).
std::function<void(RawWorkbook&, ReadFailure&)> slow_reader(int delay_ms, size_t rows) {
  return [delay_ms, rows](RawWorkbook& book, ReadFailure&) {
    ::usleep(static_cast<useconds_t>(delay_ms) * 1000);
    RawSheet sheet;
    sheet.name = "Ark " + std::to_string(rows);
    for (size_t r = 0; r < rows; ++r) {
      RawCell cell;
      cell.kind = RawCell::Kind::Text;
      cell.text = "rad " + std::to_string(r);
      sheet.rows.push_back({cell});
    }
    book.sheets.push_back(std::move(sheet));
  };
}

std::function<void(RawWorkbook&, ReadFailure&)> aborting_reader(int delay_ms) {
  return [delay_ms](RawWorkbook&, ReadFailure&) {
    ::usleep(static_cast<useconds_t>(delay_ms) * 1000);
    std::abort();
  };
}

}  // namespace

TEST_CASE("readers ending in any order each give their own result and a crashed one file.corrupt") {
  // The parent decodes a child's result as soon as that child ends, while the others still
  // run: the first to end may be the large one or the one that crashes.
  const std::vector<std::vector<std::function<void(RawWorkbook&, ReadFailure&)>>> orders = {
      {slow_reader(0, 20000), aborting_reader(200)},
      {aborting_reader(0), slow_reader(200, 20000)},
      {slow_reader(200, 20000), slow_reader(0, 30000)},
      {slow_reader(0, 3), slow_reader(200, 20000), aborting_reader(100)}};
  for (size_t o = 0; o < orders.size(); ++o) {
    INFO("order " << o);
    std::vector<RawWorkbook> books(orders[o].size());
    std::vector<ReadFailure> failures;
    run_contained_all(orders[o], books, failures);
    REQUIRE(failures.size() == orders[o].size());
    for (size_t i = 0; i < orders[o].size(); ++i) {
      INFO("reader " << i);
      // Which reader aborts is known by what it gives: a sheet, or nothing.
      RawWorkbook expected;
      ReadFailure ignored;
      const bool aborts = (o == 0 && i == 1) || (o == 1 && i == 0) || (o == 3 && i == 2);
      if (aborts) {
        CHECK(failures[i].code == "file.corrupt");
        CHECK(books[i].sheets.empty());
        continue;
      }
      orders[o][i](expected, ignored);  // the same reader, in this process
      CHECK_FALSE(failures[i].failed());
      REQUIRE(books[i].sheets.size() == 1);
      CHECK(books[i].sheets[0].name == expected.sheets[0].name);
      REQUIRE(books[i].sheets[0].rows.size() == expected.sheets[0].rows.size());
      CHECK(books[i].sheets[0].rows.back()[0].text == expected.sheets[0].rows.back()[0].text);
    }
  }
}

TEST_CASE("readers are waited for with SIGCHLD ignored as a parent program may leave it") {
  // Ignored SIGCHLD is inherited across exec (a cron wrapper may set it). The children would be
  // reaped unasked: no exit status to read, and the first wait would last until a sibling
  // blocked on its full pipe ended, never.
  struct sigaction ignore {
  }, given{};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  REQUIRE(::sigaction(SIGCHLD, &ignore, &given) == 0);
  std::vector<RawWorkbook> books(3);
  std::vector<ReadFailure> failures;
  run_contained_all({slow_reader(0, 3), slow_reader(200, 20000), aborting_reader(50)}, books,
                    failures);
  struct sigaction after {};
  ::sigaction(SIGCHLD, &given, &after);
  CHECK(after.sa_handler == SIG_IGN);  // the disposition it was given is back
  CHECK_FALSE(failures[0].failed());
  CHECK_FALSE(failures[1].failed());
  REQUIRE(books[1].sheets.size() == 1);
  CHECK(books[1].sheets[0].rows.size() == 20000);
  CHECK(failures[2].code == "file.corrupt");
}
