#include "analysis/wilson_interval.h"

#include <algorithm>
#include <cmath>

namespace ips {

std::optional<RateInterval> wilson_interval(long k, long n, double z) {
  if (n <= 0 || k < 0 || k > n) return std::nullopt;
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double z2 = z * z;
  const double denominator = 1 + z2 / nn;
  const double centre = (p + z2 / (2 * nn)) / denominator;
  const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denominator;
  // At 0 of n and n of n the formula gives the bound 0 or 1 up to rounding: state it exactly.
  const double low = k == 0 ? 0.0 : std::clamp(centre - half, 0.0, 1.0);
  const double high = k == n ? 1.0 : std::clamp(centre + half, 0.0, 1.0);
  return RateInterval{low, high};
}

bool interval_contains(const RateInterval& interval, double value) {
  return value >= interval.low && value <= interval.high;
}

}  // namespace ips
