// Agreement between the evaluators, each figure checked against arithmetic done by hand here.
#include <catch2/catch.hpp>

#include "analysis/evaluator_agreement.h"
#include "support/review_builder.h"

using namespace ips;

namespace {

/// Ratings where item i has evaluator scores pairs[i] (0 = not scored by that evaluator).
ScaleRatings ratings_of(const std::vector<std::pair<int, int>>& pairs) {
  ScaleRatings r;
  for (const auto& [a, b] : pairs) {
    ItemRating item;
    if (a) item.evaluator1 = a;
    if (b) item.evaluator2 = b;
    r.items.push_back(item);
  }
  return r;
}

/// A review where both evaluators scored all 25 IPS items `base`, except the listed overrides
/// (item index → evaluator scores).
Review review_with(int day, int base,
                   const std::vector<std::pair<size_t, std::pair<int, int>>>& overrides) {
  Review r = test::make_review("Bodø", Date::from_ymd(2016, 1, day), std::vector<int>(25, base));
  for (auto& item : r.scales[0].items) item.evaluator1 = item.evaluator2 = base;
  for (const auto& [i, scores] : overrides) {
    r.scales[0].items[i].evaluator1 =
        scores.first ? std::optional<int>(scores.first) : std::nullopt;
    r.scales[0].items[i].evaluator2 =
        scores.second ? std::optional<int>(scores.second) : std::nullopt;
  }
  return r;
}

}  // namespace

TEST_CASE("weighted kappa is 1 when the evaluators agree on every item", "[agreement]") {
  // No pair off the diagonal: Σ d²·O = 0, so κ = 1 − 0 = 1.
  CHECK(quadratic_weighted_kappa({{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}}) == Approx(1.0));
}

TEST_CASE("weighted kappa from a small table worked out by hand", "[agreement]") {
  // Pairs (3,3) (3,4) (4,4) (4,5) (5,5), n = 5.
  // Observed: (3,4) and (4,5) are one apart, d² = 1 each: Σ d²·O = 2.
  // Margins: evaluator 1 has 3:2, 4:2, 5:1; evaluator 2 has 3:1, 4:2, 5:2.
  // Σ d²·row·col: row 3 (2): 2·2·1 + 2·2·4 = 20; row 4 (2): 2·1·1 + 2·2·1 = 6;
  //               row 5 (1): 1·1·4 + 1·2·1 = 6; total 32.
  // κ = 1 − n·Σd²O / Σd²·row·col = 1 − 5·2/32 = 0.6875.
  CHECK(quadratic_weighted_kappa({{3, 3}, {3, 4}, {4, 4}, {4, 5}, {5, 5}}) == Approx(0.6875));
}

TEST_CASE("weighted kappa is undefined when neither evaluator varies, and 0 when one does not",
          "[agreement]") {
  // Both gave 4 to every item: every expected pair is (4,4), Σ d²·row·col = 0 → undefined.
  CHECK_FALSE(quadratic_weighted_kappa({{4, 4}, {4, 4}, {4, 4}, {4, 4}, {4, 4}}).has_value());
  CHECK_FALSE(quadratic_weighted_kappa({}).has_value());
  // Evaluator 1 always 4, evaluator 2 four 4s and one 5: Σ d²·O = 1; Σ d²·row·col = 5·1·1 = 5;
  // κ = 1 − 5·1/5 = 0 (no better than chance).
  CHECK(quadratic_weighted_kappa({{4, 4}, {4, 4}, {4, 4}, {4, 4}, {4, 5}}) ==
        Approx(0.0).margin(1e-12));
}

TEST_CASE("one review's agreement leaves out items only one evaluator scored", "[agreement]") {
  // Items: (5,5) (4,4) (3,5) (2,3) (4,4), then (3,–) and (–,–).
  const ReviewAgreement a =
      review_agreement(ratings_of({{5, 5}, {4, 4}, {3, 5}, {2, 3}, {4, 4}, {3, 0}, {0, 0}}), 7);
  CHECK(a.items == 7);
  CHECK(a.both == 5);        // the first five
  CHECK(a.one_only == 1);    // (3,–)
  CHECK(a.exact == 3);       // 3 of 5 = 60 %
  CHECK(a.within_one == 4);  // all but (3,5): 80 %
  REQUIRE(a.large.size() == 1);
  CHECK(a.large[0].item == 2);
  CHECK(a.large[0].first == 3);
  CHECK(a.large[0].second == 5);
  CHECK(a.enough());
  // κ: Σ d²·O = 4 (3,5) + 1 (2,3) = 5. Margins: ev. 1 has 2:1, 3:1, 4:2, 5:1; ev. 2 has 3:1, 4:2,
  // 5:2. Σ d²·row·col: row 2: 1·1·1 + 1·2·4 + 1·2·9 = 27; row 3: 1·2·1 + 1·2·4 = 10;
  //               row 4: 2·1·1 + 2·2·1 = 6; row 5: 1·1·4 + 1·2·1 = 6; total 49.
  // κ = 1 − 5·5/49 = 24/49.
  REQUIRE(a.kappa);
  CHECK(*a.kappa == Approx(24.0 / 49.0));
}

