// Outcome figures on a hand-made fixture; every expected value was worked out by hand from the
// definitions in docs/figures.md (the arithmetic is in the comments), not computed by the code.
#include <catch2/catch.hpp>

#include "analysis/outcomes.h"

using namespace ips;

namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date::from_ymd(y, m, day);
}

Participant person(const char* id, const char* site, Date intake, std::optional<bool> employed,
                   std::optional<Date> contact = {}, std::optional<Date> ended = {}) {
  Participant p;
  p.id = id;
  p.site = site;
  p.intake = intake;
  p.employed_at_intake = employed;
  p.first_employer_contact = contact;
  p.ended = ended;
  return p;
}

Job job(const char* who, JobKind kind, Date start, std::optional<Date> end,
        std::optional<double> hours) {
  Job j;
  j.participant = who;
  j.kind = kind;
  j.start = start;
  j.end = end;
  j.hours_per_week = hours;
  return j;
}

/// Site A (2.0 FTE) and site B (no FTE register value); the period under test is 2016-H1.
Dataset fixture() {
  Dataset data;
  data.sites.push_back(Site{"A", "A", "", "", "", {}, 2.0});
  data.sites.push_back(Site{"B", "B", "", "", "", {}, {}});
  // p1: active all along; its ordinary job ends in P after 120 days (1 Nov 2015 – 29 Feb 2016).
  data.participants.push_back(person("p1", "A", d(2015, 9, 1), false, d(2015, 10, 1)));
  data.jobs.push_back(job("p1", JobKind::Ordinary, d(2015, 11, 1), d(2016, 2, 29), 20));
  // p2: new in P, first contact after 20 days, first job (wage subsidy) after 46 days, ends in P.
  data.participants.push_back(
      person("p2", "A", d(2016, 1, 15), false, d(2016, 2, 4), d(2016, 5, 31)));
  data.jobs.push_back(job("p2", JobKind::WageSubsidy, d(2016, 3, 1), {}, 30));
  // p3: new, employed at intake, contact after 10 days; work practice (not competitive) and
  // education.
  data.participants.push_back(person("p3", "A", d(2016, 3, 1), true, d(2016, 3, 11)));
  data.jobs.push_back(job("p3", JobKind::WorkPractice, d(2016, 4, 1), {}, 10));
  data.jobs.push_back(job("p3", JobKind::Education, d(2016, 4, 1), {}, {}));
  // p4: ended the day before P began: not served in P.
  data.participants.push_back(person("p4", "A", d(2014, 1, 1), false, {}, d(2015, 12, 31)));
  data.jobs.push_back(job("p4", JobKind::Ordinary, d(2014, 6, 1), d(2015, 12, 31), 37.5));
  // p5: intake on P's last day, employment at intake unknown, contact the same day (0 days);
  // the first job starts the day after P.
  data.participants.push_back(person("p5", "A", d(2016, 6, 30), std::nullopt, d(2016, 6, 30)));
  data.jobs.push_back(job("p5", JobKind::Ordinary, d(2016, 7, 1), {}, 25));
  // p6: ended on P's first day: served, ended in P; its job (no hours) ends that day after 214
  // days.
  data.participants.push_back(person("p6", "A", d(2015, 1, 1), false, {}, d(2016, 1, 1)));
  data.jobs.push_back(job("p6", JobKind::Ordinary, d(2015, 6, 1), d(2016, 1, 1), std::nullopt));
  // q1 (site B): two ordinary jobs in P; first after 9 days; the first lasts 10 days.
  data.participants.push_back(person("q1", "B", d(2016, 2, 1), false));
  data.jobs.push_back(job("q1", JobKind::Ordinary, d(2016, 2, 10), d(2016, 2, 20), 10));
  data.jobs.push_back(job("q1", JobKind::Ordinary, d(2016, 4, 1), {}, 15));
  return data;
}

}  // namespace

