// ods files as LibreOffice writes them once a user adds a comment, a named range, a print
// area or a time of day, or stores identical rows once with a repeat count
// (tests/fixtures/ingest/ods/make_ods.py). Each was refused as damaged, or lost rows.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/ingest.h"
#include "ingest_test_helpers.h"

namespace ips {
namespace {

Dataset read_ods(const std::string& name) {
  return ingest_files({test::ingest_fixture("ods/" + name)}, test::scale_catalog());
}

const std::string& valid_fidelity_model() {
  static const std::string dump = test::dump_model(
      ingest_files({test::ingest_fixture("valid_fidelity.xlsx")}, test::scale_catalog()));
  return dump;
}

const Diagnostic* find_code(const Dataset& ds, std::string_view code) {
  for (const auto& d : ds.diagnostics.items)
    if (d.code == code) return &d;
  return nullptr;
}

const TableAccount& table(const Dataset& ds, std::string_view name) {
  for (const auto& t : ds.diagnostics.tables)
    if (t.table == name) return t;
  FAIL("no table " << name);
  static TableAccount none;
  return none;
}

}  // namespace

TEST_CASE("ods with cell comments, named ranges or a print area read as the workbook without",
          "[ingest][ods]") {
  // Comments crashed liborcus in the reader child (their styles); named ranges and print areas
  // stopped it ("not a cell reference: $Enheter.$A$1"): each file was called damaged.
  for (const std::string name : {"comments.ods", "named_ranges.ods", "print_area.ods"}) {
    INFO(name);
    const Dataset ds = read_ods(name);
    INFO(test::describe(ds.diagnostics));
    CHECK(ds.diagnostics.count(Severity::Error) == 0);
    CHECK(ds.diagnostics.count(Severity::Warning) == 0);
    REQUIRE(ds.diagnostics.files.size() == 1);
    CHECK(ds.diagnostics.files[0].readable);
    // The comments' text is not data: Bodø's Kommentar cells stay as they were.
    CHECK(test::dump_model(ds) == valid_fidelity_model());
    test::check_accounting(ds);
  }
}

TEST_CASE("ods time-of-day cells are read as the time shown, and refused where a date belongs",
          "[ingest][ods]") {
  // A time style crashed liborcus; its cell handler also skipped time cells without a word.
  const Dataset ds = read_ods("time_cells.ods");
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.diagnostics.files.size() == 1);
  REQUIRE(ds.diagnostics.files[0].readable);
  // In a free-text column (Bodø's G12 Kommentar): the text the user sees.
  const Review* bodo = nullptr;
  for (const auto& r : ds.reviews)
    if (r.site == "Bodø") bodo = &r;
  REQUIRE(bodo);
  CHECK(bodo->scales.at(ScaleCatalog::kGoi).items.at(11).comment == "08:30");
  // In Gjennomganger's date column: named by cell, with the time as the value.
  const Diagnostic* date = nullptr;
  for (const auto& d : ds.diagnostics.items)
    if (d.sheet == "Gjennomganger" && d.severity == Severity::Error) date = &d;
  REQUIRE(date);
  CHECK(date->file == test::ingest_fixture("ods/time_cells.ods").string());
  CHECK(date->row == 3);
  CHECK(date->column == "B");
  CHECK(date->value == "14:15");
  CHECK(date->code.rfind("date.", 0) == 0);
  test::check_accounting(ds);
}

TEST_CASE("an ods row stored once with number-rows-repeated counts as every row it stands for",
          "[ingest][ods]") {
  // liborcus placed such a row's cells in its first row only: the copies were lost, and a
  // repeated row of data was read once.
  const Dataset ds = read_ods("repeated_rows.ods");
  INFO(test::describe(ds.diagnostics));
  const TableAccount& t = table(ds, "Kvalitetsmålinger");
  CHECK(t.rows_read == 74 + 4);  // Bodø B1 and Hamar O5 three times each
  CHECK(t.duplicates == 4);
  test::check_accounting(ds);
  int duplicate_notes = 0;
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "row.duplicate") {
      ++duplicate_notes;
      CHECK((d.row == 3 || d.row == 4 || d.row == 49 || d.row == 50));
    }
  CHECK(duplicate_notes == 4);
  // The row after them keeps the number LibreOffice shows.
  const Diagnostic* bad = find_code(ds, "score.out_of_range");
  REQUIRE(bad);
  CHECK(bad->sheet == "Kvalitetsmålinger");
  CHECK(bad->row == 59);
  CHECK(bad->column == "E");
  CHECK(bad->value == "6");
  // A value repeated across columns (table:number-columns-repeated="3"): Hamar T5 5/5/5.
  const Review* hamar = nullptr;
  for (const auto& r : ds.reviews)
    if (r.site == "Hamar") hamar = &r;
  REQUIRE(hamar);
  const auto& t5 = hamar->scales.at(0).items.at(11 + 4);
  CHECK(t5.evaluator1 == 5);
  CHECK(t5.evaluator2 == 5);
  CHECK(t5.consensus == 5);
}

}  // namespace ips
