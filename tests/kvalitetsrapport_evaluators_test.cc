// What the Kvalitetsrapport tells the evaluators about their own scoring, and the GOI texts: the
// agreement appendix, consensus outside both evaluators' scores, GOI comments and
// recommendations, the gathered recommendations, GOI change and the first review's note.
#include <catch2/catch.hpp>

#include "report/kvalitetsrapport.h"
#include "support/document_lookup.h"
#include "support/review_builder.h"
#include "support/test_support.h"

using namespace ips;
using test::find_table;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Dataset data;
  Fixture() { data.sites.push_back(Site{"Akershus", "IPS Romerike", "Akershus", "", "", {}, {}}); }

  /// A review with every item scored 4 by both evaluators and agreed as 4.
  Review& add_review(Date date) {
    Review r =
        test::make_review("Akershus", date, std::vector<int>(25, 4), std::vector<int>(12, 4));
    for (auto& scale : r.scales)
      for (auto& item : scale.items) item.evaluator1 = item.evaluator2 = item.consensus = 4;
    data.reviews.push_back(r);
    return data.reviews.back();
  }
  // The note ingest writes where it reads a consensus outside both evaluators' scores
  // (ingest/model_builder; its own test is in ingest_corpus_test.cc).
  void add_consensus_outside_note(const Review& r, const std::string& item, int first, int second,
                                  int consensus, int row) {
    Diagnostic d;
    d.severity = Severity::Note;
    d.code = "agreement.consensus_outside_note";
    d.file = "eksport.xlsx";
    d.sheet = "Kvalitetsmålinger";
    d.row = row;
    d.column = "F";
    d.column_header = "Konsensus";
    d.value = std::to_string(consensus);
    d.args = {item, std::to_string(first), std::to_string(second), std::to_string(consensus),
              r.date.norwegian()};
    d.site = r.site;
    d.review_date = r.date;
    data.diagnostics.add(std::move(d));
  }
  // The report of a review, from the data as the pipeline prepares it after ingest.
  doc::Report report(size_t review_index, const Wording* w = nullptr) {
    prepared = data;
    scores = score_reviews(prepared, scales);
    const ReportContext ctx{scales, w ? *w : words, "", 5};
    return build_kvalitetsrapport(scores.at(review_index), prepared, ctx);
  }
  Dataset prepared;
  std::vector<ReviewScore> scores;
};

const doc::Section& section(const doc::Report& r, const std::string& anchor) {
  for (const auto& s : r.sections)
    if (s.anchor == anchor) return s;
  FAIL("no section " << anchor);
  throw;
}

bool has_paragraph(const doc::Section& s, const std::string& text) {
  for (const auto& b : s.blocks)
    if (const auto* p = std::get_if<doc::Paragraph>(&b); p && p->text == text) return true;
  return false;
}

std::string cell_text(const doc::Value& v) {
  return v.text;
}

}  // namespace

TEST_CASE("GOI comments and recommendations are shown like the IPS-25 items'",
          "[kvalitetsrapport][evaluators]") {
  Fixture f;
  Review& r = f.add_review(Date::from_ymd(2016, 10, 18));
  r.scales[1].items[11].comment = "Brukerne velger, men valgene dokumenteres lite.";
  r.scales[1].items[11].recommendation = "Avtal faste månedlige møter med NAV-veilederne.";
  const doc::Report report = f.report(0);
  const doc::Section& goi = section(report, "section-G");
  CHECK(goi.title == "Generell organisasjonsindeks");
  CHECK(has_paragraph(goi, "Kommentar: Brukerne velger, men valgene dokumenteres lite."));
  CHECK(has_paragraph(goi, "Anbefalinger: Avtal faste månedlige møter med NAV-veilederne."));
  // And gathered in the summary with the IPS-25 recommendations.
  const doc::Table* gathered = find_table(report, "recommendations");
  REQUIRE(gathered);
  REQUIRE(gathered->rows.size() == 1);
  CHECK(cell_text(gathered->rows[0].cells[0]) == "G12");
  CHECK(cell_text(gathered->rows[0].cells[2]) == "Avtal faste månedlige møter med NAV-veilederne.");
}

