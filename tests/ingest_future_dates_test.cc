// A date after the run date is reported and does not choose the period.
#include <catch2/catch.hpp>

#include <fstream>

#include "analysis/periods.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

// csv_utf8 (reviews in 2012-H2 and 2013-H1) plus participants, one with a mistyped year.
std::vector<std::filesystem::path> inputs(const std::filesystem::path& dir) {
  std::ofstream(dir / "deltakere.csv") << "Deltaker;Enhet;Inntak;Avsluttet\n"
                                          "P1;Bodø;07.01.2013;\n"
                                          "P2;Bodø;01.03.2061;\n"
                                          "P3;Hamar;04.03.2013;15.02.2031\n";
  std::vector<std::filesystem::path> files = test::csv_files("csv_utf8");
  files.push_back(dir / "deltakere.csv");
  return files;
}

}  // namespace

TEST_CASE("A date after the run date is reported and does not set the period",
          "[ingest][future-dates]") {
  test::ScratchDir dir("future-dates");
  IngestLimits limits;
  limits.latest_allowed_date = Date::from_ymd(2026, 12, 3);
  const Dataset ds = ingest_files(inputs(dir.path), test::scale_catalog(), limits);
  INFO(test::describe(ds.diagnostics));
  test::check_accounting(ds);
  std::vector<std::pair<int, std::string>> reported;
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "date.in_future") {
      CHECK(d.severity == Severity::Warning);
      CHECK(d.args == std::vector<std::string>{"03.12.2026"});
      reported.emplace_back(d.row, d.column_header + "=" + d.value);
    }
  CHECK(reported == std::vector<std::pair<int, std::string>>{{3, "Inntak=01.03.2061"},
                                                             {4, "Avsluttet=15.02.2031"}});
  CHECK(ds.participants.size() == 3);  // the rows are kept
  REQUIRE(latest_period_with_data(ds));
  CHECK(latest_period_with_data(ds)->key() == "2013-H1");

  Dataset unlimited = ds;
  unlimited.latest_allowed_date.reset();
  CHECK(latest_period_with_data(unlimited)->key() == "2061-H1");
}

TEST_CASE("Without a given date the run date is IPS_TODAY, and --period auto skips later dates",
          "[ingest][future-dates][cli]") {
  test::ScratchDir dir("future-dates-cli");
  std::string command = "IPS_TODAY=2026-12-03 " + test::ipsreport_binary() + " run";
  for (const auto& f : inputs(dir.path)) command += " '" + f.string() + "'";
  int code = -1;
  const std::string err = test::run_command(
      command + " --formats html --lang en --out '" + (dir.path / "out").string() + "' 2>&1",
      &code);
  CHECK(code == 1);
  CHECK(err.find("deltakere.csv:3:C (Inntak): Warning: The date is after today (2026-12-03)") !=
        std::string::npos);
  CHECK(std::filesystem::exists(dir.path / "out" / "nasjonal-sammenstilling-2013-H1.html"));
  CHECK_FALSE(std::filesystem::exists(dir.path / "out" / "nasjonal-sammenstilling-2061-H1.html"));
}

TEST_CASE("An action's deadline after the run date is planned, not reported",
          "[ingest][future-dates][narrative]") {
  test::ScratchDir dir("future-deadline");
  std::ofstream(dir.path / "tiltak.csv")
      << "Enhet;Gjennomgang;Punkt;Tiltak;Ansvarlig;Frist;Status;Kommentar\n"
         "Bodø;03.12.2012;B1;Faste møter med NAV;PL;30.06.2031;pågår;\n";
  std::vector<std::filesystem::path> files = inputs(dir.path);
  files.push_back(dir.path / "tiltak.csv");
  IngestLimits limits;
  limits.latest_allowed_date = Date::from_ymd(2026, 12, 3);
  const Dataset ds = ingest_files(files, test::scale_catalog(), limits);
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.actions.size() == 1);
  REQUIRE(ds.actions[0].deadline);
  for (const auto& d : ds.diagnostics.items)
    if (d.code == "date.in_future") CHECK(d.column_header != "Frist");
}
