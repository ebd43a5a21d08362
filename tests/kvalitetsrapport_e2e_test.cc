// End to end through the command line: a committed fidelity workbook in, the Bodø baseline's
// Kvalitetsrapport out in HTML, PDF and XLSX, checked the way a reader would see them.
#include <catch2/catch.hpp>

#include "ingest/workbook_reader.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

struct BaselineRun {
  test::ScratchDir dir{"e2e-kvalitetsrapport"};
  fs::path stem;
  int exit_code = -1;
  std::string err;
  BaselineRun() {
    const std::string cmd = test::ipsreport_binary() + " run " +
                            test::fixture("ingest/valid_fidelity.xlsx").string() +
                            " --period 2012-H2 --out " + (dir.path / "out").string() + " 2>&1";
    err = test::run_command(cmd, &exit_code);
    stem = dir.path / "out/bodo/kvalitetsrapport-bodo-2012-12-03";
  }
};

const RawSheet* sheet_named(const RawWorkbook& wb, const std::string& name) {
  for (const auto& s : wb.sheets)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("the Bodø baseline renders as a Kvalitetsrapport in HTML, PDF and XLSX") {
  BaselineRun run;
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  for (const char* ext : {".html", ".pdf", ".xlsx"}) CHECK(fs::exists(run.stem.string() + ext));
  CHECK(fs::exists(run.dir.path / "out/run-summary.json"));
}

TEST_CASE(
    "the baseline PDF names the site and shows total 51 as partial, 11 of 25, without a band") {
  BaselineRun run;
  REQUIRE(run.exit_code == 0);
  int rc = -1;
  const std::string text =
      test::run_command("pdftotext -layout " + run.stem.string() + ".pdf -", &rc);
  REQUIRE(rc == 0);
  CHECK(text.find("Bodø") != std::string::npos);
  CHECK(text.find("Kvalitetsrapport") != std::string::npos);
  CHECK(text.find("51") != std::string::npos);
  CHECK(text.find("delvis: 11 av 25 punkter") != std::string::npos);
  CHECK(text.find("ingen kvalitetsnivå") != std::string::npos);
  CHECK(text.find("Meget bra kvalitet") == std::string::npos);
  const std::string info = test::run_command("pdfinfo " + run.stem.string() + ".pdf");
  CHECK(info.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
}

TEST_CASE("the baseline XLSX holds the scores as numbers and the total as a formula") {
  BaselineRun run;
  REQUIRE(run.exit_code == 0);
  const std::string bytes = test::read_file(run.stem.string() + ".xlsx");
  RawWorkbook wb;
  ReadFailure failure;
  read_zip_workbook(bytes, "xlsx", {}, wb, failure);
  REQUIRE_FALSE(failure.failed());
  const RawSheet* sheet = sheet_named(wb, "Poengskjema");
  REQUIRE(sheet);
  // Header row, then B1 … T14, then the total row. Column G holds the resolved score.
  REQUIRE(sheet->rows.size() >= 27);
  size_t header = 0;
  while (header < sheet->rows.size() &&
         (sheet->rows[header].empty() || sheet->rows[header][0].text != "Nr."))
    ++header;
  REQUIRE(header < sheet->rows.size());
  const RawRow& b1 = sheet->rows[header + 1];
  CHECK(b1[1].text == "B1");
  CHECK(b1[6].kind == RawCell::Kind::Number);
  CHECK(b1[6].number == 5);
  const RawRow& o2 = sheet->rows[header + 5];
  CHECK(o2[1].text == "O2");
  CHECK(o2[6].number == 4);
  const RawRow& total = sheet->rows[header + 26];
  REQUIRE(total.size() > 6);
  CHECK(total[6].kind == RawCell::Kind::Number);
  CHECK(total[6].number == 51);
  CHECK(total[6].from_formula);
}

TEST_CASE("the baseline HTML is one self-contained file that names the site and the total") {
  BaselineRun run;
  REQUIRE(run.exit_code == 0);
  const std::string html = test::read_file(run.stem.string() + ".html");
  CHECK(html.find("<html lang=\"nb\"") != std::string::npos);
  CHECK(html.find("Bodø") != std::string::npos);
  CHECK(html.find("delvis: 11 av 25 punkter") != std::string::npos);
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
}

TEST_CASE("two runs over the same input give byte-identical reports") {
  BaselineRun first;
  BaselineRun second_run_dir_differs;  // same input, another folder
  REQUIRE(first.exit_code == 0);
  REQUIRE(first.stem != second_run_dir_differs.stem);
  for (const char* ext : {".html", ".pdf", ".xlsx"}) {
    INFO(ext);
    CHECK(test::read_file(first.stem.string() + ext) ==
          test::read_file(second_run_dir_differs.stem.string() + ext));
  }
}
