#include "analysis/outcomes.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ips {

namespace {

std::optional<double> ratio(long numerator, long denominator) {
  if (denominator <= 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

Statistic statistic(std::vector<double> values) {
  Statistic s;
  s.n = static_cast<long>(values.size());
  if (values.empty()) return s;
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  s.median = median_of(std::move(values));
  return s;
}

bool active_in(const Participant& p, Period period) {
  return p.intake <= period.last_day() && (!p.ended || *p.ended >= period.first_day());
}

bool overlaps(const Job& j, Period period) {
  return j.start <= period.last_day() && (!j.end || *j.end >= period.first_day());
}

}  // namespace

std::optional<double> median_of(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<long>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<long>(mid));
  return (lower + upper) / 2.0;
}

std::optional<double> OutcomeFigures::employment_rate() const {
  return ratio(worked, served);
}
std::optional<double> OutcomeFigures::employment_rate_out_of_work() const {
  return ratio(worked_out_of_work, served_out_of_work);
}
std::optional<double> OutcomeFigures::work_or_education_rate() const {
  return ratio(work_or_education, served);
}
std::optional<double> OutcomeFigures::caseload_per_fte() const {
  if (!fte || *fte <= 0) return std::nullopt;
  return static_cast<double>(active_at_end_with_fte) / *fte;
}

OutcomeIndex::OutcomeIndex(const Dataset& data) : data_(data) {
  participants_by_site_.resize(data.sites.size());
  jobs_by_participant_.resize(data.participants.size());
  site_of_participant_.assign(data.participants.size(), data.sites.size());
  // Keys are views of the data set's own strings (no copies of 200 000 ids at 500 sites).
  std::unordered_map<std::string_view, size_t> site_index, participant_index;
  site_index.reserve(data.sites.size());
  participant_index.reserve(data.participants.size());
  for (size_t i = 0; i < data.sites.size(); ++i) site_index.emplace(data.sites[i].key, i);
  auto dated = [this](Date d) {
    const Period p = Period::containing(d);
    if (!last_dated_period_ || p > *last_dated_period_) last_dated_period_ = p;
  };
  for (size_t i = 0; i < data.participants.size(); ++i) {
    const Participant& pp = data.participants[i];
    participant_index.emplace(pp.id, i);
    auto it = site_index.find(pp.site);
    if (it != site_index.end()) {
      participants_by_site_[it->second].push_back(i);
      site_of_participant_[i] = it->second;
    }
    all_participants_.push_back(i);
    const Period p = Period::containing(pp.intake);
    if (!first_period_ || p < *first_period_) first_period_ = p;
    dated(pp.intake);
    if (pp.ended) dated(*pp.ended);
    if (pp.first_employer_contact) dated(*pp.first_employer_contact);
  }
  // Exports list a person's jobs together: the previous job's person is looked up only once.
  std::optional<std::pair<std::string_view, size_t>> previous;
  for (size_t j = 0; j < data.jobs.size(); ++j) {
    const std::string_view who = data.jobs[j].participant;
    if (!previous || previous->first != who) {
      auto it = participant_index.find(who);
      if (it == participant_index.end()) continue;
      previous.emplace(who, it->second);
    }
    jobs_by_participant_[previous->second].push_back(j);
    dated(data.jobs[j].start);
    if (data.jobs[j].end) dated(*data.jobs[j].end);
  }
}

std::optional<Period> OutcomeIndex::first_period() const {
  return first_period_;
}

OutcomeFigures OutcomeIndex::with_site_fte(OutcomeFigures f, size_t site_index) const {
  f.fte = data_.sites[site_index].fte;
  f.active_at_end_with_fte = f.fte ? f.active_at_end : 0;
  return f;
}

OutcomeFigures OutcomeIndex::site(size_t site_index, Period period) const {
  const size_t units = data_.sites.size() + 1;
  if (site_index >= data_.sites.size())
    throw std::out_of_range("outcomes: no site " + std::to_string(site_index));
  if (const OutcomeFigures* f = table().find(period, site_index, units)) return *f;
  return site_computed_alone(site_index, period);
}

OutcomeFigures OutcomeIndex::site_computed_alone(size_t site_index, Period period) const {
  return with_site_fte(figures(participants_by_site_.at(site_index), period), site_index);
}

OutcomeFigures OutcomeIndex::all_sites(Period period) const {
  const size_t units = data_.sites.size() + 1;
  if (const OutcomeFigures* f = table().find(period, units - 1, units)) return *f;
  return all_sites_computed_alone(period);
}

OutcomeFigures OutcomeIndex::all_sites_computed_alone(Period period) const {
  OutcomeFigures f = figures(all_participants_, period);
  // The caseload's numerator: the people active at the end of P at the sites with an FTE.
  const Date last = period.last_day();
  f.active_at_end_with_fte = 0;
  for (size_t s = 0; s < data_.sites.size(); ++s) {
    if (!data_.sites[s].fte) continue;
    for (size_t p : participants_by_site_[s]) {
      const Participant& pp = data_.participants[p];
      if (pp.intake <= last && (!pp.ended || *pp.ended >= last)) ++f.active_at_end_with_fte;
    }
  }
  return with_all_sites_fte(std::move(f));
}

// Caseload for all sites: only the sites that have an FTE count, on both sides of the ratio.
OutcomeFigures OutcomeIndex::with_all_sites_fte(OutcomeFigures f) const {
  double fte = 0;
  bool any = false;
  for (const Site& s : data_.sites) {
    if (!s.fte) continue;
    any = true;
    fte += *s.fte;
  }
  f.fte = any ? std::optional<double>(fte) : std::nullopt;
  return f;
}

const OutcomeFigures* OutcomeIndex::Table::find(Period p, size_t unit, size_t units) const {
  const int at = p.index() - first.index();
  if (at < 0 || at >= half_years) return nullptr;
  return &cells[static_cast<size_t>(at) * units + unit];
}

const OutcomeIndex::Table& OutcomeIndex::table() const {
  std::call_once(table_once_, [this] { table_ = build_table(); });
  return table_;
}

// One pass over the participants in data order (the order figures() takes them in, so every
// mean adds its values in the same order and gives the same bits): each person adds to the
// half-years their dates fall in, to their site's cell and to all sites'.
OutcomeIndex::Table OutcomeIndex::build_table() const {
  Table t;
  if (!first_period_ || !last_dated_period_ || *last_dated_period_ < *first_period_) return t;
  t.first = *first_period_;
  const int n = last_dated_period_->index() - first_period_->index() + 1;
  t.half_years = n;
  const size_t sites = data_.sites.size(), units = sites + 1;
  t.cells.assign(static_cast<size_t>(n) * units, OutcomeFigures{});
  // The values of each cell's statistics, in the order figures() would see them.
  struct Values {
    std::vector<double> contact, first_job, hours, tenure;
  };
  std::vector<Values> values(t.cells.size());
  std::vector<Date> last_day(static_cast<size_t>(n));
  std::vector<Period> period_at(static_cast<size_t>(n), t.first);
  {
    Period p = t.first;
    for (int i = 0; i < n; ++i, p = p.next()) {
      last_day[static_cast<size_t>(i)] = p.last_day();
      period_at[static_cast<size_t>(i)] = p;
    }
  }
  // The half-year of a date as an index into the table (may lie outside [0, n)).
  const int base = t.first.index();
  auto at = [base](Date d) { return Period::containing(d).index() - base; };
  auto in_table = [n](int i) { return i >= 0 && i < n; };
  std::vector<char> worked(static_cast<size_t>(n)), educated(static_cast<size_t>(n));
  for (size_t pi = 0; pi < data_.participants.size(); ++pi) {
    const Participant& p = data_.participants[pi];
    const size_t site = site_of_participant_[pi];
    // Adds to the person's site's cell (when the site is known) and to all sites'.
    auto each_unit = [&](int half_year, auto&& add) {
      const size_t row = static_cast<size_t>(half_year) * units;
      if (site < sites) add(t.cells[row + site], values[row + site]);
      add(t.cells[row + sites], values[row + sites]);
    };
    const int intake = at(p.intake);
    if (in_table(intake)) each_unit(intake, [](OutcomeFigures& f, Values&) { ++f.new_intakes; });
    if (p.ended && in_table(at(*p.ended)))
      each_unit(at(*p.ended), [](OutcomeFigures& f, Values&) { ++f.ended; });
    if (p.first_employer_contact && in_table(at(*p.first_employer_contact))) {
      const double days = days_between(p.intake, *p.first_employer_contact);
      each_unit(at(*p.first_employer_contact),
                [days](OutcomeFigures&, Values& v) { v.contact.push_back(days); });
    }
    // Active on a half-year's last day: intake on or before it, no end before it.
    const int from = std::max(intake, 0);
    for (int h = from; h < n; ++h) {
      const Date last = last_day[static_cast<size_t>(h)];
      if (p.ended && *p.ended < last) break;
      if (p.intake <= last) each_unit(h, [](OutcomeFigures& f, Values&) { ++f.active_at_end; });
    }

    std::fill(worked.begin(), worked.end(), 0);
    std::fill(educated.begin(), educated.end(), 0);
    std::optional<Date> first_competitive_start;
    for (size_t ji : jobs_by_participant_[pi]) {
      const Job& j = data_.jobs[ji];
      const bool competitive = is_competitive(j.kind);
      if (competitive && (!first_competitive_start || j.start < *first_competitive_start))
        first_competitive_start = j.start;
      // The half-years the job overlaps (a job that ended in P overlaps P).
      const int job_from = std::max(at(j.start), 0);
      const int job_to = j.end ? std::min(at(*j.end), n - 1) : n - 1;
      for (int h = job_from; h <= job_to; ++h) {
        if (competitive) {
          worked[static_cast<size_t>(h)] = 1;
          if (j.hours_per_week) {
            const double hours = *j.hours_per_week;
            each_unit(h, [hours](OutcomeFigures&, Values& v) { v.hours.push_back(hours); });
          }
          if (j.end && h == at(*j.end)) {
            const double days = days_between(j.start, *j.end);
            each_unit(h, [days](OutcomeFigures&, Values& v) { v.tenure.push_back(days); });
          }
        }
        if (j.kind == JobKind::Education) educated[static_cast<size_t>(h)] = 1;
      }
    }
    if (first_competitive_start && in_table(at(*first_competitive_start))) {
      const double days = days_between(p.intake, *first_competitive_start);
      each_unit(at(*first_competitive_start),
                [days](OutcomeFigures&, Values& v) { v.first_job.push_back(days); });
    }

    // Served: active at some time in the half-year (intake before its end, no end before its
    // start).
    const int to = p.ended ? std::min(at(*p.ended), n - 1) : n - 1;

    // Job kinds and end reasons: add_to_breakdown decides per half-year what the person adds,
    // so it is asked for every half-year they were served in and the one they ended in.
    std::vector<const Job*> own_jobs;
    own_jobs.reserve(jobs_by_participant_[pi].size());
    for (size_t ji : jobs_by_participant_[pi]) own_jobs.push_back(&data_.jobs[ji]);
    auto add_breakdown = [&](int h) {
      each_unit(h, [&](OutcomeFigures& f, Values&) {
        add_to_breakdown(f.breakdown, p, own_jobs, period_at[static_cast<size_t>(h)]);
      });
    };
    for (int h = from; h <= to; ++h) add_breakdown(h);
    if (p.ended && in_table(at(*p.ended)) && (at(*p.ended) < from || at(*p.ended) > to))
      add_breakdown(at(*p.ended));  // ended before their intake's half-year (bad dates)
    for (int h = from; h <= to; ++h) {
      const bool w = worked[static_cast<size_t>(h)], e = educated[static_cast<size_t>(h)];
      const bool out_of_work = p.employed_at_intake == false;
      each_unit(h, [w, e, out_of_work](OutcomeFigures& f, Values&) {
        ++f.served;
        if (w) ++f.worked;
        if (e) ++f.in_education;
        if (w || e) ++f.work_or_education;
        if (out_of_work) {
          ++f.served_out_of_work;
          if (w) ++f.worked_out_of_work;
        }
      });
    }
  }
  for (int h = 0; h < n; ++h) {
    const size_t row = static_cast<size_t>(h) * units;
    for (size_t u = 0; u < units; ++u) {
      OutcomeFigures& f = t.cells[row + u];
      Values& v = values[row + u];
      f.days_to_first_contact = statistic(std::move(v.contact));
      f.days_to_first_job = statistic(std::move(v.first_job));
      f.hours_per_week = statistic(std::move(v.hours));
      f.job_tenure_days = statistic(std::move(v.tenure));
    }
    long active_with_fte = 0;
    for (size_t s = 0; s < sites; ++s) {
      t.cells[row + s] = with_site_fte(std::move(t.cells[row + s]), s);
      active_with_fte += t.cells[row + s].active_at_end_with_fte;
    }
    t.cells[row + sites].active_at_end_with_fte = active_with_fte;
    t.cells[row + sites] = with_all_sites_fte(std::move(t.cells[row + sites]));
  }
  return t;
}

OutcomeFigures OutcomeIndex::figures(const std::vector<size_t>& participants, Period period) const {
  OutcomeFigures f;
  std::vector<double> contact_days, first_job_days, hours, tenure;
  const Date last = period.last_day();
  for (size_t pi : participants) {
    const Participant& p = data_.participants[pi];
    if (period.contains(p.intake)) ++f.new_intakes;
    if (p.ended && period.contains(*p.ended)) ++f.ended;
    if (p.first_employer_contact && period.contains(*p.first_employer_contact))
      contact_days.push_back(days_between(p.intake, *p.first_employer_contact));
    if (p.intake <= last && (!p.ended || *p.ended >= last)) ++f.active_at_end;

    std::optional<Date> first_competitive_start;
    bool worked = false, educated = false;
    for (size_t ji : jobs_by_participant_[pi]) {
      const Job& j = data_.jobs[ji];
      const bool competitive = is_competitive(j.kind);
      if (competitive && (!first_competitive_start || j.start < *first_competitive_start))
        first_competitive_start = j.start;
      if (!overlaps(j, period)) continue;  // a job that ended in P overlaps P
      if (competitive) {
        worked = true;
        if (j.hours_per_week) hours.push_back(*j.hours_per_week);
        if (j.end && period.contains(*j.end)) tenure.push_back(days_between(j.start, *j.end));
      }
      if (j.kind == JobKind::Education) educated = true;
    }
    std::vector<const Job*> own_jobs;
    for (size_t ji : jobs_by_participant_[pi]) own_jobs.push_back(&data_.jobs[ji]);
    add_to_breakdown(f.breakdown, p, own_jobs, period);
    if (first_competitive_start && period.contains(*first_competitive_start))
      first_job_days.push_back(days_between(p.intake, *first_competitive_start));

    if (!active_in(p, period)) continue;
    ++f.served;
    if (worked) ++f.worked;
    if (educated) ++f.in_education;
    if (worked || educated) ++f.work_or_education;
    if (p.employed_at_intake == false) {
      ++f.served_out_of_work;
      if (worked) ++f.worked_out_of_work;
    }
  }
  f.days_to_first_contact = statistic(std::move(contact_days));
  f.days_to_first_job = statistic(std::move(first_job_days));
  f.hours_per_week = statistic(std::move(hours));
  f.job_tenure_days = statistic(std::move(tenure));
  return f;
}

}  // namespace ips
