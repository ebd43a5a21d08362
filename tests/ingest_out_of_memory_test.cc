// Memory that runs out while a large CSV is read: the run says so and publishes nothing, at
// whatever point of the reading it happens. Before, running out inside the CSV parser
// was reported as a quoting error and the rows before it were used (issue 15).
#include <catch2/catch.hpp>

#include <fstream>

#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

TEST_CASE("Out of memory while a CSV is read is said as such and publishes nothing",
          "[ingest][limits][cli]") {
  test::ScratchDir dir("out-of-memory");
  const fs::path csv = dir.path / "kvalitetsmalinger.csv";
  {
    // 300 000 item rows (about 22 MB): the parsed cells take several times the file.
    std::ofstream out(csv, std::ios::binary);
    out << "Enhet;Dato;Punkt;Konsensus;Kommentar\n";
    const char* items[] = {"B1", "B2", "B3", "O1", "O2", "O3", "O4", "O5", "O6", "O7"};
    for (int review = 0; review < 30000; ++review) {
      const int k = review / 40;  // the site's k-th review, each on a day of its own
      for (int i = 0; i < 10; ++i)
        out << "Enhet " << review % 40 << ";" << 1 + k % 28 << "." << 1 + k / 28 % 12 << "."
            << 2000 + k / 336 << ";" << items[i] << ";" << 1 + (review + i) % 5
            << ";Kommentar til punktet i gjennomgangen\n";
    }
  }
  // The address space `check` may take, raised step by step until the file is read. Below
  // that memory runs out somewhere: in the parser, while rows become records, or in the model.
  const auto limited = [&](const std::string& command, long mib, int* rc) {
    return test::run_command("prlimit --as=" + std::to_string(mib << 20) + " " +
                                 test::ipsreport_binary() + " " + command + " 2>&1",
                             rc);
  };
  long highest_failing = 0;
  bool read = false;
  const fs::path tiny = dir.path / "liten.csv";
  std::ofstream(tiny) << "Enhet;Dato;Punkt;Konsensus\nBodø;01.10.2016;B1;4\n";
  for (long mib = 64; mib <= 4096 && !read; mib += 24) {
    int rc = -1;
    limited("check '" + tiny.string() + "'", mib, &rc);
    if (rc != 0) continue;  // too little for the program to start at all: not this test's case
    const std::string log = limited("check '" + csv.string() + "'", mib, &rc);
    INFO(mib << " MiB, exit " << rc << "\n" << log.substr(0, 2000));
    // Never the parser's quoting message (the file's quoting is right), never part of the rows.
    CHECK(log.find("anførselstegn") == std::string::npos);
    if (rc == 0 || rc == 1) {
      read = true;
      CHECK(log.find("300000 rader lest, 300000 brukt") != std::string::npos);
    } else {
      CHECK(rc == 3);
      CHECK((log.find("minnet tok slutt") != std::string::npos ||
             log.find("tar mer plass enn programmet tillater") != std::string::npos));
      CHECK(log.find("rader lest") == std::string::npos);
      highest_failing = mib;
    }
  }
  REQUIRE(read);
  REQUIRE(highest_failing >= 120);
  // `run` where the reading runs out of memory publishes nothing.
  int rc = -1;
  const fs::path out = dir.path / "out";
  const std::string log =
      limited("run '" + csv.string() + "' --formats html --out '" + out.string() + "'",
              highest_failing, &rc);
  INFO(log.substr(0, 2000));
  CHECK(rc == 3);
  CHECK_FALSE(fs::exists(out));
}
