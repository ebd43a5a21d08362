// Agreement between the two evaluators of a review (docs/evaluator-agreement.md): per review,
// exact agreement, agreement within one point and quadratic-weighted kappa over the items both
// scored; over a history of reviews, agreement per item and the intraclass correlation of the
// two evaluators' totals. Also the items whose consensus lies outside both evaluators' scores.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "model/dataset.h"
#include "model/scale.h"

namespace ips {

/// No agreement figure rests on fewer than this many items (per review) or reviews (history).
inline constexpr int kMinAgreementBase = 5;

/// The two evaluators' scores of one item.
struct ScorePair {
  int first = 0;
  int second = 0;
};

/// Cohen's kappa with quadratic weights over the categories 1–5: 1 − Σ w·O / Σ w·E with
/// w = (i − j)² / 16, O the observed and E the chance-expected pair counts. Empty when it is
/// undefined (no pairs, or both evaluators gave one and the same score to every item).
std::optional<double> quadratic_weighted_kappa(const std::vector<ScorePair>& pairs);

/// ICC(1,1), one-way random effects, absolute agreement, single evaluator (Shrout & Fleiss):
/// (MSB − MSW) / (MSB + MSW) for two evaluators. Empty when undefined (fewer than two reviews,
/// or every total is the same).
std::optional<double> icc_one_way(const std::vector<std::pair<double, double>>& totals);

/// An item the two evaluators scored two or more points apart.
struct ItemDisagreement {
  size_t item = 0;  // index in the scale
  int first = 0;
  int second = 0;
};

/// Agreement on one scale in one review.
struct ReviewAgreement {
  int items = 0;                // items of the scale
  int both = 0;                 // items both evaluators scored (the base of every figure below)
  int one_only = 0;             // items only one evaluator scored (left out)
  int exact = 0;                // of `both`, scored the same
  int within_one = 0;           // of `both`, at most one point apart
  std::optional<double> kappa;  // quadratic-weighted; empty when undefined
  std::vector<ItemDisagreement> large;  // items two or more points apart, in scale order
  /// Whether the figures may be shown: at least kMinAgreementBase items scored by both.
  bool enough() const { return both >= kMinAgreementBase; }
};

/// Agreement of the evaluators on one scale's ratings.
ReviewAgreement review_agreement(const ScaleRatings& ratings, size_t scale_items);

/// Agreement on one item over a history of reviews.
struct ItemHistoryAgreement {
  int reviews = 0;  // reviews where both evaluators scored the item
  int exact = 0;
  int within_one = 0;
  bool enough() const { return reviews >= kMinAgreementBase; }
};

/// Agreement on one scale over a history of reviews.
struct HistoryAgreement {
  std::vector<ItemHistoryAgreement> items;  // one per scale item
  int reviews_with_both = 0;  // reviews where both evaluators scored at least one item
  int icc_reviews = 0;        // reviews where both evaluators scored every item (the ICC's base)
  std::optional<double> icc;  // ICC(1,1) of the two evaluators' totals; empty when undefined
  bool icc_enough() const { return icc_reviews >= kMinAgreementBase; }
};

/// Agreement on scale `scale_index` over the given reviews.
HistoryAgreement history_agreement(const std::vector<const Review*>& reviews, size_t scale_index,
                                   size_t scale_items);

/// An item whose consensus is above or below both evaluators' scores (4 and 4, consensus 5).
struct ConsensusOutside {
  size_t scale = 0;  // ScaleCatalog index
  size_t item = 0;
  int first = 0;
  int second = 0;
  int consensus = 0;
};

/// The review's items, on every scale, whose consensus lies outside both evaluators' scores.
std::vector<ConsensusOutside> consensus_outside(const Review& review);

}  // namespace ips
