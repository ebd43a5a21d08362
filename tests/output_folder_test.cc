#include <catch2/catch.hpp>

#include "publish/output_folder.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

TEST_CASE("a committed report set replaces the old one, which is kept as previous") {
  test::ScratchDir dir("publish-swap");
  const fs::path out = dir.path / "out";
  {
    StagedOutput first(out);
    first.write_file("index.html", "first");
    first.commit();
  }
  CHECK(test::read_file(out / "index.html") == "first");
  {
    StagedOutput second(out);
    second.write_file("index.html", "second");
    second.write_file("oslo/report.pdf", "pdf");
    second.commit();
  }
  CHECK(test::read_file(out / "index.html") == "second");
  CHECK(test::read_file(out / "oslo/report.pdf") == "pdf");
  CHECK(test::read_file(out / "previous/index.html") == "first");
  {
    StagedOutput third(out);
    third.write_file("index.html", "third");
    third.commit();
  }
  CHECK(test::read_file(out / "previous/index.html") == "second");
  CHECK_FALSE(fs::exists(out / "previous/previous"));  // history does not nest
}

TEST_CASE("an abandoned run leaves the previous report set untouched and no staging folder") {
  test::ScratchDir dir("publish-abandon");
  const fs::path out = dir.path / "out";
  {
    StagedOutput first(out);
    first.write_file("index.html", "good");
    first.commit();
  }
  {
    StagedOutput failed(out);
    failed.write_file("index.html", "half-written");
    // destroyed without commit, as when a renderer throws
  }
  CHECK(test::read_file(out / "index.html") == "good");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) entries += e.path().filename().string().find("staging") != std::string::npos;
  CHECK(entries == 0);
}

TEST_CASE("a report path cannot leave the output folder") {
  test::ScratchDir dir("publish-escape");
  StagedOutput staged(dir.path / "out");
  CHECK_THROWS_AS(staged.path_for("../../etc/passwd"), PublishError);
  CHECK_THROWS_AS(staged.path_for("a/../../b"), PublishError);
  CHECK_NOTHROW(staged.path_for("oslo/report.pdf"));
}

TEST_CASE("only one run at a time holds the output folder's lock") {
  test::ScratchDir dir("publish-lock");
  auto first = OutputLock::try_acquire(dir.path / "out");
  REQUIRE(first.has_value());
  // flock locks belong to open file descriptions, so a second open in this process conflicts too.
  CHECK_FALSE(OutputLock::try_acquire(dir.path / "out").has_value());
  first.reset();
  CHECK(OutputLock::try_acquire(dir.path / "out").has_value());
}
