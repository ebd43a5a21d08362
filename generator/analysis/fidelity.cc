#include "analysis/fidelity.h"

namespace ips {

ScaleScore score_scale(const Scale& scale, const ScaleRatings& ratings) {
  ScaleScore s;
  s.items = static_cast<int>(scale.items.size());
  for (const auto& sec : scale.sections)
    s.sections.push_back(SectionScore{sec.id, 0, 0, 0, std::nullopt});
  for (size_t i = 0; i < scale.items.size(); ++i) {
    SectionScore* section = nullptr;
    for (auto& sec : s.sections)
      if (sec.section == scale.items[i].section) section = &sec;
    if (section) ++section->items;
    if (i >= ratings.items.size() || !ratings.items[i].score) continue;
    const int score = *ratings.items[i].score;
    s.total += score;
    ++s.scored;
    if (section) {
      section->sum += score;
      ++section->scored;
    }
  }
  if (s.scored > 0) s.mean = static_cast<double>(s.total) / s.scored;
  for (auto& sec : s.sections)
    if (sec.scored > 0) sec.mean = static_cast<double>(sec.sum) / sec.scored;
  if (s.complete()) s.band = scale.band_for(s.total);
  return s;
}

std::vector<std::optional<int>> item_scores(const Review& review, size_t scale_index) {
  std::vector<std::optional<int>> out;
  if (scale_index >= review.scales.size()) return out;
  for (const auto& item : review.scales[scale_index].items) out.push_back(item.score);
  return out;
}

namespace {
const ScaleRatings kNoRatings{};

const ScaleRatings& ratings_of(const Review& r, size_t scale_index) {
  return scale_index < r.scales.size() ? r.scales[scale_index] : kNoRatings;
}
// GOI change against the site's previous GOI scoring, and GOI items scored 1–3.
void score_goi_change(ReviewScore& rs, const Review* previous, const ScaleCatalog& scales) {
  const ScaleRatings& goi = ratings_of(*rs.review, ScaleCatalog::kGoi);
  rs.goi_item_change.assign(scales.goi().items.size(), std::nullopt);
  for (size_t i = 0; i < goi.items.size(); ++i)
    if (goi.items[i].score && *goi.items[i].score <= 3) rs.goi_improvement_areas.push_back(i);
  if (!previous) return;
  rs.previous_goi = previous;
  const ScaleRatings& prev = ratings_of(*previous, ScaleCatalog::kGoi);
  rs.previous_goi_score = score_scale(scales.goi(), prev);
  if (rs.goi.complete() && rs.previous_goi_score.complete())
    rs.goi_total_change = rs.goi.total - rs.previous_goi_score.total;
  for (size_t i = 0; i < rs.goi_item_change.size(); ++i)
    if (i < goi.items.size() && i < prev.items.size() && goi.items[i].score && prev.items[i].score)
      rs.goi_item_change[i] = *goi.items[i].score - *prev.items[i].score;
}
}  // namespace

std::vector<ReviewScore> score_reviews(const Dataset& data, const ScaleCatalog& scales) {
  std::vector<ReviewScore> out;
  out.reserve(data.reviews.size());
  const Review* last_ips_review = nullptr;  // the previous IPS-25 review of the current site
  const Review* last_goi_review = nullptr;  // the previous GOI scoring of the current site
  for (const Review& review : data.reviews) {
    if (last_ips_review && last_ips_review->site != review.site) last_ips_review = nullptr;
    if (last_goi_review && last_goi_review->site != review.site) last_goi_review = nullptr;
    ReviewScore rs;
    rs.review = &review;
    const ScaleRatings& ips = ratings_of(review, ScaleCatalog::kIps25);
    rs.ips = score_scale(scales.ips25(), ips);
    rs.goi = score_scale(scales.goi(), ratings_of(review, ScaleCatalog::kGoi));
    rs.item_change.assign(scales.ips25().items.size(), std::nullopt);
    if (last_ips_review) {
      rs.previous = last_ips_review;
      const ScaleRatings& prev = ratings_of(*last_ips_review, ScaleCatalog::kIps25);
      rs.previous_ips = score_scale(scales.ips25(), prev);
      if (rs.ips.complete() && rs.previous_ips.complete())
        rs.total_change = rs.ips.total - rs.previous_ips.total;
      for (size_t i = 0; i < rs.item_change.size(); ++i) {
        if (i < ips.items.size() && i < prev.items.size() && ips.items[i].score &&
            prev.items[i].score)
          rs.item_change[i] = *ips.items[i].score - *prev.items[i].score;
      }
    }
    for (size_t i = 0; i < ips.items.size(); ++i) {
      if (!ips.items[i].score) continue;
      if (*ips.items[i].score == 5) rs.strengths.push_back(i);
      if (*ips.items[i].score <= 3) rs.improvement_areas.push_back(i);
    }
    if (review.info.stated_total && *review.info.stated_total != rs.ips.total)
      rs.stated_total_mismatch = review.info.stated_total;
    if (ips.any_scored()) last_ips_review = &review;
    score_goi_change(rs, last_goi_review, scales);
    if (ratings_of(review, ScaleCatalog::kGoi).any_scored()) last_goi_review = &review;
    out.push_back(std::move(rs));
  }
  return out;
}

}  // namespace ips
