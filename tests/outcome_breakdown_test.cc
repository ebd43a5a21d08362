// Job kinds and end reasons (analysis/outcome_breakdown.h): the counts and the Halvårsrapport's
// table, whose small counts disclosure control withholds like every other count. How a reason
// text is read is tested in end_reason_test.cc.
#include <catch2/catch.hpp>

#include "analysis/outcome_breakdown.h"
#include "report/halvarsrapport.h"
#include "support/test_support.h"

using namespace ips;

namespace {

// One site, 12 participants in 2016-H2: P0–P5 in an ordinary job, P5–P9 with wage subsidy (P5
// has both), P10 in work practice, P11 without work. Seven ended in the period: P0–P4 in work,
// P6 for education, P7 without a stated reason.
struct OneSite {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Dataset data;
  OneSite() {
    data.sites.push_back(Site{"Nord", "IPS Nord", "", "", "", {}, {}});
    auto job = [&](int who, JobKind kind) {
      Job j;
      j.participant = "P" + std::to_string(who);
      j.kind = kind;
      j.start = Date::from_ymd(2016, 8, 1);
      data.jobs.push_back(j);
    };
    for (int i = 0; i < 12; ++i) {
      Participant p;
      p.id = "P" + std::to_string(i);
      p.site = "Nord";
      p.intake = Date::from_ymd(2016, 1, 5);
      p.employed_at_intake = false;
      if (i < 5 || i == 6 || i == 7) p.ended = Date::from_ymd(2016, 11, 30);
      if (i < 5) p.end_reason = "I jobb, trenger ikke lenger oppfølging";
      if (i == 6) p.end_reason = "Begynt på utdanning";
      data.participants.push_back(p);
      if (i <= 5) job(i, JobKind::Ordinary);
      if (i >= 5 && i <= 9) job(i, JobKind::WageSubsidy);
      if (i == 10) job(i, JobKind::WorkPractice);
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

const doc::Value& cell(const doc::Table& t, const Wording& w, FigureId id, size_t column) {
  for (const doc::Row& row : t.rows)
    if (row.cells[0].text == w.get(figure(id).label_key)) return row.cells[column];
  FAIL("no row " << figure(id).label_key);
  throw;
}

}  // namespace

TEST_CASE("job kinds and end-reason groups count the people of the period", "[breakdown]") {
  OneSite f;
  const OutcomeIndex outcomes(f.data);
  const OutcomeFigures o = outcomes.site(0, Period{2016, 2});
  CHECK(o.served == 12);
  CHECK(o.worked == 10);
  CHECK(o.breakdown.worked_ordinary == 6);
  CHECK(count_of(o, FigureId::WorkedWageSubsidy) == 5);
  CHECK(count_of(o, FigureId::InWorkPractice) == 1);
  CHECK(o.ended == 7);
  CHECK(o.breakdown.ended_work == 5);
  CHECK(o.breakdown.ended_education == 1);
  CHECK(o.breakdown.ended_other == 1);
  CHECK(count_of(o, FigureId::EndedWorkOrEducation) == 6);
  CHECK(raw_value(o, FigureId::EndedWorkOrEducationRate) == Approx(6.0 / 7.0));
  CHECK(raw_value(o, FigureId::WageSubsidyRate) == Approx(0.5));
  // The half-year before: the same people served, none ended, nobody in work.
  const OutcomeFigures h1 = outcomes.site(0, Period{2016, 1});
  CHECK(count_of(h1, FigureId::EndedWorkOrEducation) == 0);
  CHECK(count_of(h1, FigureId::WorkedWageSubsidy) == 0);
}

TEST_CASE("the Halvårsrapport shows job kinds and end reasons as disclosure control leaves them",
          "[breakdown][halvarsrapport]") {
  OneSite f;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const ReportContext ctx{f.scales, f.words, "", 5};
  const doc::Report r = build_halvarsrapport(0, Period{2016, 2}, f.data, scores, outcomes, ctx);
  const doc::Table& t = table(r, "jobs-endings");
  REQUIRE(t.rows.size() == halvarsrapport_breakdown_figures().size());
  for (size_t column : {1, 2}) {  // the site, and all sites (the same one site)
    INFO("column " << column);
    // 1 in work practice: small.
    CHECK(cell(t, f.words, FigureId::InWorkPractice, column).suppression ==
          doc::Suppression::SmallCount);
    CHECK(cell(t, f.words, FigureId::InWorkPractice, column).number == 0);
    // 6 of 7 ended in work or education: the one who ended otherwise is a small complement, so
    // the count and its share are withheld beside the 7 shown.
    CHECK(cell(t, f.words, FigureId::Ended, column).number == 7);
    CHECK(cell(t, f.words, FigureId::EndedWorkOrEducation, column).suppressed());
    CHECK(cell(t, f.words, FigureId::EndedWorkOrEducation, column).number == 0);
    CHECK(cell(t, f.words, FigureId::EndedWorkOrEducationRate, column).suppressed());
    // 10 of 12 in work: the complement 2 is small, so the count in work is withheld, and the
    // 5 with wage subsidy and their share (50 %) do not give it back together.
    CHECK(cell(t, f.words, FigureId::Worked, column).suppressed());
    CHECK((cell(t, f.words, FigureId::WorkedWageSubsidy, column).suppressed() ||
           cell(t, f.words, FigureId::WageSubsidyRate, column).suppressed()));
  }
  // The names are the Definisjoner terms' figures, in both languages.
  for (Lang lang : {Lang::Nb, Lang::En}) {
    const Wording w = Wording::load(test::source_dir() / "templates", lang);
    for (FigureId id : halvarsrapport_breakdown_figures()) {
      INFO(figure(id).label_key);
      CHECK(w.has(figure(id).label_key));
      CHECK(w.has(figure(id).definition_key));
    }
  }
}
