// Damaged inputs never crash or throw: every byte-flipped or cut-off copy of a valid workbook
// or CSV either reads (perhaps with errors) or is refused, with the row accounting intact.
#include <fstream>

#include "ingest_test_helpers.h"

using namespace ips;

namespace {

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

void check_damaged_copies(const std::string& fixture_name, size_t stride) {
  const std::string original = test::read_file(test::ingest_fixture(fixture_name));
  test::ScratchDir dir("ingest-damage");
  const auto path = dir.path / std::filesystem::path(fixture_name).filename();
  for (size_t pos = 7; pos < original.size(); pos += stride) {
    std::string flipped = original;
    flipped[pos] = static_cast<char>(flipped[pos] ^ 0x5A);
    write_bytes(path, flipped);
    INFO(fixture_name << " flipped at " << pos);
    Dataset ds;
    REQUIRE_NOTHROW(ds = ingest_files({path}, test::scale_catalog()));
    test::check_accounting(ds);
    REQUIRE(ds.diagnostics.files.size() == 1);
    if (!ds.diagnostics.files[0].readable) CHECK(ds.diagnostics.count(Severity::Error) >= 1);

    write_bytes(path, original.substr(0, pos));
    INFO("cut at " << pos);
    REQUIRE_NOTHROW(ds = ingest_files({path}, test::scale_catalog()));
    test::check_accounting(ds);
  }
}

}  // namespace

TEST_CASE("damaged xlsx files are read or refused, never a crash") {
  check_damaged_copies("valid_fidelity.xlsx", 97);
}

TEST_CASE("damaged ods files are read or refused, never a crash") {
  check_damaged_copies("valid_fidelity.ods", 149);
}

TEST_CASE("damaged CSV files are read or refused, never a crash") {
  check_damaged_copies("csv_utf8/kvalitetsmalinger.csv", 61);
}

TEST_CASE("a zip entry claiming a compressed size beyond the file is refused before unzipping") {
  // liborcus would allocate the claimed size (gigabytes for a damaged 9 kB file).
  std::string bytes = test::read_file(test::ingest_fixture("valid_fidelity.xlsx"));
  const size_t central = bytes.find("PK\x01\x02");
  REQUIRE(central != std::string::npos);
  for (size_t i = 0; i < 4; ++i) bytes[central + 20 + i] = '\xE8';
  test::ScratchDir dir("ingest-zip-size");
  const auto path = dir.path / "claims_gigabytes.xlsx";
  write_bytes(path, bytes);
  const Dataset ds = ingest_files({path}, test::scale_catalog());
  REQUIRE(ds.diagnostics.items.size() == 1);
  CHECK(ds.diagnostics.items[0].code == "file.corrupt");
  CHECK_FALSE(ds.diagnostics.files.at(0).readable);
}

TEST_CASE("an ods row repeated 300 000 times across 100 columns stays within bounds") {
  // A repeated row stands for every row it repeats (ods_error_cells.h): 30 million cells,
  // more than the memory budget allows, so the file is refused whole, as a zip bomb is.
  const auto path = test::ingest_fixture("repeated_cells.ods");
  const Dataset ds = ingest_files({path}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.diagnostics.items.size() == 1);
  CHECK(ds.diagnostics.items[0].code == "file.too_large_cells");
  CHECK_FALSE(ds.diagnostics.files.at(0).readable);
  CHECK(ds.diagnostics.tables.empty());
}
