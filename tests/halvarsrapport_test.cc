// The Halvårsrapport's outcome figures beside all sites: what complementary suppression withholds
// there, and that it withholds what the national summary withholds.
#include <catch2/catch.hpp>

#include "report/halvarsrapport.h"
#include "report/report_set.h"
#include "support/test_support.h"

using namespace ips;

namespace {

Participant person(const std::string& id, const std::string& site) {
  Participant p;
  p.id = id;
  p.site = site;
  p.intake = Date::from_ymd(2016, 1, 5);
  p.employed_at_intake = false;
  return p;
}

// Liten: 3 served, 2 in work; Stor: 10 served, 6 in work; all sites 13 / 8 (61,5 %). Beside Stor's
// 10 in the national summary, all sites' 13 would give Liten's <5 away as 3.
struct TwoSites {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Dataset data;
  TwoSites() {
    for (const char* k : {"Liten", "Stor"})
      data.sites.push_back(Site{k, std::string("IPS ") + k, "", "", "", {}, {}});
    for (auto [site, served, worked] : {std::tuple{"Liten", 3, 2}, {"Stor", 10, 6}})
      for (int i = 0; i < served; ++i) {
        const std::string id = std::string(site) + std::to_string(i);
        data.participants.push_back(person(id, site));
        if (i >= worked) continue;
        Job j;
        j.participant = id;
        j.kind = JobKind::Ordinary;
        j.start = Date::from_ymd(2016, 2, 1);
        data.jobs.push_back(j);
      }
  }
};

const doc::Table& table(const doc::Report& r, const std::string& id) {
  for (const auto& s : r.sections)
    for (const auto& b : s.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b); t && t->id == id) return *t;
  FAIL("no table " << id);
  throw;
}

// The cell of the outcomes table's row with the figure's name, in the given column.
const doc::Value& outcome_cell(const doc::Report& r, const Wording& w, FigureId id, size_t column) {
  for (const doc::Row& row : table(r, "outcomes").rows)
    if (row.cells[0].text == w.get(figure(id).label_key)) return row.cells[column];
  FAIL("no row " << figure(id).label_key);
  throw;
}

void check_all_sites_withheld(const doc::Report& r, const Wording& w) {
  // All sites' worked (8) may stay: Stor's 6 of 10 is withheld itself (10 − 6 = 4 is small), so
  // 8 − Stor's count leaves Liten's 2 between 1 and 3.
  for (FigureId id : {FigureId::Served, FigureId::EmploymentRate, FigureId::WorkOrEducationRate}) {
    INFO(figure(id).label_key);
    CHECK(outcome_cell(r, w, id, 2).suppression == doc::Suppression::Withheld);
    CHECK(outcome_cell(r, w, id, 2).number == 0);
  }
  CHECK(table(r, "comparison").rows[1].cells[1].suppression == doc::Suppression::Withheld);
  CHECK(table(r, "trend").rows.back().cells[5].suppression == doc::Suppression::Withheld);
  const auto& notes = table(r, "outcomes").footnotes;
  CHECK(std::find(notes.begin(), notes.end(), w.get("common.complementary_note")) != notes.end());
}

}  // namespace

TEST_CASE(
    "the small site's own report withholds the all-sites figures the national summary withholds") {
  // Beside Liten alone, the other sites together (Stor's 10) are not small: this report on its own
  // would show all sites' 13 and 61,5 %, which the national summary withholds beside Stor's 10.
  TwoSites f;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const ReportContext ctx{f.scales, f.words, "", 5};
  const Period period{2016, 1};
  const doc::Report liten = build_halvarsrapport(0, period, f.data, scores, outcomes, ctx);
  check_all_sites_withheld(liten, f.words);
  // The site's own figures stay as the small-number rule leaves them.
  CHECK(outcome_cell(liten, f.words, FigureId::Served, 1).suppression ==
        doc::Suppression::SmallCount);

  // The same through the report set, where the decision is made once and shared.
  for (const PlannedReport& p : plan_reports(f.data, scores, outcomes, period, ctx)) {
    if (p.kind != "halvarsrapport") continue;
    INFO(p.site);
    check_all_sites_withheld(p.build(), f.words);
  }
}

TEST_CASE("only the all-sites figures that protect a small count are withheld beside the site") {
  // Liten grows to 43 served, still 2 in work, and Stor to 20 (6 in work): served has no small
  // count and is shown (63); worked and the rates built on it are withheld, in both sites' reports.
  TwoSites f;
  for (int i = 0; i < 40; ++i)
    f.data.participants.push_back(person(std::string("x").append(std::to_string(i)), "Liten"));
  for (int i = 0; i < 10; ++i)
    f.data.participants.push_back(person(std::string("y").append(std::to_string(i)), "Stor"));
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const ReportContext ctx{f.scales, f.words, "", 5};
  for (size_t site : {0, 1}) {
    INFO(site);
    const doc::Report r =
        build_halvarsrapport(site, Period{2016, 1}, f.data, scores, outcomes, ctx);
    CHECK(outcome_cell(r, f.words, FigureId::Served, 2).number == 63);
    CHECK(outcome_cell(r, f.words, FigureId::Served, 2).suppression == doc::Suppression::None);
    CHECK(outcome_cell(r, f.words, FigureId::Worked, 2).suppression == doc::Suppression::Withheld);
    CHECK(outcome_cell(r, f.words, FigureId::EmploymentRate, 2).suppression ==
          doc::Suppression::Withheld);
  }
}

TEST_CASE("every figure the Halvårsrapport shows has its name and definition in both languages") {
  // A figure is one catalogue entry plus its wording: a missing key would show as "[key]".
  for (Lang lang : {Lang::Nb, Lang::En}) {
    const Wording w = Wording::load(test::source_dir() / "templates", lang);
    for (FigureId id : halvarsrapport_figures()) {
      INFO(figure(id).label_key);
      CHECK(w.has(figure(id).label_key));
      CHECK(w.has(figure(id).definition_key));
    }
  }
}
