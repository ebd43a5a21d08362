// What readers of the Halvårsrapport and the national summary expect beyond the figures (issue
// 16, "Missing"): the Halvårsrapport's header, GOI over time and the latest review's improvement
// areas and recommendations; the national summary's county, change since the previous review,
// GOI per site, the second outcomes table and the all-sites employment trend; document titles
// naming site and period; Norwegian input text marked as such in English HTML.
#include <catch2/catch.hpp>

#include "ingest/table_schema.h"
#include "render/renderer.h"
#include "report/halvarsrapport.h"
#include "report/nasjonal_sammenstilling.h"
#include "support/review_builder.h"
#include "support/test_support.h"

using namespace ips;

namespace {

struct TwoSites {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording nb = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Wording en = Wording::load(test::source_dir() / "templates", Lang::En);
  Dataset data;
  TwoSites() {
    data.sites.push_back(Site{"A", "IPS A", "Nordland", "", "", {}, {}});
    data.sites.push_back(Site{"B", "IPS B", "Oppland", "", "", {}, {}});
    // A: 2016-H1 100 (GOI 36), 2016-H2 110 (GOI 48) with O2 at 2 and a recommendation.
    std::vector<int> h1(25, 4), h2 = test::scores_adding_up_to(110);  // ten 5s, then 4s
    h2[4] = 2;                                                        // O2: 5 → 2
    h2[10] = h2[11] = h2[12] = 5;                                     // keeps the total at 110
    Review a1 = test::make_review("A", Date::from_ymd(2016, 3, 1), h1, std::vector<int>(12, 3));
    Review a2 = test::make_review("A", Date::from_ymd(2016, 10, 4), h2, std::vector<int>(12, 4));
    a2.info.recipient = "Styringsgruppen for IPS A";
    a2.scales[0].items[4].recommendation = "Avtal faste månedlige møter med NAV-veilederne.";
    a2.scales[0].items[4].comment = "Veilederne møter jobbspesialistene sjelden.";
    data.reviews = {a1, a2,
                    test::make_review("B", Date::from_ymd(2016, 9, 1), std::vector<int>(25, 3))};
    for (int i = 0; i < 12; ++i) {
      for (const char* site : {"A", "B"}) {
        Participant p;
        p.id = std::string(site) + std::to_string(i);
        p.site = site;
        p.intake = Date::from_ymd(2015, 9, 1);
        p.employed_at_intake = false;
        data.participants.push_back(p);
      }
    }
  }
  ReportContext ctx(const Wording& w) const {
    return ReportContext{scales, w, "Nasjonalt kompetansesenter for IPS", 5,
                         Date::from_ymd(2016, 12, 31)};
  }
};

template <typename T>
std::vector<const T*> blocks(const doc::Report& r, const std::string& anchor) {
  std::vector<const T*> out;
  for (const auto& s : r.sections)
    if (s.anchor == anchor)
      for (const auto& b : s.blocks)
        if (const T* t = std::get_if<T>(&b)) out.push_back(t);
  return out;
}

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

std::string field(const doc::FieldList& f, const std::string& label) {
  for (const auto& [l, v] : f.fields)
    if (l == label) return v;
  return "";
}

}  // namespace

