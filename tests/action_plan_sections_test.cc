// The action plan in the reports: the Halvårsrapport's plan after the latest review (count by
// status, overdue marked against the period's end) and the Kvalitetsrapport's follow-up of the
// previous review (each recommendation, the score then and now, the actions' status).
#include <catch2/catch.hpp>

#include "analysis/fidelity.h"
#include "ingest_test_helpers.h"
#include "report/action_plan_sections.h"
#include "support/document_lookup.h"

using namespace ips;

namespace {

Review review(Date date, int consensus, const std::string& b1_recommendation) {
  const ScaleCatalog& scales = test::scale_catalog();
  Review r;
  r.site = "Bodø";
  r.date = date;
  r.scales.resize(scales.scales.size());
  for (size_t s = 0; s < scales.scales.size(); ++s)
    r.scales[s].items.resize(scales.scales[s].items.size());
  for (ItemRating& it : r.scales[ScaleCatalog::kIps25].items) it.consensus = it.score = consensus;
  r.scales[ScaleCatalog::kIps25].items[0].recommendation = b1_recommendation;  // B1
  return r;
}

PlannedAction action(const std::string& item, ActionStatus status, std::optional<Date> deadline) {
  PlannedAction a;
  a.site = "Bodø";
  a.review = Date::from_ymd(2016, 3, 1);
  a.item_code = item;
  a.action = "Tiltak for " + item;
  a.responsible = "Prosjektleder";
  a.deadline = deadline;
  a.status = status;
  return a;
}

const doc::Table& table_of(const doc::Section& s) {
  for (const doc::Block& b : s.blocks)
    if (const auto* t = std::get_if<doc::Table>(&b)) return *t;
  FAIL("no table in " << s.title);
  throw;
}

struct Plan {
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  ReportContext ctx{test::scale_catalog(), words, "", 5};
  Dataset data;
  Plan() {
    data.sites.push_back(Site{"Bodø", "IPS Bodø", "", "", "", {}, {}});
    data.reviews = {review(Date::from_ymd(2016, 3, 1), 3, "Færre deltakere per jobbspesialist."),
                    review(Date::from_ymd(2016, 9, 1), 4, "")};
    data.actions = {action("B1", ActionStatus::Done, Date::from_ymd(2016, 5, 1)),
                    action("B2", ActionStatus::InProgress, Date::from_ymd(2016, 5, 1)),
                    action("T4", ActionStatus::NotStarted, Date::from_ymd(2016, 12, 1))};
  }
};

}  // namespace

TEST_CASE("The Halvårsrapport's action plan counts by status and marks overdue actions",
          "[narrative][actions]") {
  const Plan p;
  const std::optional<doc::Section> s =
      action_plan_section(p.data, "Bodø", *Period::parse("2016-H1"), p.ctx);
  REQUIRE(s);
  const doc::KeyFigures* counts = nullptr;
  for (const doc::Block& b : s->blocks)
    if (const auto* k = std::get_if<doc::KeyFigures>(&b)) counts = k;
  REQUIRE(counts);
  REQUIRE(counts->figures.size() == 4);
  CHECK(counts->figures[0].value.number == 1);  // ikke startet
  CHECK(counts->figures[1].value.number == 1);  // pågår
  CHECK(counts->figures[2].value.number == 1);  // fullført
  CHECK(counts->figures[3].value.number == 1);  // forfalt: B2, due 1 May, not done by 30 June
  const doc::Table& t = table_of(*s);
  REQUIRE(t.rows.size() == 3);
  const size_t status = test::column_of(t, p.words.get("actions.status"));
  CHECK(t.rows[1].cells[status].text ==
        p.words.format("actions.status_overdue", {p.words.get("actions.in_progress")}));
  CHECK(t.rows[1].cells[status].emphasis);
  CHECK_FALSE(t.rows[0].cells[status].emphasis);  // done, not overdue though past its deadline
  CHECK_FALSE(t.rows[2].cells[status].emphasis);  // due after the period's end
  // One plan (nothing before it): no subheadings, the figure's detail about this plan alone.
  for (const doc::Block& b : s->blocks) CHECK_FALSE(std::holds_alternative<doc::Heading>(b));
  CHECK(counts->figures[3].detail == p.words.get("actions.overdue_detail"));

  // No review with actions in the period's past: no section.
  CHECK_FALSE(action_plan_section(p.data, "Bodø", *Period::parse("2015-H2"), p.ctx));
}

