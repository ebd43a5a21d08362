// What the Halvårsrapport and the national summary say about a site's review history: several
// reviews in one half-year, a partial latest review, a missed review round, and notes that are
// true for the data they stand under.
#include <catch2/catch.hpp>

#include "report/halvarsrapport.h"
#include "report/nasjonal_sammenstilling.h"
#include "support/review_builder.h"
#include "support/test_support.h"

using namespace ips;

namespace {

/// A review with the first `items` items all scored `score_each`.
Review review(const std::string& site, Date date, int score_each, int items = 25) {
  return test::make_review(site, date, std::vector<int>(static_cast<size_t>(items), score_each));
}

struct Sites {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Dataset data;
  explicit Sites(std::initializer_list<const char*> keys) {
    for (const char* k : keys)
      data.sites.push_back(Site{k, std::string("IPS ") + k, "", "", "", {}, {}});
  }
  doc::Report halvarsrapport(size_t site, Period p) const {
    const auto scores = score_reviews(data, scales);
    return build_halvarsrapport(site, p, data, scores, OutcomeIndex(data),
                                ReportContext{scales, words, "", 5});
  }
  doc::Report national(Period p) const {
    const auto scores = score_reviews(data, scales);
    return build_nasjonal_sammenstilling(p, data, scores, OutcomeIndex(data),
                                         ReportContext{scales, words, "", 5});
  }
};

const doc::Table& table(const doc::Report& r, const std::string& id) {
  for (const auto& s : r.sections)
    for (const auto& b : s.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b); t && t->id == id) return *t;
  FAIL("no table " << id);
  throw;
}

template <typename T>
std::vector<const T*> blocks_in(const doc::Report& r, const std::string& anchor) {
  std::vector<const T*> out;
  for (const auto& s : r.sections)
    if (s.anchor == anchor)
      for (const auto& b : s.blocks)
        if (const T* t = std::get_if<T>(&b)) out.push_back(t);
  return out;
}

size_t column(const doc::Table& t, const std::string& header) {
  for (size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].header == header) return i;
  FAIL("no column " << header);
  throw;
}

// The footnote under the table that starts with the site's name, or "".
std::string site_note(const doc::Table& t, const std::string& site) {
  for (const std::string& note : t.footnotes)
    if (note.rfind(site + ": ", 0) == 0) return note;
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "every review of a half-year stays in the Halvårsrapport's history, the round's review marked",
    "[halvarsrapport][fidelity]") {
  Sites f{"A"};
  f.data.reviews.push_back(review("A", Date::from_ymd(2016, 3, 1), 3));  // 75, 2016-H1
  f.data.reviews.push_back(review("A", Date::from_ymd(2016, 8, 1), 4));  // 100, 2016-H2, earlier
  f.data.reviews.push_back(
      review("A", Date::from_ymd(2016, 11, 1), 5));  // 125, 2016-H2, the round's
  const doc::Report r = f.halvarsrapport(0, Period{2016, 2});
  const doc::Table& t = table(r, "reviews");
  REQUIRE(t.rows.size() == 3);
  const size_t total = column(t, f.words.get("halvarsrapport.total"));
  const size_t change = column(t, f.words.get("halvarsrapport.change"));
  const size_t note = column(t, f.words.get("halvarsrapport.review_note"));
  CHECK(t.rows[1].cells[total].number == 100);
  CHECK(t.rows[2].cells[total].number == 125);
  // Each change is against the row above it, which the table shows.
  CHECK(t.rows[1].cells[change].number == 25);
  CHECK(t.rows[2].cells[change].number == 25);
  CHECK(t.rows[1].cells[note].text == f.words.get("halvarsrapport.earlier_in_round"));
  CHECK(t.rows[2].cells[note].text == f.words.get("halvarsrapport.round_review"));
  CHECK(t.rows[0].cells[note].type == doc::ValueType::Empty);
  // The chart draws one point per round: the round's review.
  const doc::Chart* line = blocks_in<doc::Chart>(r, "fidelity").at(0);
  REQUIRE(line->spec.categories.size() == 2);
  CHECK(line->spec.series[0].values[1] == 125.0);
  CHECK(line->spec.source_table.empty());  // the table has more rows than the chart has rounds

  // One review per half-year: no note column, and the XLSX chart may take the table's columns.
  f.data.reviews.erase(f.data.reviews.begin() + 1);
  const doc::Report plain = f.halvarsrapport(0, Period{2016, 2});
  CHECK(table(plain, "reviews").columns.size() == 6);
  CHECK(blocks_in<doc::Chart>(plain, "fidelity").at(0)->spec.source_table == "reviews");
}