TEST_CASE("the Halvårsrapport has a header, the GOI over time and the latest review's points",
          "[report-additions]") {
  TwoSites f;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const doc::Report r =
      build_halvarsrapport(0, Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.nb));
  CHECK(r.meta.document_title == "Halvårsrapport IPS, IPS A, 2. halvår 2016");
  CHECK(r.meta.running_head == "Halvårsrapport · IPS A · 2. halvår 2016");

  const auto headers = blocks<doc::FieldList>(r, "summary");
  REQUIRE(headers.size() == 1);
  CHECK(field(*headers[0], "Dato") == "31.12.2016");
  CHECK(field(*headers[0], "Til") == "Styringsgruppen for IPS A");
  CHECK(field(*headers[0], "Fra") == "Nasjonalt kompetansesenter for IPS");
  CHECK(field(*headers[0], "Periode") == "2. halvår 2016 (01.07.2016–31.12.2016)");
  CHECK(field(*headers[0], "Kvalitetsrapporter i perioden") == "gjennomgang 04.10.2016");

  // GOI: 48 now (12 × 4), 36 before: a key figure and a row per scoring with its change.
  const auto figures = blocks<doc::KeyFigures>(r, "summary").at(0)->figures;
  bool goi_figure = false;
  for (const auto& k : figures)
    if (k.label == f.nb.get("kvalitetsrapport.goi")) {
      goi_figure = true;
      CHECK(k.value.number == 48);
      CHECK(k.detail == "snitt 4,00 per punkt, 12 av 12 punkter skåret, 04.10.2016");
    }
  CHECK(goi_figure);
  const doc::Table& goi = table(r, "goi-history");
  REQUIRE(goi.rows.size() == 2);
  CHECK(goi.rows[0].cells[2].number == 36);
  CHECK(goi.rows[1].cells[2].number == 48);
  CHECK(goi.rows[1].cells[5].number == 12);

  // The latest review's improvement area O2 (2, from 4: −2) and its recommendation.
  const doc::Table& areas = table(r, "latest-improvement-areas");
  REQUIRE(areas.rows.size() == 1);
  CHECK(areas.rows[0].cells[0].text == "O2");
  CHECK(areas.rows[0].cells[2].number == 2);
  CHECK(areas.rows[0].cells[3].number == -2);
  const doc::Table& recs = table(r, "latest-recommendations");
  REQUIRE(recs.rows.size() == 1);
  CHECK(recs.rows[0].cells[2].text == "Avtal faste månedlige møter med NAV-veilederne.");
}

TEST_CASE("the Halvårsrapport lists the latest review's GOI items scored 1–3 among its areas",
          "[report-additions]") {
  TwoSites f;
  // A's review of 4 October: G5 at 3, as at the GOI scoring before (1 March: all 3).
  ItemRating& g5 = f.data.reviews[1].scales[ScaleCatalog::kGoi].items[4];
  g5.consensus = g5.score = 3;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const doc::Report r =
      build_halvarsrapport(0, Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.nb));
  const doc::Table& areas = table(r, "latest-goi-improvement-areas");
  REQUIRE(areas.rows.size() == 1);
  CHECK(areas.rows[0].cells[0].text == "G5");
  CHECK(areas.rows[0].cells[2].number == 3);
  CHECK(areas.rows[0].cells[3].number == 0);  // 3 then, 3 now
  CHECK(areas.caption ==
        "Punkter i generell organisasjonsindeks med skår 1–3 ved gjennomgangen 04.10.2016, med "
        "endring fra forrige GOI-skåring");
}