TEST_CASE("The Kvalitetsrapport follows up each recommendation of the previous review",
          "[narrative][actions]") {
  const Plan p;
  const std::vector<ReviewScore> scores = score_reviews(p.data, test::scale_catalog());
  REQUIRE(scores.size() == 2);
  const ReviewScore& now =
      scores[1].review->date == Date::from_ymd(2016, 9, 1) ? scores[1] : scores[0];
  const std::optional<doc::Section> s = follow_up_section(now, p.data, p.ctx);
  REQUIRE(s);
  const doc::Table& t = table_of(*s);
  REQUIRE(t.rows.size() == 3);  // B1, B2 and T4: each item with a recommendation or an action
  const auto& b1 = t.rows[0].cells;
  CHECK_THAT(b1[0].text, Catch::StartsWith("B1"));
  CHECK(b1[1].text == "Færre deltakere per jobbspesialist.");
  CHECK(b1[2].number == 3);  // then
  CHECK(b1[3].number == 4);  // now
  CHECK(b1[4].text == "Tiltak for B1");
  // An action for an item the evaluators wrote no recommendation for says so.
  CHECK(t.rows[1].cells[1].text == p.words.get("actions.no_recommendation"));
  CHECK(t.rows[1].cells[5].emphasis);  // overdue by the review's half-year

  // The first review has nothing before it to follow up.
  const ReviewScore& first = &now == &scores[0] ? scores[1] : scores[0];
  CHECK_FALSE(follow_up_section(first, p.data, p.ctx));
}

TEST_CASE(
    "The national action plans show the plan now due, after the previous review, beside "
    "the new one",
    "[narrative][actions]") {
  // The plan of 1 March is the one due by 2016-H2; the review of 1 September has no plan yet.
  // Counting only the latest review's plan showed nothing (or 0 % done for every site).
  const Plan p;
  const std::optional<doc::Section> s =
      action_plans_section(p.data, *Period::parse("2016-H2"), p.ctx);
  REQUIRE(s);
  const doc::Table& t = table_of(*s);
  REQUIRE(t.rows.size() == 1);
  const auto& row = t.rows[0].cells;
  REQUIRE(row.size() == 8);
  CHECK(row[1].number == Date::from_ymd(2016, 3, 1).days);  // previous review
  CHECK(row[2].number == 3);                                // its actions
  CHECK(row[3].number == 1);                                // done: B1
  CHECK(row[4].number == Approx(1.0 / 3));                  // share done
  CHECK(row[5].number == 2);  // overdue by 31 December: B2 (May), T4 (1 December)
  CHECK(row[6].number == Date::from_ymd(2016, 9, 1).days);  // latest review
  CHECK(row[7].number == 0);                                // its new plan: none yet

  // In 2016-H1 the plan of 1 March is the latest: nothing before it is due, the new plan is 3.
  const std::optional<doc::Section> h1 =
      action_plans_section(p.data, *Period::parse("2016-H1"), p.ctx);
  REQUIRE(h1);
  const auto& first = table_of(*h1).rows.at(0).cells;
  CHECK(first[1].text == "–");
  CHECK(first[4].text == "–");
  CHECK(first[5].number == 1);  // B2, due in May, in progress
  CHECK(first[7].number == 3);
}

