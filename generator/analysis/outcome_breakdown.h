// How the people of a period divide by the kind of their work and by why their follow-up ended
// (docs/figures.md, "Outcomes"): the counts behind the Halvårsrapport's table "Jobbtyper og
// avslutningsårsaker", published through the figure catalogue and disclosure control.
#pragma once

#include <string>
#include <vector>

#include "analysis/end_reason.h"
#include "model/dataset.h"

namespace ips {

/// The counts of one unit (a site or all sites) in one period.
struct OutcomeBreakdown {
  long worked_ordinary = 0;      // served, with an `ordinær` job overlapping P
  long worked_wage_subsidy = 0;  // served, with a `lønnstilskudd` job overlapping P
  long in_work_practice = 0;     // served, with an `arbeidspraksis` row overlapping P
  long ended_work = 0;           // ended in P, reason in the group Work
  long ended_education = 0;      // ended in P, reason in the group Education
  long ended_other = 0;          // ended in P, any other reason or none
};

/// Adds one participant, whose job rows are `jobs`, to the breakdown of `period`.
void add_to_breakdown(OutcomeBreakdown& b, const Participant& p,
                      const std::vector<const Job*>& jobs, Period period);

}  // namespace ips
