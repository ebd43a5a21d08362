#include "review_generation.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "phrases.h"

namespace ips::bench {
namespace {

int8_t clamp_score(int value) {
  return static_cast<int8_t>(std::clamp(value, 1, 5));
}

/// A neighbour score (one up or down, staying on the scale) for a rater who saw it differently.
int8_t neighbour(Prng& rng, int8_t score) {
  if (score <= 1) return 2;
  if (score >= 5) return 4;
  return static_cast<int8_t>(score + (rng.chance(0.5) ? 1 : -1));
}

std::string_view comment_for(Prng& rng, int score) {
  if (score >= 5) return rng.pick(phrases::comment_strong);
  if (score >= 3) return rng.pick(phrases::comment_middle);
  return rng.pick(phrases::comment_weak);
}

}  // namespace

void fill_item_scores(Prng& rng, int target, std::span<const double> item_bias,
                      std::span<const bool> scored, const ReviewStyle& style,
                      std::span<const std::string_view> recommendations,
                      std::span<ItemScores> items) {
  const size_t n = items.size();
  int scored_count = 0;
  for (size_t i = 0; i < n; ++i) scored_count += scored[i] ? 1 : 0;
  target = std::clamp(target, scored_count, 5 * scored_count);
  const double mean = scored_count ? static_cast<double>(target) / scored_count : 0;

  std::array<int8_t, 32> consensus{};
  int sum = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!scored[i]) continue;
    consensus[i] =
        clamp_score(static_cast<int>(std::lround(mean + item_bias[i] + 0.5 * rng.normal())));
    sum += consensus[i];
  }
  // Nudge random items one point at a time until the total is exactly the target.
  while (sum != target) {
    const size_t i = rng.next() % n;
    if (!scored[i]) continue;
    if (sum < target && consensus[i] < 5)
      ++consensus[i], ++sum;
    else if (sum > target && consensus[i] > 1)
      --consensus[i], --sum;
  }

  for (size_t i = 0; i < n; ++i) {
    ItemScores& item = items[i];
    item = ItemScores{};
    if (!scored[i]) continue;
    const int8_t score = consensus[i];
    item.consensus = score;
    item.evaluator1 = rng.chance(style.evaluator_disagreement) ? neighbour(rng, score) : score;
    if (style.two_evaluators) {
      item.evaluator2 = rng.chance(style.evaluator_disagreement) ? neighbour(rng, score) : score;
      if (item.evaluator1 == item.evaluator2 && rng.chance(style.consensus_left_empty)) {
        item.consensus = 0;
        item.evaluator1 = item.evaluator2 = score;
      } else if (rng.chance(style.unresolved_disagreement)) {
        item.consensus = 0;
        item.evaluator1 = score;
        item.evaluator2 = neighbour(rng, score);
      }
    } else {
      item.evaluator1 = score;  // one evaluator: the consensus is that evaluator's score
    }
    if (rng.chance(style.comment_rate)) item.comment = comment_for(rng, score);
    if (score <= 3 && rng.chance(style.recommendation_rate)) {
      // The item's own recommendation. The draw that once picked one from a shared list is
      // still made, so every later figure of the committed example stays as it was.
      (void)rng.next();
      item.recommendation = recommendations[i];
    }
  }
}

int effective_score(const ItemScores& item) {
  if (item.consensus > 0) return item.consensus;
  if (item.evaluator1 > 0 && item.evaluator2 == 0) return item.evaluator1;
  if (item.evaluator2 > 0 && item.evaluator1 == 0) return item.evaluator2;
  return item.evaluator1 == item.evaluator2 ? item.evaluator1 : 0;
}

int recomputed_total(std::span<const ItemScores> items) {
  int total = 0;
  for (const ItemScores& item : items) total += effective_score(item);
  return total;
}

int scored_count(std::span<const ItemScores> items) {
  int count = 0;
  for (const ItemScores& item : items) count += effective_score(item) > 0 ? 1 : 0;
  return count;
}

std::string_view band_label(int total) {
  if (total >= 115) return "meget bra kvalitet";
  if (total >= 100) return "bra kvalitet";
  if (total >= 74) return "godkjent kvalitet";
  return "IPS-program benyttes ikke";
}

std::string review_summary(const ReviewRecord& review) {
  static constexpr std::array<std::string_view, 3> kSection = {"bemanning", "organisasjon",
                                                               "tjenester"};
  static constexpr std::array<int, 4> kSectionStart = {0, 3, 11, 25};
  int best = -1, worst = -1;
  double best_mean = 0, worst_mean = 6;
  for (int s = 0; s < 3; ++s) {
    int sum = 0, count = 0;
    for (int i = kSectionStart[s]; i < kSectionStart[s + 1]; ++i)
      if (const int score = effective_score(review.ips[i]); score > 0) sum += score, ++count;
    if (count == 0) continue;
    const double mean = static_cast<double>(sum) / count;
    if (mean > best_mean) best_mean = mean, best = s;
    if (mean < worst_mean) worst_mean = mean, worst = s;
  }
  const int total = recomputed_total(review.ips);
  const int count = scored_count(review.ips);
  std::string text = "Samlet skår " + std::to_string(total);
  if (count == 25) {
    text += " tilsvarer ";
    text += band_label(total);
    text += ".";
  } else {
    text += " på " + std::to_string(count) + " av 25 punkter; ikke alle punkter kunne vurderes.";
  }
  if (best >= 0 && best != worst) {
    text += " Sterkest på ";
    text += kSection[best];
    text += ", mest å hente på ";
    text += kSection[worst];
    text += ".";
  }
  return text;
}

std::string review_purpose() {
  return "Vurdere hvor godt tjenesten følger IPS-modellen og gi råd om videre forbedring.";
}

std::string review_method(Date date) {
  return "Besøk " + date.norwegian() +
         " med intervjuer av jobbspesialister, enhetsleder, NAV-veileder og behandlere, "
         "observasjon av teammøte og gjennomgang av journaler og logg. Skåret hver for seg, "
         "deretter enighet om konsensus.";
}

}  // namespace ips::bench