TEST_CASE(
    "the national ranking shows the complete review it ranks, and a newer partial one beside it",
    "[nasjonal][fidelity]") {
  Sites f{"A", "B", "C"};
  f.data.reviews.push_back(review("A", Date::from_ymd(2016, 3, 1), 4));       // 100, complete
  f.data.reviews.push_back(review("A", Date::from_ymd(2016, 9, 1), 5, 11));   // 55, partial, latest
  f.data.reviews.push_back(review("B", Date::from_ymd(2016, 9, 1), 3));       // 75
  f.data.reviews.push_back(review("C", Date::from_ymd(2016, 10, 1), 5, 11));  // only partial
  const doc::Report r = f.national(Period{2016, 2});
  const doc::Table& t = table(r, "standing");
  REQUIRE(t.rows.size() == 3);
  const size_t date = column(t, f.words.get("nasjonal.used_date"));
  const size_t total = column(t, f.words.get("nasjonal.total"));
  // A is ranked on its complete review of 1 March: that review's date and total are printed.
  CHECK(t.rows[0].cells[1].text == "IPS A");
  CHECK(t.rows[0].cells[0].number == 1);
  CHECK(t.rows[0].cells[date].number == Date::from_ymd(2016, 3, 1).days);
  CHECK(t.rows[0].cells[total].number == 100);
  CHECK(contains(site_note(t, "IPS A"),
                 "nyere delvis gjennomgang 01.09.2016: 55 poeng, 11 av 25 punkter"));
  // C has no complete review: no rank and no total, the partial one in the note.
  CHECK(t.rows[2].cells[1].text == "IPS C");
  CHECK(t.rows[2].cells[0].type == doc::ValueType::Empty);
  CHECK(t.rows[2].cells[total].type == doc::ValueType::Empty);
  CHECK(contains(site_note(t, "IPS C"), "bare delvis gjennomgang 01.10.2016: 55 poeng"));
  CHECK(site_note(t, "IPS B").empty());
  // The printed totals average to the national mean key figure.
  double sum = 0;
  int n = 0;
  for (const doc::Row& row : t.rows)
    if (row.cells[total].type != doc::ValueType::Empty) sum += row.cells[total].number, ++n;
  const auto figures = blocks_in<doc::KeyFigures>(r, "summary");
  CHECK(figures.at(0)->figures[1].value.number == Approx(sum / n));
  CHECK(sum / n == Approx(87.5));
}

