#include <catch2/catch.hpp>

#include "report/kvalitetsrapport.h"
#include "report/value_format.h"
#include "support/test_support.h"

using namespace ips;

namespace {

struct Fixture {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Dataset data;
  Fixture() {
    data.sites.push_back(Site{"Bodø", "Psykoseteamet, Salten DPS", "Nordland", "", "", {}, {}});
    Review r;
    r.site = "Bodø";
    r.date = Date::from_ymd(2012, 12, 3);
    r.scales.resize(2);
    r.scales[0].items.resize(25);
    r.scales[1].items.resize(12);
    const int ips[] = {5, 5, 5, 5, 4, 5, 4, 5, 4, 4, 5};
    for (int i = 0; i < 11; ++i)
      r.scales[0].items[i].score = r.scales[0].items[i].evaluator1 = ips[i];
    const int goi[] = {2, 3, 3, 3, 5, 5, 5, 5, 5, 4, 5, 5};
    for (int i = 0; i < 12; ++i) r.scales[1].items[i].score = goi[i];
    r.scales[0].items[1].recommendation = "Pass på at jobbspesialisten ikke får andre oppgaver.";
    r.info.recipient = "Psykoseteamet";
    r.info.stated_total = 51;
    data.reviews.push_back(r);
  }
};

const doc::Section* find_section(const doc::Report& r, const std::string& anchor) {
  for (const auto& s : r.sections)
    if (s.anchor == anchor) return &s;
  return nullptr;
}

template <typename T>
const T* first_block(const doc::Section& s) {
  for (const auto& b : s.blocks)
    if (const T* t = std::get_if<T>(&b)) return t;
  return nullptr;
}

}  // namespace

TEST_CASE(
    "the Kvalitetsrapport follows the national format: header, summary, sections, appendices") {
  Fixture f;
  const auto scores = score_reviews(f.data, f.scales);
  const ReportContext ctx{f.scales, f.words, "", 5};
  const doc::Report report = build_kvalitetsrapport(scores[0], f.data, ctx);

  CHECK(report.meta.output_stem == "bodo/kvalitetsrapport-bodo-2012-12-03");
  CHECK(report.meta.title ==
        "Individuell jobbstøtte (IPS) – Kvalitetsrapport og generell organisasjonsindeks");
  std::vector<std::string> anchors;
  for (const auto& s : report.sections) anchors.push_back(s.anchor);
  CHECK(anchors == std::vector<std::string>{"about", "summary", "section-B", "section-O",
                                            "section-T", "section-G", "score-sheet", "goi-sheet",
                                            "agreement", "data-quality", "definitions"});
}

TEST_CASE("the Bodø baseline summary shows total 51 as partial, 11 of 25, without a band") {
  Fixture f;
  const auto scores = score_reviews(f.data, f.scales);
  const ReportContext ctx{f.scales, f.words, "", 5};
  const doc::Report report = build_kvalitetsrapport(scores[0], f.data, ctx);
  const doc::KeyFigures* figures = first_block<doc::KeyFigures>(*find_section(report, "summary"));
  REQUIRE(figures);
  CHECK(figures->figures[0].value.number == 51);
  CHECK(figures->figures[0].detail == "delvis: 11 av 25 punkter");
  CHECK(figures->figures[1].value.text == "ingen kvalitetsnivå (delvis gjennomgang)");
  CHECK(figures->figures[2].value.number == 50);  // GOI sum
  CHECK(figures->figures[2].detail == "snitt 4,17 per punkt, 12 av 12 punkter skåret");
}

TEST_CASE("the score sheet lists all 25 items and a total the spreadsheet recomputes") {
  Fixture f;
  const auto scores = score_reviews(f.data, f.scales);
  const ReportContext ctx{f.scales, f.words, "", 5};
  const doc::Report report = build_kvalitetsrapport(scores[0], f.data, ctx);
  const doc::Table* sheet = first_block<doc::Table>(*find_section(report, "score-sheet"));
  REQUIRE(sheet);
  REQUIRE(sheet->rows.size() == 26);
  CHECK(sheet->rows[0].cells[1].text == "B1");
  CHECK(sheet->rows[24].cells[1].text == "T14");
  CHECK(sheet->rows[24].cells[6].type == doc::ValueType::Empty);  // T14 not scored
  const doc::Row& total = sheet->rows[25];
  CHECK(total.style == doc::RowStyle::Total);
  CHECK(total.cells[6].number == 51);
  CHECK(total.cells[6].aggregate == doc::Aggregate::Sum);
}

TEST_CASE("a recommendation reaches the item's paragraph in its section") {
  Fixture f;
  const auto scores = score_reviews(f.data, f.scales);
  const ReportContext ctx{f.scales, f.words, "", 5};
  const doc::Report report = build_kvalitetsrapport(scores[0], f.data, ctx);
  const doc::Section* staffing = find_section(report, "section-B");
  REQUIRE(staffing);
  CHECK(staffing->title == "Bemanning");
  bool found = false;
  for (const auto& b : staffing->blocks)
    if (auto* p = std::get_if<doc::Paragraph>(&b))
      found =
          found || p->text == "Anbefalinger: Pass på at jobbspesialisten ikke får andre oppgaver.";
  CHECK(found);
}

TEST_CASE("the report reads in English with --lang en") {
  Fixture f;
  const Wording en = Wording::load(test::source_dir() / "templates", Lang::En);
  const auto scores = score_reviews(f.data, f.scales);
  const ReportContext ctx{f.scales, en, "", 5};
  const doc::Report report = build_kvalitetsrapport(scores[0], f.data, ctx);
  CHECK(report.meta.lang == Lang::En);
  CHECK(find_section(report, "section-B")->title == "Staffing");
  const doc::KeyFigures* figures = first_block<doc::KeyFigures>(*find_section(report, "summary"));
  CHECK(figures->figures[0].detail == "partial: 11 of 25 items");
}
