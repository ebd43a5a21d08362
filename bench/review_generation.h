// Builds review records: item scores that add up to a chosen total, evaluator scores that
// mostly agree with the consensus, and the Gjennomganger texts.
#pragma once

#include <span>
#include <string>

#include "export_data.h"
#include "prng.h"

namespace ips::bench {

/// How a review's scores are filled in.
struct ReviewStyle {
  bool two_evaluators = true;
  /// Share of items whose evaluators disagree by one point before agreeing a consensus.
  double evaluator_disagreement = 0.15;
  /// Share of items where the consensus cell is left empty although both evaluators agree.
  double consensus_left_empty = 0.0;
  /// Share of items where evaluators disagree and no consensus is written (not scored).
  double unresolved_disagreement = 0.0;
  /// Share of items with a comment, and of items scored 1–3 with a recommendation.
  double comment_rate = 0.45;
  double recommendation_rate = 0.6;
};

/// Sets consensus scores on `scored` items (others stay empty) so that they sum to `target`
/// (clamped to what is reachable), following each item's bias, then evaluator scores and texts;
/// an item's recommendation is its entry in `recommendations`.
void fill_item_scores(Prng& rng, int target, std::span<const double> item_bias,
                      std::span<const bool> scored, const ReviewStyle& style,
                      std::span<const std::string_view> recommendations,
                      std::span<ItemScores> items);

/// The item's score by the input contract's rule: the consensus; else a lone evaluator's score;
/// else the evaluators' score when they agree; 0 (not scored) otherwise.
int effective_score(const ItemScores& item);
/// Sum of effective scores: the total ipsreport recomputes from the item rows.
int recomputed_total(std::span<const ItemScores> items);
/// Number of items with an effective score.
int scored_count(std::span<const ItemScores> items);

/// The Norwegian band label for a complete IPS-25 total.
std::string_view band_label(int total);
/// A short Norwegian summary naming total, band (when complete), strongest and weakest section.
std::string review_summary(const ReviewRecord& review);
/// The purpose text of an ordinary follow-up review.
std::string review_purpose();
/// The method text: visit date and who was interviewed.
std::string review_method(Date date);

}  // namespace ips::bench
