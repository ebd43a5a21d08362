// Hostile text in every input field that reaches a report: it must come out as inert text in
// HTML, as a plain string (never a formula) in XLSX, and never steer where files are written.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

constexpr const char* kScript = "<script>alert(1)</script>";
constexpr const char* kFormula = "=HYPERLINK(\"http://evil.example\",\"klikk\")";

/// RFC 4180 quoting: the field in quotes, inner quotes doubled.
std::string csv_quoted(const std::string& field) {
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

struct HostileRun {
  test::ScratchDir dir{"hostile"};
  fs::path out = dir.path / "out";
  int exit_code = -1;
  std::string log;
  HostileRun() {
    // A site key that tries to climb out of the output folder, a site name and comments that
    // are markup or formulas, and a file name with markup in it.
    std::ofstream(dir.path / "enheter<b>.csv") << "Enhet;Navn\n../../etc;" << kScript << "\n";
    std::ofstream f(dir.path / "fidelity.csv");
    f << "Enhet;Dato;Punkt;Konsensus;Kommentar;Anbefaling\n";
    const char* items[] = {"B1", "B2", "B3",  "O1",  "O2",  "O3",  "O4", "O5", "O6",
                           "O7", "O8", "T1",  "T2",  "T3",  "T4",  "T5", "T6", "T7",
                           "T8", "T9", "T10", "T11", "T12", "T13", "T14"};
    for (const char* item : items)
      f << "../../etc;01.10.2016;" << item << ";4;" << csv_quoted(kFormula) << ";@SUM(A1)\n";
    f.close();
    log = test::run_command(
        test::ipsreport_binary() + " run '" + (dir.path / "enheter<b>.csv").string() + "' " +
            (dir.path / "fidelity.csv").string() + " --out " + out.string() + " 2>&1",
        &exit_code);
  }
  std::vector<fs::path> files_with(const std::string& ext) const {
    std::vector<fs::path> found;
    for (const auto& e : fs::recursive_directory_iterator(out))
      if (e.path().extension() == ext) found.push_back(e.path());
    return found;
  }
};

}  // namespace

TEST_CASE("hostile site keys cannot place reports outside the output folder") {
  HostileRun run;
  INFO(run.log);
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  CHECK(fs::exists(run.out / "------etc"));
  CHECK_FALSE(fs::exists(run.dir.path / "etc"));
  CHECK_FALSE(fs::exists("/etc/kvalitetsrapport-------etc-2016-10-01.html"));
}

TEST_CASE("hostile text is escaped in every HTML report") {
  HostileRun run;
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  const auto pages = run.files_with(".html");
  REQUIRE(pages.size() >= 3);
  for (const auto& page : pages) {
    INFO(page);
    const std::string html = test::read_file(page);
    CHECK(html.find(kScript) == std::string::npos);
    CHECK(html.find("<b>.csv") == std::string::npos);
  }
  const std::string report =
      test::read_file(run.out / "------etc/kvalitetsrapport-------etc-2016-10-01.html");
  CHECK(report.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("formula-like text is written to XLSX as a string, never as a formula") {
  HostileRun run;
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  const auto books = run.files_with(".xlsx");
  REQUIRE(books.size() >= 3);
  for (const auto& book : books) {
    INFO(book);
    const std::string sheets =
        test::run_command("unzip -p '" + book.string() + "' 'xl/worksheets/*.xml'");
    CHECK(sheets.find("HYPERLINK") == std::string::npos);  // not in any <f> formula
    CHECK(sheets.find("<f>SUM(A1)") == std::string::npos);
    const std::string strings =
        test::run_command("unzip -p '" + book.string() + "' xl/sharedStrings.xml");
    if (book.filename().string().rfind("kvalitetsrapport", 0) == 0) {
      CHECK(strings.find("=HYPERLINK(\"http://evil.example\",\"klikk\")") != std::string::npos);
      CHECK(strings.find("@SUM(A1)") != std::string::npos);
    }
  }
}

TEST_CASE("hostile text reaches the PDF as plain text") {
  HostileRun run;
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  const std::string text = test::run_command(
      "pdftotext '" + (run.out / "------etc/kvalitetsrapport-------etc-2016-10-01.pdf").string() +
      "' -");
  CHECK(text.find("<script>alert(1)</script>") != std::string::npos);
}
