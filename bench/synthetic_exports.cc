#include "synthetic_exports.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "participant_generation.h"
#include "phrases.h"
#include "review_generation.h"

namespace ips::bench {
namespace {

SiteRecord make_site(Prng& rng, int index, Period first_period) {
  const size_t places = phrases::town.size();
  const std::string town(phrases::town[static_cast<size_t>(index) % places]);
  const int round = index / static_cast<int>(places) + 1;
  char key[16];
  std::snprintf(key, sizeof key, index < 999 ? "E%03d" : "E%d", index + 1);
  static constexpr std::array<std::string_view, 4> kService = {
      "DPS, allmennpoliklinikk", "DPS, psykoseteam", "kommune, rus og psykisk helse", "FACT-team"};
  SiteRecord site;
  site.key = key;
  site.name = "IPS " + town + (round > 1 ? std::string(" ").append(std::to_string(round)) : "");
  site.county = std::string(phrases::town_county[static_cast<size_t>(index) % places]);
  site.nav_office = "NAV " + town;
  site.health_service =
      town + " " + std::string(rng.pick(std::span<const std::string_view>(kService)));
  site.start = Date{first_period.first_day().days - rng.uniform(0, 180)};
  site.fte = 0.5 * rng.uniform(2, 8);
  return site;
}

void add_site_reviews(Prng& rng, ExportData& data, uint32_t site, const SyntheticOptions& options) {
  const double base = rng.uniform(55, 95);
  const double growth = 0.5 + 3.0 * rng.unit();
  std::array<double, 25> ips_bias{};
  std::array<double, 12> goi_bias{};
  for (double& b : ips_bias) b = 0.6 * rng.normal();
  for (double& b : goi_bias) b = 0.5 * rng.normal();
  const bool starts_with_baseline = rng.chance(0.05);

  Period period = options.first_period;
  for (int round = 0; round < options.half_years; ++round, period = period.next()) {
    ReviewRecord review;
    review.site = site;
    review.date = Date{period.first_day().days + rng.uniform(10, 170)};
    ReviewStyle style;
    style.two_evaluators = !rng.chance(0.10);
    style.consensus_left_empty = 0.01;
    style.unresolved_disagreement = 0.0015;  // about one review in 25

    std::array<bool, 25> scored{};
    scored.fill(true);
    if (round == 0 && starts_with_baseline) {
      for (int i = 11; i < 25; ++i) scored[i] = false;  // before start: services not scored
    } else if (rng.chance(0.10)) {
      for (int k = rng.uniform(1, 3); k > 0; --k) scored[rng.next() % 25] = false;
    }
    const double expected = std::min(123.0, base + growth * round + 3.0 * rng.normal());
    int scored_count = 0;
    for (bool s : scored) scored_count += s ? 1 : 0;
    const int target = static_cast<int>(std::lround(expected * scored_count / 25.0));
    fill_item_scores(rng, target, ips_bias, scored, style, phrases::ips_recommendation, review.ips);

    std::array<bool, 12> goi_scored{};
    goi_scored.fill(true);
    const int goi_target = static_cast<int>(std::lround(expected / 125.0 * 60.0 + rng.normal()));
    fill_item_scores(rng, goi_target, goi_bias, goi_scored, style, phrases::goi_recommendation,
                     review.goi);

    review.evaluators = std::string(style.two_evaluators ? rng.pick(phrases::reviewer_pairs)
                                                         : rng.pick(phrases::single_reviewers));
    review.to = "Prosjektleder og styringsgruppe, " + data.sites[site].name;
    review.purpose = review_purpose();
    review.method = review_method(review.date);
    review.summary = review_summary(review);
    const double u = rng.unit();
    // Most forms carry the total; a few were added up wrong by hand, some left it out.
    if (u < 0.80)
      review.stated_total = recomputed_total(review.ips);
    else if (u < 0.83)
      review.stated_total = recomputed_total(review.ips) + (rng.chance(0.5) ? 2 : -3);
    data.reviews.push_back(std::move(review));
  }
}

}  // namespace

ExportData generate_synthetic(const SyntheticOptions& options) {
  Prng root(options.seed);
  ExportData data;
  data.sites.reserve(static_cast<size_t>(options.sites));
  for (int i = 0; i < options.sites; ++i) {
    Prng rng = root.fork(1000003ULL * static_cast<uint64_t>(i + 1));
    data.sites.push_back(make_site(rng, i, options.first_period));
  }
  data.reviews.reserve(static_cast<size_t>(options.sites) *
                       static_cast<size_t>(options.half_years));
  for (int i = 0; i < options.sites; ++i) {
    Prng rng = root.fork(2000003ULL * static_cast<uint64_t>(i + 1));
    add_site_reviews(rng, data, static_cast<uint32_t>(i), options);
  }

  // Participants shared out by FTE (largest sites serve most people).
  double total_fte = 0;
  for (const SiteRecord& s : data.sites) total_fte += s.fte;
  Period last_period = options.first_period;
  for (int i = 1; i < options.half_years; ++i) last_period = last_period.next();
  const Date first_intake = options.first_period.first_day();
  const Date data_end = last_period.last_day();
  const Date last_intake = Date{std::max(first_intake.days, data_end.days - 30)};
  data.participants.reserve(static_cast<size_t>(options.participants));
  data.jobs.reserve(static_cast<size_t>(options.participants) * 3 / 5);
  int assigned = 0;
  double cumulative_fte = 0;
  for (int i = 0; i < options.sites; ++i) {
    cumulative_fte += data.sites[static_cast<size_t>(i)].fte;
    const int until =
        static_cast<int>(std::lround(options.participants * cumulative_fte / total_fte));
    Prng rng = root.fork(3000003ULL * static_cast<uint64_t>(i + 1));
    OutcomeProfile profile;
    profile.competitive_job = 0.30 + 0.20 * rng.unit();
    add_participants(rng, data, static_cast<uint32_t>(i), until - assigned, first_intake,
                     last_intake, data_end, profile);
    assigned = until;
  }
  return data;
}

}  // namespace ips::bench
