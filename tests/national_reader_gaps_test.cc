// Three gaps a reviewer found reading the example's 2016-H2 reports side by side: a missed review
// round in the national totals table was a blank nobody explained; the all-sites employment trend
// gave no point its n (the interval that carries it); and the national ranking's change compared
// with the previous round where the Halvårsrapport compares with the previous review.
#include <catch2/catch.hpp>

#include "report/halvarsrapport.h"
#include "report/nasjonal_sammenstilling.h"
#include "report/value_format.h"
#include "support/review_builder.h"
#include "support/test_support.h"

using namespace ips;

namespace {

struct Sites {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording nb = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Wording en = Wording::load(test::source_dir() / "templates", Lang::En);
  Dataset data;
  Sites() {
    data.sites.push_back(Site{"A", "IPS A", "Oppland", "", "", {}, {}});
    data.sites.push_back(Site{"B", "IPS B", "Oslo", "", "", {}, {}});
    // A: 2015-H1 100, none in 2015-H2, 2016-H1 103, then two in 2016-H2: 104 and 106
    // (like IPS Gjøvik: +2 against 13.09.2016, +3 against the round before).
    data.reviews = {
        test::make_review("A", Date::from_ymd(2015, 5, 1), test::scores_adding_up_to(100)),
        test::make_review("A", Date::from_ymd(2016, 5, 24), test::scores_adding_up_to(103)),
        test::make_review("A", Date::from_ymd(2016, 9, 13), test::scores_adding_up_to(104)),
        test::make_review("A", Date::from_ymd(2016, 11, 22), test::scores_adding_up_to(106)),
        // B: first reviewed in 2015-H2 (so the table has that round), then 2016-H1, none in
        // 2016-H2.
        test::make_review("B", Date::from_ymd(2015, 10, 1), test::scores_adding_up_to(85)),
        test::make_review("B", Date::from_ymd(2016, 3, 1), test::scores_adding_up_to(90))};
    // 2015-H2: 30 served at each site, a few in work; later half-years have more.
    for (const char* site : {"A", "B"})
      for (int i = 0; i < 30; ++i) {
        Participant p;
        p.id = std::string(site) + std::to_string(i);
        p.site = site;
        p.intake = Date::from_ymd(2015, 9, 1);
        p.employed_at_intake = false;
        data.participants.push_back(p);
        if (i < 9) {
          Job j;
          j.participant = p.id;
          j.kind = JobKind::Ordinary;
          j.start = Date::from_ymd(2015, 11, 1);
          data.jobs.push_back(j);
        }
      }
  }
  ReportContext ctx(const Wording& w) const {
    return ReportContext{scales, w, "Nasjonalt kompetansesenter for IPS", 5,
                         Date::from_ymd(2016, 12, 31)};
  }
};

const doc::Table& table(const doc::Report& r, const std::string& id) {
  for (const auto& s : r.sections)
    for (const auto& b : s.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b); t && t->id == id) return *t;
  FAIL("no table " << id);
  throw std::logic_error("unreachable");
}

size_t column(const doc::Table& t, const std::string& header) {
  for (size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].header == header) return i;
  FAIL("no column " << header);
  return 0;
}

bool has_note(const doc::Table& t, const std::string& part) {
  for (const auto& n : t.footnotes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a missed review round in the national totals table is marked and explained",
          "[national-reader-gaps]") {
  Sites f;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  for (const Wording* w : {&f.nb, &f.en}) {
    const doc::Report r =
        build_nasjonal_sammenstilling(Period{2016, 2}, f.data, scores, outcomes, f.ctx(*w));
    const doc::Table& t = table(r, "totals");
    const size_t h2015 = column(t, "2015-H2"), h2016 = column(t, "2016-H2"),
                 h1_2015 = column(t, "2015-H1");
    INFO(w->get("nasjonal.totals_table"));
    CHECK(t.rows[0].cells[h2015].text == "–");  // A: no review in 2015-H2
    CHECK(t.rows[1].cells[h2016].text == "–");  // B: none in the report's own half-year
    CHECK(t.rows[1].cells[h1_2015].type == doc::ValueType::Empty);  // B: before its first
    CHECK(has_note(
        t, w == &f.nb ? "– = ingen gjennomgang dette halvåret" : "– = no review this half-year"));
    CHECK(has_note(t, w == &f.nb ? "Punkt O8" : "Item O8"));
    CHECK(has_note(t, w == &f.nb ? "Tom rute" : "Empty cell"));
  }
}

TEST_CASE("the all-sites employment trend gives every point its interval or says it is withheld",
          "[national-reader-gaps]") {
  Sites f;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const doc::Report r =
      build_nasjonal_sammenstilling(Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.nb));
  const doc::Table& t = table(r, "employment-trend");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].cells[0].text == "2015-H2");
  for (const auto& row : t.rows) {
    INFO(row.cells[0].text);
    // The same cell as the Halvårsrapport's "Alle enheter" column: the rate with its interval.
    CHECK((row.cells[1].interval.has_value() || row.cells[1].interval_withheld));
  }
  CHECK(has_note(t, "95 %-intervallet"));

  const doc::Report h =
      build_halvarsrapport(0, Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.nb));
  const doc::Table& ht = table(h, "trend");
  for (size_t i = 0; i < t.rows.size(); ++i)
    CHECK(doc::format_value(t.rows[i].cells[1], Lang::Nb) ==
          doc::format_value(ht.rows[i].cells[5], Lang::Nb));
}

TEST_CASE("the national ranking's change is against the previous review, as in the Halvårsrapport",
          "[national-reader-gaps]") {
  Sites f;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const doc::Report r =
      build_nasjonal_sammenstilling(Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.nb));
  const doc::Table& standing = table(r, "standing");
  const size_t change = column(standing, "Endring fra forrige gjennomgang");
  REQUIRE(standing.rows[0].cells[1].text == "IPS A");
  CHECK(standing.rows[0].cells[change].number == 2);  // 106 − 104 (13.09.2016), not 106 − 103
  CHECK(has_note(standing, "IPS A: endringen er mot gjennomgangen 13.09.2016"));
  CHECK(has_note(standing, "forrige gjennomgang etter dato"));

  // The Halvårsrapport's history row of 22.11.2016 shows the same +2.
  const doc::Report h =
      build_halvarsrapport(0, Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.nb));
  bool seen = false;
  for (const auto& s : h.sections)
    for (const auto& b : s.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b))
        for (const auto& row : t->rows)
          for (size_t k = 0; k + 1 < row.cells.size(); ++k)
            if (row.cells[k].type == doc::ValueType::Date &&
                row.cells[k].number == Date::from_ymd(2016, 11, 22).days && t->columns.size() > 5)
              for (const auto& c : row.cells)
                if (c.type == doc::ValueType::Change) {
                  CHECK(c.number == 2);
                  seen = true;
                }
  CHECK(seen);

  const doc::Report en =
      build_nasjonal_sammenstilling(Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.en));
  const doc::Table& est = table(en, "standing");
  column(est, "Change since previous review");
  CHECK(has_note(est, "against the review of"));
}
