// The catalogue of outcome figures (docs/figures.md, "Outcomes"): every figure any report shows is
// declared here once — what it is (count, rate, mean, median, per FTE), which counts it is made
// of and which counts bound it, its wording, unit and definition. Reports, disclosure control,
// the definitions sections and the XLSX take figures from here, so a new figure is one entry
// plus its wording (templates/wording.*.toml, keys outcomes.<name> and definitions.<name>).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "analysis/outcomes.h"
#include "analysis/wilson_interval.h"

namespace ips {

enum class FigureId {
  // Counts of people (some never shown themselves, only through a rate).
  Served,
  NewIntakes,
  Ended,
  Worked,
  InEducation,
  WorkOrEducation,
  ServedOutOfWork,
  WorkedOutOfWork,
  ActiveWithFte,
  // The Halvårsrapport's job kinds and end reasons (analysis/outcome_breakdown.h).
  WorkedWageSubsidy,
  InWorkPractice,
  EndedWorkOrEducation,
  // Figures made of counts.
  EmploymentRate,
  EmploymentRateOutOfWork,
  WorkOrEducationRate,
  WageSubsidyRate,           // with wage subsidy, among those in competitive work
  EndedWorkOrEducationRate,  // ended in work or education, among those who ended
  Caseload,
  // Means and medians of days or hours.
  DaysToContactMean,
  DaysToContactMedian,
  DaysToJobMedian,
  HoursMean,
  HoursMedian,
  TenureMedian,
  // Wilson 95 % intervals of rates (analysis/wilson_interval.h): published beside their rate,
  // they give its numerator and denominator away, so disclosure control treats them as cells.
  EmploymentRateInterval,
  EmploymentRateOutOfWorkInterval,
};

enum class FigureKind {
  Count,   // people
  Rate,    // numerator / denominator, both counts
  PerFte,  // a count per job-specialist FTE (caseload)
  Mean,    // of a statistic resting on n people or jobs
  Median,
  Interval,  // the 95 % interval of a rate (interval_of): bounds that determine both its counts
};

struct FigureDef {
  FigureId id;
  FigureKind kind;
  const char* label_key;       // wording of its name; nullptr for a count never shown itself
  const char* definition_key;  // wording of its definition ("definitions.served"); may be shared
  const char* unit;            // "people", "fraction", "days", "hours", "per FTE"
  int decimals = 0;            // as shown (a rate: of its percentage)
  // Count: itself. Rate: numerator and denominator. PerFte: the count (numerator).
  FigureId numerator = FigureId::Served;
  FigureId denominator = FigureId::Served;
  Statistic OutcomeFigures::*statistic = nullptr;  // Mean, Median
  // Counts: which counts bound it (≤ each of at_most, ≥ each of at_least, ≤ the sum of
  // at_most_sum).
  std::vector<FigureId> at_most = {};
  std::vector<FigureId> at_least = {};
  std::vector<FigureId> at_most_sum = {};
  // Rates: whether denominator − numerator (the people not in the numerator) is protected too.
  bool protect_complement = false;
  // Interval: the rate it belongs to (numerator and denominator are the rate's).
  std::optional<FigureId> interval_of = std::nullopt;

  bool is_count() const { return kind == FigureKind::Count; }
};

/// Every figure, in FigureId order.
const std::vector<FigureDef>& figure_catalogue();

/// The entry of one figure.
const FigureDef& figure(FigureId id);

/// How many counts the catalogue has: they come first in FigureId order (disclosure control
/// indexes them so).
constexpr size_t kCountFigureCount = static_cast<size_t>(FigureId::EmploymentRate);

/// The counts of the catalogue (FigureKind::Count), in catalogue order.
const std::vector<FigureId>& count_figures();

/// The interval figure of a rate, or nullopt when the rate has none.
std::optional<FigureId> interval_figure(FigureId rate);

/// The Wilson 95 % interval of an Interval figure in `f`, or nullopt without a denominator.
std::optional<RateInterval> interval_value(const OutcomeFigures& f, FigureId id);

/// The value of a count figure in `f`.
long count_of(const OutcomeFigures& f, FigureId id);

/// The raw value of any figure (a rate as a fraction), or nullopt when it has none (no
/// denominator, no values); before any small-number rule.
std::optional<double> raw_value(const OutcomeFigures& f, FigureId id);

/// How many people or jobs a figure rests on: a count itself, a rate its denominator, a mean or
/// median its n, a caseload its count.
long resting_on(const OutcomeFigures& f, FigureId id);

}  // namespace ips
