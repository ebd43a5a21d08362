// Disclosure control (prikking), the stage between analysis and the report builders. It sees
// every outcome cell the report set of a run publishes — every site and all sites, every
// half-year a trend shows, in every report, table, chart and key figure (the same figure in
// several places is one cell) — and the relations a reader can use: the sites add up to all
// sites; a rate × its denominator is its numerator; a sub-count is at most its group and work or
// education at least each part (analysis/figure_catalogue.h). It decides once per half-year:
//   1. small numbers: a count of 1..min_cell−1 is withheld as "<min_cell"; a rate, mean, median
//      or caseload resting on fewer than min_cell people or jobs as "–";
//   2. complements of rates: when denominator − numerator is 1..min_cell−1 ("all but 2 of 12
//      are in work"), the rate and its numerator count are withheld too;
//   3. secondary suppression: it plays the reader (interval propagation over every published
//      cell and relation) and, while any count of 1..min_cell−1 (published or not) or any
//      protected complement can be worked out exactly, withholds more: the smallest non-zero
//      shown count of the same figure at another site (ties: the first), or when that cannot
//      help (two sites, or the figure pinned within its own row) the linked figure or total.
// A rate's Wilson interval is a cell of its own (FigureKind::Interval): withheld whenever its
// rate is, and taken as giving both the rate's numerator and denominator away (k and n follow
// from the bounds), so step 3 withholds intervals too — the total's first, as they cost least.
// Builders receive DisclosedCells: a withheld cell has no number to give.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "analysis/figure_catalogue.h"
#include "analysis/outcomes.h"
#include "model/diagnostic.h"
#include "report/document.h"

namespace ips {

enum class CellState {
  Shown,
  WithheldSmall,  // the small-number rule: "<5" for a count, "–" for a figure resting on too few
  WithheldProtecting,  // "–": not small itself, withheld so that a small number cannot be worked
                       // out
};

/// One published figure after disclosure control. A withheld cell is built without its number,
/// so none can reach a renderer: value() is only the marker and plotted() is empty.
class DisclosedCell {
 public:
  DisclosedCell() = default;
  static DisclosedCell shown(doc::Value value);
  static DisclosedCell small(const doc::Value& marker);  // marker: a suppressed doc::Value
  static DisclosedCell protecting();

  CellState state() const { return state_; }
  bool withheld() const { return state_ != CellState::Shown; }
  bool protecting_another() const { return state_ == CellState::WithheldProtecting; }
  /// The value to show: the figure, "<min_cell" or "–".
  const doc::Value& value() const { return value_; }
  /// The number a chart may draw; empty when withheld or not numeric.
  std::optional<double> plotted() const;
  /// An interval cell's bounds a chart may draw; empty when withheld.
  std::optional<doc::Interval> plotted_interval() const;

 private:
  CellState state_ = CellState::Shown;
  doc::Value value_;
};

/// A rate's value with its interval attached ("40,0 % (21,9–61,3)"), or marked withheld
/// ("40,0 % (–)") when the interval cell is; a withheld rate stays its marker alone.
doc::Value with_interval(const DisclosedCell& rate, const DisclosedCell& interval);

/// Which figures the report set publishes for one half-year (the builders show no outcome
/// figure outside these): in the report's period every labelled figure for every site and all
/// sites; in earlier half-years (trend tables and charts) each site's served, worked, employment
/// and work-or-education rates, and all sites' employment rate.
bool is_published(FigureId id, bool all_sites, bool current_period);

/// The decision for one half-year: cells[unit][figure], units = the sites, then all sites.
struct PeriodDisclosure {
  std::vector<std::vector<DisclosedCell>> cells;
  size_t withheld_small = 0, withheld_protecting = 0;  // published cells only
};

/// Decides one half-year from the sites' figures and their total (pure; for tests and the stage).
PeriodDisclosure decide_period(const std::vector<OutcomeFigures>& sites, const OutcomeFigures& all,
                               bool current_period, int min_cell);

/// The decisions of a whole run: every half-year from the first with data to the report's.
class DisclosureControl {
 public:
  /// Decides every half-year from outcomes.first_period() (or `period`) to `period` at once.
  DisclosureControl(const OutcomeIndex& outcomes, size_t site_count, Period period, int min_cell);
  /// The cell of site `site_index` for a figure in half-year p (p ≤ the report's period).
  const DisclosedCell& site(size_t site_index, Period p, FigureId id) const;
  /// The all-sites cell of a figure in half-year p.
  const DisclosedCell& all_sites(Period p, FigureId id) const;
  /// Published cells withheld, over every half-year: by the small-number rule / to protect another.
  size_t withheld_small() const;
  size_t withheld_protecting() const;
  int min_cell() const { return min_cell_; }

 private:
  const PeriodDisclosure& of(Period p) const;
  size_t site_count_;
  int min_cell_;
  std::map<Period, PeriodDisclosure> by_period_;
};

/// True when a data-quality row count of this input table is a count of people (the
/// participant register) and one of its counts is 1..min_cell−1: then its read, used, excluded
/// and duplicate counts are all withheld (read = used + excluded would give a lone one away).
bool withhold_row_counts(const TableAccount& table, int min_cell);

}  // namespace ips
