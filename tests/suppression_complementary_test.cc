// Complementary suppression (sekundærprikking): a lone withheld count must not be the total minus
// the counts shown beside it.
#include <catch2/catch.hpp>

#include "report/complementary_suppression.h"
#include "report/suppression.h"

using namespace ips;

namespace {

// Parts from counts, small by the ordinary rule with min_cell 5.
std::vector<SummedCell> counts(std::initializer_list<long> values) {
  std::vector<SummedCell> out;
  for (long v : values) out.push_back({v, v > 0 && v < 5, false});
  return out;
}

std::vector<bool> flags(std::initializer_list<int> values) {
  std::vector<bool> out;
  for (int v : values) out.push_back(v != 0);
  return out;
}

OutcomeFigures site_with(long served, long worked) {
  OutcomeFigures f;
  f.served = served;
  f.worked = worked;
  f.work_or_education = worked;
  f.served_out_of_work = served;
  f.worked_out_of_work = worked;
  f.active_at_end = served;
  return f;
}

OutcomeFigures sum_of(const std::vector<OutcomeFigures>& parts) {
  OutcomeFigures t;
  for (const auto& f : parts) {
    t.served += f.served;
    t.worked += f.worked;
    t.work_or_education += f.work_or_education;
    t.served_out_of_work += f.served_out_of_work;
    t.worked_out_of_work += f.worked_out_of_work;
    t.active_at_end += f.active_at_end;
  }
  return t;
}

}  // namespace

TEST_CASE("one withheld count: the smallest non-zero shown count is withheld too") {
  const auto w = withhold_complements(counts({12, 3, 40, 9, 25}), false, 5);
  CHECK(w.withheld == flags({0, 1, 0, 1, 0}));
  CHECK(w.complementary == flags({0, 0, 0, 1, 0}));
  CHECK_FALSE(w.total_withheld);
}

TEST_CASE("two withheld counts whose sum does not give them away need nothing more") {
  const auto w = withhold_complements(counts({12, 3, 40, 2, 25}), false, 5);
  CHECK(w.withheld == flags({0, 1, 0, 1, 0}));
  CHECK(w.complementary == flags({0, 0, 0, 0, 0}));
  CHECK_FALSE(w.total_withheld);
}

TEST_CASE("two withheld counts at the ends of their range are given away by their sum") {
  // 1 + 1 = 2: both are 1. 4 + 4 = 8: both are 4. A third cell is withheld.
  for (long v : {1L, 4L}) {
    INFO(v);
    const auto w = withhold_complements(counts({12, v, 40, v, 25}), false, 5);
    CHECK(w.complementary == flags({1, 0, 0, 0, 0}));
  }
}

TEST_CASE("equal smallest counts: the first row is withheld") {
  const auto w = withhold_complements(counts({30, 8, 2, 8, 50}), false, 5);
  CHECK(w.complementary == flags({0, 1, 0, 0, 0}));
}

TEST_CASE("zeros are never used as the complement") {
  // A withheld 0 beside a 2 would add nothing: the reader knows shown counts are 0 or ≥ 5.
  const auto w = withhold_complements(counts({0, 2, 0, 17, 9}), false, 5);
  CHECK(w.complementary == flags({0, 0, 0, 0, 1}));
  CHECK_FALSE(w.total_withheld);
}

TEST_CASE("with only one other row, the total is withheld instead") {
  const auto w = withhold_complements(counts({3, 10}), false, 5);
  CHECK(w.withheld == flags({1, 0}));
  CHECK(w.complementary == flags({0, 0}));
  CHECK(w.total_withheld);
}

TEST_CASE("when every other row is 0, the total is withheld") {
  const auto w = withhold_complements(counts({0, 3, 0}), false, 5);
  CHECK(w.complementary == flags({0, 0, 0}));
  CHECK(w.total_withheld);
}

