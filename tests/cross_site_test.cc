#include <catch2/catch.hpp>

#include "analysis/cross_site.h"
#include "support/review_builder.h"
#include "support/test_support.h"

using namespace ips;

namespace {

Review review(const std::string& site, Date date, std::vector<int> scores) {
  return test::make_review(site, date, scores);
}

std::vector<int> all(int v) {
  return std::vector<int>(25, v);
}

}  // namespace

TEST_CASE("sites are ranked by their latest complete total - equal totals share a rank") {
  const ScaleCatalog catalog = load_scale_catalog(test::source_dir() / "data");
  Dataset data;
  for (const char* k : {"A", "B", "C", "D"}) data.sites.push_back(Site{k, k, "", "", "", {}, {}});
  data.reviews.push_back(review("A", Date::from_ymd(2016, 3, 1), all(4)));  // 100
  data.reviews.push_back(review("B", Date::from_ymd(2016, 3, 1), all(4)));  // 100
  std::vector<int> c = all(3);
  c[0] = 5;  // 77, B1 = 5
  data.reviews.push_back(review("C", Date::from_ymd(2016, 3, 1), c));
  data.reviews.push_back(review("C", Date::from_ymd(2016, 9, 1), {5, 5}));  // later, partial
  data.reviews.push_back(review("D", Date::from_ymd(2016, 9, 1), {2, 2}));  // only partial
  const auto scores = score_reviews(data, catalog);
  const CrossSite x = compare_sites(data, scores, catalog, Period{2016, 2});

  CHECK(x.sites[0].rank == 1);
  CHECK(x.sites[1].rank == 1);
  CHECK(x.sites[2].rank == 3);
  CHECK_FALSE(x.sites[3].rank.has_value());            // partial only: not ranked
  CHECK(x.sites[2].latest->ips.scored == 2);           // heatmap shows the later partial review
  CHECK(x.sites[2].latest_complete->ips.total == 77);  // ranking uses the complete one
  CHECK(x.complete_sites == 3);
  CHECK(*x.national_mean_total == Approx(277.0 / 3));
  // B1 over A, B, C: 4, 4, 5 → mean 13/3, min 4, max 5; item 2 (B2): 4, 4, 3 → one site at 1–3.
  CHECK(*x.items[0].mean == Approx(13.0 / 3));
  CHECK(x.items[0].min == 4);
  CHECK(x.items[0].max == 5);
  CHECK(x.items[1].sites_scoring_1_to_3 == 1);
  CHECK(x.items[24].sites_scoring_1_to_3 == 1);
}

TEST_CASE("reviews after the period end are left out of the comparison") {
  const ScaleCatalog catalog = load_scale_catalog(test::source_dir() / "data");
  Dataset data;
  data.sites.push_back(Site{"A", "A", "", "", "", {}, {}});
  data.reviews.push_back(review("A", Date::from_ymd(2016, 3, 1), all(4)));
  data.reviews.push_back(review("A", Date::from_ymd(2017, 3, 1), all(5)));
  const auto scores = score_reviews(data, catalog);
  CHECK(compare_sites(data, scores, catalog, Period{2016, 2}).sites[0].latest_complete->ips.total ==
        100);
  CHECK(compare_sites(data, scores, catalog, Period{2017, 1}).sites[0].latest_complete->ips.total ==
        125);
}
