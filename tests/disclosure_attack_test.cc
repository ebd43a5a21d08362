// The attacker of tests/support/disclosure_attacker.h against whole runs: the example, and
// generated sets of many small sites over several half-years (one participant file per site),
// in both languages. It reads only the published HTML, XLSX and run-summary.json. Every small
// count the reports withhold must stay unknown to it.
#include <catch2/catch.hpp>

#include <fstream>
#include <iomanip>
#include <sstream>

#include "support/disclosure_attacker.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

int run_ipsreport(const std::string& args) {
  int code = -1;
  test::run_command(
      test::ipsreport_binary() + " run " + args + " --formats html,xlsx >/dev/null 2>&1", &code);
  return code;
}

std::string date_text(int year, int month, int day) {
  std::ostringstream s;
  s << std::setfill('0') << std::setw(2) << day << "." << std::setw(2) << month << "." << year;
  return s.str();
}

// Many small sites over six half-years (2014-H1 to 2016-H2): 2 to 14 participants each, some in
// work, some in education, some ended. Participants are written one file per site, as services
// that export their own register do, so the data-quality table lists each site's row count.
void write_small_sites(const fs::path& dir, int sites, unsigned seed) {
  unsigned state = seed;
  auto next = [&state](int n) {
    state = state * 1103515245u + 12345u;
    return static_cast<int>((state >> 16) % static_cast<unsigned>(n));
  };
  std::ofstream units(dir / "enheter.csv");
  units << "Enhet;Navn;Årsverk\n";
  std::ofstream jobs(dir / "jobber.csv");
  jobs << "Deltaker;Type;Start;Slutt;Timer per uke\n";
  for (int s = 1; s <= sites; ++s) {
    const std::string key = "E" + std::to_string(s);
    units << key << ";Enhet " << s << ";" << 1 + next(3) << "\n";
    std::ofstream people(dir / ("deltakere-" + key + ".csv"));
    people << "Deltaker;Enhet;Inntak;I arbeid ved inntak;Første arbeidsgiverkontakt;Avsluttet\n";
    const int n = 2 + next(13);
    for (int p = 1; p <= n; ++p) {
      const std::string id = key + "-" + std::to_string(p);
      const int year = 2014 + next(3), month = 1 + next(12);
      const bool ended = next(4) == 0;
      people << id << ";" << key << ";" << date_text(year, month, 1 + next(28)) << ";"
             << (next(5) == 0 ? "ja" : "nei") << ";" << (next(2) ? date_text(year, month, 28) : "")
             << ";"
             << (ended ? date_text(std::min(2016, year + 1), 1 + next(12), 1 + next(28)) : "")
             << "\n";
      const int kind = next(10);
      if (kind < 5) {
        const int start_month = std::min(12, month + 1 + next(3));
        jobs << id << ";" << (kind < 4 ? "ordinær" : "lønnstilskudd") << ";"
             << date_text(year, start_month, 28) << ";"
             << (next(3) == 0 ? date_text(year + 1, 1 + next(12), 1 + next(28)) : "") << ";"
             << 10 + next(30) << "\n";
      } else if (kind < 7) {
        jobs << id << ";utdanning;" << date_text(year, std::min(12, month + 1), 28) << ";;\n";
      }
    }
  }
}

}  // namespace

TEST_CASE(
    "disclosure attack: nothing withheld in the example can be worked out from the report set",
    "[disclosure]") {
  test::ScratchDir dir{"disclosure-example"};
  const fs::path out = dir.path / "out";
  const int code = run_ipsreport((test::source_dir() / "examples/ips-eksempel.xlsx").string() +
                                 " --out " + out.string());
  REQUIRE((code == 0 || code == 1));
  const test::AttackResult result = test::attack_published_run(out, 5);
  INFO(result.describe());
  CHECK(result.withheld_cells > 0);
  CHECK(result.recoveries.empty());
  CHECK(result.small_counts_published.empty());
}

TEST_CASE("disclosure attack: many small sites over several half-years, both languages",
          "[disclosure]") {
  for (const char* lang : {"nb", "en"}) {
    for (unsigned seed : {7u, 2024u}) {
      INFO("lang " << lang << ", seed " << seed);
      test::ScratchDir dir{"disclosure-generated"};
      write_small_sites(dir.path, 14, seed);
      const fs::path out = dir.path / "out";
      const int code = run_ipsreport((dir.path / "*.csv").string() + " --period 2016-H2 --lang " +
                                     lang + " --out " + out.string());
      REQUIRE((code == 0 || code == 1));
      const test::AttackResult result = test::attack_published_run(out, 5);
      INFO(result.describe());
      CHECK(result.withheld_cells > 0);
      CHECK(result.recoveries.empty());
      CHECK(result.small_counts_published.empty());
    }
  }
}
