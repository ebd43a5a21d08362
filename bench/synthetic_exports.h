// The scaled generator: any number of sites, half-year review rounds and participants, for
// benchmarks and robustness tests.
#pragma once

#include <cstdint>

#include "export_data.h"

namespace ips::bench {

/// Size and seed of a synthetic export.
struct SyntheticOptions {
  int sites = 25;
  int half_years = 20;
  int participants = 10000;
  uint64_t seed = 1;
  Period first_period{2013, 1};
};

/// Sites with one review per half-year (scores drifting upward with noise, a few unscored
/// items, some evaluator disagreement), and participants spread over all sites and the period.
ExportData generate_synthetic(const SyntheticOptions& options);

}  // namespace ips::bench
