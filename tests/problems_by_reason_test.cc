// Problems with the input as readers meet them (issue 16, item 4): the national summary counts
// cases per reason without quoting one case's values; a stated total that differs from the item
// sum points at its cell and names the review, with one wording in every place it appears; a job
// of an unknown participant names the participant for the operator only.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include "analysis/fidelity.h"
#include "ingest_test_helpers.h"
#include "publish/run_summary.h"
#include "report/data_quality.h"
#include "report/kvalitetsrapport.h"
#include "report/nasjonal_sammenstilling.h"
#include "support/document_lookup.h"
#include "support/test_support.h"

using namespace ips;
using test::find_table;

namespace {

Diagnostic stated_total(const std::string& site, int row, int stated, int sum) {
  Diagnostic d;
  d.severity = Severity::Warning;
  d.file = "gjennomganger.xlsx";
  d.sheet = "Gjennomganger";
  d.row = row;
  d.column = "H";
  d.column_header = "Oppgitt total";
  d.value = std::to_string(stated);
  d.code = "review.stated_total_differs";
  d.args = {std::to_string(stated), std::to_string(sum), site, "01.09.2016"};
  d.site = site;
  return d;
}

}  // namespace

TEST_CASE("problems by reason count the cases without quoting one case's numbers",
          "[problems-by-reason]") {
  const ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  for (Lang lang : {Lang::Nb, Lang::En}) {
    const Wording words = Wording::load(test::source_dir() / "templates", lang);
    Dataset data;
    for (const char* k : {"A", "B", "C"}) data.sites.push_back(Site{k, k, "", "", "", {}, {}});
    // The issue's cases: 99/98, 120/118, 90/88, 91/87.
    data.diagnostics.add(stated_total("A", 2, 99, 98));
    data.diagnostics.add(stated_total("B", 3, 120, 118));
    data.diagnostics.add(stated_total("C", 4, 90, 88));
    data.diagnostics.add(stated_total("C", 5, 91, 87));
    Diagnostic job;
    job.code = "job.unknown_participant";
    job.severity = Severity::Error;
    data.diagnostics.add(job);
    const auto scores = score_reviews(data, scales);
    const OutcomeIndex outcomes(data);
    const ReportContext ctx{scales, words, "", 5};
    const doc::Report r =
        build_nasjonal_sammenstilling(Period{2016, 2}, data, scores, outcomes, ctx);
    const doc::Table* problems = find_table(r, "problems");
    REQUIRE(problems != nullptr);
    REQUIRE(problems->rows.size() == 2);
    bool found = false;
    for (const doc::Row& row : problems->rows) {
      const std::string& reason = row.cells[1].text;
      INFO(reason);
      // No case's numbers in a reason that stands for all of them.
      CHECK_FALSE(std::regex_search(reason, std::regex("[0-9]")));
      CHECK(reason.find('{') == std::string::npos);
      if (reason == words.get("reason.review.stated_total_differs")) {
        found = true;
        CHECK(row.cells[2].number == 4);
        CHECK(row.cells[0].text == words.get("severity.warning"));
      }
    }
    CHECK(found);
  }
}

TEST_CASE("every message with details has a reason text without them, in both languages",
          "[problems-by-reason]") {
  for (const char* lang : {"nb", "en"}) {
    const Wording words = Wording::load(test::source_dir() / "templates",
                                        std::string(lang) == "en" ? Lang::En : Lang::Nb);
    std::ifstream in(test::source_dir() / "templates" /
                     (std::string("messages.") + lang + ".toml"));
    std::string line, section;
    int checked = 0;
    const std::regex header(R"(^\[messages\.([a-z_]+)\]$)"), entry(R"(^([a-z_0-9]+) = "(.*)\"$)");
    while (std::getline(in, line)) {
      std::smatch m;
      if (std::regex_match(line, m, header)) {
        section = m[1];
      } else if (line.rfind("[", 0) == 0) {
        section.clear();
      } else if (!section.empty() && std::regex_match(line, m, entry)) {
        const std::string code = section + "." + m[1].str();
        INFO(lang << " " << code);
        const std::string reason = describe_reason(code, words);
        CHECK(reason != code);
        CHECK(reason.find('{') == std::string::npos);
        ++checked;
      }
    }
    CHECK(checked > 40);
  }
}

