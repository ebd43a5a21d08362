#include "disclosure/disclosure_control.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "ingest/table_schema.h"
#include "report/suppression.h"

namespace ips {

DisclosedCell DisclosedCell::shown(doc::Value value) {
  DisclosedCell c;
  c.value_ = std::move(value);
  return c;
}

DisclosedCell DisclosedCell::small(const doc::Value& marker) {
  DisclosedCell c;
  c.state_ = CellState::WithheldSmall;
  c.value_ = marker.suppression == doc::Suppression::SmallCount
                 ? doc::Value::small_count(marker.min_cell)
                 : doc::Value::withheld();
  return c;
}

DisclosedCell DisclosedCell::protecting() {
  DisclosedCell c;
  c.state_ = CellState::WithheldProtecting;
  c.value_ = doc::Value::withheld();
  return c;
}

std::optional<double> DisclosedCell::plotted() const {
  if (withheld() || !value_.is_numeric()) return std::nullopt;
  return value_.number;
}

std::optional<doc::Interval> DisclosedCell::plotted_interval() const {
  if (withheld()) return std::nullopt;
  return value_.interval;
}

doc::Value with_interval(const DisclosedCell& rate, const DisclosedCell& interval) {
  doc::Value v = rate.value();
  if (rate.withheld()) return v;
  if (interval.plotted_interval())
    v.interval = interval.plotted_interval();
  else
    v.interval_withheld = true;
  return v;
}

bool is_published(FigureId id, bool all_sites, bool current_period) {
  // An interval is published wherever its rate is.
  if (const auto rate = figure(id).interval_of)
    return is_published(*rate, all_sites, current_period);
  if (current_period) return figure(id).label_key != nullptr;
  if (all_sites) return id == FigureId::EmploymentRate;
  return id == FigureId::Served || id == FigureId::Worked || id == FigureId::EmploymentRate ||
         id == FigureId::WorkOrEducationRate;
}

namespace {

constexpr long kUnbounded =
    std::numeric_limits<long>::max() / 4096;  // sums of thousands stay in range

// The small-number rule for one figure (step 1).
doc::Value primary_value(const OutcomeFigures& f, FigureId id, int m) {
  const FigureDef& d = figure(id);
  switch (d.kind) {
    case FigureKind::Count:
      return count_value(count_of(f, id), m);
    case FigureKind::Rate:
      return rate_value(count_of(f, d.numerator), count_of(f, d.denominator), m);
    case FigureKind::PerFte:
      return caseload_value(f, m);
    case FigureKind::Mean:
    case FigureKind::Median:
      return statistic_value(raw_value(f, id), (f.*d.statistic).n, m, d.decimals);
    case FigureKind::Interval: {  // withheld whenever its rate is; else the rate and its bounds
      doc::Value v = primary_value(f, *d.interval_of, m);
      const std::optional<RateInterval> i = interval_value(f, id);
      if (v.suppressed() || !i) return doc::Value::withheld();
      v.interval = doc::Interval{i->low, i->high};
      return v;
    }
  }
  return doc::Value::withheld();
}

// What a reader could know of the counts of one half-year, and the decisions so far.
class HalfYearAudit {
 public:
  HalfYearAudit(const std::vector<OutcomeFigures>& sites, const OutcomeFigures& all, bool current,
                int min_cell)
      : sites_(sites.size()), units_(sites.size() + 1), current_(current), m_(min_cell) {
    for (const auto& f : sites) figures_.push_back(&f);
    figures_.push_back(&all);
    const auto& catalogue = figure_catalogue();
    for (int total = 0; total < 2; ++total)
      for (const FigureDef& d : catalogue)
        published_[total].push_back(is_published(d.id, total == 1, current_));
    cells_.assign(units_, std::vector<DisclosedCell>(catalogue.size()));
    truth_.assign(units_ * kCounts, 0);
    for (size_t u = 0; u < units_; ++u) {
      for (const FigureDef& d : catalogue) {
        const doc::Value v = primary_value(*figures_[u], d.id, m_);
        cells_[u][idx(d.id)] = v.suppressed() ? DisclosedCell::small(v) : DisclosedCell::shown(v);
      }
      for (FigureId c : count_figures()) truth_[var(u, c)] = count_of(*figures_[u], c);
    }
    // Step 2: a rate whose complement is small goes, and with it its numerator count.
    for (size_t u = 0; u < units_; ++u)
      for (const FigureDef& d : catalogue) {
        if (d.kind != FigureKind::Rate || !d.protect_complement || cells_[u][idx(d.id)].withheld())
          continue;
        const long rest = truth(u, d.denominator) - truth(u, d.numerator);
        if (rest < 1 || rest >= m_) continue;
        withhold(u, d.id);
        if (published(u, d.numerator))
          withhold(u, d.numerator);  // else served − worked gives it away
      }
    // The counts in one unit's row, and the sums over units.
    for (const FigureDef& d : catalogue) {
      if (!d.is_count()) continue;
      for (FigureId b : d.at_most) row_rules_.push_back({{{idx(d.id), 1}, {idx(b), -1}}});
      for (FigureId b : d.at_least) row_rules_.push_back({{{idx(b), 1}, {idx(d.id), -1}}});
      if (!d.at_most_sum.empty()) {
        RowRule r{{{idx(d.id), 1}}};
        for (FigureId b : d.at_most_sum) r.terms.push_back({idx(b), -1});
        row_rules_.push_back(r);
      }
    }
    for (const FigureDef& d : catalogue)
      if (d.kind == FigureKind::Rate) rates_.push_back(&d);
  }

