// Complementary ("secondary") suppression, sekundærprikking. When a table shows a total beside
// parts the small-number rule withholds, a lone withheld count is the total minus the parts that
// are shown. Here each column that adds up to a total withholds more cells (the smallest shown
// non-zero ones) or its total until no small count can be worked out. The decisions are made on
// the counts, before they become report values; a cell withheld here leaves only as "–".
#pragma once

#include <vector>

#include "analysis/outcomes.h"
#include "report/document.h"

namespace ips {

/// One part of a column whose parts add up to a total shown with them.
struct SummedCell {
  long value = 0;       // the true count (for a rate: its numerator); never shown when withheld
  bool small = false;   // withheld by the small-number rule: the figure to protect
  bool hidden = false;  // not shown for another reason (not in this report, or withheld elsewhere)
};

/// What one column shows: which parts are withheld, and whether the total is.
struct ColumnWithholding {
  std::vector<bool> withheld;  // per part: small, hidden or complementary
  std::vector<bool>
      complementary;            // per part: withheld only so that a small part cannot be worked out
  bool total_withheld = false;  // the total withheld so that a small part cannot be worked out
};

/// True when a small part's exact value follows from the withheld parts' sum (= total − shown
/// parts), given what a reader knows: a small part is 1..min_cell−1, any other withheld part is
/// 0 or at least min_cell (a withheld 0 is counted as known, which errs on the safe side).
bool small_part_determined(const std::vector<SummedCell>& parts, const std::vector<bool>& withheld,
                           int min_cell);

/// Withholds the smallest non-zero shown parts (ties: the first) until no small part can be
/// worked out; with only one other part, or none left, withholds the total instead. Nothing
/// more is withheld when the total is already withheld or min_cell < 2.
ColumnWithholding withhold_complements(const std::vector<SummedCell>& parts, bool total_withheld,
                                       int min_cell);

/// Outcome figures withheld only to protect a small figure elsewhere in the same column.
struct OutcomeComplements {
  bool served = false;
  bool new_intakes = false;
  bool ended = false;
  bool worked = false;
  bool in_education = false;
  bool employment_rate = false;  // follows served and worked (rate × served = worked)
  bool employment_rate_out_of_work = false;
  bool work_or_education_rate = false;  // also withheld when served is (rate × served = count)
  bool caseload = false;                // caseload × FTE = the active count
  bool any() const;
};

/// The complementary withholding of a table of outcome figures for parts (sites) and their total.
struct OutcomeWithholding {
  std::vector<OutcomeComplements> parts;
  OutcomeComplements total;
  bool any() const;
};

/// Complementary suppression for every additive outcome figure of `parts` beside `total`
/// (means and medians are not additive and are left to the small-number rule). A part marked in
/// `hidden_parts` is never shown (e.g. "the other sites together" in a Halvårsrapport).
OutcomeWithholding withhold_outcome_complements(const std::vector<OutcomeFigures>& parts,
                                                const OutcomeFigures& total, int min_cell,
                                                const std::vector<bool>& hidden_parts = {});

/// The other sites together: total − site for every additive figure (means and medians are left
/// empty).
OutcomeFigures outcome_remainder(const OutcomeFigures& total, const OutcomeFigures& site);

/// The value, or "–" when withheld to protect another cell (a suppressed value stays as it is).
doc::Value withheld_if(doc::Value value, bool withhold);

}  // namespace ips