TEST_CASE("a complement at the threshold beside a 1 is not enough: 1 plus 5 is 6, one answer") {
  const auto w = withhold_complements(counts({1, 5, 7, 30}), false, 5);
  CHECK(w.complementary == flags({0, 1, 1, 0}));
  CHECK_FALSE(small_part_determined(counts({1, 5, 7, 30}), w, 5));
  CHECK(small_part_determined(counts({1, 5, 7, 30}), {flags({1, 1, 0, 0}), flags({0, 1, 0, 0})}, 5));
}

TEST_CASE("the complement is known to be at most the counts still shown, so one more is withheld") {
  // Withholding 4 and the first 9 leaves A + B = 13; the reader sees "–" beside the other 9 and
  // knows the rule took the smallest count, so B ≤ 9, A ≥ 4, and "<5" makes A exactly 4.
  const auto w = withhold_complements(counts({4, 9, 9, 40}), false, 5);
  CHECK(w.withheld == flags({1, 1, 1, 0}));
  CHECK(w.complementary == flags({0, 1, 1, 0}));
  CHECK_FALSE(w.total_withheld);
  CHECK(small_part_determined(counts({4, 9, 9, 40}), {flags({1, 1, 0, 0}), flags({0, 1, 0, 0})}, 5));
}

TEST_CASE("a complement is below the equal counts of earlier rows: ties go to the first row") {
  // B (row 2) was picked over the 9 in row 0, so B ≤ 8: A + B = 12 leaves A ≥ 4.
  CHECK(small_part_determined(counts({9, 3, 8, 40}), {flags({0, 1, 1, 0}), flags({0, 0, 1, 0})}, 5) ==
        false);
  CHECK(small_part_determined(counts({9, 4, 8, 40}), {flags({0, 1, 1, 0}), flags({0, 0, 1, 0})}, 5));
  // A hidden part was not picked by the rule, so the counts shown do not bound it.
  CHECK_FALSE(small_part_determined(counts({4, 9, 9, 40}), {flags({1, 1, 0, 0}), flags({0, 0, 0, 0})}, 5));
}

TEST_CASE("a linked figure bounds a withheld part: worked is at most the row's served") {
  // Worked 4 is <5, B's 33 is withheld beside its served 33, so A = 87 − 50 − B ≥ 4.
  std::vector<SummedCell> worked = {{4, true, false, 0, 20}, {33, false, false, 0, 33}, {50, false, false, 0, 100}};
  CHECK(small_part_determined(worked, {flags({1, 1, 0}), flags({0, 1, 0})}, 5));
  // Without the bound (say B served 100) the 33 could be larger and A anything from 1 to 4.
  worked[1].upper = 100;
  CHECK_FALSE(small_part_determined(worked, {flags({1, 1, 0}), flags({0, 1, 0})}, 5));
}

TEST_CASE("outcomes: worked is protected beside served, not on its own") {
  const std::vector<OutcomeFigures> sites = {site_with(20, 4), site_with(33, 33), site_with(100, 50)};
  const OutcomeWithholding w = withhold_outcome_complements(sites, sum_of(sites), 5);
  CHECK(w.parts[1].worked);
  CHECK(w.parts[2].worked);  // 87 − 50 − 33 would give 4
  CHECK_FALSE(w.total.worked);
  CHECK_FALSE(w.parts[1].served);  // served itself has no small count
  CHECK(w.parts[1].employment_rate);
  CHECK(w.parts[2].employment_rate);
}

TEST_CASE(
    "nothing more is withheld without small cells, with a withheld total, or with min_cell 0") {
  CHECK(withhold_complements(counts({12, 0, 40}), false, 5).complementary == flags({0, 0, 0}));
  const auto small_total = withhold_complements(counts({0, 3, 0}), true, 5);
  CHECK(small_total.complementary == flags({0, 0, 0}));
  CHECK_FALSE(small_total.total_withheld);
  const auto disabled = withhold_complements({{3, false, false}, {10, false, false}}, false, 0);
  CHECK(disabled.withheld == flags({0, 0}));
  CHECK_FALSE(disabled.total_withheld);
}