TEST_CASE(
    "a stated total that differs points at its cell, names the review, and reads the same "
    "everywhere",
    "[problems-by-reason]") {
  const ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  const Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  const Dataset data = ingest_files(
      {test::ingest_fixture("valid_fidelity.xlsx"), test::ingest_fixture("conflict.csv")}, scales);
  const Diagnostic* d = nullptr;
  for (const Diagnostic& x : data.diagnostics.items)
    if (x.code == "review.stated_total_differs") d = &x;
  REQUIRE(d != nullptr);
  CHECK(d->column == "H");
  CHECK(d->value == "51");
  const std::string message = describe(*d, words);
  CHECK(message.find("Bodø") != std::string::npos);
  CHECK(message.find("03.12.2012") != std::string::npos);
  CHECK(message.find("51") != std::string::npos);
  CHECK(message.find("46") != std::string::npos);

  // The Kvalitetsrapport says it once in the summary and once in Datakvalitet, in the same words.
  const auto scores = score_reviews(data, scales);
  const ReportContext ctx{scales, words, "", 5};
  const ReviewScore* bodo = nullptr;
  for (const ReviewScore& rs : scores)
    if (rs.review->site == "Bodø") bodo = &rs;
  REQUIRE(bodo != nullptr);
  const doc::Report r = build_kvalitetsrapport(*bodo, data, ctx);
  int warnings = 0;
  for (const auto& s : r.sections)
    for (const auto& b : s.blocks)
      if (const auto* p = std::get_if<doc::Paragraph>(&b);
          p && p->style == doc::ParagraphStyle::Warning) {
        ++warnings;
        CHECK(p->text == message);
      }
  CHECK(warnings == 1);
  const doc::Table* quality = nullptr;
  for (const auto& s : r.sections)
    if (s.anchor == "data-quality")
      for (const auto& b : s.blocks)
        if (const auto* t = std::get_if<doc::Table>(&b)) quality = t;
  REQUIRE(quality != nullptr);
  bool row_found = false;
  for (const doc::Row& row : quality->rows)
    if (row.cells[6].text == message) {
      row_found = true;
      CHECK(row.cells[4].text == "H (Oppgitt total)");
      CHECK(row.cells[5].text == "51");
    }
  CHECK(row_found);

  // In English the review's date reads as English dates do, in the report and in the table.
  const Wording en = Wording::load(test::source_dir() / "templates", Lang::En);
  const std::string english = describe(*d, en);
  CHECK(english.find("2012-12-03") != std::string::npos);
  CHECK(english.find("03.12.2012") == std::string::npos);
  const doc::Report english_report = build_kvalitetsrapport(*bodo, data, {scales, en, "", 5});
  int english_warnings = 0;
  for (const auto& s : english_report.sections)
    for (const auto& b : s.blocks)
      if (const auto* p = std::get_if<doc::Paragraph>(&b);
          p && p->style == doc::ParagraphStyle::Warning) {
        ++english_warnings;
        CHECK(p->text == english);
      }
  CHECK(english_warnings == 1);
}

TEST_CASE("a job of an unknown participant names the participant on the terminal only",
          "[problems-by-reason]") {
  const ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  const Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  const Dataset data = ingest_files({test::ingest_fixture("participants_jobs.xlsx")}, scales);
  RunSummary summary;
  summary.diagnostics = &data.diagnostics;
  const std::string terminal = run_summary_text(summary, words);
  CHECK(terminal.find("deltaker-ID P999") != std::string::npos);
  const std::string json = run_summary_json(summary, words);
  CHECK(json.find("P999") == std::string::npos);
  CHECK(json.find("P001") == std::string::npos);
}
