// The Wilson score interval of a proportion (docs/figures.md, "Uncertainty of a rate"): where the
// true employment rate of a service plausibly lies, given k of n in work. Unlike the normal
// approximation (p ± 1.96·√(p(1−p)/n)) it stays within 0–100 % and is not zero-width at 0 of n
// or n of n, which is exactly where small services are.
#pragma once

#include <optional>

namespace ips {

/// z for a two-sided 95 % interval (the 97.5 % point of the standard normal distribution).
inline constexpr double kZ95 = 1.959964;

/// Bounds of an interval as fractions 0..1, low ≤ high.
struct RateInterval {
  double low = 0;
  double high = 0;
};

/// The Wilson interval of k successes out of n (0 ≤ k ≤ n); nullopt when n ≤ 0 or k is outside.
std::optional<RateInterval> wilson_interval(long k, long n, double z = kZ95);

/// Whether a value (a fraction) lies within the interval, bounds included.
bool interval_contains(const RateInterval& interval, double value);

}  // namespace ips
