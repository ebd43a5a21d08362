#include "report/complementary_suppression.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "report/suppression.h"

namespace ips {

namespace {

// Large enough to stand for "no upper bound", small enough that sums of a few never overflow.
constexpr long kUnbounded = std::numeric_limits<long>::max() / 1024;

struct Bounds {
  long low = 0;
  long high = kUnbounded;
};

// What a reader can tell about a withheld part from the rules alone. Every bound holds the
// true value, and is as tight as the rules allow or tighter, so the check errs on the safe side.
// `cap`: for a complementary part, the largest value the selection rule leaves it.
Bounds reader_bounds(const SummedCell& part, int min_cell, std::optional<long> cap) {
  Bounds b;
  if (part.small)
    b = {std::min(part.value, 1L), std::max(part.value, static_cast<long>(min_cell) - 1)};
  else if (part.value == 0)
    return {0, 0};  // shown-size parts are 0 or ≥ min_cell; count a 0 as known
  else
    b = {std::min(part.value, static_cast<long>(min_cell)), kUnbounded};
  // Linked figures and the selection rule narrow the range, never past the true value.
  b.low = std::max(b.low, std::min(part.lower, part.value));
  if (part.upper) b.high = std::min(b.high, std::max(*part.upper, part.value));
  if (cap) b.high = std::min(b.high, std::max(*cap, part.value));
  return b;
}

// The complement in row `row` was the smallest non-zero shown count when it was picked, and
// equal counts go to the first row: so it is below every non-zero count still shown in an
// earlier row and at most every one in a later row.
std::optional<long> complement_cap(const std::vector<SummedCell>& parts,
                                   const std::vector<bool>& withheld, size_t row) {
  std::optional<long> cap;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (withheld[i] || parts[i].value <= 0) continue;
    const long limit = i < row ? parts[i].value - 1 : parts[i].value;
    cap = cap ? std::min(*cap, limit) : limit;
  }
  return cap;
}

}  // namespace

bool small_part_determined(const std::vector<SummedCell>& parts, const ColumnWithholding& so_far,
                           int min_cell) {
  const std::vector<bool>& withheld = so_far.withheld;
  long sum = 0, low_sum = 0, high_sum = 0;
  std::vector<Bounds> bounds(parts.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!withheld[i]) continue;
    // Hidden parts are not capped: they are not picked by the rule.
    const bool complementary = i < so_far.complementary.size() && so_far.complementary[i];
    bounds[i] = reader_bounds(parts[i], min_cell,
                              complementary ? complement_cap(parts, withheld, i) : std::nullopt);
    sum += parts[i].value;
    low_sum += bounds[i].low;
    high_sum = std::min(kUnbounded, high_sum + bounds[i].high);
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!withheld[i] || !parts[i].small || bounds[i].low >= bounds[i].high) continue;
    // The range left for part i once the others take anything their bounds allow.
    const long others_low = low_sum - bounds[i].low;
    const long others_high = high_sum >= kUnbounded ? kUnbounded : high_sum - bounds[i].high;
    const long highest = std::min(bounds[i].high, sum - others_low);
    const long lowest =
        others_high >= kUnbounded ? bounds[i].low : std::max(bounds[i].low, sum - others_high);
    if (highest <= lowest) return true;
  }
  return false;
}

ColumnWithholding withhold_complements(const std::vector<SummedCell>& parts, bool total_withheld,
                                       int min_cell) {
  ColumnWithholding out;
  out.withheld.resize(parts.size());
  out.complementary.resize(parts.size());
  for (size_t i = 0; i < parts.size(); ++i) out.withheld[i] = parts[i].small || parts[i].hidden;
  // Without a shown total there is no sum to subtract from; below 2 nothing is small.
  if (total_withheld || min_cell < 2) return out;
  while (small_part_determined(parts, out, min_cell)) {
    std::optional<size_t> pick;
    for (size_t i = 0; i < parts.size(); ++i)
      if (!out.withheld[i] && parts[i].value > 0 && (!pick || parts[i].value < parts[*pick].value))
        pick = i;
    // With two parts, withholding the other would leave only the total: withhold the total.
    if (parts.size() <= 2 || !pick) {
      out.total_withheld = true;
      break;
    }
    out.withheld[*pick] = true;
    out.complementary[*pick] = true;
  }
  return out;
}