  // Step 3: withhold more until no protected count can be worked out.
  void protect() {
    if (m_ < 2) return;
    // In rounds: one propagation over everything, then one step for each figure with an exposed
    // count (the first such count), since one complement often protects every small count of
    // its column; the next round checks again.
    for (size_t guard = 0; guard < units_ * figure_catalogue().size() + 1; ++guard) {
      const std::vector<std::pair<size_t, FigureId>> targets = exposed(everything_known());
      if (targets.empty()) return;
      // Intervals cost the reader least (the rates stay): the total's intervals that give an
      // exposed count's column away go first, alone in their round, as one of them pins the sum
      // every site adds up to; the next round sees what is still exposed without them.
      bool intervals = false;
      for (const auto& target : targets)
        for (FigureId id : intervals_revealing(sites_, target.second)) {
          withhold(sites_, id);
          intervals = true;
        }
      if (intervals) continue;
      bool any = false;
      std::vector<bool> figure_done(kCounts, false);
      for (const auto& target : targets) {
        // A count pinned within its own row is freed in its row: all of those in one round.
        const bool in_row = pinned_in_row(target.first, target.second);
        if (!in_row && figure_done[idx(target.second)]) continue;
        if (!in_row) figure_done[idx(target.second)] = true;
        any = withhold_for(target) || any;
      }
      if (!any) return;  // nothing left to withhold (cannot happen with a total shown)
    }
  }

  PeriodDisclosure result() && {
    // An interval is withheld whenever its rate is (withhold() keeps this; stated once more).
    for (size_t u = 0; u < units_; ++u)
      for (const FigureDef& d : figure_catalogue())
        if (d.interval_of && cells_[u][idx(*d.interval_of)].withheld() &&
            !cells_[u][idx(d.id)].withheld())
          cells_[u][idx(d.id)] = DisclosedCell::protecting();
    PeriodDisclosure out;
    for (size_t u = 0; u < units_; ++u)
      for (const FigureDef& d : figure_catalogue()) {
        if (!published(u, d.id)) continue;
        const CellState s = cells_[u][idx(d.id)].state();
        if (s == CellState::WithheldSmall) ++out.withheld_small;
        if (s == CellState::WithheldProtecting) ++out.withheld_protecting;
      }
    out.cells = std::move(cells_);
    return out;
  }

 private:
  static constexpr size_t kCounts = kCountFigureCount;  // FigureId's counts come first
  struct Range {
    long low = 0, high = kUnbounded;
  };
  struct RowRule {  // Σ coef·count ≤ 0 within one unit (counts as their index)
    std::vector<std::pair<size_t, long>> terms;
  };

