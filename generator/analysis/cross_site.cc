#include "analysis/cross_site.h"

#include <algorithm>

#include "analysis/fidelity_trend.h"

namespace ips {

CrossSite compare_sites(const Dataset& data, const std::vector<ReviewScore>& scores,
                        const ScaleCatalog& scales, Period period) {
  CrossSite c;
  c.items.resize(scales.ips25().items.size());
  std::vector<double> item_sums(c.items.size(), 0.0);
  double total_sum = 0;
  for (size_t i = 0; i < data.sites.size(); ++i) {
    SiteStanding s;
    s.site_index = i;
    const std::string& key = data.sites[i].key;
    s.latest_complete = latest_complete(scores, key, period);
    s.latest = latest_review(scores, key, period);
    s.slope = total_slope(round_reviews(scores, key, period));
    if (s.latest_complete) {
      ++c.complete_sites;
      total_sum += s.latest_complete->ips.total;
      const auto item_values = item_scores(*s.latest_complete->review, ScaleCatalog::kIps25);
      for (size_t k = 0; k < c.items.size() && k < item_values.size(); ++k) {
        if (!item_values[k]) continue;
        const int v = *item_values[k];
        ItemAcrossSites& it = c.items[k];
        ++it.sites;
        item_sums[k] += v;
        it.min = it.min ? std::min(*it.min, v) : v;
        it.max = it.max ? std::max(*it.max, v) : v;
        if (v <= 3) ++it.sites_scoring_1_to_3;
      }
    }
    c.sites.push_back(s);
  }
  for (size_t k = 0; k < c.items.size(); ++k)
    if (c.items[k].sites > 0) c.items[k].mean = item_sums[k] / c.items[k].sites;
  if (c.complete_sites > 0) c.national_mean_total = total_sum / c.complete_sites;

  // Competition ranking (1, 2, 2, 4): a site's rank is one more than the number of sites with a
  // higher total. Sites whose latest review is partial are not ranked.
  for (SiteStanding& s : c.sites) {
    if (!s.latest_complete) continue;
    int higher = 0;
    for (const SiteStanding& other : c.sites)
      if (other.latest_complete && other.latest_complete->ips.total > s.latest_complete->ips.total)
        ++higher;
    s.rank = higher + 1;
  }
  return c;
}

}  // namespace ips
