#include "analysis/outcome_breakdown.h"

namespace ips {

namespace {

bool overlaps(const Job& j, Period period) {
  return j.start <= period.last_day() && (!j.end || *j.end >= period.first_day());
}

}  // namespace

void add_to_breakdown(OutcomeBreakdown& b, const Participant& p,
                      const std::vector<const Job*>& jobs, Period period) {
  if (p.ended && period.contains(*p.ended)) {
    switch (end_reason_group(p.end_reason)) {
      case EndReasonGroup::Work:
        ++b.ended_work;
        break;
      case EndReasonGroup::Education:
        ++b.ended_education;
        break;
      case EndReasonGroup::Other:
        ++b.ended_other;
        break;
    }
  }
  const bool served = p.intake <= period.last_day() && (!p.ended || *p.ended >= period.first_day());
  if (!served) return;
  bool ordinary = false, subsidy = false, practice = false;
  for (const Job* j : jobs) {
    if (!overlaps(*j, period)) continue;
    ordinary = ordinary || j->kind == JobKind::Ordinary;
    subsidy = subsidy || j->kind == JobKind::WageSubsidy;
    practice = practice || j->kind == JobKind::WorkPractice;
  }
  b.worked_ordinary += ordinary;
  b.worked_wage_subsidy += subsidy;
  b.in_work_practice += practice;
}

}  // namespace ips