  static size_t idx(FigureId id) { return static_cast<size_t>(id); }
  size_t var(size_t unit, FigureId count) const { return unit * kCounts + idx(count); }
  long truth(size_t unit, FigureId count) const { return truth_[var(unit, count)]; }
  bool is_total(size_t unit) const { return unit == sites_; }
  bool published(size_t unit, FigureId id) const {
    return published_[is_total(unit) ? 1 : 0][idx(id)];
  }
  bool shown(size_t unit, FigureId id) const {
    return published(unit, id) && !cells_[unit][idx(id)].withheld();
  }

  // Withholds a cell to protect another, and the figures made of it in the same row (a rate ×
  // its denominator is its numerator).
  void withhold(size_t unit, FigureId id) {
    ++version_;
    DisclosedCell& c = cells_[unit][idx(id)];
    if (!c.withheld()) c = DisclosedCell::protecting();
    if (const auto interval = interval_figure(id)) {  // an interval never outlives its rate
      DisclosedCell& i = cells_[unit][idx(*interval)];
      if (!i.withheld()) i = DisclosedCell::protecting();
    }
    if (!figure(id).is_count()) return;
    // Also the rates over a part of it (work among those out of work at intake, when served goes).
    for (const FigureDef& d : figure_catalogue()) {
      if (d.is_count() || cells_[unit][idx(d.id)].withheld()) continue;
      const auto& within = figure(d.denominator).at_most;
      if (d.numerator == id || d.denominator == id ||
          std::find(within.begin(), within.end(), id) != within.end())
        cells_[unit][idx(d.id)] = DisclosedCell::protecting();
    }
  }

  // The published cells of one unit that give count `c` away: the count itself, a rate or
  // caseload with it as numerator, or an interval with it as numerator or denominator.
  std::vector<FigureId> revealing(size_t unit, FigureId c) const {
    std::vector<FigureId> out;
    if (shown(unit, c)) out.push_back(c);
    for (const FigureDef& d : figure_catalogue())
      if (!d.is_count() && d.kind != FigureKind::Mean && d.kind != FigureKind::Median &&
          (d.numerator == c || (d.kind == FigureKind::Interval && d.denominator == c)) &&
          shown(unit, d.id))
        out.push_back(d.id);
    return out;
  }

  // The shown intervals of a unit with count `c` as numerator or denominator.
  std::vector<FigureId> intervals_revealing(size_t unit, FigureId c) const {
    std::vector<FigureId> out;
    for (const FigureDef& d : figure_catalogue())
      if (d.kind == FigureKind::Interval && (d.numerator == c || d.denominator == c) &&
          shown(unit, d.id))
        out.push_back(d.id);
    return out;
  }

  // Every count's range as the published cells alone say it. A withheld complement is taken as
  // known to be 0 (a withheld 0 protects nothing) or at least min_cell (it is not small).
  std::vector<Range> knowledge(std::optional<size_t> only = std::nullopt) const {
    const bool one = only.has_value();
    const size_t only_unit = only.value_or(0);
    std::vector<Range> r(units_ * kCounts);
    for (size_t u = 0; u < units_; ++u)
      for (FigureId c : count_figures()) {
        if (one && only_unit != u) continue;
        if (!published(u, c)) continue;
        const long t = truth(u, c);
        switch (cells_[u][idx(c)].state()) {
          case CellState::Shown:
            r[var(u, c)] = {t, t};
            break;
          case CellState::WithheldSmall:
            r[var(u, c)] = {1, m_ - 1};
            break;
          case CellState::WithheldProtecting:
            r[var(u, c)] = t == 0 ? Range{0, 0} : Range{m_, kUnbounded};
            break;
        }
      }
    // A caseload shown gives its count away (the FTE is taken as known: errs on the safe side).
    for (size_t u = 0; u < units_; ++u)
      if ((!one || only_unit == u) && shown(u, FigureId::Caseload)) {
        const long t = truth(u, FigureId::ActiveWithFte);
        r[var(u, FigureId::ActiveWithFte)] = {t, t};
      }
    // A shown interval gives both its counts away: its bounds (stored to full precision in the
    // XLSX) fit only one k of n.
    for (size_t u = 0; u < units_; ++u) {
      if (one && only_unit != u) continue;
      for (const FigureDef& d : figure_catalogue())
        if (d.kind == FigureKind::Interval && shown(u, d.id))
          for (FigureId c : {d.numerator, d.denominator}) {
            const long t = truth(u, c);
            r[var(u, c)] = {t, t};
          }
    }
    return r;
  }

