#include "analysis/outcome_breakdown.h"

#include <algorithm>
#include <cctype>

namespace ips {

namespace {

// ASCII lower case: the keywords are ASCII, and UTF-8 bytes of æøå stay as they are.
std::string lowered(const std::string& s) {
  std::string out = s;
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool has_any(const std::string& text, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (text.find(w) != std::string::npos) return true;
  return false;
}

bool overlaps(const Job& j, Period period) {
  return j.start <= period.last_day() && (!j.end || *j.end >= period.first_day());
}

}  // namespace

EndReasonGroup end_reason_group(const std::string& reason) {
  std::string t = lowered(reason);
  // Work practice is not work (IPS counts ordinary jobs): take it out before looking for work.
  for (const char* practice : {"arbeidspraksis", "work practice", "work placement"})
    for (size_t at; (at = t.find(practice)) != std::string::npos;)
      t.erase(at, std::string(practice).size());
  if (has_any(t, {"jobb", "arbeid", "job", "employ", "work"})) return EndReasonGroup::Work;
  if (has_any(t, {"utdanning", "skole", "studi", "educat", "school", "stud"}))
    return EndReasonGroup::Education;
  return EndReasonGroup::Other;
}

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