TEST_CASE("outcomes of one site follow docs/figures.md, with jobs spanning periods and open ends") {
  const Dataset data = fixture();
  const OutcomeIndex index(data);
  const OutcomeFigures a = index.site(0, Period{2016, 1});
  CHECK(a.served == 5);       // p1 p2 p3 p5 p6
  CHECK(a.new_intakes == 3);  // p2 p3 p5
  CHECK(a.ended == 2);        // p2 p6
  CHECK(a.worked == 3);       // p1 p2 p6
  CHECK(*a.employment_rate() == Approx(0.6));
  CHECK(a.served_out_of_work == 3);  // p1 p2 p6 (p5 unknown, p3 employed)
  CHECK(a.worked_out_of_work == 3);
  CHECK(*a.employment_rate_out_of_work() == Approx(1.0));
  CHECK(a.in_education == 1);  // p3
  CHECK(a.work_or_education == 4);
  CHECK(*a.work_or_education_rate() == Approx(0.8));
  CHECK(a.days_to_first_contact.n == 3);  // 20, 10, 0
  CHECK(*a.days_to_first_contact.mean == Approx(10));
  CHECK(*a.days_to_first_contact.median == Approx(10));
  CHECK(a.days_to_first_job.n == 1);  // p2: 46
  CHECK(*a.days_to_first_job.median == Approx(46));
  CHECK(a.hours_per_week.n == 2);  // 20, 30 (p6's job has no hours)
  CHECK(*a.hours_per_week.mean == Approx(25));
  CHECK(a.job_tenure_days.n == 2);  // 120, 214
  CHECK(*a.job_tenure_days.median == Approx(167));
  CHECK(a.active_at_end == 3);  // p1 p3 p5
  CHECK(*a.caseload_per_fte() == Approx(1.5));
}

TEST_CASE("several jobs per person count the person once - a site without FTE has no caseload") {
  const Dataset data = fixture();
  const OutcomeIndex index(data);
  const OutcomeFigures b = index.site(1, Period{2016, 1});
  CHECK(b.served == 1);
  CHECK(b.worked == 1);
  CHECK(*b.hours_per_week.mean == Approx(12.5));
  CHECK(*b.job_tenure_days.median == Approx(10));
  CHECK(*b.days_to_first_job.median == Approx(9));
  CHECK_FALSE(b.caseload_per_fte().has_value());
}

TEST_CASE("all sites together pool the people, and the caseload counts only sites with FTE") {
  const Dataset data = fixture();
  const OutcomeIndex index(data);
  const OutcomeFigures all = index.all_sites(Period{2016, 1});
  CHECK(all.served == 6);
  CHECK(all.worked == 4);
  CHECK(all.served_out_of_work == 4);
  CHECK(all.new_intakes == 4);
  CHECK(*all.days_to_first_job.median == Approx(27.5));  // 46 and 9
  CHECK(*all.hours_per_week.mean == Approx(18.75));      // 20 30 10 15
  CHECK(*all.job_tenure_days.median == Approx(120));     // 10 120 214
  CHECK(all.active_at_end == 4);
  CHECK(*all.caseload_per_fte() == Approx(1.5));  // site A only: 3 / 2.0
}

TEST_CASE("a participant who ended before the period is not served - one with no jobs is served") {
  const Dataset data = fixture();
  const OutcomeIndex index(data);
  const OutcomeFigures a = index.site(0, Period{2015, 2});
  CHECK(a.served == 3);  // p1, p4 (ended 31 Dec), p6
  CHECK(a.worked == 3);
  CHECK(a.ended == 1);              // p4
  CHECK(a.job_tenure_days.n == 1);  // p4's job: 1 Jun 2014 – 31 Dec 2015 = 578 days
  CHECK(*a.job_tenure_days.median == Approx(578));
  CHECK(index.first_period() == Period{2014, 1});
}

TEST_CASE("medians of even and odd counts") {
  CHECK(*median_of({3, 1, 2}) == 2);
  CHECK(*median_of({4, 1, 3, 2}) == 2.5);
  CHECK_FALSE(median_of({}).has_value());
}