  static bool narrow(Range& x, long low, long high) {
    bool changed = false;
    if (low > x.low) x.low = low, changed = true;
    if (high < x.high) x.high = high, changed = true;
    return changed;
  }

  // Σ coef·x ≤ 0 over the given variables: narrows each from the others' extremes.
  // `terms` are (variable, coefficient) pairs, or (count, coefficient) with `base` the unit's first
  // variable (a row rule).
  static bool apply_le(std::vector<Range>& r, const std::vector<std::pair<size_t, long>>& terms,
                       size_t base = 0) {
    long min_sum = 0;
    int unbounded = 0;
    for (const auto& [v0, k] : terms) {
      const size_t v = base + v0;
      if (k > 0)
        min_sum += k * r[v].low;
      else if (r[v].high >= kUnbounded)
        ++unbounded;
      else
        min_sum += k * r[v].high;
    }
    bool changed = false;
    for (const auto& [v0, k] : terms) {
      const size_t v = base + v0;
      const bool own_unbounded = k < 0 && r[v].high >= kUnbounded;
      if (unbounded > (own_unbounded ? 1 : 0)) continue;
      const long own = k > 0 ? k * r[v].low : (own_unbounded ? 0 : k * r[v].high);
      const long room = -(min_sum - own);  // k·x ≤ room
      if (k > 0)
        changed |= narrow(r[v], 0, room >= 0 ? room / k : -((-room + k - 1) / k));
      else
        changed |= narrow(r[v], room <= 0 ? (-room - k - 1) / (-k) : -(room / (-k)), kUnbounded);
    }
    return changed;
  }

  // A shown rate, taken as exact (the XLSX cell stores it to full precision): num·b = den·a.
  static bool apply_rate(std::vector<Range>& r, size_t num, size_t den, long a, long b) {
    if (b <= 0) return false;
    bool changed = false;
    if (a == 0) return narrow(r[num], 0, 0);
    const Range d = r[den], n = r[num];
    changed |=
        narrow(r[num], (d.low * a + b - 1) / b, d.high >= kUnbounded ? kUnbounded : d.high * a / b);
    changed |= narrow(r[den], std::max(1L, (n.low * b + a - 1) / a),
                      n.high >= kUnbounded ? kUnbounded : n.high * b / a);
    // The exact fraction a/b in lowest terms p/q: num = p·k and den = q·k for a whole k ≥ 1.
    const long g = std::gcd(a, b), p = a / g, q = b / g;
    auto to_multiples = [&changed](Range& x, long step) {
      const long low = (x.low + step - 1) / step * step;
      const long high = x.high >= kUnbounded ? kUnbounded : x.high / step * step;
      changed |= narrow(x, low, high);
    };
    to_multiples(r[num], p);
    to_multiples(r[den], q);
    return changed;
  }

  // Interval propagation over every relation (or, with `row`, over that unit's row alone).
  void propagate(std::vector<Range>& r, std::optional<size_t> row) const {
    const size_t row_unit = row.value_or(0);
    std::vector<std::pair<size_t, long>> terms;
    // After the first pass, only the rows and columns whose ranges moved are looked at again.
    std::vector<char> unit_dirty(units_, 1), column_dirty(kCounts, 1);
    std::vector<Range> before;
    for (int pass = 0; pass < 1000; ++pass) {
      if (row)  // only the row can move
        before.assign(r.begin() + static_cast<long>(var(row_unit, FigureId::Served)),
                      r.begin() + static_cast<long>(var(row_unit, FigureId::Served) + kCounts));
      else
        before = r;
      for (size_t u = 0; u < units_; ++u) {
        if ((row && row_unit != u) || !unit_dirty[u]) continue;
        const size_t base = u * kCounts;
        for (const RowRule& rule : row_rules_) apply_le(r, rule.terms, base);
        for (const FigureDef* d : rates_)
          if (shown(u, d->id))
            apply_rate(r, var(u, d->numerator), var(u, d->denominator), truth(u, d->numerator),
                       truth(u, d->denominator));
      }
      if (!row)
        for (FigureId c : count_figures()) {  // all sites = Σ sites, both ways
          if (!column_dirty[idx(c)]) continue;
          terms.clear();
          terms.emplace_back(var(sites_, c), 1);
          for (size_t s = 0; s < sites_; ++s) terms.emplace_back(var(s, c), -1);
          apply_le(r, terms);
          for (auto& t : terms) t.second = -t.second;
          apply_le(r, terms);
        }
      bool changed = false;
      std::fill(unit_dirty.begin(), unit_dirty.end(), 0);
      std::fill(column_dirty.begin(), column_dirty.end(), 0);
      const size_t first = row ? var(row_unit, FigureId::Served) : 0;
      const size_t last = row ? first + kCounts : r.size();
      for (size_t v = first; v < last; ++v)
        if (r[v].low != before[v - first].low || r[v].high != before[v - first].high) {
          unit_dirty[v / kCounts] = 1;
          column_dirty[v % kCounts] = 1;
          changed = true;
        }
      if (!changed) return;
    }
  }