const std::vector<bool OutcomeComplements::*>& outcome_complement_flags() {
  static const std::vector<bool OutcomeComplements::*> flags = {
      &OutcomeComplements::served,
      &OutcomeComplements::new_intakes,
      &OutcomeComplements::ended,
      &OutcomeComplements::worked,
      &OutcomeComplements::in_education,
      &OutcomeComplements::employment_rate,
      &OutcomeComplements::employment_rate_out_of_work,
      &OutcomeComplements::work_or_education_rate,
      &OutcomeComplements::caseload};
  return flags;
}

bool OutcomeComplements::any() const {
  const auto& flags = outcome_complement_flags();
  return std::any_of(flags.begin(), flags.end(), [this](auto flag) { return this->*flag; });
}

OutcomeComplements& OutcomeComplements::operator|=(const OutcomeComplements& other) {
  for (auto flag : outcome_complement_flags()) this->*flag = this->*flag || other.*flag;
  return *this;
}

bool OutcomeWithholding::any() const {
  return total.any() || std::any_of(parts.begin(), parts.end(),
                                    [](const OutcomeComplements& c) { return c.any(); });
}

namespace {

// One additive figure: each part's count, whether the small-number rule withholds it, and the
// same for the total.
struct FigureColumn {
  std::vector<SummedCell> parts;
  bool total_withheld = false;
};

template <typename CellOf>
FigureColumn column_of(const std::vector<OutcomeFigures>& parts, const OutcomeFigures& total,
                       const std::vector<bool>& hidden_parts, CellOf cell_of) {
  FigureColumn c;
  for (size_t i = 0; i < parts.size(); ++i) {
    SummedCell cell = cell_of(parts[i]);
    cell.hidden = cell.hidden || (i < hidden_parts.size() && hidden_parts[i]);
    c.parts.push_back(cell);
  }
  const SummedCell t = cell_of(total);
  c.total_withheld = t.small || t.hidden;
  return c;
}

// Runs the rule on one figure and records, per part and for the total, what it withheld.
template <typename CellOf>
ColumnWithholding protect(OutcomeWithholding& out, bool OutcomeComplements::*flag,
                          const std::vector<OutcomeFigures>& parts, const OutcomeFigures& total,
                          int min_cell, const std::vector<bool>& hidden_parts, CellOf cell_of) {
  const FigureColumn c = column_of(parts, total, hidden_parts, cell_of);
  ColumnWithholding w = withhold_complements(c.parts, c.total_withheld, min_cell);
  for (size_t i = 0; i < parts.size(); ++i) out.parts[i].*flag = w.complementary[i];
  out.total.*flag = w.total_withheld;
  // For linked figures: withheld for any reason, total included.
  if (c.total_withheld) w.total_withheld = true;
  return w;
}

// A count beside the row's other figures: `upper` and `lower` are what those tell a reader.
SummedCell count_cell(long n, int min_cell, std::optional<long> upper = std::nullopt,
                      long lower = 0) {
  return {n, count_value(n, min_cell).suppressed(), false, lower, upper};
}

}  // namespace

