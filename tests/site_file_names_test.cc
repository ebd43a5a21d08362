// Site keys that clash as file names get distinct, stable names (issue 15, item 3); a site key
// longer than a file name allows still gets its reports.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "report/site_file_names.h"
#include "support/test_support.h"

using namespace ips;
namespace fs = std::filesystem;

namespace {

const std::string kLongKey = "Enhet " + std::string(290, 'x');

/// A fidelity CSV with one complete IPS-25 review dated 01.10.2016 for each site, in this order.
void write_reviews(const fs::path& file, const std::vector<std::string>& sites) {
  std::ofstream f(file, std::ios::binary);
  f << "Enhet;Dato;Punkt;Konsensus\n";
  const char* items[] = {"B1", "B2", "B3",  "O1",  "O2",  "O3",  "O4", "O5", "O6",
                         "O7", "O8", "T1",  "T2",  "T3",  "T4",  "T5", "T6", "T7",
                         "T8", "T9", "T10", "T11", "T12", "T13", "T14"};
  for (size_t s = 0; s < sites.size(); ++s)
    for (size_t i = 0; i < 25; ++i)
      f << sites[s] << ";01.10.2016;" << items[i] << ";" << 1 + (s + i) % 5 << "\n";
}

std::vector<std::string> files_below(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files.push_back(e.path().lexically_relative(root).string());
  std::sort(files.begin(), files.end());
  return files;
}

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("site keys that clash as file names get distinct names that do not depend on order",
          "[site_file_names]") {
  const std::vector<std::string> keys = {"Bodø",     "Bodo",  "BODO",    "Oslo Øst",
                                         "Oslo-Øst", "Hamar", "previous"};
  const auto names = site_file_names(keys);
  REQUIRE(names.size() == keys.size());
  std::set<std::string> distinct;
  for (const auto& [key, name] : names) distinct.insert(name);
  CHECK(distinct.size() == keys.size());
  CHECK(names.at("Hamar") == "hamar");  // a name that clashes with nothing is left alone
  CHECK(names.at("Bodø") == "bodo-" + site_key_suffix("Bodø"));
  CHECK(names.at("BODO") == "bodo-" + site_key_suffix("BODO"));
  CHECK(names.at("Oslo-Øst") == "oslo-ost-" + site_key_suffix("Oslo-Øst"));
  CHECK(names.at("previous") ==
        "previous-" + site_key_suffix("previous"));  // the folder's own name
  // The suffix is a function of the key alone: FNV-1a 64 of "Bodo" is 0x...; worked out here so
  // that a change of hash (which would rename published files) fails the test.
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : std::string("Bodo")) h = (h ^ c) * 1099511628211ULL;
  char expected[9];
  std::snprintf(expected, sizeof expected, "%08llx",
                static_cast<unsigned long long>(h & 0xffffffffULL));
  CHECK(site_key_suffix("Bodo") == expected);
  std::vector<std::string> reversed(keys.rbegin(), keys.rend());
  CHECK(site_file_names(reversed) == names);
}

TEST_CASE("a site key longer than a file name allows is cut and given its suffix",
          "[site_file_names]") {
  const auto names = site_file_names({kLongKey, kLongKey + "y", "Hamar"});
  const std::string a = names.at(kLongKey), b = names.at(kLongKey + "y");
  CHECK(a.size() == kMaxSiteFileNameLength);
  CHECK(b.size() == kMaxSiteFileNameLength);
  CHECK(a != b);
  CHECK(a.rfind("enhet-xxx", 0) == 0);
  CHECK(a.substr(a.size() - 8) == site_key_suffix(kLongKey));
}

TEST_CASE(
    "a run with clashing and overlong site keys writes every site's reports once, with --jobs",
    "[site_file_names]") {
  test::ScratchDir dir("site-file-names");
  const std::vector<std::string> sites = {"Bodø", "Bodo", "BODO", "Oslo Øst", "Oslo-Øst", kLongKey};
  write_reviews(dir.path / "a.csv", sites);
  write_reviews(dir.path / "b.csv", std::vector<std::string>(sites.rbegin(), sites.rend()));
  int rc = -1;
  const std::string log =
      test::run_command(test::ipsreport_binary() + " run " + (dir.path / "a.csv").string() +
                            " --jobs 4 --out " + (dir.path / "a").string() + " 2>&1",
                        &rc);
  INFO(log);
  REQUIRE((rc == 0 || rc == 1));
  const auto files = files_below(dir.path / "a");
  // index, summary, marker, state, changes, national ×3, 6 sites × 2 reports × 3
  CHECK(files.size() == 5 + 3 + 6 * 2 * 3);
  const std::string index = test::read_file(dir.path / "a/index.html");
  const auto names = site_file_names(sites);
  for (const std::string& site : sites) {
    INFO(site);
    const std::string name = names.at(site);
    for (const std::string ext : {".html", ".pdf", ".xlsx"}) {
      const std::string stem = name + "/kvalitetsrapport-" + name + "-2016-10-01";
      CHECK(fs::exists(dir.path / "a" / (stem + ext)));
      CHECK(occurrences(index, "href=\"" + stem + ext + "\"") == 1);
      CHECK(occurrences(index, "href=\"" + name + "/halvarsrapport-" + name + "-2016-H2" + ext +
                                   "\"") == 1);
    }
    // The HTML and the PDF on one stem are the same site's: its key is in both.
    const std::string stem =
        (dir.path / "a" / name / ("kvalitetsrapport-" + name + "-2016-10-01")).string();
    const std::string html = test::read_file(stem + ".html");
    const std::string pdf_subject =
        test::run_command("pdfinfo '" + stem + ".pdf' | grep '^Subject:'");
    CHECK(html.find("<title>") != std::string::npos);
    const std::string title =
        html.substr(html.find("<title>"), html.find("</title>") - html.find("<title>"));
    if (site != kLongKey) {
      CHECK(title.find(site) != std::string::npos);
      CHECK(pdf_subject.find(site) != std::string::npos);
    }
  }
  // The input in the opposite order gives the same file names.
  REQUIRE((test::run_command(test::ipsreport_binary() + " run " + (dir.path / "b.csv").string() +
                                 " --jobs 4 --out " + (dir.path / "b").string() + " 2>&1",
                             &rc),
           rc == 0 || rc == 1));
  CHECK(files_below(dir.path / "b") == files);
}