  // The counts of 1..min_cell−1 (and protected complements) a reader can pin to one value.
  std::vector<std::pair<size_t, FigureId>> exposed(const std::vector<Range>& r) const {
    std::vector<std::pair<size_t, FigureId>> out;
    for (size_t u = 0; u < units_; ++u)
      for (FigureId c : count_figures()) {
        const long t = truth(u, c);
        if (t >= 1 && t < m_ && r[var(u, c)].low == r[var(u, c)].high) out.emplace_back(u, c);
      }
    for (size_t u = 0; u < units_; ++u)
      for (const FigureDef& d : figure_catalogue()) {
        if (d.kind != FigureKind::Rate || !d.protect_complement) continue;
        const long rest = truth(u, d.denominator) - truth(u, d.numerator);
        const Range &n = r[var(u, d.numerator)], &den = r[var(u, d.denominator)];
        if (rest >= 1 && rest < m_ && n.low == n.high && den.low == den.high)
          out.emplace_back(u, d.numerator);
      }
    return out;
  }

  // Whether count c of the unit is known exactly: from its row alone, or from everything.
  bool pinned(size_t unit, FigureId c, bool row_only) const {
    if (!row_only) {
      const std::vector<Range>& r = everything_known();
      return r[var(unit, c)].low == r[var(unit, c)].high;
    }
    std::vector<Range> r = knowledge(unit);
    propagate(r, unit);
    return r[var(unit, c)].low == r[var(unit, c)].high;
  }

  // What a reader can work out from every published cell, as the cells now stand: propagated
  // once per state of the cells (a round's check and the last withholding's check often see the
  // same cells).
  const std::vector<Range>& everything_known() const {
    if (known_version_ != version_ || known_.empty()) {
      known_ = knowledge();
      propagate(known_, std::nullopt);
      known_version_ = version_;
    }
    return known_;
  }
  bool pinned_in_row(size_t unit, FigureId c) const { return pinned(unit, c, true); }

  // Withholds one shown rate of the row: the first whose withholding alone leaves count c open,
  // else the first (their numerators are the counts that pin it). False when none is shown.
  bool free_in_row(size_t unit, FigureId c, bool row_only = true) {
    std::optional<FigureId> first_rate;
    for (const FigureDef& d : figure_catalogue()) {
      if (d.kind != FigureKind::Rate || !shown(unit, d.id)) continue;
      if (!first_rate) first_rate = d.id;
      const std::vector<DisclosedCell> saved = cells_[unit];
      withhold(unit, d.id);
      if (!pinned(unit, c, row_only)) return true;
      cells_[unit] = saved;
      ++version_;
    }
    if (!first_rate) return false;
    withhold(unit, *first_rate);
    return true;
  }

