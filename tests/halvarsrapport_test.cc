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
const doc::Value& outcome_cell(const doc::Report& r, const Wording& w, const OutcomeRow& figure,
                               size_t column) {
  for (const doc::Row& row : table(r, "outcomes").rows)
    if (row.cells[0].text == w.get(figure.label_key)) return row.cells[column];
  FAIL("no row " << figure.label_key);
  throw;
}

void check_all_sites_withheld(const doc::Report& r, const Wording& w) {
  for (const OutcomeRow* figure :
       {&outcome_row::served, &outcome_row::worked, &outcome_row::employment_rate,
        &outcome_row::work_or_education_rate}) {
    INFO(figure->label_key);
    CHECK(outcome_cell(r, w, *figure, 2).suppression == doc::Suppression::Withheld);
    CHECK(outcome_cell(r, w, *figure, 2).number == 0);
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
  CHECK(outcome_cell(liten, f.words, outcome_row::served, 1).suppression ==
        doc::Suppression::SmallCount);

  // The same through the report set, where the decision is made once and shared.
  for (const PlannedReport& p : plan_reports(f.data, scores, outcomes, period, ctx)) {
    if (p.kind != "halvarsrapport") continue;
    INFO(p.site);
    check_all_sites_withheld(p.build(), f.words);
  }
}

TEST_CASE("only the all-sites figures that protect a small count are withheld beside the site") {
  // Liten grows to 43 served, still 2 in work: served has no small count and is shown (53); worked
  // and the rates built on it are withheld, in both sites' reports.
  TwoSites f;
  for (int i = 0; i < 40; ++i)
    f.data.participants.push_back(person(std::string("x").append(std::to_string(i)), "Liten"));
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const ReportContext ctx{f.scales, f.words, "", 5};
  for (size_t site : {0, 1}) {
    INFO(site);
    const doc::Report r =
        build_halvarsrapport(site, Period{2016, 1}, f.data, scores, outcomes, ctx);
    CHECK(outcome_cell(r, f.words, outcome_row::served, 2).number == 53);
    CHECK(outcome_cell(r, f.words, outcome_row::served, 2).suppression == doc::Suppression::None);
    CHECK(outcome_cell(r, f.words, outcome_row::worked, 2).suppression ==
          doc::Suppression::Withheld);
    CHECK(outcome_cell(r, f.words, outcome_row::employment_rate, 2).suppression ==
          doc::Suppression::Withheld);
  }
}

TEST_CASE("every additive outcome row carries its own complementary-suppression flag") {
  // A flag no row carries, or two rows sharing one, would show a value meant to be withheld.
  for (bool OutcomeComplements::*flag : outcome_complement_flags()) {
    OutcomeComplements withheld;
    withheld.*flag = true;
    int rows = 0;
    for (const OutcomeRow& row : outcome_rows()) rows += row.withheld_by(withheld) ? 1 : 0;
    CHECK(rows == 1);
  }
  // The rows without one are means and medians, which are not sums.
  OutcomeFigures f;
  f.served = 40;
  f.worked = 20;
  f.work_or_education = 20;
  f.in_education = 10;
  f.new_intakes = 10;
  f.ended = 10;
  f.served_out_of_work = 30;
  f.worked_out_of_work = 15;
  f.fte = 2;
  f.active_at_end = f.active_at_end_with_fte = 30;
  OutcomeComplements all;
  for (auto flag : outcome_complement_flags()) all.*flag = true;
  for (const OutcomeRow& row : outcome_rows()) {
    INFO(row.label_key);
    CHECK(row.shown(f, all, 5).suppression ==
          (row.complement ? doc::Suppression::Withheld : row.value(f, 5).suppression));
    if (!row.complement)
      CHECK((std::string(row.label_key).find("mean") != std::string::npos ||
             std::string(row.label_key).find("median") != std::string::npos));
  }
}
