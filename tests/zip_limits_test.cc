// A zip's central directory is checked before liborcus opens it: sizes that cannot be true
// refuse the file instead of letting liborcus allocate what the directory claims.
#include <catch2/catch.hpp>

#include <fstream>

#include "ingest/workbook_reader.h"
#include "ingest/zip_limits.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

// valid_fidelity.xlsx with the compressed size of its central directory's first entry set to
// nearly 4 GiB (what fuzz_workbook found: liborcus then asked for a 4 GiB buffer).
std::string workbook_with_lying_compressed_size() {
  std::string bytes = test::read_file(test::ingest_fixture("valid_fidelity.xlsx"));
  const size_t entry = bytes.find("PK\x01\x02");
  REQUIRE(entry != std::string::npos);
  const char size[4] = {'\x9c', '\x02', '\xff', '\xfe'};  // 0xFEFF029C, little-endian
  bytes.replace(entry + 20, 4, size, 4);
  return bytes;
}

// valid_fidelity.xlsx with the second directory entry pointing one byte past its local header
// (fuzz_workbook: liborcus then read the local header's garbage lengths and ran off the buffer).
std::string workbook_with_misplaced_local_header() {
  std::string bytes = test::read_file(test::ingest_fixture("valid_fidelity.xlsx"));
  const size_t first = bytes.find("PK\x01\x02");
  const size_t second = bytes.find("PK\x01\x02", first + 4);
  REQUIRE(second != std::string::npos);
  bytes[second + 42] = static_cast<char>(bytes[second + 42] + 1);
  return bytes;
}

// valid_fidelity.xlsx whose directory names its second entry differently from the local header
// (fuzz_workbook: "sheet2.xml" in the directory over the local header of "sheet1.xml").
std::string workbook_with_renamed_directory_entry() {
  std::string bytes = test::read_file(test::ingest_fixture("valid_fidelity.xlsx"));
  const size_t first = bytes.find("PK\x01\x02");
  const size_t second = bytes.find("PK\x01\x02", first + 4);
  REQUIRE(second != std::string::npos);
  bytes[second + 46] = bytes[second + 46] == 'x' ? 'y' : 'x';
  return bytes;
}

}  // namespace

TEST_CASE("an honest workbook's zip entries all lie inside the file") {
  const ZipDirectorySummary zip =
      summarize_zip_directory(test::read_file(test::ingest_fixture("valid_fidelity.xlsx")));
  CHECK(zip.valid);
  CHECK_FALSE(zip.entry_outside_file);
}

TEST_CASE("a zip directory entry that does not point at a local header is refused as corrupt") {
  const std::string bytes = workbook_with_misplaced_local_header();
  CHECK(summarize_zip_directory(bytes).entry_outside_file);
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(bytes, "xlsx", WorkbookReadLimits{}, book, failure);
  CHECK(failure.code == "file.corrupt");
}

TEST_CASE("a zip directory entry naming another file than its local header is refused as corrupt") {
  const std::string bytes = workbook_with_renamed_directory_entry();
  CHECK(summarize_zip_directory(bytes).entry_outside_file);
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(bytes, "xlsx", WorkbookReadLimits{}, book, failure);
  CHECK(failure.code == "file.corrupt");
}

TEST_CASE(
    "a zip entry declared larger than the file is refused as corrupt before liborcus reads it") {
  const std::string bytes = workbook_with_lying_compressed_size();
  CHECK(summarize_zip_directory(bytes).entry_outside_file);

  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(bytes, "xlsx", WorkbookReadLimits{}, book, failure);
  CHECK(failure.code == "file.corrupt");
  CHECK(book.sheets.empty());

  // Through the whole ingest stage: one error naming the file, no crash, no 4 GiB allocation.
  test::ScratchDir dir("zip_limits");
  const auto path = dir.path / "lying.xlsx";
  std::ofstream(path, std::ios::binary) << bytes;
  const Dataset ds = ingest_files({path}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.diagnostics.items.size() == 1);
  CHECK(ds.diagnostics.items[0].code == "file.corrupt");
  CHECK(ds.diagnostics.items[0].file == path.string());
  CHECK(ds.reviews.empty());
}
