// Every diagnostic names the file it is about, and "the file is empty" is said only of a file
// with no values: a workbook whose values were all lost is named for what happened.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "ingest/ingest.h"
#include "ingest_test_helpers.h"

namespace ips {

namespace {

Dataset read_one(const std::filesystem::path& file) {
  return ingest_files({file}, test::scale_catalog());
}

}  // namespace

TEST_CASE("a workbook whose values all lie past column 1024 is not called empty",
          "[ingest][file_messages]") {
  const auto file = test::ingest_fixture("lost_values/far_right.xlsx");
  const Dataset ds = read_one(file);
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.diagnostics.items.size() == 1);
  const Diagnostic& d = ds.diagnostics.items[0];
  CHECK(d.code == "file.values_left_out");
  CHECK(d.file == file.string());
  CHECK(d.args == std::vector<std::string>{"AMJ", "2000000"});
  CHECK_FALSE(ds.diagnostics.files.at(0).readable);
}

TEST_CASE("a workbook that stores values none of which can be read is not called empty",
          "[ingest][file_messages]") {
  // The workbook names its sheet by a relationship the package does not have: no sheet can be
  // reached, though the sheet's part holds values.
  const auto file = test::ingest_fixture("lost_values/unlinked.xlsx");
  const Dataset ds = read_one(file);
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.diagnostics.items.size() == 1);
  CHECK(ds.diagnostics.items[0].code == "file.values_not_read");
  CHECK(ds.diagnostics.items[0].file == file.string());
  CHECK_FALSE(ds.diagnostics.files.at(0).readable);
}

TEST_CASE("a workbook with the Strict OOXML relationship types is read",
          "[ingest][file_messages]") {
  // liborcus 0.17 followed only the transitional types and read no sheet of it; the xlsx reader
  // follows a relationship by its id, whatever the type's namespace.
  const auto file = test::ingest_fixture("lost_values/strict.xlsx");
  const Dataset ds = read_one(file);
  INFO(test::describe(ds.diagnostics));
  CHECK(ds.diagnostics.items.empty());
  CHECK(ds.diagnostics.files.at(0).readable);
  REQUIRE(ds.sites.size() == 1);
  CHECK(ds.sites[0].key == "Bodø");
}

TEST_CASE("files with no values at all are still called empty", "[ingest][file_messages]") {
  for (const std::string name : {"empty.csv", "empty_workbook.xlsx"}) {
    INFO(name);
    const Dataset ds = read_one(test::ingest_fixture(name));
    REQUIRE(ds.diagnostics.items.size() == 1);
    CHECK(ds.diagnostics.items[0].code == "file.empty");
  }
}

TEST_CASE("every diagnostic about the fixtures names its file", "[ingest][file_messages]") {
  // All ingest fixtures, one at a time: whatever is said about them says which file.
  std::set<std::string> codes;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(test::ingest_fixture(""))) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext != ".xlsx" && ext != ".ods" && ext != ".csv" && ext != ".xls" && ext != ".pdf")
      continue;
    const Dataset ds = read_one(entry.path());
    for (const Diagnostic& d : ds.diagnostics.items) {
      INFO(entry.path().string() << ": " << d.code);
      CHECK_FALSE(d.file.empty());
      codes.insert(d.code);
      if (d.code == "file.unreadable" || d.code == "file.corrupt") {
        REQUIRE(d.args.size() == 1);
        CHECK_FALSE(d.args[0].empty());  // never an empty "()"
      }
    }
  }
  CHECK(codes.count("site.similar_keys"));  // the one that named no file
}

}  // namespace ips
