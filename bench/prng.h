// A small pseudo-random generator whose every output is defined here, so that one seed gives
// the same synthetic exports on every platform (std:: distributions differ between libraries).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace ips::bench {

/// SplitMix64 with a few helpers; deterministic and platform independent.
class Prng {
 public:
  explicit Prng(uint64_t seed) : state_(seed) {}

  /// The next 64 random bits.
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// An integer in [lo, hi], both inclusive (modulo bias is irrelevant for test data).
  int uniform(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
  }
  /// A number in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// True with probability p.
  bool chance(double p) { return unit() < p; }
  /// Roughly standard normal (Irwin–Hall of four uniforms, rescaled): cheap and bounded.
  double normal() { return (unit() + unit() + unit() + unit() - 2.0) * std::sqrt(3.0); }
  /// One element of a non-empty list.
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[next() % items.size()];
  }
  /// An independent generator for one entity (site, participant), so that changing one size
  /// option does not reshuffle every other entity's data.
  Prng fork(uint64_t salt) const {
    return Prng(Prng(state_ ^ (salt * 0xd1342543de82ef95ULL)).next());
  }

 private:
  uint64_t state_;
};

}  // namespace ips::bench
