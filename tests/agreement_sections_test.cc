// Agreement between the evaluators over rounds, as the Halvårsrapport and the national summary
// show it: figures only from five reviews on, "–" with a reason below that, never NaN.
#include <catch2/catch.hpp>

#include "report/halvarsrapport.h"
#include "report/nasjonal_sammenstilling.h"
#include "support/review_builder.h"
#include "support/test_support.h"

using namespace ips;

namespace {

struct Fixture {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Dataset data;
  Fixture() {
    data.sites.push_back(Site{"Bodø", "Psykoseteamet, Salten DPS", "Nordland", "", "", {}, {}});
  }

  /// A review in half-year `round` of 2014–2016 with every IPS item `base` from both evaluators,
  /// except B1 (item 0) scored b1 by evaluator 1 and b1_second by evaluator 2. GOI not scored.
  void add(int round, int base, int b1, int b1_second) {
    const Date date = Date::from_ymd(2014 + round / 2, round % 2 ? 10 : 4, 15);
    Review r = test::make_review("Bodø", date, std::vector<int>(25, base));
    for (auto& item : r.scales[0].items) item.evaluator1 = item.evaluator2 = base;
    r.scales[0].items[0].evaluator1 = b1;
    r.scales[0].items[0].evaluator2 = b1_second;
    data.reviews.push_back(r);
  }
  doc::Report halvar() {
    scores = score_reviews(data, scales);
    outcomes = std::make_unique<OutcomeIndex>(data);
    return build_halvarsrapport(0, Period{2016, 2}, data, scores, *outcomes,
                                ReportContext{scales, words, "", 5});
  }
  doc::Report national() {
    scores = score_reviews(data, scales);
    outcomes = std::make_unique<OutcomeIndex>(data);
    return build_nasjonal_sammenstilling(Period{2016, 2}, data, scores, *outcomes,
                                         ReportContext{scales, words, "", 5});
  }
  std::vector<ReviewScore> scores;
  std::unique_ptr<OutcomeIndex> outcomes;
};

const doc::Table& table(const doc::Report& r, const std::string& id) {
  for (const auto& s : r.sections)
    for (const auto& b : s.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b); t && t->id == id) return *t;
  FAIL("no table " << id);
  throw;
}

bool defines(const doc::Report& r, const std::string& term) {
  for (const auto& row : table(r, "definitions").rows)
    if (row.cells[0].text == term) return true;
  return false;
}

}  // namespace

TEST_CASE("the Halvårsrapport shows the ICC of the evaluators' totals from five reviews on",
          "[agreement][evaluators]") {
  Fixture f;
  // Totals (ev. 1, ev. 2): (99,101) (100,101) (100,100) (75,76) (125,125), as in
  // evaluator_agreement_test: ICC(1,1) = (612.65 − 0.6) / (612.65 + 0.6) = 612.05 / 613.25.
  f.add(0, 4, 3, 5);
  f.add(1, 4, 4, 5);
  f.add(2, 4, 4, 4);
  f.add(3, 3, 3, 4);
  {
    const doc::Report four = f.halvar();
    const doc::Table& totals = table(four, "agreement-totals");
    CHECK(totals.rows[0].cells[1].number == 4);
    CHECK(totals.rows[0].cells[3].text == "–");  // four reviews: too few
    CHECK(totals.rows[0].cells[4].text == "–");
    CHECK(totals.footnotes.at(0).find("færre enn 5") != std::string::npos);
    // B1 per item: four reviews, no figure.
    const doc::Table& items = table(four, "agreement-items");
    CHECK(items.rows[1].cells[0].text == "B1");
    CHECK(items.rows[1].cells[2].number == 4);
    CHECK(items.rows[1].cells[3].text == "–");
  }
  f.add(4, 5, 5, 5);
  const doc::Report five = f.halvar();
  const doc::Table& totals = table(five, "agreement-totals");
  CHECK(totals.rows[0].cells[1].number == 5);
  CHECK(totals.rows[0].cells[2].number == 5);
  CHECK(totals.rows[0].cells[3].type == doc::ValueType::Number);
  CHECK(totals.rows[0].cells[3].number == Approx(612.05 / 613.25));
  // All items pooled: 125 pairs, 122 the same (B1 differs in reviews 1, 2, 4): 97,6 %.
  CHECK(totals.rows[0].cells[4].number == Approx(122.0 / 125.0));
  // GOI was not scored by two evaluators: no figures, only the count 0.
  CHECK(totals.rows[1].cells[1].number == 0);
  CHECK(totals.rows[1].cells[3].text == "–");
  // B1: 5 reviews, the same in 2 (4/4, 5/5): 40 %; within one in 4: 80 %.
  const doc::Table& items = table(five, "agreement-items");
  CHECK(items.rows[1].cells[3].number == Approx(0.4));
  CHECK(items.rows[1].cells[4].number == Approx(0.8));
  CHECK(defines(five, "ICC totalskår"));
  CHECK(defines(five, "Samsvar per punkt"));
}

TEST_CASE("agreement with no variance in the totals says it cannot be computed",
          "[agreement][evaluators]") {
  Fixture f;
  for (int round = 0; round < 5; ++round) f.add(round, 4, 4, 4);  // every total 100 and 100
  const doc::Report r = f.national();
  const doc::Table& totals = table(r, "agreement-totals");
  CHECK(totals.rows[0].cells[3].text == "kan ikke beregnes");
  CHECK(totals.footnotes.back() == "ICC kan ikke beregnes når alle totalskårene er like.");
  const doc::Table& sites = table(r, "agreement-sites");
  REQUIRE(sites.rows.size() == 1);
  CHECK(sites.rows[0].cells[0].text == "Psykoseteamet, Salten DPS");
  CHECK(sites.rows[0].cells[3].text == "kan ikke beregnes");
  CHECK(sites.rows[0].cells[4].number == Approx(1.0));
}

TEST_CASE("without two evaluators the agreement section says so", "[agreement][evaluators]") {
  Fixture f;
  f.add(0, 4, 4, 4);
  for (auto& item : f.data.reviews[0].scales[0].items) item.evaluator2.reset();
  const doc::Report r = f.halvar();
  bool found = false;
  for (const auto& s : r.sections)
    if (s.anchor == "agreement")
      for (const auto& b : s.blocks)
        if (const auto* p = std::get_if<doc::Paragraph>(&b))
          found =
              found ||
              p->text ==
                  "Ingen gjennomganger til og med 2. halvår 2016 har skårer fra to evaluatorer, så "
                  "samsvar kan ikke beregnes.";
  CHECK(found);
}
