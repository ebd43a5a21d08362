#include "report/suppression.h"

namespace ips {

namespace {
bool too_small(long n, int min_cell) {
  return n > 0 && n < min_cell;
}
}  // namespace

doc::Value count_value(long n, int min_cell) {
  return too_small(n, min_cell) ? doc::Value::small_count(min_cell) : doc::Value::count(n);
}

doc::Value rate_value(long numerator, long denominator, int min_cell) {
  if (denominator <= 0 || denominator < min_cell || too_small(numerator, min_cell))
    return doc::Value::withheld();
  return doc::Value::rate(static_cast<double>(numerator) / static_cast<double>(denominator));
}

doc::Value statistic_value(const std::optional<double>& value, long n, int min_cell, int decimals) {
  if (!value || n < min_cell || n == 0) return doc::Value::withheld();
  return doc::Value::number_of(*value, decimals);
}

doc::Value caseload_value(const OutcomeFigures& f, int min_cell) {
  const auto caseload = f.caseload_per_fte();
  if (!caseload || too_small(f.active_at_end_with_fte, min_cell)) return doc::Value::withheld();
  return doc::Value::number_of(*caseload, 1);
}

}  // namespace ips
