#include "analysis/figure_catalogue.h"

#include <stdexcept>

namespace ips {

namespace {

using F = FigureId;
using K = FigureKind;

std::vector<FigureDef> make_catalogue() {
  std::vector<FigureDef> c = {
      {.id = F::Served,
       .kind = K::Count,
       .label_key = "outcomes.served",
       .definition_key = "definitions.served",
       .unit = "people"},
      {.id = F::NewIntakes,
       .kind = K::Count,
       .label_key = "outcomes.new",
       .definition_key = "definitions.new",
       .unit = "people",
       .at_most = {F::Served}},
      {.id = F::Ended,
       .kind = K::Count,
       .label_key = "outcomes.ended",
       .definition_key = "definitions.ended",
       .unit = "people",
       .at_most = {F::Served}},
      {.id = F::Worked,
       .kind = K::Count,
       .label_key = "outcomes.worked",
       .definition_key = "definitions.worked",
       .unit = "people",
       .at_most = {F::Served, F::WorkOrEducation}},
      {.id = F::InEducation,
       .kind = K::Count,
       .label_key = "outcomes.in_education",
       .definition_key = "definitions.education",
       .unit = "people",
       .at_most = {F::Served, F::WorkOrEducation}},
      {.id = F::WorkOrEducation,
       .kind = K::Count,
       .label_key = nullptr,
       .definition_key = "definitions.work_or_education_rate",
       .unit = "people",
       .at_most = {F::Served},
       .at_least = {F::Worked, F::InEducation},
       .at_most_sum = {F::Worked, F::InEducation}},
      {.id = F::ServedOutOfWork,
       .kind = K::Count,
       .label_key = nullptr,
       .definition_key = "definitions.employment_rate_out_of_work",
       .unit = "people",
       .at_most = {F::Served}},
      {.id = F::WorkedOutOfWork,
       .kind = K::Count,
       .label_key = nullptr,
       .definition_key = "definitions.employment_rate_out_of_work",
       .unit = "people",
       .at_most = {F::Worked, F::ServedOutOfWork}},
      {.id = F::ActiveWithFte,
       .kind = K::Count,
       .label_key = nullptr,
       .definition_key = "definitions.caseload",
       .unit = "people",
       .at_most = {F::Served}},
      // One count and one rate each, not every group: the rate's complement (in work without
      // subsidy; ended for another or no stated reason) is protected by the rate rule, where
      // groups that add up to their total would pin each other within a row.
      {.id = F::WorkedWageSubsidy,
       .kind = K::Count,
       .label_key = "outcomes.worked_wage_subsidy",
       .definition_key = "definitions.job_kinds",
       .unit = "people",
       .at_most = {F::Worked}},
      {.id = F::InWorkPractice,
       .kind = K::Count,
       .label_key = "outcomes.in_work_practice",
       .definition_key = "definitions.work_practice",
       .unit = "people",
       .at_most = {F::Served}},
      {.id = F::EndedWorkOrEducation,
       .kind = K::Count,
       .label_key = "outcomes.ended_work_or_education",
       .definition_key = "definitions.end_reasons",
       .unit = "people",
       .at_most = {F::Ended}},
      {.id = F::EmploymentRate,
       .kind = K::Rate,
       .label_key = "outcomes.employment_rate",
       .definition_key = "definitions.employment_rate",
       .unit = "fraction",
       .decimals = 1,
       .numerator = F::Worked,
       .denominator = F::Served,
       .protect_complement = true},
      {.id = F::EmploymentRateOutOfWork,
       .kind = K::Rate,
       .label_key = "outcomes.employment_rate_out_of_work",
       .definition_key = "definitions.employment_rate_out_of_work",
       .unit = "fraction",
       .decimals = 1,
       .numerator = F::WorkedOutOfWork,
       .denominator = F::ServedOutOfWork,
       .protect_complement = true},
      {.id = F::WorkOrEducationRate,
       .kind = K::Rate,
       .label_key = "outcomes.work_or_education_rate",
       .definition_key = "definitions.work_or_education_rate",
       .unit = "fraction",
       .decimals = 1,
       .numerator = F::WorkOrEducation,
       .denominator = F::Served,
       .protect_complement = true},
      {.id = F::WageSubsidyRate,
       .kind = K::Rate,
       .label_key = "outcomes.wage_subsidy_rate",
       .definition_key = "definitions.job_kinds",
       .unit = "fraction",
       .decimals = 1,
       .numerator = F::WorkedWageSubsidy,
       .denominator = F::Worked,
       .protect_complement = true},
      {.id = F::EndedWorkOrEducationRate,
       .kind = K::Rate,
       .label_key = "outcomes.ended_work_or_education_rate",
       .definition_key = "definitions.end_reasons",
       .unit = "fraction",
       .decimals = 1,
       .numerator = F::EndedWorkOrEducation,
       .denominator = F::Ended,
       .protect_complement = true},
      {.id = F::Caseload,
       .kind = K::PerFte,
       .label_key = "outcomes.caseload",
       .definition_key = "definitions.caseload",
       .unit = "per FTE",
       .decimals = 1,
       .numerator = F::ActiveWithFte,
       .denominator = F::ActiveWithFte},
      {.id = F::DaysToContactMean,
       .kind = K::Mean,
       .label_key = "outcomes.days_to_contact_mean",
       .definition_key = "definitions.days_to_contact",
       .unit = "days",
       .decimals = 1,
       .statistic = &OutcomeFigures::days_to_first_contact},
      {.id = F::DaysToContactMedian,
       .kind = K::Median,
       .label_key = "outcomes.days_to_contact_median",
       .definition_key = "definitions.days_to_contact",
       .unit = "days",
       .decimals = 1,
       .statistic = &OutcomeFigures::days_to_first_contact},
      {.id = F::DaysToJobMedian,
       .kind = K::Median,
       .label_key = "outcomes.days_to_job_median",
       .definition_key = "definitions.days_to_job",
       .unit = "days",
       .decimals = 1,
       .statistic = &OutcomeFigures::days_to_first_job},
      {.id = F::HoursMean,
       .kind = K::Mean,
       .label_key = "outcomes.hours_mean",
       .definition_key = "definitions.hours",
       .unit = "hours",
       .decimals = 1,
       .statistic = &OutcomeFigures::hours_per_week},
      {.id = F::HoursMedian,
       .kind = K::Median,
       .label_key = "outcomes.hours_median",
       .definition_key = "definitions.hours_median",
       .unit = "hours",
       .decimals = 1,
       .statistic = &OutcomeFigures::hours_per_week},
      {.id = F::TenureMedian,
       .kind = K::Median,
       .label_key = "outcomes.tenure_median",
       .definition_key = "definitions.tenure",
       .unit = "days",
       .decimals = 1,
       .statistic = &OutcomeFigures::job_tenure_days},
      {.id = F::EmploymentRateInterval,
       .kind = K::Interval,
       .label_key = nullptr,
       .definition_key = "definitions.rate_interval",
       .unit = "fraction",
       .decimals = 1,
       .numerator = F::Worked,
       .denominator = F::Served,
       .interval_of = F::EmploymentRate},
      {.id = F::EmploymentRateOutOfWorkInterval,
       .kind = K::Interval,
       .label_key = nullptr,
       .definition_key = "definitions.rate_interval",
       .unit = "fraction",
       .decimals = 1,
       .numerator = F::WorkedOutOfWork,
       .denominator = F::ServedOutOfWork,
       .interval_of = F::EmploymentRateOutOfWork},
  };
  for (size_t i = 0; i < c.size(); ++i) {
    if (static_cast<size_t>(c[i].id) != i)
      throw std::logic_error("figure catalogue out of FigureId order");
    if (c[i].is_count() != (i < kCountFigureCount))
      throw std::logic_error("figure catalogue: the counts come first");
  }
  return c;
}

std::optional<double> ratio(long numerator, long denominator) {
  if (denominator <= 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

const std::vector<FigureDef>& figure_catalogue() {
  static const std::vector<FigureDef> catalogue = make_catalogue();
  return catalogue;
}

const FigureDef& figure(FigureId id) {
  return figure_catalogue().at(static_cast<size_t>(id));
}

const std::vector<FigureId>& count_figures() {
  static const std::vector<FigureId> counts = [] {
    std::vector<FigureId> out;
    for (const FigureDef& d : figure_catalogue())
      if (d.is_count()) out.push_back(d.id);
    return out;
  }();
  return counts;
}

std::optional<FigureId> interval_figure(FigureId rate) {
  for (const FigureDef& d : figure_catalogue())
    if (d.interval_of == rate) return d.id;
  return std::nullopt;
}

std::optional<RateInterval> interval_value(const OutcomeFigures& f, FigureId id) {
  const FigureDef& d = figure(id);
  if (d.kind != K::Interval) throw std::logic_error("interval_value: not an interval");
  return wilson_interval(count_of(f, d.numerator), count_of(f, d.denominator));
}

long count_of(const OutcomeFigures& f, FigureId id) {
  switch (id) {
    case F::Served:
      return f.served;
    case F::NewIntakes:
      return f.new_intakes;
    case F::Ended:
      return f.ended;
    case F::Worked:
      return f.worked;
    case F::InEducation:
      return f.in_education;
    case F::WorkOrEducation:
      return f.work_or_education;
    case F::ServedOutOfWork:
      return f.served_out_of_work;
    case F::WorkedOutOfWork:
      return f.worked_out_of_work;
    case F::ActiveWithFte:
      return f.active_at_end_with_fte;
    case F::WorkedWageSubsidy:
      return f.breakdown.worked_wage_subsidy;
    case F::InWorkPractice:
      return f.breakdown.in_work_practice;
    case F::EndedWorkOrEducation:
      return f.breakdown.ended_work + f.breakdown.ended_education;
    default:
      throw std::logic_error("count_of: not a count");
  }
}

std::optional<double> raw_value(const OutcomeFigures& f, FigureId id) {
  const FigureDef& d = figure(id);
  switch (d.kind) {
    case K::Count:
      return static_cast<double>(count_of(f, id));
    case K::Rate:
      return ratio(count_of(f, d.numerator), count_of(f, d.denominator));
    case K::PerFte:
      if (!f.fte || *f.fte <= 0) return std::nullopt;
      return static_cast<double>(count_of(f, d.numerator)) / *f.fte;
    case K::Mean:
      return (f.*d.statistic).mean;
    case K::Median:
      return (f.*d.statistic).median;
    case K::Interval:  // two numbers: interval_value
      return std::nullopt;
  }
  return std::nullopt;
}

long resting_on(const OutcomeFigures& f, FigureId id) {
  const FigureDef& d = figure(id);
  switch (d.kind) {
    case K::Count:
      return count_of(f, id);
    case K::Rate:
    case K::Interval:
      return count_of(f, d.denominator);
    case K::PerFte:
      return count_of(f, d.numerator);
    case K::Mean:
    case K::Median:
      return (f.*d.statistic).n;
  }
  return 0;
}

}  // namespace ips