TEST_CASE("one review in perfect agreement: 100 % exact and within one, kappa 1, none apart",
          "[agreement]") {
  // (1,1) (2,2) (3,3) (4,4) (5,5) (5,5): every pair on the diagonal, Σ d²·O = 0, so κ = 1; the
  // margins vary, so κ is defined. 6 of 6 exact and within one.
  const ReviewAgreement a =
      review_agreement(ratings_of({{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {5, 5}}), 6);
  CHECK(a.both == 6);
  CHECK(a.exact == 6);
  CHECK(a.within_one == 6);
  CHECK(a.large.empty());
  REQUIRE(a.kappa);
  CHECK(*a.kappa == Approx(1.0));
  // Perfect but without variance (all 4/4): still 100 % exact, κ undefined rather than NaN.
  const ReviewAgreement flat =
      review_agreement(ratings_of({{4, 4}, {4, 4}, {4, 4}, {4, 4}, {4, 4}}), 5);
  CHECK(flat.exact == 5);
  CHECK(flat.enough());
  CHECK_FALSE(flat.kappa.has_value());
}

TEST_CASE("a review with one evaluator, or fewer than five shared items, gives no figure",
          "[agreement]") {
  const ReviewAgreement one =
      review_agreement(ratings_of({{5, 0}, {4, 0}, {3, 0}, {2, 0}, {4, 0}, {4, 0}}), 6);
  CHECK(one.both == 0);
  CHECK(one.one_only == 6);
  CHECK_FALSE(one.enough());
  CHECK_FALSE(one.kappa.has_value());
  const ReviewAgreement four =
      review_agreement(ratings_of({{5, 5}, {4, 4}, {3, 3}, {2, 2}, {0, 4}}), 5);
  CHECK(four.both == 4);
  CHECK_FALSE(four.enough());
}

TEST_CASE("the one-way ICC of the evaluators' totals worked out by hand", "[agreement]") {
  // Totals (100,102) (90,90) (110,108) (80,84) (120,118), n = 5, k = 2.
  // Review means 101, 90, 109, 82, 119; grand mean 501/5 = 100.2.
  // Σ (mean − grand)² = 0.64 + 104.04 + 77.44 + 331.24 + 353.44 = 866.8; MSB = 2·866.8/4 = 433.4.
  // Within: differences 2, 0, 2, 4, 2; Σ d²/2 = 28/2 = 14; MSW = 14/5 = 2.8.
  // ICC = (433.4 − 2.8) / (433.4 + 2.8) = 430.6 / 436.2 ≈ 0.9872.
  const auto icc = icc_one_way({{100, 102}, {90, 90}, {110, 108}, {80, 84}, {120, 118}});
  REQUIRE(icc);
  CHECK(*icc == Approx(430.6 / 436.2));
}

TEST_CASE("ICC is 1 for identical totals, −1 for a constant offset, undefined without variance",
          "[agreement]") {
  // MSW = 0, MSB > 0: (MSB − 0) / (MSB + 0) = 1.
  CHECK(*icc_one_way({{100, 100}, {90, 90}, {110, 110}, {80, 80}, {120, 120}}) == Approx(1.0));
  // Every review 100 against 101: means all 100.5, MSB = 0; MSW = 5·(1/2)/5 = 0.5;
  // (0 − 0.5) / (0 + 0.5) = −1. Absolute agreement: a systematic gap counts against it.
  CHECK(*icc_one_way({{100, 101}, {100, 101}, {100, 101}, {100, 101}, {100, 101}}) == Approx(-1.0));
  // Every total 100: MSB = MSW = 0 → undefined.
  CHECK_FALSE(
      icc_one_way({{100, 100}, {100, 100}, {100, 100}, {100, 100}, {100, 100}}).has_value());
  CHECK_FALSE(icc_one_way({{100, 102}}).has_value());
}

TEST_CASE("agreement per item over reviews, and the ICC only over reviews scored in full",
          "[agreement]") {
  // Six reviews, every item 4/4 except:
  //  1: B1 (item 0) 3/5                    → totals 100+(−1) = 99, 100+1 = 101
  //  2: B1 4/5                              → 100, 101
  //  3: B1 4/4                              → 100, 100
  //  4: B2 (item 1) only evaluator 1 (4/–)  → left out of the ICC, and of B2's base
  //  5: base 3, B1 3/4                      → 75, 76
  //  6: base 5, B1 5/5                      → 125, 125
  std::vector<Review> reviews = {
      review_with(1, 4, {{0, {3, 5}}}), review_with(2, 4, {{0, {4, 5}}}), review_with(3, 4, {}),
      review_with(4, 4, {{1, {4, 0}}}), review_with(5, 3, {{0, {3, 4}}}), review_with(6, 5, {})};
  std::vector<const Review*> ptrs;
  for (const auto& r : reviews) ptrs.push_back(&r);
  const HistoryAgreement h = history_agreement(ptrs, ScaleCatalog::kIps25, 25);
  // B1: 6 reviews, exact in 3 (4/4 in review 4, 3; 5/5 in 6), within one in 5 (all but 3/5).
  CHECK(h.items[0].reviews == 6);
  CHECK(h.items[0].exact == 3);
  CHECK(h.items[0].within_one == 5);
  CHECK(h.items[0].enough());
  // B2: scored by both in 5 of the 6 reviews, all the same.
  CHECK(h.items[1].reviews == 5);
  CHECK(h.items[1].exact == 5);
  CHECK(h.reviews_with_both == 6);
  // ICC over reviews 1, 2, 3, 5, 6: (99,101) (100,101) (100,100) (75,76) (125,125).
  // Means 100, 100.5, 100, 75.5, 125; grand 501/5 = 100.2.
  // Σ (mean − grand)² = 0.04 + 0.09 + 0.04 + 610.09 + 615.04 = 1225.3; MSB = 2·1225.3/4 = 612.65.
  // Within: Σ d²/2 = (4 + 1 + 0 + 1 + 0)/2 = 3; MSW = 3/5 = 0.6.
  // ICC = (612.65 − 0.6) / (612.65 + 0.6) = 612.05 / 613.25.
  CHECK(h.icc_reviews == 5);
  CHECK(h.icc_enough());
  REQUIRE(h.icc);
  CHECK(*h.icc == Approx(612.05 / 613.25));

  // With four reviews the ICC rests on too few.
  ptrs.resize(4);
  const HistoryAgreement few = history_agreement(ptrs, ScaleCatalog::kIps25, 25);
  CHECK(few.icc_reviews == 3);
  CHECK_FALSE(few.icc_enough());
  CHECK_FALSE(few.items[1].enough());  // B2: 3 reviews
}

TEST_CASE("a consensus above or below both evaluators is found, one between them is not",
          "[agreement]") {
  Review r = test::make_review("Bodø", Date::from_ymd(2016, 11, 15), std::vector<int>(25, 4),
                               std::vector<int>(12, 4));
  auto set = [](ItemRating& item, int a, int b, int c) {
    item.evaluator1 = a;
    item.evaluator2 = b;
    item.consensus = item.score = c;
  };
  set(r.scales[0].items[0], 4, 4, 5);   // above both
  set(r.scales[0].items[1], 3, 5, 4);   // between: a compromise, not flagged
  set(r.scales[0].items[2], 3, 4, 2);   // below both
  set(r.scales[1].items[7], 4, 4, 5);   // GOI G8
  r.scales[0].items[3].evaluator1 = 4;  // one evaluator only: nothing to compare
  r.scales[0].items[3].consensus = 5;
  const auto outside = consensus_outside(r);
  REQUIRE(outside.size() == 3);
  CHECK((outside[0].scale == 0 && outside[0].item == 0 && outside[0].consensus == 5));
  CHECK((outside[1].scale == 0 && outside[1].item == 2 && outside[1].consensus == 2));
  CHECK((outside[2].scale == 1 && outside[2].item == 7 && outside[2].first == 4 &&
         outside[2].second == 4));
}