namespace {

// Many people at many sites over several years, with every kind of job, open and closed ends,
// ends before intake and people whose site or person is not in the register: the shapes the
// whole-table pass and the one-period computation must agree on.
Dataset random_outcomes_data(unsigned seed) {
  unsigned state = seed;
  auto next = [&state](int n) {
    state = state * 1103515245u + 12345u;
    return static_cast<int>((state >> 16) % static_cast<unsigned>(n));
  };
  auto day = [&next](int from_year, int years) {
    return d(from_year + next(years), 1 + static_cast<unsigned>(next(12)),
             1 + static_cast<unsigned>(next(28)));
  };
  Dataset data;
  for (int s = 0; s < 12; ++s) {
    Site site;
    site.key = "S" + std::to_string(s);
    if (s % 3 != 0) site.fte = 1.5 + s;
    data.sites.push_back(site);
  }
  for (int i = 0; i < 900; ++i) {
    const std::string id = "p" + std::to_string(i);
    const std::string site = next(40) == 0 ? "unknown" : "S" + std::to_string(next(12));
    const Date intake = day(2013, 4);
    std::optional<bool> employed;
    if (next(3) == 0) employed = next(2) == 0;
    std::optional<Date> contact, ended;
    if (next(2)) contact = Date{intake.days + next(300) - 20};
    if (next(3) == 0) ended = Date{intake.days + next(900) - 30};
    data.participants.push_back(person(id.c_str(), site.c_str(), intake, employed, contact, ended));
    static const char* const reasons[] = {"I jobb", "Begynt på utdanning", "Flyttet", ""};
    data.participants.back().end_reason = reasons[next(4)];
    for (int j = next(4); j > 0; --j) {
      const Date start{intake.days + next(700) - 50};
      std::optional<Date> end;
      if (next(2)) end = Date{start.days + next(400)};
      std::optional<double> hours;
      if (next(3)) hours = 5 + next(60) * 0.5;
      data.jobs.push_back(job(next(30) == 0 ? "nobody" : id.c_str(), static_cast<JobKind>(next(5)),
                              start, end, hours));
    }
  }
  return data;
}

void check_same(const OutcomeFigures& a, const OutcomeFigures& b) {
  CHECK(a.served == b.served);
  CHECK(a.new_intakes == b.new_intakes);
  CHECK(a.ended == b.ended);
  CHECK(a.worked == b.worked);
  CHECK(a.served_out_of_work == b.served_out_of_work);
  CHECK(a.worked_out_of_work == b.worked_out_of_work);
  CHECK(a.in_education == b.in_education);
  CHECK(a.work_or_education == b.work_or_education);
  CHECK(a.active_at_end == b.active_at_end);
  CHECK(a.active_at_end_with_fte == b.active_at_end_with_fte);
  CHECK(a.fte == b.fte);
  CHECK(a.breakdown.worked_ordinary == b.breakdown.worked_ordinary);
  CHECK(a.breakdown.worked_wage_subsidy == b.breakdown.worked_wage_subsidy);
  CHECK(a.breakdown.in_work_practice == b.breakdown.in_work_practice);
  CHECK(a.breakdown.ended_work == b.breakdown.ended_work);
  CHECK(a.breakdown.ended_education == b.breakdown.ended_education);
  CHECK(a.breakdown.ended_other == b.breakdown.ended_other);
  for (auto s : {&OutcomeFigures::days_to_first_contact, &OutcomeFigures::days_to_first_job,
                 &OutcomeFigures::hours_per_week, &OutcomeFigures::job_tenure_days}) {
    CHECK((a.*s).n == (b.*s).n);
    CHECK((a.*s).mean == (b.*s).mean);  // the same bits: the values are added in the same order
    CHECK((a.*s).median == (b.*s).median);
  }
}

}  // namespace

TEST_CASE(
    "the whole-table pass gives every site's and all sites' figures of every half-year as "
    "computed one half-year at a time") {
  for (unsigned seed : {3u, 41u}) {
    const Dataset data = random_outcomes_data(seed);
    const OutcomeIndex index(data);
    REQUIRE(index.first_period());
    for (Period p = index.first_period()->previous(); p <= Period{2019, 2}; p = p.next()) {
      INFO("seed " << seed << ", " << p.key());
      for (size_t s = 0; s < data.sites.size(); ++s) {
        INFO("site " << s);
        check_same(index.site(s, p), index.site_computed_alone(s, p));
      }
      check_same(index.all_sites(p), index.all_sites_computed_alone(p));
    }
  }
}
