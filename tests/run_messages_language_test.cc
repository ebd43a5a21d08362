// A run's own failure messages (output folder, writing, publishing) are said in the run's
// language, the system's reason too: a Norwegian run said "...kunne ikke skrives: ...: cannot
// write the PDF" (issue 15).
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "cli/failure_text.h"
#include "publish/output_folder.h"
#include "render/renderer.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

Wording words(Lang lang) {
  return Wording::load(test::source_dir() / "templates", lang);
}

const char* kItems[] = {"B1", "B2", "B3",  "O1",  "O2",  "O3",  "O4", "O5", "O6",
                        "O7", "O8", "T1",  "T2",  "T3",  "T4",  "T5", "T6", "T7",
                        "T8", "T9", "T10", "T11", "T12", "T13", "T14"};

/// One review for Hamar and one for Tromsø; Tromsø's long comments make its PDF the largest file.
void write_reviews(const fs::path& file) {
  std::ofstream f(file, std::ios::binary);
  f << "Enhet;Dato;Punkt;Konsensus;Kommentar\n";
  for (const std::string site : {"Hamar", "Tromsø"})
    for (int i = 0; i < 25; ++i) {
      std::string comment;
      if (site == "Tromsø")
        for (int r = 0; r < 60; ++r) comment += "Lang kommentar om punktet. ";
      f << site << ";01.10.2016;" << kItems[i] << ";" << 1 + i % 5 << ";" << comment << "\n";
    }
}

/// Runs ipsreport with no file larger than `max_file_bytes` (0: no limit); writes past it fail
/// with EFBIG.
std::string run_limited(const std::string& args, long max_file_bytes, int* rc) {
  const std::string limit =
      max_file_bytes > 0
          ? "trap '' XFSZ; exec prlimit --fsize=" + std::to_string(max_file_bytes) + " "
          : "exec ";
  return test::run_command("bash -c \"" + limit + test::ipsreport_binary() + " " + args + "\" 2>&1",
                           rc);
}

/// Words English messages use that Norwegian ones never do.
void check_no_english(const std::string& log) {
  for (const char* english : {"cannot", "could not", "write", "previous reports", "File too large",
                              "No such file", "folder", "try again"})
    CHECK(log.find(english) == std::string::npos);
}

}  // namespace

TEST_CASE("Every run failure message and system reason exists in both languages",
          "[run_messages]") {
  const Wording nb = words(Lang::Nb), en = words(Lang::En);
  for (const char* key : {"run.locked",
                          "run.out_of_memory_reading",
                          "run.out_of_memory_writing",
                          "run.no_report_written",
                          "run.report_not_written",
                          "run.not_published",
                          "run.not_written",
                          "run.out_dangling_link",
                          "run.out_is_file",
                          "run.out_is_root",
                          "run.out_not_ours",
                          "run.file_not_written",
                          "run.pdf_not_made",
                          "run.internal_error",
                          "run.publish.cannot_create",
                          "run.publish.cannot_create_the_lock_file",
                          "run.publish.cannot_list",
                          "run.publish.cannot_lock",
                          "run.publish.cannot_open",
                          "run.publish.cannot_publish",
                          "run.publish.cannot_sync",
                          "run.publish.outside_folder"}) {
    INFO(key);
    CHECK(nb.get(key) != "[" + std::string(key) + "]");
    CHECK(en.get(key) != "[" + std::string(key) + "]");
    CHECK(nb.get(key) != en.get(key));
  }
  CHECK(system_reason(nb, ENOSPC) == "disken er full");
  CHECK(system_reason(nb, EFBIG) == "filen ble større enn systemet tillater");
  CHECK(system_reason(en, EACCES) == "no access");
  // A rare errno is said as the C library says it: still the exact reason.
  CHECK(system_reason(nb, EXDEV) == std::strerror(EXDEV));
}

