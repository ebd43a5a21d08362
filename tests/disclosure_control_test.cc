// Disclosure control's decisions for one half-year, on figures made by hand: small numbers,
// complements of rates, secondary suppression over sums and over bounds within a row, and that a
// withheld cell carries no number.
#include <catch2/catch.hpp>

#include "disclosure/disclosure_control.h"

using namespace ips;

namespace {

OutcomeFigures site(long served, long worked, long education = 0, long both = 0) {
  OutcomeFigures f;
  f.served = served;
  f.worked = worked;
  f.in_education = education;
  f.work_or_education = worked + education - both;
  f.served_out_of_work = served;
  f.worked_out_of_work = worked;
  return f;
}

OutcomeFigures sum_of(const std::vector<OutcomeFigures>& parts) {
  OutcomeFigures t;
  for (const auto& p : parts) {
    t.served += p.served;
    t.worked += p.worked;
    t.in_education += p.in_education;
    t.work_or_education += p.work_or_education;
    t.served_out_of_work += p.served_out_of_work;
    t.worked_out_of_work += p.worked_out_of_work;
  }
  return t;
}

CellState state(const PeriodDisclosure& d, size_t unit, FigureId id) {
  return d.cells.at(unit).at(static_cast<size_t>(id)).state();
}

}  // namespace

TEST_CASE("a withheld cell carries no number to a renderer", "[disclosure]") {
  const DisclosedCell c = DisclosedCell::protecting();
  CHECK(c.value().suppression == doc::Suppression::Withheld);
  CHECK(c.value().number == 0);
  CHECK_FALSE(c.plotted().has_value());
  const DisclosedCell s = DisclosedCell::small(doc::Value::small_count(5));
  CHECK(s.value().suppression == doc::Suppression::SmallCount);
  CHECK(s.value().number == 0);
  CHECK(DisclosedCell::shown(doc::Value::count(12)).plotted() == 12);
}

TEST_CASE("a small count beside a shown total is protected by the smallest other count",
          "[disclosure]") {
  // Worked 3 (<5), 9, 20, 40 of 50 each: 72 − 9 − 20 − 40 = 3 unless 9 goes too.
  const std::vector<OutcomeFigures> sites = {site(50, 3), site(50, 9), site(50, 20), site(50, 40)};
  const PeriodDisclosure d = decide_period(sites, sum_of(sites), true, 5);
  CHECK(state(d, 0, FigureId::Worked) == CellState::WithheldSmall);
  CHECK(state(d, 1, FigureId::Worked) == CellState::WithheldProtecting);
  CHECK(state(d, 1, FigureId::EmploymentRate) ==
        CellState::WithheldProtecting);  // rate × served = count
  CHECK(state(d, 2, FigureId::Worked) == CellState::Shown);
  CHECK(state(d, 4, FigureId::Worked) == CellState::Shown);  // the total
  // In an earlier half-year all sites' rate × the sum of served is the total: the same protection.
  const PeriodDisclosure before = decide_period(sites, sum_of(sites), false, 5);
  CHECK(state(before, 1, FigureId::Worked) == CellState::WithheldProtecting);
}

TEST_CASE("with two sites the total is withheld, never the other site", "[disclosure]") {
  const std::vector<OutcomeFigures> sites = {site(3, 2), site(40, 20)};
  const PeriodDisclosure d = decide_period(sites, sum_of(sites), true, 5);
  CHECK(state(d, 0, FigureId::Served) == CellState::WithheldSmall);
  CHECK(state(d, 1, FigureId::Served) == CellState::Shown);
  CHECK(state(d, 2, FigureId::Served) == CellState::WithheldProtecting);
  CHECK(state(d, 2, FigureId::EmploymentRate) == CellState::WithheldProtecting);
}

