// Fidelity over review rounds (docs/figures.md, "Review rounds and trend"): a site's round reviews
// and the slope of its totals.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/fidelity.h"

namespace ips {

/// A site's review for one round (half-year): the latest IPS-25 review dated in it.
struct RoundReview {
  Period round;
  const ReviewScore* score = nullptr;
};

/// The site's round reviews dated up to the end of `up_to`, oldest first. Reviews without any
/// IPS-25 score do not count as a round's review.
std::vector<RoundReview> round_reviews(const std::vector<ReviewScore>& scores,
                                       const std::string& site, Period up_to);

/// One IPS-25 review in a site's history; `round_review` = the latest in its half-year, the one
/// the round's figures use (docs/figures.md: the others stay in the history).
struct HistoryReview {
  Period round;
  const ReviewScore* score = nullptr;
  bool round_review = false;
};

/// Every IPS-25 review of the site dated up to the end of `up_to`, oldest first.
std::vector<HistoryReview> review_history(const std::vector<ReviewScore>& scores,
                                          const std::string& site, Period up_to);

/// The half-years after the site's first round review up to `up_to` that have no IPS-25 review
/// (item O8 expects one every half-year), oldest first; empty for a site without reviews.
std::vector<Period> missed_rounds(const std::vector<RoundReview>& rounds, Period up_to);

/// Least-squares points per half-year over the complete round reviews (x = Period::index());
/// nullopt with fewer than two.
std::optional<double> total_slope(const std::vector<RoundReview>& rounds);

/// The site's latest complete IPS-25 review dated up to the end of `up_to`, or nullptr.
const ReviewScore* latest_complete(const std::vector<ReviewScore>& scores, const std::string& site,
                                   Period up_to);

/// The site's latest IPS-25 review (complete or partial) dated up to the end of `up_to`, or
/// nullptr.
const ReviewScore* latest_review(const std::vector<ReviewScore>& scores, const std::string& site,
                                 Period up_to);

/// The site's latest review with any GOI score dated up to the end of `up_to`, or nullptr.
const ReviewScore* latest_goi(const std::vector<ReviewScore>& scores, const std::string& site,
                              Period up_to);

}  // namespace ips