OutcomeWithholding withhold_outcome_complements(const std::vector<OutcomeFigures>& parts,
                                                const OutcomeFigures& total, int min_cell,
                                                const std::vector<bool>& hidden_parts) {
  OutcomeWithholding out;
  out.parts.resize(parts.size());
  const int m = min_cell;
  auto run = [&](bool OutcomeComplements::*flag, auto cell_of) {
    return protect(out, flag, parts, total, m, hidden_parts, cell_of);
  };
  const ColumnWithholding served = run(&OutcomeComplements::served, [m](const OutcomeFigures& f) {
    return count_cell(f.served, m);
  });
  // The counts below are parts of the row's served (worked ≤ work or education ≤ served…): a
  // reader who sees served bounds a withheld one by it, so the columns are not protected alone.
  // Served is taken as known even where it is withheld (errs on the safe side); taking worked
  // as known where it is withheld would withhold whole columns for nothing.
  const ColumnWithholding worked = run(&OutcomeComplements::worked, [m](const OutcomeFigures& f) {
    return count_cell(f.worked, m, f.served);
  });
  run(&OutcomeComplements::new_intakes,
      [m](const OutcomeFigures& f) { return count_cell(f.new_intakes, m, f.served); });
  run(&OutcomeComplements::ended,
      [m](const OutcomeFigures& f) { return count_cell(f.ended, m, f.served); });
  const ColumnWithholding in_education =
      run(&OutcomeComplements::in_education,
          [m](const OutcomeFigures& f) { return count_cell(f.in_education, m, f.served); });
  run(&OutcomeComplements::employment_rate_out_of_work, [m](const OutcomeFigures& f) {
    return SummedCell{f.worked_out_of_work,
                      rate_value(f.worked_out_of_work, f.served_out_of_work, m).suppressed(), false,
                      0, std::min(f.served_out_of_work, f.worked)};
  });
  run(&OutcomeComplements::caseload, [m](const OutcomeFigures& f) {
    // Only parts with an FTE add to the total's numerator; one with FTE 0 adds but shows no
    // caseload.
    if (!f.fte) return SummedCell{};
    const bool shown = f.caseload_per_fte().has_value();
    return SummedCell{f.active_at_end_with_fte, shown && caseload_value(f, m).suppressed(), !shown,
                      0, f.served};
  });

  // Employment rate = worked / served, both shown in the same table: it hides wherever either does
  // (primary withholding is the small-number rule's own, so only complements are added here).
  for (size_t i = 0; i < parts.size(); ++i)
    out.parts[i].employment_rate = (served.complementary[i] || worked.complementary[i]) &&
                                   !rate_value(parts[i].worked, parts[i].served, m).suppressed();
  out.total.employment_rate = (served.total_withheld || worked.total_withheld) &&
                              !rate_value(total.worked, total.served, m).suppressed();

  // Work or education: its numerator is shown only through the rate, so it is a column of its
  // own; where served is withheld the rate is too, or served = count / rate. It is at least the
  // worked and in-education counts where those are shown, and at most served.
  FigureColumn woe;
  for (size_t i = 0; i < parts.size(); ++i) {
    const OutcomeFigures& f = parts[i];
    const bool small = rate_value(f.work_or_education, f.served, m).suppressed();
    const long at_least = std::max(worked.withheld[i] ? 0L : f.worked,
                                   in_education.withheld[i] ? 0L : f.in_education);
    woe.parts.push_back({f.work_or_education, small, served.withheld[i], at_least, f.served});
  }
  const bool total_rate_small = rate_value(total.work_or_education, total.served, m).suppressed();
  woe.total_withheld = total_rate_small || served.total_withheld;
  const ColumnWithholding w = withhold_complements(woe.parts, woe.total_withheld, m);
  for (size_t i = 0; i < parts.size(); ++i)
    out.parts[i].work_or_education_rate =
        (w.complementary[i] || served.complementary[i]) && !woe.parts[i].small;
  out.total.work_or_education_rate =
      !total_rate_small && (served.total_withheld || w.total_withheld);
  return out;
}

NationalComplements::NationalComplements(const OutcomeIndex& outcomes, size_t site_count,
                                         int min_cell)
    : outcomes_(outcomes), site_count_(site_count), min_cell_(min_cell) {}

const OutcomeWithholding& NationalComplements::of(Period period) const {
  // Held while computing, so that reports built at the same time wait for one decision.
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = by_period_.find(period);
  if (found != by_period_.end()) return found->second;
  std::vector<OutcomeFigures> sites;
  for (size_t i = 0; i < site_count_; ++i) sites.push_back(outcomes_.site(i, period));
  // std::map keeps its elements in place, so the reference stays valid as periods are added.
  return by_period_
      .emplace(period, withhold_outcome_complements(sites, outcomes_.all_sites(period), min_cell_))
      .first->second;
}

OutcomeFigures outcome_remainder(const OutcomeFigures& total, const OutcomeFigures& site) {
  OutcomeFigures r;
  r.served = total.served - site.served;
  r.new_intakes = total.new_intakes - site.new_intakes;
  r.ended = total.ended - site.ended;
  r.worked = total.worked - site.worked;
  r.served_out_of_work = total.served_out_of_work - site.served_out_of_work;
  r.worked_out_of_work = total.worked_out_of_work - site.worked_out_of_work;
  r.in_education = total.in_education - site.in_education;
  r.work_or_education = total.work_or_education - site.work_or_education;
  r.active_at_end = total.active_at_end - site.active_at_end;
  if (total.fte) r.fte = *total.fte - site.fte.value_or(0);
  r.active_at_end_with_fte = total.active_at_end_with_fte - site.active_at_end_with_fte;
  return r;
}

doc::Value withheld_if(doc::Value value, bool withhold) {
  if (!withhold || value.suppressed()) return value;
  doc::Value out = doc::Value::withheld();
  out.emphasis = value.emphasis;
  return out;
}

}  // namespace ips