TEST_CASE("the national summary shows county, round change, GOI per site and the employment trend",
          "[report-additions]") {
  TwoSites f;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const doc::Report r =
      build_nasjonal_sammenstilling(Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.nb));
  CHECK(r.meta.document_title == "Nasjonal sammenstilling IPS, 2. halvår 2016");

  const doc::Table& standing = table(r, "standing");
  const size_t county = column(standing, "Fylke");
  const size_t change = column(standing, "Endring fra forrige gjennomgang");
  CHECK(standing.rows[0].cells[1].text == "IPS A");
  CHECK(standing.rows[0].cells[county].text == "Nordland");
  CHECK(standing.rows[0].cells[change].number == 10);  // 110 − 100, the round before
  CHECK(standing.rows[1].cells[change].type == doc::ValueType::Empty);  // B: first review

  const doc::Table& goi = table(r, "goi");
  REQUIRE(goi.rows.size() == 2);
  CHECK(goi.rows[0].cells[2].number == 48);
  CHECK(goi.rows[0].cells[5].number == 12);
  CHECK(goi.rows[1].cells[2].type == doc::ValueType::Empty);  // B has no GOI

  // New, ended and in education in the first table; time, hours and tenure in the second.
  const doc::Table& people = table(r, "outcomes");
  column(people, f.nb.get("outcomes.new"));
  column(people, f.nb.get("outcomes.ended"));
  column(people, f.nb.get("outcomes.in_education"));
  const doc::Table& time = table(r, "outcomes-time");
  column(time, f.nb.get("outcomes.days_to_job_median"));
  column(time, f.nb.get("outcomes.hours_mean"));
  column(time, f.nb.get("outcomes.tenure_median"));
  CHECK(time.rows.size() == 3);

  // All sites in work per half-year from the first with data (2015-H2): 0 of 24 each time.
  const doc::Table& trend = table(r, "employment-trend");
  REQUIRE(trend.rows.size() == 3);
  CHECK(trend.rows[0].cells[0].text == "2015-H2");
  CHECK(trend.rows[2].cells[1].number == Approx(0.0));
  const auto charts = blocks<doc::Chart>(r, "outcomes");
  CHECK(charts.back()->spec.source_table == "employment-trend");

  // The terms of the definitions are the names the tables print, and say where 41 % is from.
  const doc::Table& defs = table(r, "definitions");
  std::vector<std::string> terms;
  for (const auto& row : defs.rows) terms.push_back(row.cells[0].text);
  for (const auto& col : people.columns)
    if (&col != &people.columns[0]) {
      INFO(col.header);
      CHECK(std::find(terms.begin(), terms.end(), col.header) != terms.end());
    }
  CHECK(std::find(terms.begin(), terms.end(), "Internasjonale referanseverdier") != terms.end());
}

TEST_CASE("English HTML marks the evaluators' Norwegian text lang=nb and titles name the site",
          "[report-additions]") {
  TwoSites f;
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const doc::Report r =
      build_halvarsrapport(0, Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.en));
  CHECK(r.meta.document_title == "IPS semi-annual report, IPS A, second half of 2016");
  test::ScratchDir dir("report-additions-html");
  render::RenderOptions o;
  o.resources_dir = test::source_dir();
  o.document_time = 1483142400;
  render::render_html(r, o, dir.path / "h.html");
  const std::string html = test::read_file(dir.path / "h.html");
  CHECK(html.find("<title>IPS semi-annual report, IPS A, second half of 2016</title>") !=
        std::string::npos);
  CHECK(html.find(" lang=\"nb\">Avtal faste månedlige møter med NAV-veilederne.</td>") !=
        std::string::npos);
  // English text stays English.
  CHECK(html.find("lang=\"nb\">Improvement areas") == std::string::npos);
}

TEST_CASE("the English national summary names every input table in English", "[report-additions]") {
  TwoSites f;
  // Every table the input contract has, under the Norwegian name the data accounts use.
  for (TableKind kind :
       {TableKind::Sites, TableKind::Fidelity, TableKind::FidelityWide, TableKind::Reviews,
        TableKind::Participants, TableKind::Jobs, TableKind::Texts, TableKind::Actions})
    f.data.diagnostics.tables.push_back(
        {"ips.xlsx", table_spec(kind).name, table_spec(kind).name, 20, 20, 0, 0});
  const auto scores = score_reviews(f.data, f.scales);
  const OutcomeIndex outcomes(f.data);
  const doc::Report r =
      build_nasjonal_sammenstilling(Period{2016, 2}, f.data, scores, outcomes, f.ctx(f.en));
  const doc::Table& accounts = table(r, "accounting");
  const size_t name = column(accounts, f.en.get("nasjonal.table"));
  REQUIRE(accounts.rows.size() == 8);
  for (const auto& row : accounts.rows) {
    INFO(row.cells[1].text);  // the sheet: the Norwegian name
    CHECK(row.cells[name].text != row.cells[1].text);
  }
}
