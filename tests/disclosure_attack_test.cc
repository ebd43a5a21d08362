// The attacker of tests/support/disclosure_attacker.h against whole runs: the example, and
// generated sets of many small sites over several half-years (one participant file per site),
// in both languages. It reads only the published HTML, XLSX and run-summary.json. Every small
// count the reports withhold must stay unknown to it.
#include <catch2/catch.hpp>

#include <fstream>
#include <iomanip>
#include <sstream>

#include "report/wording.h"
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

// 2013-H2, before anyone else's intake, where a published interval is what would give a count
// away: the first four sites serve 4, 20, 30 and 40 people, of whom exactly half work (all in
// the half-year only). Their trend tables show 20/10, 30/15, 40/20 and "<5" for the first site,
// all sites only as the employment rate 50,0 %: the rate alone leaves all sites' served 92 or 94
// (and the first site's 2 or 4) open, but the rate's interval fits only 47 of 94. So the
// disclosure stage must withhold that interval; without the interval rule this set leaks.
void write_half_rate_half_year(std::ostream& people, std::ostream& jobs, int site) {
  static constexpr int kServed[] = {4, 20, 30, 40};
  if (site < 1 || site > 4) return;
  for (int p = 1; p <= kServed[site - 1]; ++p) {
    const std::string id = "E" + std::to_string(site) + "-h" + std::to_string(p);
    people << id << ";E" << site << ";" << date_text(2013, 7, 1 + p % 28) << ";nei;;"
           << date_text(2013, 12, 1 + p % 28) << "\n";
    if (p % 2 == 0)
      jobs << id << ";ordinær;" << date_text(2013, 9, 1 + p % 28) << ";"
           << date_text(2013, 11, 1 + p % 28) << ";20\n";
  }
}

// Many small sites over six half-years (2014-H1 to 2016-H2): 2 to 14 participants each, some in
// work, some in education, some ended; and 2013-H2 as above. Participants are written one file
// per site, as services that export their own register do, so the data-quality table lists each
// site's row count.
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
    write_half_rate_half_year(people, jobs, s);
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
  CHECK(result.intervals_read > 0);  // it did try the published intervals
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
      CHECK(result.intervals_read > 0);  // it did try the published intervals
      // 2013-H2 is published as planned: the first site's served withheld, all sites' rate
      // shown (so only its interval could give the count away).
      bool planted = false;
      for (const test::PublishedTable& t : test::read_published_run(out).tables)
        if (t.id == "trend" && !t.from_xlsx)
          for (const auto& row : t.rows)
            if (row.size() == 6 && row[0].text == "2013-H2" && row[1].text == "<5")
              planted = row[5].text.rfind("50", 0) == 0;
      CHECK(planted);
    }
  }
}

TEST_CASE("disclosure attack: a published interval gives k and n away when its counts are withheld",
          "[disclosure][wilson]") {
  // The attacker's own check: served and worked withheld, the rate with its interval shown. Only
  // 8 of 20 gives 40,0 % (21,9–61,3) (n ≤ 5000), so both counts are recovered; the rate alone
  // leaves them open.
  const Wording w = Wording::load(test::source_dir() / "templates", Lang::Nb);
  test::PublishedTable t;
  t.file = "nasjonal-sammenstilling-2016-H2.html";
  t.id = "outcomes";
  t.header = {{w.get("nasjonal.site"), std::nullopt},
              {w.get("outcomes.served"), std::nullopt},
              {w.get("outcomes.worked"), std::nullopt},
              {w.get("outcomes.employment_rate"), std::nullopt}};
  t.rows = {{{"Enhet A", std::nullopt},
             {"\u2013", std::nullopt},
             {"\u2013", std::nullopt},
             {"40,0\u00A0% (21,9\u201361,3)", std::nullopt}}};
  test::PublishedRun run{"2016-H2", "nb", {t}, {}};
  const test::AttackResult with_interval = test::attack_run(run, 5);
  INFO(with_interval.describe());
  CHECK(with_interval.intervals_read == 1);
  REQUIRE(with_interval.recoveries.size() == 2);
  CHECK(with_interval.recoveries[0].value == 20);  // served
  CHECK(with_interval.recoveries[1].value == 8);   // worked
  run.tables[0].rows[0][3].text = "40,0\u00A0%";
  CHECK(test::attack_run(run, 5).recoveries.empty());
}
