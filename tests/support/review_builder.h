// Reviews for tests, written as lists of scores.
#pragma once

#include <string>
#include <vector>

#include "model/dataset.h"

namespace ips::test {

/// A review with IPS-25 item scores in scale order (0 = not scored) and optional GOI scores.
inline Review make_review(const std::string& site, Date date, const std::vector<int>& ips,
                          const std::vector<int>& goi = {}) {
  Review r;
  r.site = site;
  r.date = date;
  r.scales.resize(2);
  r.scales[0].items.resize(25);
  r.scales[1].items.resize(12);
  for (size_t i = 0; i < ips.size() && i < 25; ++i)
    if (ips[i]) r.scales[0].items[i].score = ips[i];
  for (size_t i = 0; i < goi.size() && i < 12; ++i)
    if (goi[i]) r.scales[1].items[i].score = goi[i];
  return r;
}

/// `items` scores adding up to `total`, as even as possible (the first ones one higher).
inline std::vector<int> scores_adding_up_to(int total, int items = 25) {
  std::vector<int> s(static_cast<size_t>(items), total / items);
  for (int i = 0; i < total % items; ++i) ++s[static_cast<size_t>(i)];
  return s;
}

}  // namespace ips::test