TEST_CASE("a missed review round is flagged in the Halvårsrapport and the national ranking",
          "[halvarsrapport][nasjonal][fidelity]") {
  Sites f{"A", "B"};
  f.data.reviews.push_back(review("A", Date::from_ymd(2016, 3, 1), 4));  // 2016-H1; none in 2016-H2
  f.data.reviews.push_back(review("B", Date::from_ymd(2015, 3, 1), 3));  // 2015-H1
  f.data.reviews.push_back(
      review("B", Date::from_ymd(2016, 9, 1), 4));  // 2016-H2; 2015-H2 and 2016-H1 missed
  const Period period{2016, 2};

  const doc::Report a = f.halvarsrapport(0, period);
  const auto figures = blocks_in<doc::KeyFigures>(a, "summary");
  CHECK(figures.at(0)->figures[2].detail == "ingen gjennomgang i 2. halvår 2016");
  const doc::Table& a_history = table(a, "reviews");
  REQUIRE(a_history.rows.size() == 2);  // 2016-H1's review and the missed 2016-H2
  CHECK(a_history.rows[1].cells[0].text == "2016-H2");
  CHECK(a_history.rows[1].cells[2].type == doc::ValueType::Empty);
  CHECK(a_history.rows[1].cells.back().text == f.words.get("halvarsrapport.missed_round"));
  bool noted = false;
  for (const doc::Paragraph* p : blocks_in<doc::Paragraph>(a, "fidelity"))
    noted = noted || contains(p->text, "2. halvår 2016");
  CHECK(noted);

  const doc::Report b = f.halvarsrapport(1, period);
  const doc::Table& b_history = table(b, "reviews");
  REQUIRE(b_history.rows.size() == 4);  // 2015-H1, missed 2015-H2 and 2016-H1, 2016-H2
  CHECK(b_history.rows[1].cells[0].text == "2015-H2");
  CHECK(b_history.footnotes.empty());  // no half-year with several reviews to explain
  CHECK(b_history.rows[2].cells.back().text == f.words.get("halvarsrapport.missed_round"));
  CHECK(b_history.rows[3].cells[5].number == 25);  // against 2015-H1, the row with a score above
  // Reviewed in the period: no flag in the summary.
  CHECK_FALSE(contains(blocks_in<doc::KeyFigures>(b, "summary").at(0)->figures[2].detail,
                       "ingen gjennomgang"));

  const doc::Report national = f.national(period);
  const doc::Table& standing = table(national, "standing");
  CHECK(site_note(standing, "IPS A") ==
        "IPS A: siste gjennomgang 1. halvår 2016, ingen i 2. halvår 2016.");
  CHECK(site_note(standing, "IPS B").empty());
}

TEST_CASE("the national summary's notes are true for the data under them", "[nasjonal][fidelity]") {
  Sites f{"A", "B"};
  f.data.reviews.push_back(review("A", Date::from_ymd(2016, 3, 1), 4));
  f.data.reviews.push_back(review("A", Date::from_ymd(2016, 9, 1), 4));
  f.data.reviews.push_back(review("B", Date::from_ymd(2016, 9, 1), 3));
  // Two rounds, all complete: no "latest 8 rounds", no "* = partial" under either table.
  const doc::Report plain = f.national(Period{2016, 2});
  for (const char* id : {"totals", "heatmap"}) {
    INFO(id);
    for (const std::string& note : table(plain, id).footnotes) {
      CHECK_FALSE(contains(note, "8"));
      CHECK_FALSE(contains(note, "*"));
      CHECK_FALSE(contains(note, "Tomme ruter"));
    }
  }

  // Ten rounds, B's latest partial: both notes apply.
  for (int year = 2012; year <= 2015; ++year)
    for (unsigned month : {3u, 9u})
      f.data.reviews.push_back(review("A", Date::from_ymd(year, month, 1), 3));
  std::sort(f.data.reviews.begin(), f.data.reviews.end(), [](const Review& a, const Review& b) {
    return std::tie(a.site, a.date) < std::tie(b.site, b.date);
  });
  f.data.reviews.back() = review("B", Date::from_ymd(2016, 9, 1), 3, 11);
  const doc::Report marked = f.national(Period{2016, 2});
  const doc::Table& totals = table(marked, "totals");
  CHECK(totals.columns.size() == 9);  // site + the latest 8 of 10 rounds
  bool latest_8 = false, star = false;
  for (const std::string& note : totals.footnotes) {
    latest_8 = latest_8 || note == f.words.format("nasjonal.totals_note", {"8"});
    star = star || note == f.words.get("nasjonal.partial_star_note");
  }
  CHECK(latest_8);
  CHECK(star);
  bool heat_star = false, heat_empty = false;
  for (const std::string& note : table(marked, "heatmap").footnotes) {
    heat_star = heat_star || contains(note, "*");
    heat_empty = heat_empty || contains(note, "ikke er skåret");
  }
  CHECK(heat_star);
  CHECK(heat_empty);
}
