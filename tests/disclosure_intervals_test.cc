// Disclosure control of the rates' Wilson intervals (FigureKind::Interval), on figures made by
// hand: an interval shows its bounds only beside a shown rate, is withheld whenever its rate is,
// and is withheld first when its bounds (which give k and n away) would let a small count be
// worked out.
#include <catch2/catch.hpp>

#include <random>

#include "disclosure/disclosure_control.h"

using namespace ips;
using Catch::Matchers::WithinAbs;

namespace {

OutcomeFigures site(long served, long worked) {
  OutcomeFigures f;
  f.served = served;
  f.worked = worked;
  f.work_or_education = worked;
  return f;  // nobody recorded as out of work at intake: only the employment rate has an interval
}

OutcomeFigures sum_of(const std::vector<OutcomeFigures>& parts) {
  OutcomeFigures t;
  for (const auto& p : parts) {
    t.served += p.served;
    t.worked += p.worked;
    t.work_or_education += p.work_or_education;
    t.served_out_of_work += p.served_out_of_work;
    t.worked_out_of_work += p.worked_out_of_work;
  }
  return t;
}

const DisclosedCell& cell(const PeriodDisclosure& d, size_t unit, FigureId id) {
  return d.cells.at(unit).at(static_cast<size_t>(id));
}

}  // namespace

TEST_CASE("an interval is shown with its rate's bounds and withheld with its rate",
          "[disclosure][wilson]") {
  // Worked 3 (<5), 9, 20, 40 of 50 each: 3 is small, 9 goes too to protect it (with their rates
  // and so their intervals); 40 of 50 = 80,0 % is shown with its interval (66,9–88,8).
  const std::vector<OutcomeFigures> sites = {site(50, 3), site(50, 9), site(50, 20), site(50, 40)};
  const PeriodDisclosure d = decide_period(sites, sum_of(sites), true, 5);
  const DisclosedCell& shown = cell(d, 3, FigureId::EmploymentRateInterval);
  REQUIRE(shown.plotted_interval());
  CHECK_THAT(shown.plotted_interval()->low, WithinAbs(wilson_interval(40, 50)->low, 1e-12));
  CHECK_THAT(shown.plotted_interval()->high, WithinAbs(wilson_interval(40, 50)->high, 1e-12));
  CHECK_THAT(shown.plotted_interval()->low, WithinAbs(0.6696, 1e-4));
  const doc::Value v = with_interval(cell(d, 3, FigureId::EmploymentRate), shown);
  REQUIRE(v.interval);
  CHECK(v.number == 0.8);
  for (size_t s : {0, 1}) {
    CHECK(cell(d, s, FigureId::EmploymentRate).withheld());
    CHECK(cell(d, s, FigureId::EmploymentRateInterval).withheld());
    CHECK_FALSE(cell(d, s, FigureId::EmploymentRateInterval).plotted_interval());
  }
  // A withheld rate stays its marker alone, with no interval.
  const doc::Value gone = with_interval(cell(d, 0, FigureId::EmploymentRate),
                                        cell(d, 0, FigureId::EmploymentRateInterval));
  CHECK(gone.suppressed());
  CHECK_FALSE(gone.interval);
}

TEST_CASE("an all-sites interval that would give a small count away is withheld, its rate kept",
          "[disclosure][wilson]") {
  // An earlier half-year: the sites' served and worked are published, all sites' only as the
  // employment rate (47/94 = 1/2, which leaves served 92 or 94 and so the first site's 2 or 4
  // open). Its interval would give all sites' served = 94 away, and 94 − 90 = the first site's 4.
  const std::vector<OutcomeFigures> sites = {site(4, 2), site(20, 10), site(30, 15), site(40, 20)};
  const PeriodDisclosure d = decide_period(sites, sum_of(sites), false, 5);
  CHECK(cell(d, 0, FigureId::Served).state() == CellState::WithheldSmall);
  CHECK(cell(d, 4, FigureId::EmploymentRate).state() == CellState::Shown);
  CHECK(cell(d, 4, FigureId::EmploymentRateInterval).state() == CellState::WithheldProtecting);
  for (size_t s = 1; s < 4; ++s) {
    INFO("site " << s);
    CHECK(cell(d, s, FigureId::Served).state() == CellState::Shown);
    CHECK(cell(d, s, FigureId::EmploymentRateInterval).state() == CellState::Shown);
  }
}

TEST_CASE("no interval outlives its rate, over many generated half-years", "[disclosure][wilson]") {
  std::mt19937 random(19);
  for (int round = 0; round < 200; ++round) {
    std::vector<OutcomeFigures> sites;
    const int n = 2 + static_cast<int>(random() % 6);
    for (int s = 0; s < n; ++s) {
      const long served = static_cast<long>(random() % 30);
      sites.push_back(site(served, served == 0 ? 0 : static_cast<long>(random() % (served + 1))));
    }
    const bool current = round % 2 == 0;
    const PeriodDisclosure d = decide_period(sites, sum_of(sites), current, 5);
    for (size_t u = 0; u < d.cells.size(); ++u)
      for (FigureId rate : {FigureId::EmploymentRate, FigureId::EmploymentRateOutOfWork}) {
        const FigureId interval = *interval_figure(rate);
        INFO("round " << round << ", unit " << u);
        if (cell(d, u, rate).withheld()) CHECK(cell(d, u, interval).withheld());
        if (cell(d, u, interval).withheld()) CHECK_FALSE(cell(d, u, interval).plotted_interval());
      }
  }
}
