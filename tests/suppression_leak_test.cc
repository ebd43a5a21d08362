// A suppressed figure must not survive anywhere in any output file: not in a cell, a formula,
// a chart cache, an HTML attribute or the SVG. The small site below has 3 participants, 2 in
// work (a rate of 66,7 %) with a mean of 27,5 hours: values distinctive enough to search for
// (the large site has 6 of 10 in work at 20 hours; all sites together 8 of 13, 21,9 hours).
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <regex>
#include <string>
#include <tuple>
#include <vector>

#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

struct SmallSiteRun {
  test::ScratchDir dir{"suppression-leak"};
  fs::path out = dir.path / "out";
  int exit_code = -1;
  SmallSiteRun() {
    std::ofstream(dir.path / "enheter.csv")
        << "Enhet;Navn;Årsverk\nLiten;IPS Liten;1\nStor;IPS Stor;2\n";
    std::ofstream d(dir.path / "deltakere.csv");
    d << "Deltaker;Enhet;Inntak;I arbeid ved inntak;Første arbeidsgiverkontakt\n"
      << "L1;Liten;10.01.2016;nei;21.01.2016\nL2;Liten;01.02.2016;nei;14.02.2016\nL3;Liten;01.03."
         "2016;nei;\n";
    for (int i = 1; i <= 10; ++i) d << "S" << i << ";Stor;01.06.2015;nei;10.07.2015\n";
    d.close();
    std::ofstream j(dir.path / "jobber.csv");
    j << "Deltaker;Type;Start;Slutt;Timer per uke\n"
      << "L1;ordinær;01.02.2016;;21,5\nL2;ordinær;01.03.2016;;33,5\n";
    for (int i = 1; i <= 6; ++i) j << "S" << i << ";ordinær;01.09.2015;;20\n";
    j.close();
    test::run_command(test::ipsreport_binary() + " run " + (dir.path / "*.csv").string() +
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
    const std::string text =
        run.all_text_of(run.out / (std::string("nasjonal-sammenstilling-2016-H1") + ext));
    CHECK(text.find("66,7") == std::string::npos);
    CHECK(text.find("0.66666") == std::string::npos);
  }
}

TEST_CASE("suppressed XLSX cells hold only the text marker, never a number or formula") {
  SmallSiteRun run;
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  const std::string sheets = test::run_command(
      "unzip -p '" + (run.out / "liten/halvarsrapport-liten-2016-H1.xlsx").string() +
      "' 'xl/worksheets/*.xml'");
  // Served (3) and worked (2) for the small site would be <v>3</v> / <v>2</v> in numeric cells;
  // the small site's column is B in the outcomes sheet. No formula may compute them either.
  const std::string strings = test::run_command(
      "unzip -p '" + (run.out / "liten/halvarsrapport-liten-2016-H1.xlsx").string() +
      "' xl/sharedStrings.xml");
  CHECK(strings.find("&lt;5") != std::string::npos);
  CHECK(sheets.find("SUM(B") == std::string::npos);
}

namespace {

// Three sites: Liten 3 served / 2 in work, Midt 17 / 13 (76,5 %; caseload 17 / 2 FTE = 8,5),
// Stor 40 / 20, all sites 60 / 35. Liten's <5 would be 60 − 17 − 40 = 3, so Midt, the smallest
// other site, is withheld too (complementary suppression).
struct ThreeSiteRun {
  test::ScratchDir dir{"suppression-complementary"};
  fs::path out = dir.path / "out";
  int exit_code = -1;
  ThreeSiteRun() {
    std::ofstream(dir.path / "enheter.csv")
        << "Enhet;Navn;Årsverk\nLiten;IPS Liten;1\nMidt;IPS Midt;2\nStor;IPS Stor;3\n";
    std::ofstream d(dir.path / "deltakere.csv"), j(dir.path / "jobber.csv");
    d << "Deltaker;Enhet;Inntak;I arbeid ved inntak;Første arbeidsgiverkontakt\n";
    j << "Deltaker;Type;Start;Slutt;Timer per uke\n";
    for (auto [site, served, worked] :
         {std::tuple{"Liten", 3, 2}, {"Midt", 17, 13}, {"Stor", 40, 20}})
      for (int i = 1; i <= served; ++i) {
        d << site << i << ";" << site << ";01.02.2016;nei;\n";
        if (i <= worked) j << site << i << ";ordinær;01.03.2016;;20\n";
      }
    d.close();
    j.close();
    test::run_command(test::ipsreport_binary() + " run " + (dir.path / "*.csv").string() +
                          " --period 2016-H1 --formats html,pdf,xlsx --out " + out.string() +
                          " 2>&1",
                      &exit_code);
  }
};

// The pieces of text from `open` to `close` that contain `what`: lines, HTML or XLSX rows.
std::vector<std::string> pieces_naming(const std::string& text, const std::string& what,
                                       const std::string& open, const std::string& close) {
  std::vector<std::string> out;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    const size_t begin = text.rfind(open, at);
    const size_t end = text.find(close, at);
    out.push_back(text.substr(begin == std::string::npos ? 0 : begin,
                              end == std::string::npos ? std::string::npos : end - begin));
  }
  return out;
}

// The rows of every sheet of the workbook whose cells include the text `label`.
std::vector<std::string> xlsx_rows_labelled(const std::string& xlsx, const std::string& label) {
  const std::string strings = test::run_command("unzip -p '" + xlsx + "' xl/sharedStrings.xml");
  const size_t label_at = strings.find("<t>" + label + "</t>");
  if (label_at == std::string::npos) return {};
  size_t index = 0;
  for (size_t at = strings.find("<si>"); at != std::string::npos && at < label_at;
       at = strings.find("<si>", at + 1))
    ++index;
  const std::string cell = "t=\"s\"><v>" + std::to_string(index - 1) + "</v></c>";
  return pieces_naming(test::run_command("unzip -p '" + xlsx + "' 'xl/worksheets/sheet*.xml'"),
                       cell, "<row", "</row>");
}

bool has_token(const std::string& line, const std::string& token) {
  for (size_t at = line.find(token); at != std::string::npos; at = line.find(token, at + 1)) {
    const bool left =
        at == 0 || std::isspace(static_cast<unsigned char>(line[at - 1])) || line[at - 1] == '>';
    const size_t after = at + token.size();
    const bool right = after >= line.size() ||
                       std::isspace(static_cast<unsigned char>(line[after])) || line[after] == '<';
    if (left && right) return true;
  }
  return false;
}

}  // namespace

