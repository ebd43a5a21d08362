// The example six-site run as a whole: parallel rendering gives the same bytes as serial, and
// every XLSX file opens in LibreOffice and reads back with liborcus.
#include <catch2/catch.hpp>

#include "ingest/workbook_reader.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

const std::string kExample = (test::source_dir() / "examples/ips-eksempel.xlsx").string();

std::vector<fs::path> files_below(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files.push_back(e.path().lexically_relative(root));
  std::sort(files.begin(), files.end());
  return files;
}

int render_example(const fs::path& out, const std::string& extra) {
  int rc = -1;
  test::run_command(test::ipsreport_binary() + " run " + kExample + " --out " + out.string() + " " +
                        extra + " 2>&1",
                    &rc);
  return rc;
}

}  // namespace

TEST_CASE("rendering on one thread and on four gives byte-identical report sets") {
  test::ScratchDir dir("jobs");
  REQUIRE(render_example(dir.path / "serial", "--jobs 1") == 1);
  REQUIRE(render_example(dir.path / "parallel", "--jobs 4") == 1);
  const auto serial = files_below(dir.path / "serial");
  REQUIRE(serial == files_below(dir.path / "parallel"));
  REQUIRE(serial.size() == 44);  // index, summary, marker, state, changes, national ×3, 6 × 2 × 3
  for (const auto& f : serial) {
    INFO(f);
    CHECK(test::read_file(dir.path / "serial" / f) == test::read_file(dir.path / "parallel" / f));
  }
}

TEST_CASE("every example XLSX opens in LibreOffice and reads back with liborcus") {
  test::ScratchDir dir("example-xlsx");
  REQUIRE(render_example(dir.path / "out", "--formats xlsx") == 1);
  std::vector<fs::path> books;
  for (const auto& f : files_below(dir.path / "out"))
    if (f.extension() == ".xlsx") books.push_back(dir.path / "out" / f);
  REQUIRE(books.size() == 13);
  for (const auto& book : books) {
    INFO(book);
    RawWorkbook wb;
    ReadFailure failure;
    read_zip_workbook(test::read_file(book), "xlsx", {}, wb, failure);
    CHECK_FALSE(failure.failed());
    CHECK(wb.sheets.size() >= 2);
  }
  int rc = -1;
  std::string cmd =
      "cd '" + dir.path.string() + "' && timeout 600 soffice -env:UserInstallation=file://" +
      (dir.path / "lo-profile").string() + " --headless --convert-to pdf --outdir converted";
  for (const auto& book : books) cmd += " '" + book.string() + "'";
  const std::string log = test::run_command(cmd + " 2>&1", &rc);
  INFO(log);
  REQUIRE(rc == 0);
  for (const auto& book : books) {
    const fs::path pdf = dir.path / "converted" / (book.stem().string() + ".pdf");
    INFO(pdf);
    CHECK(fs::exists(pdf));
    if (fs::exists(pdf)) CHECK(fs::file_size(pdf) > 1000);
  }
}
