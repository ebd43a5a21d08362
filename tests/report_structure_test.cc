// Report structure files (templates/structure/): the default keeps the national pilot order,
// a file alone moves and removes sections, and a wrong file is refused naming file and line.
#include <catch2/catch.hpp>

#include <fstream>

#include "analysis/fidelity.h"
#include "analysis/outcomes.h"
#include "ingest/ingest.h"
#include "report/report_set.h"
#include "report/report_structure.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

struct Example {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Dataset data = ingest_files({test::source_dir() / "examples/ips-eksempel.xlsx"}, scales);
  std::vector<ReviewScore> scores = score_reviews(data, scales);
  OutcomeIndex outcomes{data};
  Period period = *Period::parse("2016-H2");

  std::vector<doc::Report> build_all(const ReportStructures* structures, const std::string& kind) {
    const ReportContext ctx{scales, words, "", 5, {}, structures};
    std::vector<doc::Report> out;
    for (const PlannedReport& p : plan_reports(data, scores, outcomes, period, ctx))
      if (p.kind == kind) out.push_back(p.build());
    return out;
  }
};

std::vector<std::string> anchors(const doc::Report& r) {
  std::vector<std::string> a;
  for (const doc::Section& s : r.sections) a.push_back(s.anchor);
  return a;
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

const fs::path kBuiltIn = test::source_dir() / "templates/structure";

}  // namespace

TEST_CASE("The default structure files keep every report's built order", "[structure]") {
  // (The byte-identical check against main was made by hand on the example before it gained
  // texts and action plans; here: the same sections in the same order.)
  Example ex;
  const ReportStructures defaults = load_report_structures(kBuiltIn, kBuiltIn);
  for (const std::string& kind : structured_report_kinds()) {
    const std::vector<doc::Report> plain = ex.build_all(nullptr, kind);
    const std::vector<doc::Report> arranged = ex.build_all(&defaults, kind);
    REQUIRE(!plain.empty());
    REQUIRE(plain.size() == arranged.size());
    // The sections only a structure adds (texts, action plans) aside, the order is the builder's.
    for (size_t i = 0; i < plain.size(); ++i) {
      std::vector<std::string> built_by_builder;
      for (const std::string& a : anchors(arranged[i]))
        if (a.rfind("text-", 0) != 0 && a != "action-plan" && a != "follow-up" &&
            a != "action-plans")
          built_by_builder.push_back(a);
      CHECK(anchors(plain[i]) == built_by_builder);
    }
  }
}

TEST_CASE("A structure file alone moves and removes sections", "[structure]") {
  Example ex;
  test::ScratchDir dir("structure-move");
  // Definitions first, trend before outcomes; evidence and agreement left out.
  write(dir.path / "halvarsrapport.toml",
        "sections = [\n  \"definitions\",\n  \"summary\",\n  \"fidelity\",\n  \"trend\",\n"
        "  \"outcomes\",\n  # \"evidence\",\n  \"data-quality\",\n]\n");
  const ReportStructures mine = load_report_structures(dir.path, kBuiltIn);
  const std::vector<doc::Report> reports = ex.build_all(&mine, "halvarsrapport");
  REQUIRE(!reports.empty());
  for (const doc::Report& r : reports)
    CHECK(anchors(r) == std::vector<std::string>{"definitions", "summary", "fidelity", "trend",
                                                 "outcomes", "data-quality"});
  // The kinds without a file in the folder keep the built-in order.
  CHECK(mine.find("kvalitetsrapport")->file == kBuiltIn / "kvalitetsrapport.toml");
}

TEST_CASE("The Kvalitetsrapport's item sections move as one", "[structure]") {
  Example ex;
  test::ScratchDir dir("structure-items");
  write(dir.path / "kvalitetsrapport.toml", "sections = [\"items\", \"about\"]\n");
  const ReportStructures mine = load_report_structures(dir.path, kBuiltIn);
  const std::vector<doc::Report> reports = ex.build_all(&mine, "kvalitetsrapport");
  REQUIRE(!reports.empty());
  CHECK(anchors(reports.front()) ==
        std::vector<std::string>{"section-B", "section-O", "section-T", "about"});
}

TEST_CASE("A wrong structure file is refused naming the file and line", "[structure]") {
  const fs::path file = "mine/halvarsrapport.toml";
  auto message = [&](const std::string& text) {
    try {
      parse_report_structure(text, "halvarsrapport", file);
    } catch (const StructureError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK_THAT(message("sections = [\n  \"summary\",\n  \"sumary\",\n]\n"),
             Catch::StartsWith("mine/halvarsrapport.toml:3: 'sumary' is not a section"));
  CHECK_THAT(message("sections = [\n  \"summary\",\n  \"trend\",\n  \"summary\",\n]\n"),
             Catch::StartsWith("mine/halvarsrapport.toml:4: 'summary' is listed twice"));
  CHECK_THAT(message("sections = [\n  \"summary\"\n  \"trend\"\n]\n"),
             Catch::StartsWith("mine/halvarsrapport.toml:3:"));
  CHECK_THAT(message("sections = [\"text:tull\"]\n"),
             Catch::StartsWith("mine/halvarsrapport.toml:1: 'text:tull' names no text field"));
  CHECK_THAT(message("order = [\"summary\"]\n"),
             Catch::StartsWith("mine/halvarsrapport.toml:1: 'order' is not a setting"));
  CHECK(message("sections = [\"summary\", \"text:vurdering\"]\n") == "accepted");
}

TEST_CASE("A run with a wrong structure file exits 2 and keeps the previous reports",
          "[structure][cli]") {
  test::ScratchDir dir("structure-cli");
  const fs::path out = dir.path / "out";
  fs::create_directories(dir.path / "structure");
  const std::string config = (dir.path / "ipsreport.toml").string();
  write(config, "inputs = [\"" + (test::source_dir() / "examples/ips-eksempel.xlsx").string() +
                    "\"]\nformats = [\"html\"]\nstructure = \"structure\"\nout = \"out\"\n");
  int rc = -1;
  test::run_command(test::ipsreport_binary() + " run --config " + config + " 2>&1", &rc);
  REQUIRE(rc == 1);  // the example has one warning
  const std::string before = test::read_file(out / "index.html");
  const std::string halvar = test::read_file(out / "bodo/halvarsrapport-bodo-2016-H2.html");
  // The pilot order: Sammendrag before the outcomes.
  CHECK(halvar.find("id=\"summary\"") < halvar.find("id=\"outcomes\""));

  write(dir.path / "structure/halvarsrapport.toml",
        "sections = [\n  \"outcomes\",\n  \"summary\",\n  \"outcome\",\n]\n");
  const std::string err = test::run_command(
      test::ipsreport_binary() + " run --force --config " + config + " 2>&1", &rc);
  CHECK(rc == 2);
  CHECK_THAT(err, Catch::Contains("structure/halvarsrapport.toml:4: 'outcome' is not a section"));
  CHECK(test::read_file(out / "index.html") == before);

  // Fixed: outcomes now come first, and the sections not listed are gone.
  write(dir.path / "structure/halvarsrapport.toml", "sections = [\"outcomes\", \"summary\"]\n");
  test::run_command(test::ipsreport_binary() + " run --config " + config + " 2>&1", &rc);
  CHECK(rc == 1);
  const std::string moved = test::read_file(out / "bodo/halvarsrapport-bodo-2016-H2.html");
  CHECK(moved.find("id=\"outcomes\"") < moved.find("id=\"summary\""));
  CHECK(moved.find("id=\"trend\"") == std::string::npos);
}