TEST_CASE(
    "The Halvårsrapport's action plan shows the plan due now, after the previous review, "
    "beside the new one",
    "[narrative][actions]") {
  // In 2016-H2 the latest review (1 September) has no plan yet: the section once vanished and
  // with it the March plan's two overdue actions, which the national summary counted.
  Plan p;
  const Period h2 = *Period::parse("2016-H2");
  const std::optional<doc::Section> s = action_plan_section(p.data, "Bodø", h2, p.ctx);
  REQUIRE(s);
  std::vector<std::string> headings, paragraphs;
  std::vector<const doc::Table*> tables;
  for (const doc::Block& b : s->blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b)) headings.push_back(h->text);
    if (const auto* t = std::get_if<doc::Paragraph>(&b)) paragraphs.push_back(t->text);
    if (const auto* t = std::get_if<doc::Table>(&b)) tables.push_back(t);
  }
  CHECK(headings == std::vector<std::string>{p.words.get("actions.due_heading"),
                                             p.words.get("actions.new_heading")});
  REQUIRE(paragraphs.size() == 2);
  CHECK(paragraphs[0] ==
        p.words.format("actions.due_intro_overdue", {"01.03.2016", "1", "3", "2"}));
  CHECK(paragraphs[1] == p.words.format("actions.plan_none", {"01.09.2016"}));
  REQUIRE(tables.size() == 1);  // the actions of March not done; the new plan has none
  const doc::Table& due = *tables[0];
  CHECK(due.id == "action-plan-due");
  CHECK(due.sheet_name == p.words.get("actions.due_sheet"));
  REQUIRE(due.rows.size() == 2);
  CHECK_THAT(due.rows[0].cells[0].text, Catch::StartsWith("B2"));
  CHECK_THAT(due.rows[1].cells[0].text, Catch::StartsWith("T4"));
  const size_t status = test::column_of(due, p.words.get("actions.status"));
  CHECK(due.rows[0].cells[status].emphasis);  // May and 1 December: both overdue by 31 December
  CHECK(due.rows[1].cells[status].emphasis);
  REQUIRE(due.footnotes.size() == 1);
  CHECK(due.footnotes[0] ==  // the half-year as the report names it, not its key "2016-H2"
        p.words.format("actions.overdue_note", {"2. halvår 2016"}));

  // With a new plan too, its figures are its own, under its heading; the due plan's overdue
  // count (in its sentence) and the new plan's add up to the national summary's.
  PlannedAction fresh = action("O5", ActionStatus::NotStarted, Date::from_ymd(2016, 10, 1));
  fresh.review = Date::from_ymd(2016, 9, 1);
  p.data.actions.push_back(fresh);
  const std::optional<doc::Section> both = action_plan_section(p.data, "Bodø", h2, p.ctx);
  REQUIRE(both);
  const doc::KeyFigures* counts = nullptr;
  size_t table_count = 0;
  for (const doc::Block& b : both->blocks) {
    if (const auto* k = std::get_if<doc::KeyFigures>(&b)) counts = k;
    if (std::holds_alternative<doc::Table>(b)) ++table_count;
  }
  REQUIRE(counts);
  CHECK(counts->figures[0].value.number == 1);  // ikke startet: O5
  CHECK(counts->figures[1].value.number == 0);
  CHECK(counts->figures[2].value.number == 0);
  CHECK(counts->figures[3].value.number == 1);  // forfalt in the new plan: O5 (1 October)
  CHECK(counts->figures[3].detail == p.words.get("actions.overdue_detail"));
  CHECK(table_count == 2);
  const std::optional<doc::Section> national = action_plans_section(p.data, h2, p.ctx);
  REQUIRE(national);
  CHECK(table_of(*national).rows.at(0).cells[5].number == 2 + 1);

  // Every action of the due plan done: the sentence says so, and there is no table of it.
  for (PlannedAction& a : p.data.actions)
    if (a.review == Date::from_ymd(2016, 3, 1)) a.status = ActionStatus::Done;
  const std::optional<doc::Section> done = action_plan_section(p.data, "Bodø", h2, p.ctx);
  REQUIRE(done);
  bool sentence = false;
  for (const doc::Block& b : done->blocks) {
    if (const auto* t = std::get_if<doc::Paragraph>(&b))
      sentence =
          sentence || t->text == p.words.format("actions.due_intro", {"01.03.2016", "3", "3"});
    if (const auto* t = std::get_if<doc::Table>(&b)) CHECK(t->id != "action-plan-due");
  }
  CHECK(sentence);
}
