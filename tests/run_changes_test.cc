// "What changed since the last run" (issue 19, part 3): two real runs with a corrected score, an
// added review and a removed participant between them; the change list in index.html,
// run-summary.json and changes.txt, with small counts shown as <5.
#include <catch2/catch.hpp>

#include <fstream>

#include "publish/run_changes.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

const char* kItems[] = {"B1", "B2", "B3",  "O1",  "O2",  "O3",  "O4", "O5", "O6",
                        "O7", "O8", "T1",  "T2",  "T3",  "T4",  "T5", "T6", "T7",
                        "T8", "T9", "T10", "T11", "T12", "T13", "T14"};

struct Inputs {
  int hamar_b1 = 4;                 // Hamar's score for B1 on 01.10.2016
  bool second_bodo_review = false;  // Bodø reviewed again on 01.12.2016
  int hamar_participants = 12;
};

void write_inputs(const fs::path& dir, const Inputs& in) {
  std::ofstream f(dir / "fidelity.csv", std::ios::binary);
  f << "Enhet;Dato;Punkt;Konsensus\n";
  for (int i = 0; i < 25; ++i) {
    f << "Hamar;01.10.2016;" << kItems[i] << ";" << (i == 0 ? in.hamar_b1 : 3) << "\n";
    f << "Bodø;01.10.2016;" << kItems[i] << ";2\n";
    if (in.second_bodo_review) f << "Bodø;01.12.2016;" << kItems[i] << ";3\n";
  }
  std::ofstream p(dir / "deltakere.csv", std::ios::binary);
  p << "Deltaker;Enhet;Inntak\n";
  for (int i = 0; i < in.hamar_participants; ++i)
    p << "H" << i << ";Hamar;0" << 1 + i % 9 << ".02.2016\n";
  for (int i = 0; i < 8; ++i) p << "B" << i << ";Bodø;0" << 1 + i % 9 << ".03.2016\n";
}

int run(const fs::path& dir, std::string* log) {
  int rc = -1;
  *log = test::run_command(test::ipsreport_binary() + " run " + (dir / "fidelity.csv").string() +
                               " " + (dir / "deltakere.csv").string() + " --formats html --out " +
                               (dir / "out").string() + " 2>&1",
                           &rc);
  return rc;
}

}  // namespace

TEST_CASE("the second run lists a corrected score, an added review and a removed participant",
          "[run_changes]") {
  test::ScratchDir dir("run-changes");
  std::string log;
  write_inputs(dir.path, {});
  REQUIRE(run(dir.path, &log) <= 1);
  CHECK(test::read_file(dir.path / "out/index.html")
            .find("Ingen tidligere kjøring å sammenligne med.") != std::string::npos);
  CHECK(test::read_file(dir.path / "out/changes.txt").empty());

  Inputs changed;
  changed.hamar_b1 = 5;
  changed.second_bodo_review = true;
  changed.hamar_participants = 11;
  write_inputs(dir.path, changed);
  REQUIRE(run(dir.path, &log) <= 1);
  INFO(log);
  const std::string lines = test::read_file(dir.path / "out/changes.txt");
  CHECK(lines ==
        "Bodø: nye gjennomganger: 1 (2016-12-01)\n"
        "Hamar: færre deltakere: <5; skår rettet i gjennomgangen 2016-10-01, punkt B1: 4 → 5; "
        "2016-H1, deltakere: 12 → 11\n");
  const std::string index = test::read_file(dir.path / "out/index.html");
  CHECK(index.find("Endringer siden forrige kjøring") != std::string::npos);
  CHECK(index.find(
            "færre deltakere: &lt;5; skår rettet i gjennomgangen 2016-10-01, punkt B1: 4 → 5") !=
        std::string::npos);
  const std::string summary = test::read_file(dir.path / "out/run-summary.json");
  CHECK(summary.find("\"changes_since_last_run\": {\"compared\": true, \"sites\": [") !=
        std::string::npos);
  CHECK(
      summary.find(
          "\"site\": \"Hamar\", \"new_site\": false, \"site_gone\": false, \"reviews_added\": 0, "
          "\"reviews_removed\": 0, \"participants_added\": 0, \"participants_removed\": \"<5\"") !=
      std::string::npos);
  CHECK(summary.find("\"scores_corrected\": [{\"date\": \"2016-10-01\", \"item\": \"B1\", "
                     "\"before\": 4, \"now\": 5}]") != std::string::npos);
  // The state kept holds counts, not participants, and no small count.
  const std::string state = test::read_file(dir.path / "out/run-state.toml");
  for (const char* id : {"H10", "H0\n", "B7"}) CHECK(state.find(id) == std::string::npos);
  CHECK(state.find("participants = 11") != std::string::npos);
  CHECK(state.find("participants = 8") != std::string::npos);

  // Run again on the same input (forced): nothing changed.
  int rc = -1;
  test::run_command(test::ipsreport_binary() + " run " + (dir.path / "fidelity.csv").string() +
                        " " + (dir.path / "deltakere.csv").string() +
                        " --formats html --force --out " + (dir.path / "out").string() + " 2>&1",
                    &rc);
  CHECK(test::read_file(dir.path / "out/changes.txt").empty());
  CHECK(test::read_file(dir.path / "out/index.html").find("Ingen endringer i inndataene") !=
        std::string::npos);
}

