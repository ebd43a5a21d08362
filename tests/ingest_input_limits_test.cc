// Inputs that would be read wrong or forever are refused, by name, before anything is published.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>

#include "ingest_test_helpers.h"

using namespace ips;

namespace {

const Diagnostic* only_error(const Dataset& ds) {
  const Diagnostic* found = nullptr;
  for (const auto& d : ds.diagnostics.items)
    if (d.severity == Severity::Error) {
      if (found) return nullptr;
      found = &d;
    }
  return found;
}

}  // namespace

TEST_CASE("A zip entry that declares less than it holds is refused, not cut short",
          "[ingest][limits]") {
  const auto path = test::ingest_fixture("zip/short_entry.xlsx");
  const Dataset ds = ingest_files({path}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  const Diagnostic* d = only_error(ds);
  REQUIRE(d);
  CHECK(d->code == "file.corrupt");
  CHECK(d->file == path.string());
  REQUIRE(d->args.size() == 1);
  CHECK(d->args[0] == "xl/worksheets/sheet2.xml: the entry holds 15156 bytes but declares 7578");
  REQUIRE(ds.diagnostics.files.size() == 1);
  CHECK_FALSE(ds.diagnostics.files[0].readable);
  CHECK(ds.reviews.empty());
}

TEST_CASE("A FIFO, a device or a folder is refused unopened", "[ingest][limits]") {
  test::ScratchDir dir("not-regular");
  const auto fifo = dir.path / "eksport.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::vector<std::pair<std::filesystem::path, std::string>> cases = {
      {fifo, "file.not_regular"},
      {"/dev/zero", "file.not_regular"},
      {dir.path, "file.is_directory"}};
  for (const auto& [path, code] : cases) {
    INFO(path);
    const Dataset ds = ingest_files({path}, test::scale_catalog());
    const Diagnostic* d = only_error(ds);
    REQUIRE(d);
    CHECK(d->code == code);
    CHECK(d->file == path.string());
  }
}

TEST_CASE("run on a FIFO or /dev/zero ends at once with exit 3 and publishes nothing",
          "[ingest][limits][cli]") {
  test::ScratchDir dir("not-regular-cli");
  const auto fifo = dir.path / "eksport.xlsx";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::string& input : {fifo.string(), std::string("/dev/zero")}) {
    INFO(input);
    int code = -1;
    const std::string err =
        test::run_command("timeout 20 " + test::ipsreport_binary() + " run '" + input +
                              "' --lang en --out '" + (dir.path / "out").string() + "' 2>&1",
                          &code);
    CHECK(code == 3);
    CHECK(err.find(input + ": Error: This is not a regular file") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path / "out"));
  }
}

TEST_CASE("Cells past the memory budget refuse the whole file, counting each use of a string",
          "[ingest][limits]") {
  IngestLimits limits;
  // One 30 000-character shared string in 30 000 cells: 900 MB expanded from a 163 KB file.
  limits.max_cell_bytes = size_t{64} << 20;
  const auto path = test::ingest_fixture("zip/repeated_string.xlsx");
  const Dataset ds = ingest_files({path}, test::scale_catalog(), limits);
  INFO(test::describe(ds.diagnostics));
  const Diagnostic* d = only_error(ds);
  REQUIRE(d);
  CHECK(d->code == "file.too_large_cells");
  CHECK(d->file == path.string());
  CHECK(d->args == std::vector<std::string>{"64"});
  CHECK(ds.diagnostics.tables.empty());  // nothing of a partial read is used
  CHECK_FALSE(ds.diagnostics.files.at(0).readable);

  // The same file within a budget that holds it reads (the budget, not the file, refused it).
  limits.max_cell_bytes = size_t{1} << 30;
  const Dataset whole = ingest_files({path}, test::scale_catalog(), limits);
  size_t refused = 0;
  for (const auto& x : whole.diagnostics.items) refused += x.code == "file.too_large_cells";
  CHECK(refused == 0);
  CHECK(whole.diagnostics.files.at(0).readable);
}

TEST_CASE("A CSV's cells count against the same budget", "[ingest][limits][csv]") {
  test::ScratchDir dir("csv-budget");
  {
    std::ofstream out(dir.path / "kvalitetsmalinger.csv");
    out << "Enhet;Dato;Punkt;Konsensus\n";
    for (int i = 0; i < 20000; ++i) out << "Bodø;03.12.2012;B1;4\n";
  }
  IngestLimits limits;
  limits.max_cell_bytes = 1 << 20;  // 80 000 cells take more than 1 MiB as RawCells
  const Dataset ds =
      ingest_files({dir.path / "kvalitetsmalinger.csv"}, test::scale_catalog(), limits);
  const Diagnostic* d = only_error(ds);
  REQUIRE(d);
  CHECK(d->code == "file.too_large_cells");
  CHECK(d->file == (dir.path / "kvalitetsmalinger.csv").string());
  CHECK(ds.diagnostics.tables.empty());
  limits.max_cell_bytes = 64 << 20;
  const Dataset fits =
      ingest_files({dir.path / "kvalitetsmalinger.csv"}, test::scale_catalog(), limits);
  REQUIRE(fits.diagnostics.tables.size() == 1);
  CHECK(fits.diagnostics.tables[0].rows_read == 20000);
}