TEST_CASE("A failure is said from its key, its paths and the system reason, in the run's language",
          "[run_messages]") {
  const FailureMessage m{"run.file_not_written", {"/r/hamar.pdf"}, ENOSPC};
  CHECK(failure_text(words(Lang::Nb), m, "english") ==
        "filen /r/hamar.pdf kunne ikke skrives (disken er full)");
  CHECK(failure_text(words(Lang::En), m, "english") ==
        "the file /r/hamar.pdf could not be written (no space left on the disk)");
  // Without a key (or with one the templates lack) only the English text exists.
  CHECK(failure_text(words(Lang::Nb), {}, "english") == "english");
  CHECK(failure_text(words(Lang::Nb), {"run.no_such_key", {}, 0}, "english") == "english");
  // What each kind of error carries.
  CHECK(failure_message_of(render::RenderError("x", m)).key == "run.file_not_written");
  CHECK(failure_message_of(PublishError("x", {"run.publish.cannot_sync", {"/r"}, EIO})).key ==
        "run.publish.cannot_sync");
  const FailureMessage fs_failure = failure_message_of(
      fs::filesystem_error("create", "/r/a", std::make_error_code(std::errc::no_space_on_device)));
  CHECK(fs_failure.key == "run.file_not_written");
  CHECK(fs_failure.args == std::vector<std::string>{"/r/a"});
  CHECK(fs_failure.system_error == ENOSPC);
  CHECK(failure_message_of(std::runtime_error("x")).key.empty());
}

TEST_CASE("A PDF that cannot be written is named in Norwegian with the system's reason",
          "[run_messages][cli]") {
  test::ScratchDir dir("pdf-skriving");
  const fs::path input = dir.path / "reviews.csv";
  write_reviews(input);
  const fs::path out = dir.path / "out";
  const std::string args = "run " + input.string() + " --formats pdf --out " + out.string();
  int rc = -1;
  run_limited(args, 0, &rc);
  REQUIRE(rc == 0);
  const long largest =
      static_cast<long>(fs::file_size(out / "tromso" / "kvalitetsrapport-tromso-2016-10-01.pdf"));
  const long others =
      static_cast<long>(fs::file_size(out / "hamar" / "kvalitetsrapport-hamar-2016-10-01.pdf"));
  REQUIRE(largest > others + 4000);
  const std::string log = run_limited(args + " --force", (largest + others) / 2, &rc);
  INFO(log);
  CHECK(rc == 1);
  CHECK(log.find("Kvalitetsrapport Tromsø 01.10.2016 kunne ikke skrives: filen " + out.string() +
                 "/tromso/kvalitetsrapport-tromso-2016-10-01.pdf kunne ikke skrives (filen ble "
                 "større enn systemet tillater)") != std::string::npos);
  check_no_english(log);
  // In English the same, in English.
  const std::string en = run_limited(args + " --force --lang en", (largest + others) / 2, &rc);
  INFO(en);
  CHECK(en.find("could not be written (the file grew larger than the system allows)") !=
        std::string::npos);
}

TEST_CASE("Output folder refusals, a held lock and a failed publish are said in Norwegian",
          "[run_messages][cli]") {
  test::ScratchDir dir("run-message-language");
  const fs::path input = dir.path / "reviews.csv";
  write_reviews(input);
  int rc = -1;
  // An --out that is a file.
  std::ofstream(dir.path / "notes.txt") << "mine";
  std::string log =
      run_limited("run " + input.string() + " --out " + (dir.path / "notes.txt").string(), 0, &rc);
  INFO(log);
  CHECK(rc == 2);
  CHECK(log.find("er en fil, ikke en mappe") != std::string::npos);
  check_no_english(log);
  // A folder of the user's own documents.
  fs::create_directories(dir.path / "docs");
  std::ofstream(dir.path / "docs" / "brev.odt") << "mine";
  log = run_limited("run " + input.string() + " --out " + (dir.path / "docs").string(), 0, &rc);
  INFO(log);
  CHECK(rc == 2);
  CHECK(log.find("inneholder filer som ipsreport ikke har skrevet") != std::string::npos);
  check_no_english(log);
  // Another run holds the lock.
  const fs::path out = dir.path / "out";
  {
    auto lock = OutputLock::try_acquire(out);
    REQUIRE(lock.has_value());
    log = run_limited("run " + input.string() + " --out " + out.string(), 0, &rc);
    INFO(log);
    CHECK(rc == 5);
    CHECK(log.find("en annen kjøring skriver til") != std::string::npos);
    check_no_english(log);
  }
  // The output folder's parent is a file: nothing can be created there.
  log = run_limited("run " + input.string() + " --out " + (dir.path / "notes.txt" / "out").string(),
                    0, &rc);
  INFO(log);
  CHECK(rc == 4);
  CHECK(log.find("de forrige rapportene er beholdt") != std::string::npos);
  CHECK(log.find("en del av stien er en fil, ikke en mappe") != std::string::npos);
  check_no_english(log);
}
