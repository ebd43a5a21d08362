// The national summary's tables and chart data on a small fixture whose figures were worked out
// by hand: three sites, one of them with only a partial latest review.
#include <catch2/catch.hpp>

#include "report/nasjonal_sammenstilling.h"
#include "support/review_builder.h"
#include "support/test_support.h"

using namespace ips;

namespace {

/// A review with the first `items` items all scored `score_each`.
Review review(const std::string& site, Date date, int score_each, int items = 25) {
  return test::make_review(site, date, std::vector<int>(static_cast<size_t>(items), score_each));
}

Participant person(const std::string& id, const std::string& site, Date intake) {
  Participant p;
  p.id = id;
  p.site = site;
  p.intake = intake;
  p.employed_at_intake = false;
  return p;
}

struct Fixture {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Dataset data;
  Fixture() {
    for (const char* k : {"A", "B", "C"})
      data.sites.push_back(Site{k, std::string("IPS ") + k, "", "", "", {}, {}});
    data.reviews.push_back(review("A", Date::from_ymd(2016, 3, 1), 3));      // 75 (2016-H1)
    data.reviews.push_back(review("A", Date::from_ymd(2016, 9, 1), 4));      // 100 (2016-H2)
    data.reviews.push_back(review("B", Date::from_ymd(2016, 9, 1), 4));      // 100
    data.reviews.push_back(review("C", Date::from_ymd(2016, 9, 1), 5, 11));  // partial 55
    // A: 10 served, 5 in work (50 %); B: 6 served, 3 in work; C: 2 served (suppressed).
    for (int i = 0; i < 10; ++i)
      data.participants.push_back(person("a" + std::to_string(i), "A", Date::from_ymd(2016, 1, 5)));
    for (int i = 0; i < 6; ++i)
      data.participants.push_back(person("b" + std::to_string(i), "B", Date::from_ymd(2016, 1, 5)));
    for (int i = 0; i < 2; ++i)
      data.participants.push_back(person("c" + std::to_string(i), "C", Date::from_ymd(2016, 1, 5)));
    for (const char* id : {"a0", "a1", "a2", "a3", "a4", "b0", "b1", "b2", "c0"}) {
      Job j;
      j.participant = id;
      j.kind = JobKind::Ordinary;
      j.start = Date::from_ymd(2016, 8, 1);
      data.jobs.push_back(j);
    }
  }
};

template <typename T>
std::vector<const T*> blocks_in(const doc::Report& r, const std::string& anchor) {
  std::vector<const T*> out;
  for (const auto& s : r.sections)
    if (s.anchor == anchor)
      for (const auto& b : s.blocks)
        if (const T* t = std::get_if<T>(&b)) out.push_back(t);
  return out;
}

}  // namespace

TEST_CASE(
    "the national summary ranks complete sites, marks the partial one and computes all-site "
    "figures") {
  Fixture f;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const ReportContext ctx{f.scales, f.words, "", 5};
  const doc::Report r =
      build_nasjonal_sammenstilling(Period{2016, 2}, f.data, scores, outcomes, ctx);
  CHECK(r.meta.output_stem == "nasjonal-sammenstilling-2016-H2");

  // Summary: 3 sites, national mean (100 + 100) / 2 = 100, employment rate 9 / 18 = 50 %.
  const auto figures = blocks_in<doc::KeyFigures>(r, "summary");
  REQUIRE(figures.size() == 1);
  CHECK(figures[0]->figures[0].value.number == 3);
  CHECK(figures[0]->figures[1].value.number == Approx(100));
  CHECK(figures[0]->figures[2].value.number == Approx(0.5));
  CHECK(figures[0]->figures[3].value.number == 18);

  // Ranking: A and B share rank 1, C is shown as partial without a rank.
  const doc::Table* standing = blocks_in<doc::Table>(r, "standing").at(0);
  REQUIRE(standing->rows.size() == 3);
  CHECK(standing->rows[0].cells[0].number == 1);
  CHECK(standing->rows[1].cells[0].number == 1);
  CHECK(standing->rows[2].cells[0].type == doc::ValueType::Empty);
  CHECK(standing->rows[2].cells[1].text == "IPS C");
  CHECK(standing->rows[2].cells[4].type == doc::ValueType::Empty);  // not ranked, not in the mean
  CHECK(standing->footnotes.at(1).find(
            "IPS C: bare delvis gjennomgang 01.09.2016: 55 poeng, 11 av 25") == 0);
  CHECK(standing->rows[2].cells[6].text == "delvis (11 av 25)");
  // A's slope over its two complete rounds: (100 − 75) / 1 half-year.
  CHECK(standing->rows[0].cells.back().number == Approx(25));

  // Totals per round: A has both rounds, B and C only 2016-H2.
  const doc::Table* totals = blocks_in<doc::Table>(r, "fidelity").at(0);
  REQUIRE(totals->columns.size() == 3);
  CHECK(totals->columns[1].header == "2016-H1");
  CHECK(totals->rows[0].cells[1].number == 75);
  CHECK(totals->rows[1].cells[1].type == doc::ValueType::Empty);
  // The line chart (≤ 8 sites: one line per site) skips the partial review.
  const doc::Chart* line = blocks_in<doc::Chart>(r, "fidelity").at(0);
  REQUIRE(line->spec.series.size() == 3);
  CHECK_FALSE(line->spec.series[2].values[1].has_value());

  // Heatmap: the partial review's unscored items are empty cells, scored ones their score.
  const doc::Chart* heat = blocks_in<doc::Chart>(r, "heatmap").at(0);
  CHECK(heat->spec.kind == doc::ChartKind::Heatmap);
  CHECK(heat->spec.series[2].values[0] == 5.0);
  CHECK_FALSE(heat->spec.series[2].values[24].has_value());

  // Outcomes: A 5/10; B 3/6 (3 in work is suppressed, so its rate is withheld); C 2 served,
  // 1 in work (both suppressed); all sites 9/18. C's 2 served would be 18 − 10 − 6, so B's 6,
  // the smallest other count, is withheld too (complementary suppression), carrying no number.
  const doc::Table* outcomes_table = blocks_in<doc::Table>(r, "outcomes").at(0);
  CHECK(outcomes_table->rows[0].cells[5].number == Approx(0.5));
  CHECK(outcomes_table->rows[2].cells[1].suppression == doc::Suppression::SmallCount);
  CHECK(outcomes_table->rows[1].cells[1].suppression == doc::Suppression::Withheld);
  CHECK(outcomes_table->rows[1].cells[1].number == 0);
  CHECK(outcomes_table->rows[0].cells[1].number == 10);
  CHECK(outcomes_table->rows[1].cells[5].suppression == doc::Suppression::Withheld);
  CHECK(outcomes_table->rows[2].cells[5].suppression == doc::Suppression::Withheld);
  CHECK(outcomes_table->rows[3].style == doc::RowStyle::Total);
  CHECK(outcomes_table->rows[3].cells[1].number == 18);
  const doc::Chart* bars = blocks_in<doc::Chart>(r, "outcomes").at(0);
  CHECK(bars->spec.series[0].values[0] == 0.5);
  CHECK_FALSE(bars->spec.series[0].values[2].has_value());  // the chart never shows a withheld rate
  CHECK(bars->spec.benchmarks.size() == 3);

  CHECK_FALSE(bars->spec.series[0].values[1].has_value());
  // Scatter: only sites with a complete review and a shown rate: A (100, 50 %).
  const doc::Chart* scatter = blocks_in<doc::Chart>(r, "scatter").at(0);
  REQUIRE(scatter->spec.series[0].x.size() == 1);
  CHECK(scatter->spec.series[0].x[0] == 100);
  CHECK(scatter->spec.series[0].values[0] == 0.5);
  // Axes in whole steps around the points (100 → from 100; 50 % + margin → to 75 %).
  CHECK(scatter->spec.x_axis.min == 100);
  CHECK(scatter->spec.x_axis.max == 125);
  CHECK(scatter->spec.y_axis.min == 0);
  CHECK(scatter->spec.y_axis.max == 0.75);
}

