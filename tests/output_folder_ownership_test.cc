// The output folder is ipsreport's own (issue 15): the program refuses an --out that is a file or
// a folder holding someone's documents, accepts what it (or an earlier version) published, and
// publishes through a symlink into the folder it points at. Runs the real binary on real files.
#include <catch2/catch.hpp>

#include <fstream>

#include "publish/output_folder.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

const std::string kBinary = test::ipsreport_binary();
const std::string kValid = test::fixture("ingest/valid_fidelity.xlsx").string();

/// Runs ipsreport in `cwd` with `args`; returns the exit code, stdout+stderr in `output`.
int run_in(const fs::path& cwd, const std::string& args, std::string* output = nullptr) {
  int rc = -1;
  const std::string out =
      test::run_command("cd '" + cwd.string() + "' && " + kBinary + " " + args + " 2>&1", &rc);
  if (output) *output = out;
  return rc;
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

/// Every entry directly in `dir`, sorted, as "name" or "name/" for folders.
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    names.push_back(e.path().filename().string() +
                    (e.is_directory() && !e.is_symlink() ? "/" : ""));
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("an --out . in a folder of the user's documents is refused and nothing is touched",
          "[output_folder]") {
  test::ScratchDir dir("out-dot-docs");
  const fs::path docs = dir.path / "dokumenter";
  write(docs / "budsjett.xlsx", "budsjett");
  write(docs / "notater/møte.txt", "møtenotat");
  std::string msg;
  CHECK(run_in(docs, kValid + " --out . --lang en", &msg) == 2);
  CHECK(msg.find("holds files ipsreport did not write") != std::string::npos);
  CHECK(msg.find("dokumenter") != std::string::npos);
  CHECK(listing(docs) == std::vector<std::string>{"budsjett.xlsx", "notater/"});
  CHECK(test::read_file(docs / "budsjett.xlsx") == "budsjett");
  CHECK(test::read_file(docs / "notater/møte.txt") == "møtenotat");
  CHECK(listing(dir.path) ==
        std::vector<std::string>{"dokumenter/"});  // no lock, no staging folder
  // Forced, in English, a second time: still refused.
  CHECK(run_in(docs, kValid + " --out . --force --lang en") == 2);
  CHECK(listing(docs) == std::vector<std::string>{"budsjett.xlsx", "notater/"});
}

TEST_CASE("an --out naming an existing file is refused and the file is kept", "[output_folder]") {
  test::ScratchDir dir("out-file");
  write(dir.path / "notes.txt", "my notes");
  std::string msg;
  CHECK(run_in(dir.path, kValid + " --out notes.txt --lang en", &msg) == 2);
  CHECK(msg.find("is a file, not a folder") != std::string::npos);
  CHECK(msg.find("notes.txt") != std::string::npos);
  CHECK(test::read_file(dir.path / "notes.txt") == "my notes");
  CHECK(listing(dir.path) == std::vector<std::string>{"notes.txt"});
  // A symlink to a file is a file too.
  fs::create_symlink("notes.txt", dir.path / "link");
  CHECK(run_in(dir.path, kValid + " --out link") == 2);
  CHECK(test::read_file(dir.path / "notes.txt") == "my notes");
}

TEST_CASE(
    "a folder holding other files is refused, even with a run-summary.json not written by "
    "ipsreport",
    "[output_folder]") {
  test::ScratchDir dir("out-foreign");
  write(dir.path / "rapporter/run-summary.json", "{\"program\": \"something else\"}");
  std::string msg;
  CHECK(run_in(dir.path, kValid + " --out rapporter --lang en", &msg) == 2);
  CHECK(msg.find("nothing was changed") != std::string::npos);
  CHECK(listing(dir.path / "rapporter") == std::vector<std::string>{"run-summary.json"});
}

TEST_CASE("an --out . in an empty folder publishes there and later runs replace it",
          "[output_folder]") {
  test::ScratchDir dir("out-dot-empty");
  const fs::path out = dir.path / "rapporter";
  fs::create_directories(out);
  CHECK(run_in(out, kValid + " --out .") == 0);
  CHECK(fs::exists(out / "index.html"));
  CHECK(fs::exists(out / kOutputMarkerFile));
  CHECK_FALSE(fs::exists(out / "previous"));  // the empty folder that stood there is not kept
  CHECK(run_in(out, kValid + " --out . --force --lang en") == 0);
  CHECK(fs::exists(out / "previous/index.html"));
  CHECK(test::read_file(out / "run-summary.json").find("\"lang\": \"en\"") != std::string::npos);
}

TEST_CASE(
    "a folder published by the previous program version, with run-summary.json and no marker, is "
    "accepted",
    "[output_folder]") {
  test::ScratchDir dir("out-previous-version");
  const fs::path out = dir.path / "rapporter";
  REQUIRE(run_in(dir.path, kValid + " --out rapporter") == 0);
  // What the previous version left: the same set without the marker file.
  REQUIRE(fs::remove(out / kOutputMarkerFile));
  const std::string old_summary = test::read_file(out / "run-summary.json");
  CHECK(run_in(dir.path, kValid + " --out rapporter --force") == 0);
  CHECK(fs::exists(out / kOutputMarkerFile));
  CHECK(test::read_file(out / "previous/run-summary.json") == old_summary);
}

TEST_CASE(
    "an --out symlink stays a link, the folder it points at is replaced, and both names share a "
    "lock",
    "[output_folder]") {
  test::ScratchDir dir("out-symlink");
  const fs::path real = dir.path / "data/rapporter";
  REQUIRE(run_in(dir.path, kValid + " --out data/rapporter") == 0);
  fs::create_symlink("data/rapporter", dir.path / "siste");
  CHECK(run_in(dir.path, kValid + " --out siste --force --lang en") == 0);
  CHECK(fs::is_symlink(dir.path / "siste"));
  CHECK(fs::read_symlink(dir.path / "siste") == "data/rapporter");
  CHECK(test::read_file(real / "run-summary.json").find("\"lang\": \"en\"") != std::string::npos);
  CHECK(test::read_file(real / "previous/run-summary.json").find("\"lang\": \"nb\"") !=
        std::string::npos);
  CHECK(listing(dir.path) ==
        std::vector<std::string>{"data/", "siste"});  // no lock beside the link
  CHECK(OutputLock::lock_path(dir.path / "siste") == OutputLock::lock_path(real));
  {
    auto held = OutputLock::try_acquire(real);
    REQUIRE(held.has_value());
    CHECK(run_in(dir.path, kValid + " --out siste --force") == 5);
  }
  {
    auto held = OutputLock::try_acquire(dir.path / "siste/");
    REQUIRE(held.has_value());
    CHECK(run_in(dir.path, kValid + " --out data/rapporter --force") == 5);
  }
  // A link that points nowhere is refused rather than replaced by a folder.
  fs::create_symlink("data/borte", dir.path / "brutt");
  std::string msg;
  CHECK(run_in(dir.path, kValid + " --out brutt --lang en", &msg) == 2);
  CHECK(msg.find("does not exist") != std::string::npos);
  CHECK(fs::is_symlink(dir.path / "brutt"));
}