TEST_CASE("a small count pinned by bounds within its row is protected", "[disclosure]") {
  // All sites: served 47, worked 9, in education 4 (<5), work or education 13 (27,7 %): 13 − 9 = 4.
  // Each site alone is not small; the total's education is (only the total's cells are small).
  std::vector<OutcomeFigures> sites = {site(20, 3, 1), site(14, 3, 2), site(13, 3, 1)};
  const OutcomeFigures all = sum_of(sites);
  REQUIRE(all.in_education == 4);
  REQUIRE(all.work_or_education == 13);
  const PeriodDisclosure d = decide_period(sites, all, true, 5);
  CHECK(state(d, 3, FigureId::InEducation) == CellState::WithheldSmall);
  CHECK(state(d, 3, FigureId::WorkOrEducationRate) != CellState::Shown);
}

TEST_CASE("a rate whose complement is small is withheld with its count", "[disclosure]") {
  // 10 of 12 in work: "all but 2" is a small number of people too (as in Norwegian public-health
  // statistics), so the rate and the worked count go; served stays.
  const std::vector<OutcomeFigures> sites = {site(12, 10), site(40, 10), site(40, 12),
                                             site(40, 15)};
  const PeriodDisclosure d = decide_period(sites, sum_of(sites), true, 5);
  CHECK(state(d, 0, FigureId::Served) == CellState::Shown);
  CHECK(state(d, 0, FigureId::Worked) == CellState::WithheldProtecting);
  CHECK(state(d, 0, FigureId::EmploymentRate) == CellState::WithheldProtecting);
  // And the sum cannot give the count back: another site's worked goes too.
  int protecting = 0;
  for (size_t s = 1; s < 4; ++s)
    protecting += state(d, s, FigureId::Worked) == CellState::WithheldProtecting;
  CHECK(protecting >= 1);
}

TEST_CASE("min_cell 0 or 1 withholds nothing", "[disclosure]") {
  const std::vector<OutcomeFigures> sites = {site(3, 1), site(40, 20)};
  for (int m : {0, 1}) {
    const PeriodDisclosure d = decide_period(sites, sum_of(sites), true, m);
    for (size_t unit = 0; unit < 3; ++unit)
      for (FigureId id : {FigureId::Served, FigureId::Worked, FigureId::EmploymentRate,
                          FigureId::WorkOrEducationRate})
        CHECK(state(d, unit, id) == CellState::Shown);
  }
}

TEST_CASE("participant row counts of 1..min_cell−1 withhold the file's row counts",
          "[disclosure]") {
  CHECK(withhold_row_counts({"a.csv", "", "Deltakere", 3, 3, 0, 0}, 5));
  CHECK(withhold_row_counts({"a.csv", "", "Deltakere", 7, 6, 1, 0}, 5));
  CHECK_FALSE(withhold_row_counts({"a.csv", "", "Deltakere", 7, 7, 0, 0}, 5));
  CHECK_FALSE(
      withhold_row_counts({"a.csv", "", "Enheter", 3, 3, 0, 0}, 5));  // sites are not people
  CHECK_FALSE(withhold_row_counts({"a.csv", "", "Deltakere", 3, 3, 0, 0}, 0));
}

TEST_CASE("disclosure control of 500 sites over 20 half-years", "[.disclosure-bench]") {
  // Many sites with some small counts in every half-year: the stage's cost, not a check.
  unsigned state = 1;
  auto next = [&state](long n) {
    state = state * 1103515245u + 12345u;
    return static_cast<long>((state >> 16) % static_cast<unsigned>(n));
  };
  for (int p = 0; p < 20; ++p) {
    std::vector<OutcomeFigures> sites;
    for (int s = 0; s < 500; ++s) {
      const long served = next(10) == 0 ? 1 + next(6) : 20 + next(150);
      const long worked = next(served + 1), education = next(served - worked + 1);
      OutcomeFigures f = site(served, worked, education);
      f.new_intakes = next(served + 1);
      f.ended = next(served + 1);
      f.served_out_of_work = served - next(served / 4 + 1);
      f.worked_out_of_work = std::min(worked, f.served_out_of_work);
      sites.push_back(f);
    }
    OutcomeFigures all = sum_of(sites);
    for (const auto& f : sites) all.new_intakes += f.new_intakes, all.ended += f.ended;
    const PeriodDisclosure d = decide_period(sites, all, p == 19, 5);
    CHECK(d.withheld_small > 0);
  }
}