TEST_CASE("shared improvement areas are items scored 1–3 by at least half the sites") {
  Fixture f;
  f.data.reviews[2].scales[0].items[3].score = 2;  // B scores O1 at 2; A's latest has O1 at 4
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const ReportContext ctx{f.scales, f.words, "", 5};
  const doc::Report r =
      build_nasjonal_sammenstilling(Period{2016, 2}, f.data, scores, outcomes, ctx);
  const auto paragraphs = blocks_in<doc::Paragraph>(r, "improvement-areas");
  REQUIRE_FALSE(paragraphs.empty());
  CHECK(paragraphs[0]->text.find("O1 Integrering") != std::string::npos);  // 1 of 2 complete sites
  const doc::Table* items = blocks_in<doc::Table>(r, "improvement-areas").at(0);
  CHECK(items->rows[3].cells[2].number == Approx(3.0));  // O1 mean (4 + 2) / 2
  CHECK(items->rows[3].cells[3].number == 2);
  CHECK(items->rows[3].cells[5].number == 1);
}

TEST_CASE("key figures withheld as complements are explained as such right after them") {
  // Two sites: C's 2 served beside A's 10 would give all sites away, so all sites' served and
  // employment rate are withheld, and the note under the key figures says why ("–" alone is
  // explained by the renderers as resting on too few, which is not true here).
  Fixture f;
  f.data.sites.erase(f.data.sites.begin() + 1);  // drop B and its participants
  std::erase_if(f.data.participants, [](const Participant& p) { return p.site == "B"; });
  std::erase_if(f.data.jobs, [](const Job& j) { return j.participant[0] == 'b'; });
  std::erase_if(f.data.reviews, [](const Review& r) { return r.site == "B"; });
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const ReportContext ctx{f.scales, f.words, "", 5};
  const doc::Report r =
      build_nasjonal_sammenstilling(Period{2016, 2}, f.data, scores, outcomes, ctx);
  const doc::Section* summary = nullptr;
  for (const auto& s : r.sections)
    if (s.anchor == "summary") summary = &s;
  REQUIRE(summary != nullptr);
  REQUIRE(summary->blocks.size() >= 2);
  const auto* figures = std::get_if<doc::KeyFigures>(&summary->blocks[0]);
  REQUIRE(figures != nullptr);
  CHECK(figures->figures[2].value.suppression == doc::Suppression::Withheld);
  CHECK(figures->figures[3].value.suppression == doc::Suppression::Withheld);
  const auto* note = std::get_if<doc::Paragraph>(&summary->blocks[1]);
  REQUIRE(note != nullptr);
  CHECK(note->style == doc::ParagraphStyle::Note);
  CHECK(note->text == f.words.get("common.complementary_note"));

  // Nothing withheld as a complement: no such note.
  Fixture all;
  const doc::Report three = build_nasjonal_sammenstilling(
      Period{2016, 2}, all.data, score_reviews(all.data, all.scales), OutcomeIndex(all.data),
      ReportContext{all.scales, all.words, "", 5});
  CHECK(blocks_in<doc::Paragraph>(three, "summary").empty());
}
