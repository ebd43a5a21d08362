#include "analysis/fidelity_trend.h"

namespace ips {

namespace {
bool scored_ips(const ReviewScore& s) {
  return s.ips.scored > 0;
}
}  // namespace

std::vector<RoundReview> round_reviews(const std::vector<ReviewScore>& scores,
                                       const std::string& site, Period up_to) {
  std::vector<RoundReview> rounds;
  const Date end = up_to.last_day();
  for (const ReviewScore& s : scores) {  // sorted by site, then date
    if (s.review->site != site || s.review->date > end || !scored_ips(s)) continue;
    const Period round = Period::containing(s.review->date);
    if (!rounds.empty() && rounds.back().round == round)
      rounds.back().score = &s;  // a later one wins
    else
      rounds.push_back({round, &s});
  }
  return rounds;
}

std::vector<HistoryReview> review_history(const std::vector<ReviewScore>& scores,
                                          const std::string& site, Period up_to) {
  std::vector<HistoryReview> history;
  const Date end = up_to.last_day();
  for (const ReviewScore& s : scores) {  // sorted by site, then date
    if (s.review->site != site || s.review->date > end || !scored_ips(s)) continue;
    const Period round = Period::containing(s.review->date);
    if (!history.empty() && history.back().round == round)
      history.back().round_review = false;  // a later one wins
    history.push_back({round, &s, true});
  }
  return history;
}

std::vector<Period> missed_rounds(const std::vector<RoundReview>& rounds, Period up_to) {
  std::vector<Period> missed;
  if (rounds.empty()) return missed;
  size_t next = 0;
  for (Period p = rounds.front().round; p <= up_to; p = p.next()) {
    while (next < rounds.size() && rounds[next].round < p) ++next;
    if (next < rounds.size() && rounds[next].round == p) continue;
    missed.push_back(p);
  }
  return missed;
}

std::optional<double> total_slope(const std::vector<RoundReview>& rounds) {
  double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const auto& r : rounds) {
    if (!r.score->ips.complete()) continue;
    const double x = r.round.index();
    const double y = r.score->ips.total;
    n += 1;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const double denominator = n * sxx - sx * sx;
  if (n < 2 || denominator == 0) return std::nullopt;
  return (n * sxy - sx * sy) / denominator;
}

const ReviewScore* latest_complete(const std::vector<ReviewScore>& scores, const std::string& site,
                                   Period up_to) {
  const ReviewScore* latest = nullptr;
  for (const ReviewScore& s : scores)
    if (s.review->site == site && s.review->date <= up_to.last_day() && s.ips.complete())
      latest = &s;
  return latest;
}

const ReviewScore* latest_review(const std::vector<ReviewScore>& scores, const std::string& site,
                                 Period up_to) {
  const ReviewScore* latest = nullptr;
  for (const ReviewScore& s : scores)
    if (s.review->site == site && s.review->date <= up_to.last_day() && scored_ips(s)) latest = &s;
  return latest;
}

const ReviewScore* latest_goi(const std::vector<ReviewScore>& scores, const std::string& site,
                              Period up_to) {
  const ReviewScore* latest = nullptr;
  for (const ReviewScore& s : scores)
    if (s.review->site == site && s.review->date <= up_to.last_day() && s.goi.scored > 0)
      latest = &s;
  return latest;
}

}  // namespace ips
