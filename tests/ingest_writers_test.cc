// Workbooks written by the tools people use (openpyxl / pandas, XlsxWriter, LibreOffice, the
// Open XML SDK's package layout) read as the tables they were written from.
#include <catch2/catch.hpp>

#include <regex>

#include "ingest/opc_normalize.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

std::filesystem::path writers(const std::string& name) {
  return test::ingest_fixture("writers/" + name);
}

Dataset ingest(const std::vector<std::filesystem::path>& files) {
  return ingest_files(files, test::scale_catalog());
}

// The diagnostics without the file they name (the same problems, at the same places).
std::string problems(const Dataset& ds) {
  std::string out;
  for (const auto& d : ds.diagnostics.items) {
    out += d.sheet + ":" + std::to_string(d.row) + ":" + d.column_header + ":" + d.code;
    for (const auto& a : d.args) out += "|" + a;
    out += "\n";
  }
  return out;
}

// The example read by pandas and written back with DataFrame.to_excel (openpyxl) now, as a new
// user would, so the check follows the example whenever it is regenerated; the committed
// fixture (made the same way) where pandas is not installed.
std::filesystem::path pandas_round_trip(const std::filesystem::path& dir) {
  const auto out = dir / "pandas_example.xlsx";
  const auto example = test::source_dir() / "examples" / "ips-eksempel.xlsx";
  int code = -1;
  const std::string log = test::run_command(
      "/usr/bin/python3 -c \"import sys; sys.path.insert(0, '" + writers("").string() +
          "'); import make_writers; make_writers.pandas_round_trip('" + example.string() + "', '" +
          out.string() + "')\" 2>&1",
      &code);
  if (code == 0 && std::filesystem::exists(out)) return out;
  WARN("pandas is not installed, the committed round trip is used: " << log);
  return writers("pandas_example.xlsx");
}

}  // namespace

TEST_CASE("Absolute relationship targets become relative to the referring part",
          "[ingest][writers]") {
  CHECK(relative_part_target("xl/", "/xl/worksheets/sheet1.xml") == "worksheets/sheet1.xml");
  CHECK(relative_part_target("", "/xl/workbook.xml") == "xl/workbook.xml");
  CHECK(relative_part_target("xl/", "/styles/styles.xml") == "../styles/styles.xml");
  CHECK(relative_part_target("xl/worksheets/", "/xl/comments1.xml") == "../comments1.xml");
  CHECK(relative_part_target("xl/", "/xlsx/a.xml") == "../xlsx/a.xml");
}

TEST_CASE("Every writer's workbook gives the Dataset its source tables give", "[ingest][writers]") {
  std::vector<std::filesystem::path> source;
  for (const char* t : {"enheter", "kvalitetsmalinger", "gjennomganger", "deltakere", "jobber"})
    source.push_back(writers(std::string("source/") + t + ".csv"));
  const Dataset expected = ingest(source);
  INFO(test::describe(expected.diagnostics));
  REQUIRE(expected.diagnostics.count(Severity::Error) == 0);
  REQUIRE(expected.reviews.size() == 2);
  REQUIRE(expected.participants.size() == 3);
  REQUIRE(expected.jobs.size() == 3);
  const std::string model = test::dump_model(expected);

  const char* workbook =
      GENERATE("openpyxl.xlsx", "xlsxwriter.xlsx", "libreoffice.xlsx", "sdk_layout.xlsx");
  SECTION(workbook) {
    const Dataset ds = ingest({writers(workbook)});
    INFO(workbook << "\n" << test::describe(ds.diagnostics));
    test::check_accounting(ds);
    CHECK(ds.diagnostics.count(Severity::Error) == 0);
    CHECK(ds.diagnostics.count(Severity::Warning) == 0);
    CHECK(test::dump_model(ds) == model);
    size_t rows = 0;
    for (const auto& t : ds.diagnostics.tables) rows += t.rows_used;
    CHECK(rows == 2 + 74 + 2 + 3 + 3);  // the data rows of source/*.csv
  }
}

TEST_CASE("pandas' round trip of the example reads as the example", "[ingest][writers]") {
  test::ScratchDir dir("pandas-dataset");
  const Dataset original = ingest({test::source_dir() / "examples" / "ips-eksempel.xlsx"});
  const Dataset pandas = ingest({pandas_round_trip(dir.path)});
  REQUIRE(original.reviews.size() > 40);
  CHECK(test::dump_model(pandas) == test::dump_model(original));
  CHECK(problems(pandas) == problems(original));
  REQUIRE(pandas.diagnostics.tables.size() == original.diagnostics.tables.size());
  for (size_t i = 0; i < original.diagnostics.tables.size(); ++i) {
    CHECK(pandas.diagnostics.tables[i].rows_read == original.diagnostics.tables[i].rows_read);
    CHECK(pandas.diagnostics.tables[i].rows_used == original.diagnostics.tables[i].rows_used);
  }
}

TEST_CASE("pandas' round trip of the example gives the example's reports",
          "[ingest][writers][cli]") {
  test::ScratchDir dir("pandas-round-trip");
  const auto run = [&](const std::filesystem::path& input, const std::string& out) {
    int code = -1;
    test::run_command(test::ipsreport_binary() + " run '" + input.string() + "' --out '" +
                          (dir.path / out).string() + "' --formats html 2>&1",
                      &code);
    return code;
  };
  const int original_code = run(test::source_dir() / "examples" / "ips-eksempel.xlsx", "original");
  CHECK(run(pandas_round_trip(dir.path), "pandas") == original_code);
  size_t compared = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path / "original")) {
    if (e.path().extension() != ".html") continue;
    const auto relative = std::filesystem::relative(e.path(), dir.path / "original");
    INFO(relative.string());
    REQUIRE(std::filesystem::exists(dir.path / "pandas" / relative));
    // The data-quality tables name the input file; everything else must be the same bytes.
    const std::string a = test::read_file(e.path());
    const std::string b =
        std::regex_replace(test::read_file(dir.path / "pandas" / relative),
                           std::regex("pandas_example\\.xlsx"), "ips-eksempel.xlsx");
    CHECK(a == b);
    ++compared;
  }
  CHECK(compared >= 13);
  // And no report more: the two sets are the same reports.
  size_t in_pandas_set = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path / "pandas"))
    in_pandas_set += e.path().extension() == ".html";
  CHECK(in_pandas_set == compared);
}
