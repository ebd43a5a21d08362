#include <catch2/catch.hpp>

#include <fstream>

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
  for (const auto& e : fs::directory_iterator(dir.path))
    entries += e.path().filename().string().find("staging") != std::string::npos;
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

TEST_CASE("only a new, empty or ipsreport-written folder may be replaced", "[output_folder]") {
  test::ScratchDir dir("publish-replaceable");
  CHECK_NOTHROW(check_output_folder_replaceable(dir.path / "new"));
  fs::create_directories(dir.path / "empty");
  CHECK_NOTHROW(check_output_folder_replaceable(dir.path / "empty"));
  std::ofstream(dir.path / "file.txt") << "x";
  CHECK_THROWS_AS(check_output_folder_replaceable(dir.path / "file.txt"), OutputFolderRefused);
  fs::create_directories(dir.path / "docs");
  std::ofstream(dir.path / "docs/letter.odt") << "x";
  CHECK_THROWS_AS(check_output_folder_replaceable(dir.path / "docs"), OutputFolderRefused);
  std::ofstream(dir.path / "docs/run-summary.json")
      << "{\n  \"program\": \"ipsreport\",\n  \"version\": \"0.9.0\"\n}\n";
  CHECK_NOTHROW(check_output_folder_replaceable(dir.path / "docs"));  // an earlier version's set
  {
    StagedOutput staged(dir.path / "ours");
    staged.write_file("index.html", "x");
    staged.commit();
  }
  CHECK(fs::exists(dir.path / "ours" / kOutputMarkerFile));
  CHECK_NOTHROW(check_output_folder_replaceable(dir.path / "ours"));
  CHECK_THROWS_AS(check_output_folder_replaceable("/"), OutputFolderRefused);
}

TEST_CASE("the output folder is resolved through symlinks once, trailing separators ignored",
          "[output_folder]") {
  test::ScratchDir dir("publish-resolve");
  fs::create_directories(dir.path / "real");
  fs::create_symlink(dir.path / "real", dir.path / "link");
  const fs::path real = fs::canonical(dir.path / "real");
  CHECK(resolve_output_folder(dir.path / "link") == real);
  CHECK(resolve_output_folder(dir.path / "link/") == real);
  CHECK(resolve_output_folder(dir.path / "link/.") == real);
  CHECK(resolve_output_folder(dir.path / "link/new") == real / "new");
  fs::create_symlink(dir.path / "nowhere", dir.path / "dangling");
  CHECK_THROWS_AS(resolve_output_folder(dir.path / "dangling"), OutputFolderRefused);
}