  // Withholds more so that the exposed count (unit, c) is less exposed; false when nothing is left.
  bool withhold_for(std::pair<size_t, FigureId> target) {
    const auto [unit, c] = target;
    // Pinned within its own row (work or education beside worked and in education): withhold
    // the linked figures of the row, rates first.
    const bool in_row = pinned_in_row(unit, c);
    if (!in_row && sites_ > 2) {
      // The smallest non-zero shown count of the same figure at another unit (ties: the first).
      std::optional<size_t> pick;
      for (size_t s = 0; s < sites_; ++s) {
        if (s == unit || truth(s, c) <= 0 || revealing(s, c).empty()) continue;
        if (!pick || truth(s, c) < truth(*pick, c)) pick = s;
      }
      if (pick) {
        for (FigureId id : revealing(*pick, c)) withhold(*pick, id);
        // A complement its own row still gives away (work or education beside it, or work among
        // those out of work at intake) protects nothing: withhold the row's rates that pin it.
        while (pinned(*pick, c, false) && free_in_row(*pick, c, false)) {
        }
        return true;
      }
    }
    if (!in_row && !is_total(unit) &&
        !revealing(sites_, c).empty()) {  // the total, where the parts cannot help
      for (FigureId id : revealing(sites_, c)) withhold(sites_, id);
      return true;
    }
    if (free_in_row(unit, c)) return true;
    for (FigureId other : count_figures())
      if (other != c && shown(unit, other)) {
        withhold(unit, other);
        return true;
      }
    // Last resort: every shown cell giving the count away, anywhere.
    bool any = false;
    for (size_t u = 0; u < units_; ++u)
      for (FigureId id : revealing(u, c)) {
        withhold(u, id);
        any = true;
      }
    return any;
  }

  size_t sites_, units_;
  bool current_;
  int m_;
  std::vector<const OutcomeFigures*> figures_;
  std::vector<std::vector<DisclosedCell>> cells_;
  std::vector<long> truth_;
  std::vector<RowRule> row_rules_;
  std::vector<const FigureDef*> rates_;  // the catalogue's rates
  std::vector<bool> published_[2];       // is_published per figure: [site, all sites]
  uint64_t version_ = 0;                 // bumped whenever a cell changes
  mutable uint64_t known_version_ = 0;
  mutable std::vector<Range> known_;
};

}  // namespace

PeriodDisclosure decide_period(const std::vector<OutcomeFigures>& sites, const OutcomeFigures& all,
                               bool current_period, int min_cell) {
  HalfYearAudit p(sites, all, current_period, min_cell);
  p.protect();
  return std::move(p).result();
}

DisclosureControl::DisclosureControl(const OutcomeIndex& outcomes, size_t site_count,
                                     ips::Period period, int min_cell)
    : site_count_(site_count), min_cell_(min_cell) {
  const std::optional<ips::Period> first = outcomes.first_period();
  for (ips::Period p = first ? std::min(*first, period) : period; p <= period; p = p.next()) {
    std::vector<OutcomeFigures> sites;
    sites.reserve(site_count);
    for (size_t i = 0; i < site_count; ++i) sites.push_back(outcomes.site(i, p));
    const OutcomeFigures all = outcomes.all_sites(p);
    by_period_.emplace(p, decide_period(sites, all, p == period, min_cell));
  }
}

const PeriodDisclosure& DisclosureControl::of(ips::Period p) const {
  auto it = by_period_.find(p);
  if (it == by_period_.end())
    throw std::out_of_range("disclosure control: half-year " + p.key() + " not decided");
  return it->second;
}

const DisclosedCell& DisclosureControl::site(size_t site_index, ips::Period p, FigureId id) const {
  return of(p).cells.at(site_index).at(static_cast<size_t>(id));
}

const DisclosedCell& DisclosureControl::all_sites(ips::Period p, FigureId id) const {
  return of(p).cells.at(site_count_).at(static_cast<size_t>(id));
}

size_t DisclosureControl::withheld_small() const {
  size_t n = 0;
  for (const auto& [p, d] : by_period_) n += d.withheld_small;
  return n;
}

size_t DisclosureControl::withheld_protecting() const {
  size_t n = 0;
  for (const auto& [p, d] : by_period_) n += d.withheld_protecting;
  return n;
}

bool withhold_row_counts(const TableAccount& table, int min_cell) {
  if (table.table != table_spec(TableKind::Participants).name) return false;
  for (int n : {table.rows_read, table.rows_used, table.rows_excluded, table.duplicates})
    if (n >= 1 && n < min_cell) return true;
  return false;
}

}  // namespace ips
