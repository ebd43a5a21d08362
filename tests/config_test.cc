#include <catch2/catch.hpp>
#include <fstream>

#include "cli/config.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {
fs::path write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
  return p;
}
}  // namespace

TEST_CASE("the config file sets every option, paths relative to its folder") {
  test::ScratchDir dir("config-ok");
  const auto file = write(dir.path / "conf/ipsreport.toml", R"(
inputs = ["data/*.xlsx", "/abs/extra.csv"]
out = "reports"
period = "2016-H2"
lang = "en"
formats = ["pdf", "xlsx"]
min_cell = 3
author = "Prosjektleder"
)");
  const RunConfig c = load_config_file(file);
  CHECK(c.inputs ==
        std::vector<std::string>{(dir.path / "conf/data/*.xlsx").string(), "/abs/extra.csv"});
  CHECK(c.out == dir.path / "conf/reports");
  CHECK(c.period == "2016-H2");
  CHECK(c.lang == Lang::En);
  CHECK_FALSE(c.formats.html);
  CHECK(c.formats.pdf);
  CHECK(c.min_cell == 3);
  CHECK(c.author == "Prosjektleder");
}

TEST_CASE("a config error names the file, line and key") {
  test::ScratchDir dir("config-bad");
  const auto file = write(dir.path / "ipsreport.toml", "out = \"x\"\nmin_cell = -2\n");
  REQUIRE_THROWS_WITH(load_config_file(file),
                      Catch::Contains("ipsreport.toml:2") && Catch::Contains("min_cell"));
  write(file, "outt = \"x\"\n");
  REQUIRE_THROWS_WITH(load_config_file(file),
                      Catch::Contains("'outt'") && Catch::Contains("not a setting"));
  write(file, "period = \"2016-H3\"\n");
  REQUIRE_THROWS_WITH(load_config_file(file), Catch::Contains("period"));
  write(file, "formats = [\"html\", \"docx\"]\n");
  REQUIRE_THROWS_WITH(load_config_file(file), Catch::Contains("docx"));
  write(file, "out = [unclosed\n");
  REQUIRE_THROWS_AS(load_config_file(file), ConfigError);
}

TEST_CASE("inputs expand globs, sorted and without repeats - a missing file is an error") {
  test::ScratchDir dir("config-glob");
  write(dir.path / "b.xlsx", "");
  write(dir.path / "a.xlsx", "");
  write(dir.path / "c.csv", "");
  const auto files =
      expand_inputs({(dir.path / "*.xlsx").string(), (dir.path / "a.xlsx").string()});
  CHECK(files == std::vector<fs::path>{dir.path / "a.xlsx", dir.path / "b.xlsx"});
  CHECK_THROWS_AS(expand_inputs({(dir.path / "missing.xlsx").string()}), ConfigError);
  CHECK_THROWS_AS(expand_inputs({(dir.path / "*.ods").string()}), ConfigError);
  CHECK_THROWS_AS(expand_inputs({}), ConfigError);
}
