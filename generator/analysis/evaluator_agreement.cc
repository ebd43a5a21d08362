#include "analysis/evaluator_agreement.h"

#include "ingest/table_schema.h"

#include <algorithm>
#include <cstdlib>

namespace ips {

std::optional<double> quadratic_weighted_kappa(const std::vector<ScorePair>& pairs) {
  constexpr int kCategories = 5;
  long observed[kCategories][kCategories] = {};
  long rows[kCategories] = {};
  long cols[kCategories] = {};
  long n = 0;
  for (const ScorePair& p : pairs) {
    if (p.first < 1 || p.first > kCategories || p.second < 1 || p.second > kCategories) continue;
    ++observed[p.first - 1][p.second - 1];
    ++rows[p.first - 1];
    ++cols[p.second - 1];
    ++n;
  }
  if (n == 0) return std::nullopt;
  // With w = (i − j)² / 16 and E = row × col / n, the 1/16 cancels and n can be moved across:
  // Σ w·O / Σ w·E = n · Σ d²·O / Σ d²·row·col, all whole numbers, so "undefined" is an exact zero.
  long disagreement = 0;
  long expected = 0;
  for (int i = 0; i < kCategories; ++i)
    for (int j = 0; j < kCategories; ++j) {
      const long d2 = static_cast<long>(i - j) * (i - j);
      disagreement += d2 * observed[i][j];
      expected += d2 * rows[i] * cols[j];
    }
  if (expected == 0) return std::nullopt;
  return 1.0 - static_cast<double>(n * disagreement) / static_cast<double>(expected);
}

std::optional<double> icc_one_way(const std::vector<std::pair<double, double>>& totals) {
  const size_t n = totals.size();
  if (n < 2) return std::nullopt;
  double grand = 0;
  for (const auto& [a, b] : totals) grand += a + b;
  grand /= static_cast<double>(2 * n);
  double between = 0;  // Σ k (mean_i − grand)², k = 2
  double within = 0;   // Σ Σ (x_ij − mean_i)² = Σ (a − b)² / 2
  for (const auto& [a, b] : totals) {
    const double mean = (a + b) / 2;
    between += 2 * (mean - grand) * (mean - grand);
    within += (a - b) * (a - b) / 2;
  }
  const double msb = between / static_cast<double>(n - 1);
  const double msw = within / static_cast<double>(n);  // n (k − 1) degrees of freedom
  if (msb + msw == 0) return std::nullopt;
  return (msb - msw) / (msb + msw);
}

ReviewAgreement review_agreement(const ScaleRatings& ratings, size_t scale_items) {
  ReviewAgreement a;
  a.items = static_cast<int>(scale_items);
  std::vector<ScorePair> pairs;
  for (size_t i = 0; i < ratings.items.size() && i < scale_items; ++i) {
    const ItemRating& r = ratings.items[i];
    if (r.evaluator1.has_value() != r.evaluator2.has_value()) ++a.one_only;
    if (!r.evaluator1 || !r.evaluator2) continue;
    const int diff = std::abs(*r.evaluator1 - *r.evaluator2);
    ++a.both;
    if (diff == 0) ++a.exact;
    if (diff <= 1) ++a.within_one;
    if (diff >= 2) a.large.push_back({i, *r.evaluator1, *r.evaluator2});
    pairs.push_back({*r.evaluator1, *r.evaluator2});
  }
  a.kappa = quadratic_weighted_kappa(pairs);
  return a;
}

HistoryAgreement history_agreement(const std::vector<const Review*>& reviews, size_t scale_index,
                                   size_t scale_items) {
  HistoryAgreement h;
  h.items.resize(scale_items);
  std::vector<std::pair<double, double>> totals;
  for (const Review* review : reviews) {
    if (scale_index >= review->scales.size()) continue;
    const auto& items = review->scales[scale_index].items;
    int both = 0;
    int first_total = 0;
    int second_total = 0;
    for (size_t i = 0; i < items.size() && i < scale_items; ++i) {
      if (!items[i].evaluator1 || !items[i].evaluator2) continue;
      const int diff = std::abs(*items[i].evaluator1 - *items[i].evaluator2);
      ++both;
      ++h.items[i].reviews;
      if (diff == 0) ++h.items[i].exact;
      if (diff <= 1) ++h.items[i].within_one;
      first_total += *items[i].evaluator1;
      second_total += *items[i].evaluator2;
    }
    if (both > 0) ++h.reviews_with_both;
    // Totals are comparable across reviews only when both evaluators scored every item.
    if (both == static_cast<int>(scale_items)) totals.emplace_back(first_total, second_total);
  }
  h.icc_reviews = static_cast<int>(totals.size());
  h.icc = icc_one_way(totals);
  return h;
}

std::vector<ConsensusOutside> consensus_outside(const Review& review) {
  std::vector<ConsensusOutside> out;
  for (size_t s = 0; s < review.scales.size(); ++s) {
    const auto& items = review.scales[s].items;
    for (size_t i = 0; i < items.size(); ++i) {
      const ItemRating& r = items[i];
      if (r.consensus_outside_evaluators())
        out.push_back({s, i, *r.evaluator1, *r.evaluator2, *r.consensus});
    }
  }
  return out;
}

}  // namespace ips
