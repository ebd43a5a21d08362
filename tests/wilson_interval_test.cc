// The Wilson interval against values worked out by hand (z = 1.959964, z² = 3.841459):
//   8 of 20: p = 0.4, 1 + z²/n = 1.192073, centre = (0.4 + 0.096037)/1.192073 = 0.416113,
//            half = z·√(0.012 + 0.002401)/1.192073 = 0.197306 → 0.218807–0.613419 (21,9–61,3 %);
//   0 of 10: high = (z²/n)/(1 + z²/n) = 0.384146/1.384146 = 0.277533, low 0;
//  10 of 10: low = 1 − 0.277533 = 0.722467, high 1;
//   0 of 1:  high = 3.841459/4.841459 = 0.793451;  1 of 1: low = 0.206549.
#include <catch2/catch.hpp>

#include "analysis/wilson_interval.h"

using namespace ips;
using Catch::Matchers::WithinAbs;

TEST_CASE("Wilson interval: 8 of 20 is 21.9 % to 61.3 %", "[wilson]") {
  const auto i = wilson_interval(8, 20);
  REQUIRE(i);
  CHECK_THAT(i->low, WithinAbs(0.218807, 2e-6));
  CHECK_THAT(i->high, WithinAbs(0.613419, 2e-6));
}

TEST_CASE("Wilson interval: 0 of n starts at 0 and n of n ends at 100 %", "[wilson]") {
  const auto none = wilson_interval(0, 10);
  REQUIRE(none);
  CHECK(none->low == 0.0);
  CHECK_THAT(none->high, WithinAbs(0.277533, 2e-6));
  const auto all = wilson_interval(10, 10);
  REQUIRE(all);
  CHECK_THAT(all->low, WithinAbs(0.722467, 2e-6));
  CHECK(all->high == 1.0);
}

TEST_CASE("Wilson interval: one participant", "[wilson]") {
  const auto zero = wilson_interval(0, 1);
  REQUIRE(zero);
  CHECK(zero->low == 0.0);
  CHECK_THAT(zero->high, WithinAbs(0.793451, 2e-6));
  const auto one = wilson_interval(1, 1);
  REQUIRE(one);
  CHECK_THAT(one->low, WithinAbs(0.206549, 2e-6));
  CHECK(one->high == 1.0);
}

TEST_CASE("Wilson interval: no interval without people or with k outside 0..n", "[wilson]") {
  CHECK_FALSE(wilson_interval(0, 0));
  CHECK_FALSE(wilson_interval(3, 2));
  CHECK_FALSE(wilson_interval(-1, 5));
}

TEST_CASE("Wilson interval: containing a benchmark, bounds included", "[wilson]") {
  const RateInterval i{0.218808, 0.613416};
  CHECK(interval_contains(i, 0.41));
  CHECK(interval_contains(i, 0.31));
  CHECK_FALSE(interval_contains(i, 0.2));
  CHECK_FALSE(interval_contains(i, 0.62));
  CHECK(interval_contains({0.3, 0.5}, 0.5));
}
