#include <catch2/catch.hpp>

#include "analysis/fidelity_trend.h"
#include "support/review_builder.h"
#include "support/test_support.h"

using namespace ips;

namespace {

/// A review whose first `items` items add up to `total`.
Review review(const std::string& site, Date date, int total, int items = 25) {
  return test::make_review(site, date, test::scores_adding_up_to(total, items));
}

}  // namespace

TEST_CASE("round reviews keep the latest review per half-year, and the slope uses complete ones") {
  const ScaleCatalog catalog = load_scale_catalog(test::source_dir() / "data");
  Dataset data;
  data.reviews.push_back(review("Oslo", Date::from_ymd(2012, 12, 3), 51, 11));  // 2012-H2, partial
  data.reviews.push_back(
      review("Oslo", Date::from_ymd(2013, 2, 1), 70));  // 2013-H1 (x=0), replaced below
  data.reviews.push_back(review("Oslo", Date::from_ymd(2013, 5, 1), 80));   // 2013-H1 (x=0)
  data.reviews.push_back(review("Oslo", Date::from_ymd(2013, 10, 1), 84));  // 2013-H2 (x=1)
  data.reviews.push_back(review("Oslo", Date::from_ymd(2014, 10, 1), 98));  // 2014-H2 (x=3)
  data.reviews.push_back(review("Oslo", Date::from_ymd(2015, 3, 1), 120));  // after the period
  const auto scores = score_reviews(data, catalog);
  const auto rounds = round_reviews(scores, "Oslo", Period{2014, 2});
  REQUIRE(rounds.size() == 4);
  CHECK(rounds[0].round == Period{2012, 2});
  CHECK(rounds[1].score->ips.total == 80);  // the later review of 2013-H1
  // Points (0,80) (1,84) (3,98): x̄ = 4/3, ȳ = 262/3; Sxy = 86/3, Sxx = 14/3 → slope = 43/7 ≈ 6.143.
  CHECK(*total_slope(rounds) == Approx(43.0 / 7.0));
  CHECK(latest_complete(scores, "Oslo", Period{2014, 2})->ips.total == 98);
  CHECK(latest_complete(scores, "Oslo", Period{2012, 2}) == nullptr);
  CHECK(latest_review(scores, "Oslo", Period{2012, 2})->ips.total == 51);
}

TEST_CASE("a slope needs two complete round reviews") {
  const ScaleCatalog catalog = load_scale_catalog(test::source_dir() / "data");
  Dataset data;
  data.reviews.push_back(review("Oslo", Date::from_ymd(2012, 12, 3), 51, 11));
  data.reviews.push_back(review("Oslo", Date::from_ymd(2013, 5, 1), 80));
  const auto scores = score_reviews(data, catalog);
  CHECK_FALSE(total_slope(round_reviews(scores, "Oslo", Period{2013, 1})).has_value());
}
