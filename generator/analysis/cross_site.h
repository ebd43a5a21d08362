// Figures that compare the sites (docs/figures.md, "Comparing sites"): each site's latest reviews,
// the ranking by total, per-item mean/min/max and the national mean total.
#pragma once

#include <optional>
#include <vector>

#include "analysis/fidelity.h"

namespace ips {

struct SiteStanding {
  size_t site_index = 0;                         // into data.sites
  const ReviewScore* latest_complete = nullptr;  // dated up to the period end
  const ReviewScore* latest = nullptr;  // complete or partial, for the heatmap and band column
  std::optional<int> rank;              // by latest complete total; equal totals share a rank
  std::optional<double> slope;          // points per half-year over complete round reviews
};

struct ItemAcrossSites {
  int sites = 0;  // sites whose latest complete review scored the item
  std::optional<double> mean;
  std::optional<int> min;
  std::optional<int> max;
  int sites_scoring_1_to_3 = 0;  // an improvement area there
};

struct CrossSite {
  std::vector<SiteStanding> sites;     // in data.sites order
  std::vector<ItemAcrossSites> items;  // one per IPS-25 item
  std::optional<double> national_mean_total;
  int complete_sites = 0;  // sites with a latest complete review
};

/// Compares the sites on their reviews dated up to the end of `period`.
CrossSite compare_sites(const Dataset& data, const std::vector<ReviewScore>& scores,
                        const ScaleCatalog& scales, Period period);

}  // namespace ips
