// Running from cron: exit codes, the lock, idempotence, and the guarantee that a failed or
// killed run leaves the previous report set intact. Runs the real binary on real files.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include "publish/output_folder.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

const std::string kBinary = test::ipsreport_binary();
const std::string kExample = (test::source_dir() / "examples/ips-eksempel.xlsx").string();
const std::string kValid = test::fixture("ingest/valid_fidelity.xlsx").string();

int run(const std::string& args, std::string* output = nullptr) {
  int rc = -1;
  const std::string out = test::run_command(kBinary + " " + args + " 2>&1", &rc);
  if (output) *output = out;
  return rc;
}

/// Every file the published run summary lists exists and is not empty.
bool complete_set(const fs::path& out) {
  const std::string summary = test::read_file(out / "run-summary.json");
  if (summary.empty() || !fs::exists(out / "index.html")) return false;
  size_t pos = summary.find("\"reports\": [");
  if (pos == std::string::npos) return false;
  int listed = 0;
  for (size_t q = summary.find('"', summary.find('[', pos) + 1);
       q != std::string::npos && q < summary.find(']', pos); q = summary.find('"', q + 1)) {
    const size_t end = summary.find('"', q + 1);
    const fs::path file = out / summary.substr(q + 1, end - q - 1);
    if (!fs::exists(file) || fs::file_size(file) == 0) return false;
    ++listed;
    q = end;
  }
  return listed > 0;
}

std::string summary_lang(const fs::path& out) {
  const std::string s = test::read_file(out / "run-summary.json");
  if (s.find("\"lang\": \"en\"") != std::string::npos) return "en";
  if (s.find("\"lang\": \"nb\"") != std::string::npos) return "nb";
  return "";
}

}  // namespace

TEST_CASE("exit code 0 when all input is used, 1 when the input has problems") {
  test::ScratchDir dir("exit-0-1");
  CHECK(run(kValid + " --out " + (dir.path / "a").string()) == 0);
  std::string out;
  CHECK(run(kExample + " --out " + (dir.path / "b").string(), &out) == 1);
  CHECK(out.find("Gjennomganger]:14") != std::string::npos);  // the problem is named on stderr
  CHECK(complete_set(dir.path / "b"));
}

TEST_CASE("exit code 3 for an unreadable input, and nothing is published") {
  test::ScratchDir dir("exit-3");
  const fs::path out = dir.path / "out";
  REQUIRE(run(kValid + " --out " + out.string()) == 0);
  const std::string before = test::read_file(out / "run-summary.json");
  const fs::path broken = dir.path / "broken.xlsx";
  std::ofstream(broken) << "this is not a workbook";
  std::string msg;
  CHECK(run(kValid + " " + broken.string() + " --out " + out.string() + " --force", &msg) == 3);
  CHECK(msg.find("broken.xlsx") != std::string::npos);
  CHECK(test::read_file(out / "run-summary.json") == before);
}

TEST_CASE("exit code 4 when the output cannot be written, and the message says why") {
  test::ScratchDir dir("exit-4");
  const fs::path blocker = dir.path / "a-file";
  std::ofstream(blocker) << "x";
  std::string msg;
  CHECK(run(kValid + " --out " + (blocker / "out").string() + " --lang en", &msg) == 4);
  CHECK(msg.find("previous reports are kept") != std::string::npos);
}

TEST_CASE("exit code 5 while another run holds the output folder") {
  test::ScratchDir dir("exit-5");
  const fs::path out = dir.path / "out";
  auto lock = OutputLock::try_acquire(out);
  REQUIRE(lock.has_value());
  std::string msg;
  CHECK(run(kValid + " --out " + out.string() + " --lang en", &msg) == 5);
  CHECK(msg.find("another run is writing") != std::string::npos);
  lock.reset();
  CHECK(run(kValid + " --out " + out.string()) == 0);
}

TEST_CASE("an unchanged run does nothing unless forced - a changed setting renders again") {
  test::ScratchDir dir("idempotent");
  const fs::path out = dir.path / "out";
  REQUIRE(run(kValid + " --out " + out.string()) == 0);
  const auto stamp = fs::last_write_time(out / "run-summary.json");
  std::string msg;
  CHECK(run(kValid + " --out " + out.string() + " --verbose", &msg) == 0);
  CHECK(msg.find("uendret") != std::string::npos);
  CHECK(fs::last_write_time(out / "run-summary.json") == stamp);
  CHECK_FALSE(fs::exists(out / "previous"));  // nothing was swapped
  CHECK(run(kValid + " --out " + out.string() + " --lang en") == 0);
  CHECK(summary_lang(out) == "en");
  CHECK(summary_lang(out / "previous") == "nb");
  CHECK(run(kValid + " --out " + out.string() + " --lang en --force") == 0);
  CHECK(summary_lang(out / "previous") == "en");
}

TEST_CASE("a run killed at any moment leaves a complete report set, old or new") {
  test::ScratchDir dir("sigkill");
  const fs::path out = dir.path / "out";
  REQUIRE(run(kExample + " --out " + out.string()) == 1);
  REQUIRE(summary_lang(out) == "nb");
  // Kill the next run (English) after 0 to ~1.5 s: before reading, while rendering, while
  // publishing, or after it finished.
  for (int delay_ms : {0, 20, 60, 120, 250, 400, 600, 900, 1500}) {
    INFO("killed after " << delay_ms << " ms");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::execl(kBinary.c_str(), kBinary.c_str(), "run", kExample.c_str(), "--out", out.c_str(),
              "--lang", delay_ms % 2 ? "nb" : "en", "--force", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(complete_set(out));
    CHECK_FALSE(summary_lang(out).empty());
  }
  // The next run cleans up whatever a killed run left beside the folder.
  REQUIRE(run(kExample + " --out " + out.string() + " --force") == 1);
  int stale = 0;
  for (const auto& e : fs::directory_iterator(dir.path))
    stale += e.path().filename().string().find("staging") != std::string::npos;
  CHECK(stale == 0);
  CHECK(complete_set(out));
}