TEST_CASE("with two parts the rule never withholds a part, only the total") {
  // The Halvårsrapport relies on this: its site column shows the site's figures as they are.
  for (long a : {0L, 1L, 3L, 4L, 5L, 9L, 40L})
    for (long b : {0L, 1L, 4L, 5L, 12L})
      for (bool hidden : {false, true}) {
        INFO(a << " " << b << " " << hidden);
        std::vector<SummedCell> parts = {{a, a > 0 && a < 5, false, 0, 50}, {b, b > 0 && b < 5, hidden}};
        const auto w = withhold_complements(parts, false, 5);
        CHECK(w.complementary == flags({0, 0}));
      }
}

TEST_CASE("a hidden part that is small is protected like a shown one") {
  // The Halvårsrapport's "other sites together": never shown, so all − site would give it away.
  std::vector<SummedCell> parts = {{40, false, false}, {3, true, true}};
  const auto w = withhold_complements(parts, false, 5);
  CHECK(w.total_withheld);
  CHECK(w.complementary == flags({0, 0}));
}

TEST_CASE(
    "outcomes: a site's withheld count takes the next smallest site's count and rates with it") {
  const std::vector<OutcomeFigures> sites = {site_with(20, 8), site_with(3, 1), site_with(12, 6),
                                             site_with(30, 10)};
  const OutcomeWithholding w = withhold_outcome_complements(sites, sum_of(sites), 5);
  // Served: site 1 has 3, so site 2 (12, the smallest other) is withheld, and so its rates.
  CHECK(w.parts[2].served);
  CHECK(w.parts[2].employment_rate);
  CHECK(w.parts[2].work_or_education_rate);
  CHECK_FALSE(w.parts[0].served);
  CHECK_FALSE(w.parts[1].served);  // already <5: not a complement
  // Worked: site 1 has 1, so site 2 (6) is withheld.
  CHECK(w.parts[2].worked);
  CHECK_FALSE(w.parts[0].worked);
  CHECK_FALSE(w.total.any());
  // What is still shown cannot give the small site's counts back.
  CHECK_FALSE(w.parts[0].employment_rate);
  CHECK_FALSE(w.parts[3].employment_rate);
}

TEST_CASE("outcomes: two sites, one small: the all-sites figures are withheld") {
  const std::vector<OutcomeFigures> sites = {site_with(3, 2), site_with(10, 6)};
  const OutcomeWithholding w = withhold_outcome_complements(sites, sum_of(sites), 5);
  CHECK(w.total.served);
  CHECK(w.total.worked);
  CHECK(w.total.employment_rate);
  CHECK(w.total.work_or_education_rate);
  CHECK_FALSE(w.parts[1].any());
}

TEST_CASE("outcomes: the site beside all sites when the other sites together are few") {
  const OutcomeFigures mine = site_with(10, 6), all = sum_of({site_with(3, 2), mine});
  const OutcomeWithholding w =
      withhold_outcome_complements({mine, outcome_remainder(all, mine)}, all, 5, {false, true});
  CHECK(w.total.served);
  CHECK(w.total.employment_rate);
  CHECK_FALSE(w.parts[0].any());
  // Many other participants: nothing to protect.
  const OutcomeFigures many = sum_of({site_with(80, 30), mine});
  CHECK_FALSE(
      withhold_outcome_complements({mine, outcome_remainder(many, mine)}, many, 5, {false, true})
          .any());
}

TEST_CASE("a value withheld for protection carries no number") {
  const doc::Value v = withheld_if(count_value(12, 5), true);
  CHECK(v.suppression == doc::Suppression::Withheld);
  CHECK(v.number == 0);
  CHECK(withheld_if(count_value(12, 5), false).number == 12);
  CHECK(withheld_if(count_value(3, 5), true).suppression ==
        doc::Suppression::SmallCount);  // stays <5
}