TEST_CASE(
    "a consensus outside both evaluators' scores is flagged on the item, in the appendix and as a "
    "note",
    "[kvalitetsrapport][evaluators]") {
  Fixture f;
  Review& r = f.add_review(Date::from_ymd(2016, 10, 18));
  r.scales[0].items[0].consensus = r.scales[0].items[0].score = 5;  // B1: 4 and 4, consensus 5
  f.add_consensus_outside_note(r, "B1", 4, 4, 5, 7);
  const doc::Report report = f.report(0);
  CHECK(has_paragraph(section(report, "section-B"),
                      "Merk: konsensus (5) ligger utenfor evaluatorenes skår (4 og 4)."));
  const doc::Table* outside = find_table(report, "consensus-outside");
  REQUIRE(outside);
  REQUIRE(outside->rows.size() == 1);
  CHECK(outside->rows[0].cells[0].text == "B1");
  CHECK(outside->rows[0].cells[4].number == 5);
  const doc::Table* problems = find_table(report, "data-quality");
  REQUIRE(problems);
  REQUIRE(problems->rows.size() == 1);
  auto under = [&](const std::string& header) {
    return problems->rows[0].cells.at(test::column_of(*problems, header)).text;
  };
  CHECK(under("Alvorlighet") == "Merknad");
  CHECK(under("Kolonne") == "F (Konsensus)");
  CHECK(under("Problem") ==
        "Konsensus for B1 ved gjennomgangen 18.10.2016 er 5, men evaluatorene skåret 4 og 4: "
        "konsensus ligger utenfor begge. "
        "Kontroller at skåren er ført riktig.");
  // A consensus between two different scores is a compromise, not flagged.
  Fixture g;
  Review& between = g.add_review(Date::from_ymd(2016, 10, 18));
  between.scales[0].items[0].evaluator1 = 3;
  between.scales[0].items[0].evaluator2 = 5;
  CHECK_FALSE(find_table(g.report(0), "consensus-outside"));
}

TEST_CASE("the agreement appendix: figures for two evaluators, a sentence for one",
          "[kvalitetsrapport][evaluators]") {
  Fixture f;
  Review& r = f.add_review(Date::from_ymd(2016, 10, 18));
  // IPS-25: B1 2/4 (two apart), B2 3/4, B3 5/4; the other 22 are 4/4.
  // Exact 22/25 = 88,0 %; within one 24/25 = 96,0 %.
  // κ: Σ d²·O = 4 + 1 + 1 = 6. Margins: ev. 1 has 2:1, 3:1, 4:22, 5:1; ev. 2 has 4:25.
  // Σ d²·row·col = 25·(1·4 + 1·1 + 0 + 1·1) = 150; κ = 1 − 25·6/150 = 0,00.
  r.scales[0].items[0].evaluator1 = 2;
  r.scales[0].items[1].evaluator1 = 3;
  r.scales[0].items[2].evaluator1 = 5;
  // GOI: evaluator 2 left G1–G8 empty, so only 4 items are shared: too few for a figure.
  for (size_t i = 0; i < 8; ++i) r.scales[1].items[i].evaluator2.reset();
  const doc::Report report = f.report(0);
  const doc::Table* t = find_table(report, "review-agreement");
  REQUIRE(t);
  REQUIRE(t->rows.size() == 2);
  CHECK(t->rows[0].cells[1].text == "25 av 25");
  CHECK(t->rows[0].cells[2].number == Approx(0.88));
  CHECK(t->rows[0].cells[3].number == Approx(0.96));
  CHECK(t->rows[0].cells[4].number == Approx(0.0).margin(1e-12));
  CHECK(t->rows[1].cells[1].text == "4 av 12");
  CHECK(t->rows[1].cells[2].text == "–");  // text, not a privacy-suppressed value
  CHECK(t->rows[1].cells[2].suppression == doc::Suppression::None);
  CHECK(t->rows[1].cells[4].text == "–");
  CHECK(t->footnotes.size() == 2);  // too few; 8 items scored by one evaluator only
  CHECK(t->footnotes[1] == "Punkter bare én av evaluatorene skåret (8) er holdt utenfor.");
  CHECK(has_paragraph(section(report, "agreement"),
                      "Punkter der evaluatorene lå to poeng eller mer fra hverandre: B1 "
                      "Deltakerportefølje (2 og 4)."));

  // All 4/4 on both scales: kappa has no variance to work with and says so, no NaN.
  Fixture same;
  same.add_review(Date::from_ymd(2016, 10, 18));
  const doc::Report flat_report = same.report(0);
  const doc::Table* flat = find_table(flat_report, "review-agreement");
  REQUIRE(flat);
  CHECK(flat->rows[0].cells[2].number == Approx(1.0));
  CHECK(flat->rows[0].cells[4].text == "kan ikke beregnes");
  CHECK(flat->footnotes.back().find("Kappa kan ikke beregnes") == 0);

  // One evaluator only (the Bodø baseline's form).
  Fixture one;
  Review& single = one.add_review(Date::from_ymd(2012, 12, 3));
  for (auto& scale : single.scales)
    for (auto& item : scale.items) item.evaluator2.reset();
  const doc::Report report1 = one.report(0);
  CHECK_FALSE(find_table(report1, "review-agreement"));
  CHECK(has_paragraph(
      section(report1, "agreement"),
      "Bare én evaluator skåret punktene i denne gjennomgangen, så samsvar mellom evaluatorene kan "
      "ikke beregnes."));
}

