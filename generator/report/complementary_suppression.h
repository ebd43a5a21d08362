// Complementary ("secondary") suppression, sekundærprikking. When a table shows a total beside
// parts the small-number rule withholds, a lone withheld count is the total minus the parts that
// are shown. Here each column that adds up to a total withholds more cells (the smallest shown
// non-zero ones) or its total until no small count can be worked out. The decisions are made on
// the counts, before they become report values; a cell withheld here leaves only as "–".
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "analysis/outcomes.h"
#include "report/document.h"

namespace ips {

/// One part of a column whose parts add up to a total shown with them.
struct SummedCell {
  long value = 0;       // the true count (for a rate: its numerator); never shown when withheld
  bool small = false;   // withheld by the small-number rule: the figure to protect
  bool hidden = false;  // not shown for another reason (not in this report, or withheld elsewhere)
  // Bounds a reader knows from linked figures of the same row (worked ≤ served, work or education
  // ≥ worked), counted as known exactly even where the linked figure is withheld: errs on the safe
  // side.
  long lower = 0;
  std::optional<long> upper = std::nullopt;
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
/// 0 or at least min_cell (a withheld 0 is counted as known, which errs on the safe side), within
/// its linked bounds, and a complementary part is no larger than the non-zero counts still shown
/// (the rule picks the smallest; smaller than those in earlier rows, since ties go to the first).
bool small_part_determined(const std::vector<SummedCell>& parts, const ColumnWithholding& so_far,
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
  /// Withholds also what `other` withholds.
  OutcomeComplements& operator|=(const OutcomeComplements& other);
};

/// Every flag of OutcomeComplements, so that code over all of them cannot miss one.
const std::vector<bool OutcomeComplements::*>& outcome_complement_flags();

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

/// The national summary's withholding (every site beside all sites), decided once per period and
/// shared by every report of a run, so that no Halvårsrapport shows an all-sites figure the
/// national summary withholds. Safe to use from several threads; `outcomes` must outlive it.
class NationalComplements {
 public:
  NationalComplements(const OutcomeIndex& outcomes, size_t site_count, int min_cell);
  /// The withholding of the national outcomes table in the period (computed once, then remembered).
  const OutcomeWithholding& of(Period period) const;

 private:
  const OutcomeIndex& outcomes_;
  size_t site_count_;
  int min_cell_;
  mutable std::mutex mutex_;
  mutable std::map<Period, OutcomeWithholding> by_period_;
};

/// The other sites together: total − site for every additive figure (means and medians are left
/// empty).
OutcomeFigures outcome_remainder(const OutcomeFigures& total, const OutcomeFigures& site);

/// The value, or "–" when withheld to protect another cell (a suppressed value stays as it is).
doc::Value withheld_if(doc::Value value, bool withhold);

}  // namespace ips
