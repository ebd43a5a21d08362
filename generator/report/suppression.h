// Small-number suppression (docs/figures.md, "Small numbers"): outcome figures become report values
// here, and a suppressed figure never leaves this file as a number.
#pragma once

#include <optional>

#include "analysis/outcomes.h"
#include "report/document.h"

namespace ips {

/// A count of people or jobs: 1 to min_cell−1 becomes "<min_cell"; 0 stays 0.
doc::Value count_value(long n, int min_cell);

/// numerator / denominator as a rate; withheld ("–") when the numerator is suppressed or the
/// denominator is below min_cell (or zero).
doc::Value rate_value(long numerator, long denominator, int min_cell);

/// A mean or median resting on n people or jobs; withheld when n < min_cell (or no value).
doc::Value statistic_value(const std::optional<double>& value, long n, int min_cell, int decimals);

/// Participants per FTE; withheld when the active count is 1 to min_cell−1 or there is no FTE.
doc::Value caseload_value(const OutcomeFigures& f, int min_cell);

}  // namespace ips
