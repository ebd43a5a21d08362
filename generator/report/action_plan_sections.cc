#include "report/action_plan_sections.h"

#include <algorithm>

#include "report/report_common.h"

namespace ips {

namespace {

using doc::Align;
using doc::Value;

std::string status_text(ActionStatus s, const Wording& w) {
  switch (s) {
    case ActionStatus::NotStarted:
      return w.get("actions.not_started");
    case ActionStatus::InProgress:
      return w.get("actions.in_progress");
    case ActionStatus::Done:
      break;
  }
  return w.get("actions.done");
}

// Overdue against the report's period: a deadline before its last day, and not done.
bool overdue(const PlannedAction& a, Period period) {
  return a.status != ActionStatus::Done && a.deadline && *a.deadline < period.last_day();
}

std::vector<const PlannedAction*> actions_of(const Dataset& data, const std::string& site,
                                             Date review) {
  std::vector<const PlannedAction*> out;
  for (const PlannedAction& a : data.actions)
    if (a.site == site && a.review == review) out.push_back(&a);
  return out;
}

long overdue_count(const std::vector<const PlannedAction*>& plan, Period period) {
  return std::count_if(plan.begin(), plan.end(),
                       [&](const PlannedAction* a) { return overdue(*a, period); });
}

// A site's two plans up to the period's end. The one due now was made after the review before
// the latest: the latest review is recent, so its own plan has had little time to be carried
// out (counting it alone gives a share done of 0 % for nearly every site). Reports show both.
struct SitePlans {
  const Review* previous = nullptr;  // the last two reviews dated up to the period's end
  const Review* latest = nullptr;
  std::vector<const PlannedAction*> due;    // the actions after `previous`
  std::vector<const PlannedAction*> fresh;  // the actions after `latest`
  bool empty() const { return due.empty() && fresh.empty(); }
};

SitePlans site_plans(const Dataset& data, const std::string& site, Period period) {
  SitePlans plans;
  for (const Review& r : data.reviews)  // by site and date (dataset.h)
    if (r.site == site && r.date <= period.last_day()) {
      plans.previous = plans.latest;
      plans.latest = &r;
    }
  if (plans.previous) plans.due = actions_of(data, site, plans.previous->date);
  if (plans.latest) plans.fresh = actions_of(data, site, plans.latest->date);
  return plans;
}

// The item of a review by code, with its scale's ratings; null when the code is not there.
const ItemRating* rating_of(const Review& r, const ScaleCatalog& scales, const std::string& code) {
  for (size_t s = 0; s < scales.scales.size() && s < r.scales.size(); ++s)
    for (size_t i = 0; i < scales.scales[s].items.size(); ++i)
      if (scales.scales[s].items[i].code == code && i < r.scales[s].items.size())
        return &r.scales[s].items[i];
  return nullptr;
}

std::string item_label(const ScaleCatalog& scales, const std::string& code, Lang lang) {
  for (const Scale& sc : scales.scales)
    for (const ScaleItem& it : sc.items)
      if (it.code == code) return code + " " + it.name.in(lang);
  return code;
}

Value score_value(const ItemRating* r) {
  return r && r->score ? Value::score(*r->score) : Value::of_text("–");
}

// A table of actions with their status, overdue ones (against the report's period) marked and
// explained in a footnote.
doc::Table action_table(std::string id, std::string caption, std::string sheet,
                        const std::vector<const PlannedAction*>& actions, Period period,
                        const ReportContext& ctx) {
  const Wording& w = ctx.words;
  doc::Table t;
  t.id = std::move(id);
  t.caption = std::move(caption);
  t.sheet_name = std::move(sheet);
  t.columns = {{w.get("actions.item"), Align::Left, 1.6},
               {w.get("actions.action"), Align::Left, 3},
               {w.get("actions.responsible"), Align::Left, 1.3},
               {w.get("actions.deadline"), Align::Left, 1.1},
               {w.get("actions.status"), Align::Left, 1.2},
               {w.get("actions.comment"), Align::Left, 2}};
  bool late = false;
  for (const PlannedAction* a : actions) {
    Value status = Value::of_text(status_text(a->status, w));
    if (overdue(*a, period)) {
      status = Value::of_text(w.format("actions.status_overdue", {status_text(a->status, w)}));
      status.bold();
      late = true;
    }
    t.rows.push_back({doc::RowStyle::Data,
                      {Value::of_text(item_label(ctx.scales, a->item_code, ctx.lang())),
                       Value::of_text(a->action), Value::of_text(a->responsible),
                       a->deadline ? Value::date(a->deadline->days) : Value::empty(), status,
                       Value::of_text(a->comment)}});
  }
  if (late) t.footnotes.push_back(w.format("actions.overdue_note", {period_label(period, w)}));
  return t;
}

}  // namespace

std::optional<doc::Section> action_plan_section(const Dataset& data, const std::string& site,
                                                Period period, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  const SitePlans plans = site_plans(data, site, period);
  if (plans.empty()) return std::nullopt;
  const std::vector<const PlannedAction*>& due = plans.due;
  const std::vector<const PlannedAction*>& fresh = plans.fresh;
  const Lang lang = ctx.lang();
  doc::Section s{w.get("actions.plan_title"), "action-plan", false, {}};

  // The plan due now first: it is the one a steering group asks about. Each plan's figures stand
  // under its own heading; the two overdue counts add up to the national summary's.
  if (!due.empty()) {
    std::vector<const PlannedAction*> open;
    for (const PlannedAction* a : due)
      if (a->status != ActionStatus::Done) open.push_back(a);
    const long late = overdue_count(due, period);
    const std::string previous_date = date_text(plans.previous->date, lang);
    // Two plans under one title: each gets a heading, which also keeps its lead-in on the page
    // of what it introduces.
    s.blocks.push_back(doc::Heading{2, w.get("actions.due_heading"), "action-plan-due-heading"});
    const std::string done = std::to_string(due.size() - open.size());
    const std::string all = std::to_string(due.size());
    s.blocks.push_back(
        doc::Paragraph{late > 0 ? w.format("actions.due_intro_overdue",
                                           {previous_date, done, all, std::to_string(late)})
                                : w.format("actions.due_intro", {previous_date, done, all}),
                       doc::ParagraphStyle::Body});
    if (!open.empty())
      s.blocks.push_back(action_table("action-plan-due",
                                      w.format("actions.due_table", {previous_date}),
                                      w.get("actions.due_sheet"), open, period, ctx));
  }

  const std::string latest_date = date_text(plans.latest->date, lang);
  if (!due.empty())
    s.blocks.push_back(doc::Heading{2, w.get("actions.new_heading"), "action-plan-new-heading"});
  if (fresh.empty()) {
    s.blocks.push_back(
        doc::Paragraph{w.format("actions.plan_none", {latest_date}), doc::ParagraphStyle::Body});
    return s;
  }
  s.blocks.push_back(doc::Paragraph{
      w.format("actions.plan_intro", {latest_date, date_text(period.last_day(), lang)}),
      doc::ParagraphStyle::Body});
  int counts[3] = {0, 0, 0};
  for (const PlannedAction* a : fresh) ++counts[static_cast<int>(a->status)];
  const long late = overdue_count(fresh, period);
  doc::KeyFigures k;
  k.figures.push_back({w.get("actions.not_started"), Value::count(counts[0]), ""});
  k.figures.push_back({w.get("actions.in_progress"), Value::count(counts[1]), ""});
  k.figures.push_back({w.get("actions.done"), Value::count(counts[2]), ""});
  Value late_value = Value::count(late);
  if (late > 0) late_value.bold();
  k.figures.push_back({w.get("actions.overdue"), late_value, w.get("actions.overdue_detail")});
  s.blocks.push_back(std::move(k));
  s.blocks.push_back(action_table("action-plan", w.format("actions.plan_table", {latest_date}),
                                  w.get("actions.sheet"), fresh, period, ctx));
  return s;
}

std::optional<doc::Section> follow_up_section(const ReviewScore& score, const Dataset& data,
                                              const ReportContext& ctx) {
  const Wording& w = ctx.words;
  const Review& now = *score.review;
  // The site's review before this one, whatever it scored.
  const Review* before = nullptr;
  for (const Review& r : data.reviews)
    if (r.site == now.site && r.date < now.date) before = &r;
  if (!before) return std::nullopt;
  doc::Table t;
  t.id = "follow-up";
  t.caption = w.format("actions.follow_up_table", {date_text(before->date, ctx.lang())});
  t.sheet_name = w.get("actions.follow_up_sheet");
  t.columns = {{w.get("actions.item"), Align::Left, 1.6},
               {w.get("actions.recommendation"), Align::Left, 2.6},
               {w.get("actions.score_then"), Align::Right, 0.8},
               {w.get("actions.score_now"), Align::Right, 0.8},
               {w.get("actions.action"), Align::Left, 2.4},
               {w.get("actions.status"), Align::Left, 1.2}};
  const std::vector<const PlannedAction*> actions = actions_of(data, now.site, before->date);
  // Without an action plan there is nothing to follow up: the report stays the pilot format.
  if (actions.empty()) return std::nullopt;
  for (size_t sc = 0; sc < ctx.scales.scales.size() && sc < before->scales.size(); ++sc) {
    const Scale& scale = ctx.scales.scales[sc];
    for (size_t i = 0; i < scale.items.size(); ++i) {
      const ItemRating& then = before->scales[sc].items[i];
      const std::string& code = scale.items[i].code;
      std::vector<size_t> mine;
      for (size_t a = 0; a < actions.size(); ++a)
        if (actions[a]->item_code == code) mine.push_back(a);
      if (then.recommendation.empty() && mine.empty()) continue;
      const ItemRating* current = rating_of(now, ctx.scales, code);
      const Value label = Value::of_text(item_label(ctx.scales, code, ctx.lang()));
      // An action may answer an item the evaluators wrote no recommendation for: say so, rather
      // than leave the column blank.
      const Value recommendation = Value::of_text(
          then.recommendation.empty() ? w.get("actions.no_recommendation") : then.recommendation);
      if (mine.empty()) {
        t.rows.push_back({doc::RowStyle::Data,
                          {label, recommendation, score_value(&then), score_value(current),
                           Value::of_text(w.get("actions.none")), Value::empty()}});
        continue;
      }
      // One row per action; the item's columns only on its first.
      for (size_t k = 0; k < mine.size(); ++k) {
        const PlannedAction& a = *actions[mine[k]];
        Value status = Value::of_text(status_text(a.status, w));
        if (overdue(a, Period::containing(now.date))) {
          status = Value::of_text(w.format("actions.status_overdue", {status_text(a.status, w)}));
          status.bold();
        }
        t.rows.push_back(
            {doc::RowStyle::Data,
             {k == 0 ? label : Value::empty(), k == 0 ? recommendation : Value::empty(),
              k == 0 ? score_value(&then) : Value::empty(),
              k == 0 ? score_value(current) : Value::empty(), Value::of_text(a.action), status}});
      }
    }
  }
  if (t.rows.empty()) return std::nullopt;
  doc::Section s{w.get("actions.follow_up_title"), "follow-up", false, {}};
  s.blocks.push_back(
      doc::Paragraph{w.format("actions.follow_up_intro", {date_text(before->date, ctx.lang())}),
                     doc::ParagraphStyle::Body});
  s.blocks.push_back(std::move(t));
  return s;
}

std::optional<doc::Section> action_plans_section(const Dataset& data, Period period,
                                                 const ReportContext& ctx) {
  const Wording& w = ctx.words;
  doc::Table t;
  t.id = "action-plans";
  t.caption = w.format("actions.national_table", {period.key()});
  t.sheet_name = w.get("actions.sheet");
  t.columns = {{w.get("kvalitetsrapport.site"), Align::Left, 2},
               {w.get("actions.previous_review"), Align::Left, 1.2},
               {w.get("actions.count"), Align::Right, 0.9},
               {w.get("actions.done"), Align::Right, 0.9},
               {w.get("actions.share_done"), Align::Right, 1},
               {w.get("actions.overdue"), Align::Right, 0.9},
               {w.get("actions.latest_review"), Align::Left, 1.2},
               {w.get("actions.new_count"), Align::Right, 0.9}};
  for (const Site& site : data.sites) {
    const SitePlans plans = site_plans(data, site.key, period);
    if (plans.empty()) continue;
    const Review* previous = plans.previous;
    const long done = std::count_if(plans.due.begin(), plans.due.end(), [](const PlannedAction* a) {
      return a->status == ActionStatus::Done;
    });
    const long late = overdue_count(plans.due, period) + overdue_count(plans.fresh, period);
    const long n = static_cast<long>(plans.due.size());
    const Value none = Value::of_text("–");
    t.rows.push_back(
        {doc::RowStyle::Data,
         {Value::of_text(site_display_name(data, site.key)),
          previous ? Value::date(previous->date.days) : none, n ? Value::count(n) : none,
          n ? Value::count(done) : none,
          n ? Value::rate(static_cast<double>(done) / static_cast<double>(n), 0) : none,
          Value::count(late), Value::date(plans.latest->date.days),
          Value::count(static_cast<long>(plans.fresh.size()))}});
  }
  if (t.rows.empty()) return std::nullopt;
  t.footnotes.push_back(w.get("actions.national_note"));
  doc::Section s{w.get("actions.national_title"), "action-plans", false, {}};
  s.blocks.push_back(doc::Paragraph{w.format("actions.national_intro", {period.key()}),
                                    doc::ParagraphStyle::Body});
  s.blocks.push_back(std::move(t));
  return s;
}

}  // namespace ips