TEST_CASE(
    "changes between two states: removed reviews, stated totals, earlier half-years, small counts",
    "[run_changes]") {
  RunState before, now;
  before.period = now.period = "2016-H2";
  before.sites["Oslo"] = {4, 40, 10, {{"2016-H1", {30, 9}}}};
  now.sites["Oslo"] = {3, 40, 10, {{"2016-H1", {31, 9}}}};
  before.reviews["Oslo"]["2015-03-01"] = {{{"B1", 3}}, 80};
  before.reviews["Oslo"]["2016-10-01"] = {{{"B1", 3}, {"B2", 4}}, 90};
  now.reviews["Oslo"]["2016-10-01"] = {{{"B1", 3}}, 91};
  before.sites["Tana"] = {1, kSmallCount, 0, {}};
  now.sites["Tana"] = {1, 7, 0, {}};
  const RunChanges c = compare_run_states(before, now);
  REQUIRE(c.sites.size() == 2);
  const SiteChanges& oslo = c.sites[0];
  CHECK(oslo.reviews_removed == std::vector<std::string>{"2015-03-01"});
  REQUIRE(oslo.scores.size() == 1);
  CHECK(oslo.scores[0].item == "B2");
  CHECK(oslo.scores[0].before == 4);
  CHECK_FALSE(oslo.scores[0].now.has_value());
  REQUIRE(oslo.totals.size() == 1);
  CHECK(oslo.totals[0].before == 90);
  CHECK(oslo.totals[0].now == 91);
  REQUIRE(oslo.moved.size() == 1);
  CHECK(oslo.moved[0].period == "2016-H1");
  CHECK(oslo.moved[0].before == 30);
  CHECK(oslo.moved[0].now == 31);
  const SiteChanges& tana = c.sites[1];
  CHECK(tana.participants_delta == 0);  // not exact when one side was small
  REQUIRE(tana.moved.size() == 1);
  CHECK(suppressed_count(tana.moved[0].before, 5) == "<5");
  CHECK(suppressed_count(3, 5) == "<5");
  CHECK(suppressed_count(-3, 5) == "<5");
  CHECK(suppressed_count(5, 5) == "5");
  CHECK(suppressed_count(3, 0) == "3");
  CHECK_FALSE(compare_run_states(std::nullopt, now).compared);
}

TEST_CASE("the cron wrapper mails the change lines once, and nothing on a night without changes",
          "[run_changes]") {
  test::ScratchDir dir("cron-changes");
  write_inputs(dir.path, {});
  std::ofstream(dir.path / "ipsreport.toml")
      << "inputs = [\"fidelity.csv\", \"deltakere.csv\"]\nout = \"rapporter\"\nformats = "
         "[\"html\"]\n";
  const std::string wrapper = "IPSREPORT=" + test::ipsreport_binary() + " CONFIG_DIR='" +
                              dir.path.string() + "' OUT_DIR=rapporter sh " +
                              (test::source_dir() / "examples/cron/ipsreport-cron.sh").string() +
                              " 2>/dev/null";
  int rc = -1;
  CHECK(test::run_command(wrapper, &rc).find("changes since the last run") ==
        std::string::npos);  // first run
  Inputs changed;
  changed.second_bodo_review = true;
  write_inputs(dir.path, changed);
  const std::string mail = test::run_command(wrapper, &rc);
  CHECK(mail.find("changes since the last run:\nBodø: nye gjennomganger: 1 (2016-12-01)\n") !=
        std::string::npos);
  CHECK(test::run_command(wrapper, &rc).find("changes since the last run") ==
        std::string::npos);  // unchanged
}