TEST_CASE(
    "one small site among three: the next smallest site is withheld so the small count cannot be "
    "derived") {
  ThreeSiteRun run;
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  const fs::path stem = run.out / "nasjonal-sammenstilling-2016-H1";

  const std::string html = test::read_file(stem.string() + ".html");
  for (const std::string& row : pieces_naming(html, "IPS Midt", "<tr", "</tr>")) {
    INFO(row);
    for (const char* value : {"17", "13", "76,5 %", "8,5"}) CHECK_FALSE(has_token(row, value));
  }
  CHECK(html.find("sekundærprikking") != std::string::npos);  // the note under the table says why
  CHECK(html.find("76,5") == std::string::npos);
  // Stor and all sites are still shown: the table keeps its use.
  CHECK(html.find(">40<") != std::string::npos);
  CHECK(html.find(">60<") != std::string::npos);

  const std::string pdf = test::run_command("pdftotext -layout '" + stem.string() + ".pdf' -");
  REQUIRE(pdf.find("IPS Midt") != std::string::npos);
  for (const std::string& line : pieces_naming(pdf, "IPS Midt", "\n", "\n")) {
    INFO(line);
    for (const char* value : {"17", "13", "76,5", "8,5"}) CHECK_FALSE(has_token(line, value));
  }
  CHECK(pdf.find("76,5") == std::string::npos);

  // XLSX: Midt's row holds only strings in every sheet, and no cell, formula or chart cache
  // holds its rate or caseload.
  const std::string xlsx = stem.string() + ".xlsx";
  const std::vector<std::string> midt_rows = xlsx_rows_labelled(xlsx, "IPS Midt");
  CHECK_FALSE(midt_rows.empty());
  for (const std::string& row : midt_rows) {
    INFO(row);
    // Every cell of the row is a string, empty, has no value at all, or is a count of none (the
    // outcomes table also shows Midt's 0 ended, which rests on nobody and gives nothing away).
    for (size_t c = row.find("<c "); c != std::string::npos; c = row.find("<c ", c + 1)) {
      const std::string cell =
          row.substr(c, row.find("</c>", c) == std::string::npos ? std::string::npos
                                                                 : row.find("</c>", c) - c);
      CHECK((cell.find("t=\"s\"") != std::string::npos || cell.find("<v>") == std::string::npos ||
             cell.find("<v>0</v>") != std::string::npos));
      CHECK(cell.find("<f>") == std::string::npos);
    }
  }
  const std::string everything = test::run_command("unzip -p '" + xlsx + "'");
  CHECK(everything.find("0.7647") == std::string::npos);
  CHECK(everything.find(">8.5<") == std::string::npos);
}