TEST_CASE("a first review says so, a later one shows the GOI change",
          "[kvalitetsrapport][evaluators]") {
  Fixture f;
  f.add_review(Date::from_ymd(2016, 4, 19));
  Review& later = f.add_review(Date::from_ymd(2016, 10, 18));
  later.scales[1].items[0].score = 5;  // G1 4 → 5
  later.scales[1].items[1].score = 3;  // G2 4 → 3
  // GOI sums: first 12·4 = 48; later 5 + 3 + 10·4 = 48, change 0. G2 is an improvement area (3,
  // −1).
  const auto figure = [](const doc::Report& r, const std::string& label) -> const doc::KeyFigure* {
    for (const auto& b : r.sections[1].blocks)
      if (const auto* k = std::get_if<doc::KeyFigures>(&b))
        for (const auto& fig : k->figures)
          if (fig.label == label) return &fig;
    return nullptr;
  };
  const doc::Report first = f.report(0);
  const doc::KeyFigure* change = figure(first, "Endring fra forrige");
  REQUIRE(change);
  CHECK(change->detail == "første gjennomgang");
  const doc::KeyFigure* goi_first = figure(first, "Endring GOI fra forrige");
  REQUIRE(goi_first);
  CHECK(goi_first->detail == "første GOI-skåring");

  const doc::Report second = f.report(1);
  const doc::KeyFigure* goi_change = figure(second, "Endring GOI fra forrige");
  REQUIRE(goi_change);
  CHECK(goi_change->value.type == doc::ValueType::Change);
  CHECK(goi_change->value.number == 0);
  CHECK(goi_change->detail == "forrige GOI 19.04.2016");
  const doc::Table* areas = find_table(second, "goi-improvement-areas");
  REQUIRE(areas);
  REQUIRE(areas->rows.size() == 1);
  CHECK(areas->rows[0].cells[0].text == "G2");
  CHECK(areas->rows[0].cells[3].number == -1);
}

TEST_CASE(
    "the example's Akershus report shows the GOI recommendation and agreement in HTML, PDF and "
    "XLSX",
    "[kvalitetsrapport][evaluators]") {
  test::ScratchDir dir("evaluators-e2e");
  int rc = -1;
  const std::string log =
      test::run_command(test::ipsreport_binary() + " run " +
                            (test::source_dir() / "examples/ips-eksempel.xlsx").string() +
                            " --out " + (dir.path / "out").string() + " 2>&1",
                        &rc);
  INFO(log);
  REQUIRE(rc == 1);  // the example has a stated-total warning on purpose
  const fs::path stem = dir.path / "out/akershus/kvalitetsrapport-akershus-2016-10-18";
  const std::string recommendation = "La deltakerne selv velge hvilke tjenester de vil ha.";  // G12
  const std::string html = test::read_file(stem.string() + ".html");
  CHECK(html.find(recommendation) != std::string::npos);
  CHECK(html.find("Samsvar mellom evaluatorene") != std::string::npos);
  const std::string pdf = test::run_command("pdftotext " + stem.string() + ".pdf -");
  CHECK(pdf.find(recommendation) != std::string::npos);
  CHECK(pdf.find("Vektet kappa") != std::string::npos);
  const std::string strings =
      test::run_command("unzip -p " + stem.string() + ".xlsx xl/sharedStrings.xml");
  CHECK(strings.find(recommendation) != std::string::npos);
  CHECK(strings.find("Vektet kappa") != std::string::npos);
  // Vestfold 6 December 2016: O2 and O5 were 4 and 4 with a consensus of 5 (examples/README.md).
  const std::string vestfold =
      test::read_file(dir.path / "out/vestfold/kvalitetsrapport-vestfold-2016-12-06.html");
  CHECK(vestfold.find(
            "Konsensus for O2 ved gjennomgangen 06.12.2016 er 5, men evaluatorene skåret 4 og 4") !=
        std::string::npos);
  CHECK(vestfold.find(
            "Konsensus for O5 ved gjennomgangen 06.12.2016 er 5, men evaluatorene skåret 4 og 4") !=
        std::string::npos);
  CHECK(vestfold.find("ips-eksempel.xlsx") != std::string::npos);  // the note names the file
}
