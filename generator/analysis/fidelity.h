// Fidelity figures per review (docs/figures.md, "Fidelity"): totals, completeness, bands, section
// scores, change against the site's previous review, strengths and improvement areas.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dataset.h"
#include "model/scale.h"

namespace ips {

struct SectionScore {
  std::string section;  // ScaleSection::id
  int sum = 0;
  int scored = 0;
  int items = 0;
  std::optional<double> mean;  // over scored items; empty when none is scored
};

/// One scale's ratings in one review, summed up.
struct ScaleScore {
  int total = 0;   // sum of scored items
  int scored = 0;  // how many items have a score
  int items = 0;   // how many items the scale has
  bool complete() const { return items > 0 && scored == items; }
  std::optional<double> mean;       // over scored items
  const ScaleBand* band = nullptr;  // only for a complete review of a scale with bands
  std::vector<SectionScore> sections;
};

/// Sums one scale's ratings.
ScaleScore score_scale(const Scale& scale, const ScaleRatings& ratings);

/// Everything the reports say about one review.
struct ReviewScore {
  const Review* review = nullptr;
  ScaleScore ips;
  ScaleScore goi;
  /// The same site's previous review with IPS-25 scores (by date), or nullptr.
  const Review* previous = nullptr;
  ScaleScore previous_ips;
  /// This total minus the previous one; only when both reviews are complete.
  std::optional<int> total_change;
  /// Per IPS item: this score minus the previous score, when both exist.
  std::vector<std::optional<int>> item_change;
  std::vector<size_t> strengths;          // IPS item indexes scored 5
  std::vector<size_t> improvement_areas;  // IPS item indexes scored 1–3
  /// The stated total from Gjennomganger, when it differs from the recomputed total.
  std::optional<int> stated_total_mismatch;
  /// The same site's previous review with GOI scores (by date), or nullptr; as for IPS-25.
  const Review* previous_goi = nullptr;
  ScaleScore previous_goi_score;
  std::optional<int> goi_total_change;              // only when both GOI scorings are complete
  std::vector<std::optional<int>> goi_item_change;  // per GOI item, when both scores exist
  std::vector<size_t> goi_improvement_areas;        // GOI item indexes scored 1–3
};

/// Scores every review of the data set, in the data set's order (site, date).
std::vector<ReviewScore> score_reviews(const Dataset& data, const ScaleCatalog& scales);

/// The item scores of one scale in a review, in scale order (empty = not scored).
std::vector<std::optional<int>> item_scores(const Review& review, size_t scale_index);

}  // namespace ips
