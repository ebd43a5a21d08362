#include <catch2/catch.hpp>

#include "analysis/fidelity.h"
#include "support/review_builder.h"
#include "support/test_support.h"

using namespace ips;

namespace {

const ScaleCatalog& catalog() {
  static const ScaleCatalog c = load_scale_catalog(test::source_dir() / "data");
  return c;
}

Review review(const std::string& site, Date date, std::vector<int> ips, std::vector<int> goi = {}) {
  return test::make_review(site, date, ips, goi);
}

std::vector<int> complete_scores(int total) {
  return test::scores_adding_up_to(total);
}

}  // namespace

TEST_CASE("the Bodø baseline is partial: total 51 over 11 of 25 items and no band") {
  Dataset data;
  data.reviews.push_back(review("Bodø", Date::from_ymd(2012, 12, 3),
                                {5, 5, 5, 5, 4, 5, 4, 5, 4, 4, 5},
                                {2, 3, 3, 3, 5, 5, 5, 5, 5, 4, 5, 5}));
  const auto scores = score_reviews(data, catalog());
  REQUIRE(scores.size() == 1);
  const ReviewScore& s = scores[0];
  CHECK(s.ips.total == 51);
  CHECK(s.ips.scored == 11);
  CHECK(s.ips.items == 25);
  CHECK_FALSE(s.ips.complete());
  CHECK(s.ips.band == nullptr);
  CHECK(s.goi.total == 50);
  CHECK(*s.goi.mean == Approx(50.0 / 12));
  // Sections: Bemanning 15 over 3, Organisasjon 36 over 8, Tjenester unscored.
  CHECK(s.ips.sections[0].sum == 15);
  CHECK(s.ips.sections[1].sum == 36);
  CHECK(*s.ips.sections[1].mean == Approx(4.5));
  CHECK(s.ips.sections[2].scored == 0);
  CHECK_FALSE(s.ips.sections[2].mean.has_value());
  CHECK(s.strengths.size() == 7);
  CHECK(s.improvement_areas.empty());
  CHECK(s.previous == nullptr);
}

TEST_CASE("a complete review gets its band at the edges 73/74, 99/100, 114/115") {
  for (auto [total, band] :
       std::vector<std::pair<int, const char*>>{{73, "IPS-program benyttes ikke"},
                                                {74, "Godkjent kvalitet"},
                                                {99, "Godkjent kvalitet"},
                                                {100, "Bra kvalitet"},
                                                {114, "Bra kvalitet"},
                                                {115, "Meget bra kvalitet"}}) {
    Dataset data;
    data.reviews.push_back(review("Oslo", Date::from_ymd(2016, 10, 1), complete_scores(total)));
    const auto scores = score_reviews(data, catalog());
    INFO("total " << total);
    CHECK(scores[0].ips.total == total);
    REQUIRE(scores[0].ips.band != nullptr);
    CHECK(scores[0].ips.band->label.nb == band);
  }
}

TEST_CASE(
    "change is against the same site's previous review - the total's only when both are complete") {
  Dataset data;
  // Oslo: partial, then complete 80, then complete 90. Vestfold: one review (no previous).
  data.reviews.push_back(review("Oslo", Date::from_ymd(2013, 3, 1), {3, 3, 3}));
  data.reviews.push_back(review("Oslo", Date::from_ymd(2013, 9, 1), complete_scores(80)));
  data.reviews.push_back(review("Oslo", Date::from_ymd(2014, 3, 1), complete_scores(90)));
  data.reviews.push_back(review("Vestfold", Date::from_ymd(2014, 3, 1), complete_scores(100)));
  const auto s = score_reviews(data, catalog());
  REQUIRE(s.size() == 4);
  CHECK(s[1].previous == &data.reviews[0]);
  CHECK_FALSE(s[1].total_change.has_value());  // previous was partial
  CHECK(s[1].item_change[0] == 1);             // 3 → 4 (a total of 80 is five 4s and twenty 3s)
  CHECK(s[1].item_change[5] == std::nullopt);  // not scored before
  CHECK(s[2].total_change == 10);
  CHECK(s[2].previous == &data.reviews[1]);
  CHECK(s[3].previous == nullptr);  // another site's review is never "previous"
  CHECK_FALSE(s[3].total_change.has_value());
}

TEST_CASE("a stated total that differs from the item sum is flagged") {
  Dataset data;
  Review r = review("Bodø", Date::from_ymd(2012, 12, 3), {5, 5, 5, 5, 4, 5, 4, 5, 4, 4, 5});
  r.info.stated_total = 52;
  data.reviews.push_back(r);
  r.info.stated_total = 51;
  r.date = Date::from_ymd(2013, 6, 1);
  data.reviews.push_back(r);
  const auto s = score_reviews(data, catalog());
  CHECK(s[0].stated_total_mismatch == 52);
  CHECK_FALSE(s[1].stated_total_mismatch.has_value());
}

TEST_CASE("improvement areas are items scored 1–3 and strengths items scored 5") {
  Dataset data;
  std::vector<int> scores(25, 4);
  scores[0] = 1;
  scores[1] = 3;
  scores[2] = 5;
  data.reviews.push_back(review("Oslo", Date::from_ymd(2016, 10, 1), scores));
  const auto s = score_reviews(data, catalog());
  CHECK(s[0].improvement_areas == std::vector<size_t>{0, 1});
  CHECK(s[0].strengths == std::vector<size_t>{2});
}
