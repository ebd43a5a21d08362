// A suppressed figure must not survive anywhere in any output file: not in a cell, a formula,
// a chart cache, an HTML attribute or the SVG. The small site below has 3 participants, 2 in
// work (a rate of 66,7 %) with a mean of 27,5 hours: values distinctive enough to search for
// (the large site has 6 of 10 in work at 20 hours; all sites together 8 of 13, 21,9 hours).
#include <catch2/catch.hpp>

#include <fstream>

#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

struct SmallSiteRun {
  test::ScratchDir dir{"suppression-leak"};
  fs::path out = dir.path / "out";
  int exit_code = -1;
  SmallSiteRun() {
    std::ofstream(dir.path / "enheter.csv") << "Enhet;Navn;Årsverk\nLiten;IPS Liten;1\nStor;IPS Stor;2\n";
    std::ofstream d(dir.path / "deltakere.csv");
    d << "Deltaker;Enhet;Inntak;I arbeid ved inntak;Første arbeidsgiverkontakt\n"
      << "L1;Liten;10.01.2016;nei;21.01.2016\nL2;Liten;01.02.2016;nei;14.02.2016\nL3;Liten;01.03.2016;nei;\n";
    for (int i = 1; i <= 10; ++i) d << "S" << i << ";Stor;01.06.2015;nei;10.07.2015\n";
    d.close();
    std::ofstream j(dir.path / "jobber.csv");
    j << "Deltaker;Type;Start;Slutt;Timer per uke\n"
      << "L1;ordinær;01.02.2016;;21,5\nL2;ordinær;01.03.2016;;33,5\n";
    for (int i = 1; i <= 6; ++i) j << "S" << i << ";ordinær;01.09.2015;;20\n";
    j.close();
    test::run_command(std::string(IPS_BINARY) + " run " + (dir.path / "*.csv").string() +
                          " --period 2016-H1 --out " + out.string() + " 2>&1",
                      &exit_code);
  }
  std::string all_text_of(const fs::path& file) const {
    const std::string ext = file.extension().string();
    if (ext == ".pdf") return test::run_command("pdftotext '" + file.string() + "' -");
    if (ext == ".xlsx") return test::run_command("unzip -p '" + file.string() + "'");
    return test::read_file(file);
  }
};

}  // namespace

TEST_CASE("a suppressed count, rate or mean cannot be found in any output file") {
  SmallSiteRun run;
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  const fs::path small = run.out / "liten";
  REQUIRE(fs::exists(small / "halvarsrapport-liten-2016-H1.xlsx"));
  for (const char* name : {"halvarsrapport-liten-2016-H1.html", "halvarsrapport-liten-2016-H1.pdf",
                           "halvarsrapport-liten-2016-H1.xlsx"}) {
    INFO(name);
    const std::string text = run.all_text_of(small / name);
    REQUIRE_FALSE(text.empty());
    // The rate 2/3 and the mean hours 27.5, as shown (66,7 %) or as stored in XLSX cells and
    // chart caches (0.666…, 27.5). SVG coordinates like 166.75 make a bare "66.7" useless.
    CHECK(text.find("66,7") == std::string::npos);
    CHECK(text.find("0.66666") == std::string::npos);
    CHECK(text.find("27,5") == std::string::npos);
    CHECK(text.find(">27.5<") == std::string::npos);
    CHECK((text.find("<5") != std::string::npos || text.find("&lt;5") != std::string::npos));
  }
  // The national summary lists every site: the small one is suppressed there too.
  for (const char* ext : {".html", ".pdf", ".xlsx"}) {
    INFO(ext);
    const std::string text = run.all_text_of(run.out / (std::string("nasjonal-sammenstilling-2016-H1") + ext));
    CHECK(text.find("66,7") == std::string::npos);
    CHECK(text.find("0.66666") == std::string::npos);
  }
}

TEST_CASE("suppressed XLSX cells hold only the text marker, never a number or formula") {
  SmallSiteRun run;
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  const std::string sheets = test::run_command(
      "unzip -p '" + (run.out / "liten/halvarsrapport-liten-2016-H1.xlsx").string() + "' 'xl/worksheets/*.xml'");
  // Served (3) and worked (2) for the small site would be <v>3</v> / <v>2</v> in numeric cells;
  // the small site's column is B in the outcomes sheet. No formula may compute them either.
  const std::string strings = test::run_command(
      "unzip -p '" + (run.out / "liten/halvarsrapport-liten-2016-H1.xlsx").string() + "' xl/sharedStrings.xml");
  CHECK(strings.find("&lt;5") != std::string::npos);
  CHECK(sheets.find("SUM(B") == std::string::npos);
}
