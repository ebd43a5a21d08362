#include <catch2/catch.hpp>

#include "report/suppression.h"
#include "report/value_format.h"

using namespace ips;
using doc::Suppression;

TEST_CASE("counts from 1 to min_cell−1 show as <5 - 0 and 5 show as themselves") {
  CHECK(count_value(0, 5).number == 0);
  CHECK_FALSE(count_value(0, 5).suppressed());
  CHECK(count_value(1, 5).suppression == Suppression::SmallCount);
  CHECK(count_value(4, 5).suppression == Suppression::SmallCount);
  CHECK(count_value(4, 5).number == 0);  // the real count is gone
  CHECK(doc::format_value(count_value(4, 5), Lang::Nb) == "<5");
  CHECK_FALSE(count_value(5, 5).suppressed());
  CHECK(count_value(5, 5).number == 5);
  CHECK_FALSE(count_value(1, 0).suppressed());  // min_cell 0 disables
}

TEST_CASE("a rate is withheld when its numerator is suppressed or its denominator is small") {
  CHECK(rate_value(4, 20, 5).suppression == Suppression::Withheld);  // numerator <5
  CHECK(rate_value(3, 4, 5).suppression == Suppression::Withheld);   // denominator <5
  CHECK(rate_value(5, 4, 5).suppression == Suppression::Withheld);
  CHECK(rate_value(0, 10, 5).number == 0);  // zero is shown
  CHECK_FALSE(rate_value(0, 10, 5).suppressed());
  CHECK(rate_value(5, 10, 5).number == Approx(0.5));
  CHECK(rate_value(0, 0, 0).suppression == Suppression::Withheld);  // no denominator at all
  CHECK(rate_value(1, 2, 0).number == Approx(0.5));
}

TEST_CASE("means and medians from fewer than min_cell people are withheld") {
  CHECK(statistic_value(12.5, 4, 5, 1).suppression == Suppression::Withheld);
  CHECK(statistic_value(12.5, 5, 5, 1).number == 12.5);
  CHECK(statistic_value(std::nullopt, 10, 5, 1).suppressed());
}

TEST_CASE("caseload per FTE is withheld when the active count is small") {
  OutcomeFigures f;
  f.fte = 2.0;
  f.active_at_end_with_fte = 4;
  CHECK(caseload_value(f, 5).suppressed());
  f.active_at_end_with_fte = 41;
  CHECK(caseload_value(f, 5).number == Approx(20.5));
  f.active_at_end_with_fte = 0;
  CHECK(caseload_value(f, 5).number == 0);
  f.fte.reset();
  CHECK(caseload_value(f, 5).suppressed());
}
