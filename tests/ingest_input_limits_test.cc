// Inputs that would be read wrong or forever are refused, by name, before anything is published.
#include <catch2/catch.hpp>

#include <sys/stat.h>

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