TEST_CASE(
    "two sites, one small: the all-sites figures are withheld in the national summary and both "
    "sites' reports") {
  SmallSiteRun run;
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  // All sites: 8 of 13 in work (61,5 %); shown beside Stor's 6 of 10 it would give Liten's 2 of 3.
  // Liten's own report would show it on its own (the other sites together, 10, are not small),
  // but it withholds what the national summary withholds.
  for (const fs::path& file : {run.out / "nasjonal-sammenstilling-2016-H1.html",
                               run.out / "nasjonal-sammenstilling-2016-H1.pdf",
                               run.out / "nasjonal-sammenstilling-2016-H1.xlsx",
                               run.out / "stor/halvarsrapport-stor-2016-H1.html",
                               run.out / "stor/halvarsrapport-stor-2016-H1.pdf",
                               run.out / "stor/halvarsrapport-stor-2016-H1.xlsx",
                               run.out / "liten/halvarsrapport-liten-2016-H1.html",
                               run.out / "liten/halvarsrapport-liten-2016-H1.pdf",
                               run.out / "liten/halvarsrapport-liten-2016-H1.xlsx"}) {
    INFO(file.string());
    const std::string text = run.all_text_of(file);
    REQUIRE_FALSE(text.empty());
    CHECK(text.find("61,5") == std::string::npos);
    CHECK(text.find("0.6153") == std::string::npos);
  }
  // Nor the 13 participants (the data-quality table's 13 rows read describe the file, not the
  // period).
  const std::string national = test::read_file(run.out / "nasjonal-sammenstilling-2016-H1.html");
  for (const std::string& row : pieces_naming(national, "Alle enheter", "<tr", "</tr>"))
    CHECK(row.find(">13<") == std::string::npos);
  const std::regex numeric_13(R"(<c r="[A-Z]+[0-9]+"( s="[0-9]+")?><v>13</v>)");
  const auto total_rows = xlsx_rows_labelled(
      (run.out / "nasjonal-sammenstilling-2016-H1.xlsx").string(), "Alle enheter");
  CHECK_FALSE(total_rows.empty());
  for (const std::string& row : total_rows) CHECK_FALSE(std::regex_search(row, numeric_13));
  for (const char* site : {"stor", "liten"}) {
    INFO(site);
    const fs::path report = run.out / site / (std::string("halvarsrapport-") + site + "-2016-H1");
    CHECK(test::read_file(report.string() + ".html").find(">13<") == std::string::npos);
    CHECK_FALSE(std::regex_search(run.all_text_of(report.string() + ".xlsx"), numeric_13));
  }
}
