#include "analysis/outcomes.h"

#include <algorithm>
#include <numeric>
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
  std::unordered_map<std::string, size_t> site_index, participant_index;
  for (size_t i = 0; i < data.sites.size(); ++i) site_index.emplace(data.sites[i].key, i);
  for (size_t i = 0; i < data.participants.size(); ++i) {
    participant_index.emplace(data.participants[i].id, i);
    auto it = site_index.find(data.participants[i].site);
    if (it != site_index.end()) participants_by_site_[it->second].push_back(i);
    all_participants_.push_back(i);
    const Period p = Period::containing(data.participants[i].intake);
    if (!first_period_ || p < *first_period_) first_period_ = p;
  }
  for (size_t j = 0; j < data.jobs.size(); ++j) {
    auto it = participant_index.find(data.jobs[j].participant);
    if (it != participant_index.end()) jobs_by_participant_[it->second].push_back(j);
  }
}

std::optional<Period> OutcomeIndex::first_period() const {
  return first_period_;
}

OutcomeFigures OutcomeIndex::site(size_t site_index, Period period) const {
  OutcomeFigures f = figures(participants_by_site_.at(site_index), period);
  f.fte = data_.sites[site_index].fte;
  f.active_at_end_with_fte = f.fte ? f.active_at_end : 0;
  return f;
}

OutcomeFigures OutcomeIndex::all_sites(Period period) const {
  std::lock_guard<std::mutex> lock(all_sites_mutex_);
  auto it = all_sites_cache_.find(period);
  if (it == all_sites_cache_.end())
    it = all_sites_cache_.emplace(period, compute_all_sites(period)).first;
  return it->second;
}

OutcomeFigures OutcomeIndex::compute_all_sites(Period period) const {
  OutcomeFigures f = figures(all_participants_, period);
  // Caseload for all sites: only the sites that have an FTE count, on both sides of the ratio.
  double fte = 0;
  bool any = false;
  long active = 0;
  const Date last = period.last_day();
  for (size_t s = 0; s < data_.sites.size(); ++s) {
    if (!data_.sites[s].fte) continue;
    any = true;
    fte += *data_.sites[s].fte;
    for (size_t p : participants_by_site_[s]) {
      const Participant& pp = data_.participants[p];
      if (pp.intake <= last && (!pp.ended || *pp.ended >= last)) ++active;
    }
  }
  if (any) f.fte = fte;
  f.active_at_end_with_fte = active;
  return f;
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
