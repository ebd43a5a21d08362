#include "report/halvarsrapport.h"

#include "analysis/fidelity_trend.h"
#include "report/agreement_sections.h"
#include "report/data_quality.h"
#include "report/kvalitetsrapport.h"
#include "report/rate_intervals.h"
#include "report/report_common.h"
#include "report/suppression.h"
#include "report/value_format.h"

namespace ips {

namespace {

using doc::Align;
using doc::Value;

}  // namespace

std::vector<doc::Benchmark> employment_benchmarks(const Wording& w) {
  return {{w.get("common.benchmark_min"), 0.31},
          {w.get("common.benchmark_avg"), 0.41},
          {w.get("common.benchmark_top"), 0.50}};
}

const std::vector<FigureId>& halvarsrapport_figures() {
  using F = FigureId;
  static const std::vector<FigureId> figures = {F::Served,
                                                F::NewIntakes,
                                                F::Ended,
                                                F::Worked,
                                                F::EmploymentRate,
                                                F::EmploymentRateOutOfWork,
                                                F::InEducation,
                                                F::WorkOrEducationRate,
                                                F::DaysToContactMean,
                                                F::DaysToContactMedian,
                                                F::DaysToJobMedian,
                                                F::HoursMean,
                                                F::TenureMedian,
                                                F::Caseload};
  return figures;
}

const std::vector<FigureId>& halvarsrapport_breakdown_figures() {
  using F = FigureId;
  static const std::vector<FigureId> figures = {
      F::Ended,         F::EndedWorkOrEducation, F::EndedWorkOrEducationRate,
      F::Worked,        F::WorkedWageSubsidy,    F::WageSubsidyRate,
      F::InWorkPractice};
  return figures;
}

std::string halvarsrapport_stem(const std::string& site, Period period) {
  const std::string slug = site_slug(site);
  return slug + "/halvarsrapport-" + slug + "-" + period.key();
}

namespace {

struct Builder {
  size_t site_index;
  Period period;
  const Dataset& data;
  const std::vector<ReviewScore>& scores;
  const OutcomeIndex& outcomes;
  const ReportContext& ctx;
  const DisclosureControl& disclosure;

  const Site& site() const { return data.sites[site_index]; }
  std::string name() const { return site_display_name(data, site().key); }
  const Wording& w() const { return ctx.words; }
  Lang lang() const { return ctx.lang(); }

  const DisclosedCell& mine(Period p, FigureId id) const {
    return disclosure.site(site_index, p, id);
  }
  const DisclosedCell& theirs(Period p, FigureId id) const { return disclosure.all_sites(p, id); }

  std::string band_text(const ScaleScore& s) const {
    if (s.band) return s.band->label.in(lang());
    return w().format("common.partial", {std::to_string(s.scored), std::to_string(s.items)});
  }

  // The header a report to the steering group carries: date, to, from, period, and the period's
  // Kvalitetsrapporter (the review reports of the same site, in the same folder).
  doc::FieldList header() const {
    doc::FieldList f;
    if (ctx.report_date)
      f.fields.push_back(
          {w().get("halvarsrapport.report_date"), date_text(*ctx.report_date, lang())});
    // The recipient of the site's latest review is its project leader or steering group.
    std::string to;
    for (const ReviewScore& rs : scores)
      if (rs.review->site == site().key && rs.review->date <= period.last_day() &&
          !rs.review->info.recipient.empty())
        to = rs.review->info.recipient;
    if (!to.empty()) f.fields.push_back({w().get("halvarsrapport.to"), to});
    if (!ctx.author.empty()) f.fields.push_back({w().get("halvarsrapport.from"), ctx.author});
    f.fields.push_back(
        {w().get("halvarsrapport.period"),
         w().format("halvarsrapport.period_detail",
                    {period_label(period, w()), date_text(period.first_day(), lang()),
                     date_text(period.last_day(), lang())})});
    // Each a link to the Kvalitetsrapport beside this report (the same site folder).
    std::string reports;
    std::vector<doc::FieldLink> links;
    for (const ReviewScore& rs : scores)
      if (rs.review->site == site().key && period.contains(rs.review->date)) {
        const std::string text =
            w().format("halvarsrapport.review_report", {date_text(rs.review->date, lang())});
        reports += (reports.empty() ? "" : ", ") + text;
        const std::string stem = kvalitetsrapport_stem(*rs.review);
        // Opens at "Om gjennomgangen", the Kvalitetsrapport's first section after its contents.
        links.push_back({text, stem.substr(stem.rfind('/') + 1) + "#about"});
      }
    f.fields.push_back(
        {w().get("halvarsrapport.review_reports"),
         reports.empty() ? w().format("halvarsrapport.none_in_period", {period_label(period, w())})
                         : reports});
    f.links.resize(f.fields.size());
    f.links.back() = std::move(links);
    return f;
  }

  doc::Section summary(const std::vector<RoundReview>& rounds) const {
    doc::Section s{w().get("halvarsrapport.summary"), "summary", false, {}};
    s.blocks.push_back(header());
    doc::KeyFigures k;
    Value rate = mine(period, FigureId::EmploymentRate).value();
    k.figures.push_back(
        {w().get(figure(FigureId::EmploymentRate).label_key), rate.bold(),
         key_figure_detail(with_interval(mine(period, FigureId::EmploymentRate),
                                         mine(period, FigureId::EmploymentRateInterval)),
                           period_label(period, w()), w(), lang())});
    k.figures.push_back(
        {w().get(figure(FigureId::Served).label_key), mine(period, FigureId::Served).value(), ""});
    if (!rounds.empty()) {
      const ReviewScore& latest = *rounds.back().score;
      std::string detail =
          w().format("halvarsrapport.latest_total_detail",
                     {date_text(latest.review->date, lang()), band_text(latest.ips)});
      // Item O8 asks for a review every half-year: say so when this one has none (instead of the
      // date and band, which the history table gives: the key figure has room for one line).
      if (rounds.back().round < period)
        detail = w().format("halvarsrapport.none_in_period", {period_label(period, w())});
      k.figures.push_back({w().get("halvarsrapport.latest_total"), Value::score(latest.ips.total),
                           std::move(detail)});
    } else {
      k.figures.push_back({w().get("halvarsrapport.latest_total"), Value::of_text("–"),
                           w().get("halvarsrapport.no_review")});
    }
    const auto slope = total_slope(rounds);
    k.figures.push_back(
        {w().get("halvarsrapport.slope"), slope ? Value::change(*slope, 1) : Value::of_text("–"),
         slope ? w().get("halvarsrapport.slope_detail") : w().get("halvarsrapport.slope_none")});
    if (const ReviewScore* goi = latest_goi(scores, site().key, period))
      k.figures.push_back(
          {w().get("kvalitetsrapport.goi"), Value::score(goi->goi.total),
           w().format(
               "halvarsrapport.goi_detail",
               {doc::format_number(*goi->goi.mean, 2, lang()), std::to_string(goi->goi.scored),
                std::to_string(goi->goi.items), date_text(goi->review->date, lang())})});
    s.blocks.push_back(std::move(k));
    return s;
  }

  // The GOI over time: every review of the site with GOI scores up to the period end.
  void goi_history(doc::Section& s) const {
    doc::Table t;
    t.id = "goi-history";
    t.caption = w().get("halvarsrapport.goi_table");
    t.sheet_name = w().get("halvarsrapport.goi_sheet");
    t.columns = {{w().get("halvarsrapport.round"), Align::Left, 1},
                 {w().get("halvarsrapport.date"), Align::Left, 1.1},
                 {w().get("columns.sum"), Align::Right, 0.8},
                 {w().get("columns.mean"), Align::Right, 0.8},
                 {w().get("halvarsrapport.items_scored"), Align::Right, 1},
                 {w().get("halvarsrapport.change"), Align::Right, 0.9}};
    for (const ReviewScore& rs : scores) {
      if (rs.review->site != site().key || rs.review->date > period.last_day() ||
          rs.goi.scored == 0)
        continue;
      t.rows.push_back(
          {doc::RowStyle::Data,
           {Value::of_text(Period::containing(rs.review->date).key()),
            Value::date(rs.review->date.days), Value::score(rs.goi.total),
            rs.goi.mean ? Value::number_of(*rs.goi.mean, 2) : Value::empty(),
            Value::of_text(w().format("agreement.of_items", {std::to_string(rs.goi.scored),
                                                             std::to_string(rs.goi.items)})),
            rs.goi_total_change ? Value::change(*rs.goi_total_change) : Value::empty()}});
    }
    if (t.rows.empty()) return;
    t.footnotes.push_back(w().get("definitions.goi"));
    t.footnotes.push_back(w().get("kvalitetsrapport_more.def_goi_change"));
    s.blocks.push_back(doc::Heading{2, w().get("halvarsrapport.goi_heading"), "goi"});
    s.blocks.push_back(std::move(t));
  }

  // What the site's latest review asks it to work on: the items scored 1–3 and the evaluators'
  // recommendations, so the steering group reads them beside the results.
  doc::Section latest_review_points(const std::vector<RoundReview>& rounds) const {
    doc::Section s{w().get("halvarsrapport.latest_points"), "latest-review", false, {}};
    if (rounds.empty()) {
      s.blocks.push_back(
          doc::Paragraph{w().get("halvarsrapport.no_review"), doc::ParagraphStyle::Body});
      return s;
    }
    const ReviewScore& latest = *rounds.back().score;
    const std::string when = date_text(latest.review->date, lang());
    s.blocks.push_back(doc::Paragraph{w().format("halvarsrapport.latest_points_intro", {when}),
                                      doc::ParagraphStyle::Body});
    if (latest.improvement_areas.empty())
      s.blocks.push_back(
          doc::Paragraph{w().get("kvalitetsrapport.improvement_none"), doc::ParagraphStyle::Body});
    else {
      doc::Table t = review_item_table(
          "latest-improvement-areas", w().format("halvarsrapport.latest_areas_caption", {when}),
          latest.improvement_areas, ScaleCatalog::kIps25, latest.item_change, latest, ctx);
      t.sheet_name = w().get("halvarsrapport.latest_areas_sheet");
      s.blocks.push_back(std::move(t));
    }
    // The GOI's items scored 1–3 too, as in the Kvalitetsrapport: a GOI recommendation below
    // should not stand without its item among the areas.
    if (!latest.goi_improvement_areas.empty()) {
      doc::Table t = review_item_table(
          "latest-goi-improvement-areas",
          w().format("halvarsrapport.latest_goi_areas_caption", {when}),
          latest.goi_improvement_areas, ScaleCatalog::kGoi, latest.goi_item_change, latest, ctx);
      t.sheet_name = w().get("kvalitetsrapport_more.goi_improvement_sheet");
      s.blocks.push_back(std::move(t));
    }
    if (auto t = review_recommendations_table(*latest.review, ctx)) {
      t->id = "latest-recommendations";
      t->caption = w().format("halvarsrapport.latest_recommendations_caption", {when});
      s.blocks.push_back(std::move(*t));
    } else {
      s.blocks.push_back(doc::Paragraph{w().get("kvalitetsrapport_more.recommendations_none"),
                                        doc::ParagraphStyle::Body});
    }
    return s;
  }

  // Every IPS-25 review up to the period end, oldest first (docs/figures.md: a half-year's earlier
  // reviews stay in the history). Each change is against the row above, so it is never against a
  // review the table leaves out; the round's review is marked when a half-year has several.
  doc::Section fidelity(const std::vector<RoundReview>& rounds) const {
    doc::Section s{w().get("halvarsrapport.fidelity"), "fidelity", false, {}};
    const std::vector<HistoryReview> history = review_history(scores, site().key, period);
    doc::Table t;
    t.id = "reviews";
    t.caption = w().get("halvarsrapport.reviews_table");
    t.sheet_name = w().get("halvarsrapport.fidelity");
    t.columns = {{w().get("halvarsrapport.round"), Align::Left, 1},
                 {w().get("halvarsrapport.date"), Align::Left, 1.1},
                 {w().get("halvarsrapport.total"), Align::Right, 1},
                 {w().get("halvarsrapport.items_scored"), Align::Right, 1},
                 {w().get("halvarsrapport.band"), Align::Left, 2.2},
                 {w().get("halvarsrapport.change"), Align::Right, 0.9}};
    bool any_shared = false;
    // A half-year after the first review without one (item O8: a review every half-year) gets a
    // row of its own, so the history shows the gap instead of the earlier review without remark.
    const std::vector<Period> missed = missed_rounds(rounds, period);
    auto missed_before = [&missed, next_missed = size_t{0}](std::optional<Period> limit,
                                                            doc::Table& table) mutable {
      for (; next_missed < missed.size() && (!limit || missed[next_missed] < *limit); ++next_missed)
        table.rows.push_back(
            {doc::RowStyle::Data,
             {Value::of_text(missed[next_missed].key()), Value::empty(), Value::empty(),
              Value::empty(), Value::empty(), Value::empty(), Value::empty()}});
    };
    for (size_t i = 0; i < history.size(); ++i) {
      missed_before(history[i].round, t);
      const ReviewScore& rs = *history[i].score;
      const bool shares_round =
          (i > 0 && history[i - 1].round == history[i].round) ||
          (i + 1 < history.size() && history[i + 1].round == history[i].round);
      Value note = Value::empty();
      if (shares_round)
        note = Value::of_text(w().get(history[i].round_review ? "halvarsrapport.round_review"
                                                              : "halvarsrapport.earlier_in_round"));
      any_shared = any_shared || shares_round;
      t.rows.push_back(
          {doc::RowStyle::Data,
           {Value::of_text(history[i].round.key()), Value::date(rs.review->date.days),
            Value::score(rs.ips.total), Value::count(rs.ips.scored),
            Value::of_text(band_text(rs.ips)),
            rs.total_change ? Value::change(*rs.total_change) : Value::empty(), note}});
    }
    missed_before(std::nullopt, t);
    for (doc::Row& row : t.rows)
      if (row.cells[1].type == doc::ValueType::Empty)
        row.cells.back() = Value::of_text(w().get("halvarsrapport.missed_round"));
    if (any_shared || !missed.empty()) {
      t.columns.push_back({w().get("halvarsrapport.review_note"), Align::Left, 2});
      if (any_shared) t.footnotes.push_back(w().get("halvarsrapport.round_review_note"));
    } else {
      for (doc::Row& row : t.rows) row.cells.pop_back();
    }

    doc::ChartSpec chart;
    chart.kind = doc::ChartKind::Line;
    chart.title = w().get("halvarsrapport.trend_chart");
    doc::Series series{name(), {}, {}, {}};
    bool any_partial = false;
    for (size_t i = 0; i < rounds.size(); ++i) {
      const RoundReview& r = rounds[i];
      const ReviewScore& rs = *r.score;
      if (i > 0)  // a missed round is a gap in the line
        for (Period gap = rounds[i - 1].round.next(); gap < r.round; gap = gap.next()) {
          chart.categories.push_back(gap.key());
          series.values.push_back(std::nullopt);
        }
      chart.categories.push_back(r.round.key());
      // A partial total is not comparable with complete ones: the table shows it, the line skips
      // it.
      series.values.push_back(rs.ips.complete() ? std::optional<double>(rs.ips.total)
                                                : std::nullopt);
      any_partial = any_partial || !rs.ips.complete();
    }
    const bool one_row_per_round = t.rows.size() == chart.categories.size();
    s.blocks.push_back(std::move(t));
    if (!missed.empty()) {
      std::string list;
      for (Period p : missed) list += (list.empty() ? "" : ", ") + period_label(p, w());
      s.blocks.push_back(doc::Paragraph{w().format("halvarsrapport.missed_note", {list}),
                                        doc::ParagraphStyle::Note});
    }
    if (auto slope = total_slope(rounds))
      s.blocks.push_back(
          doc::Paragraph{w().format("halvarsrapport.slope_text",
                                    {doc::format_value(Value::change(*slope, 1), lang())}),
                         doc::ParagraphStyle::Body});
    if (!rounds.empty()) {
      chart.alt_text =
          w().format("halvarsrapport.trend_alt", {name(), period_label(rounds.front().round, w()),
                                                  period_label(rounds.back().round, w())});
      chart.series.push_back(std::move(series));
      chart.y_axis = doc::Axis{w().get("halvarsrapport.total"), 25, 125, 25, false};
      chart.x_axis.title = w().get("halvarsrapport.round");
      // A native XLSX chart would draw every table row: only when the rows are the chart's rounds.
      if (!any_partial && one_row_per_round) {
        chart.source_table = "reviews";
        chart.category_column = 0;
        chart.series_columns = {2};
      }
      s.blocks.push_back(doc::Chart{std::move(chart)});
    }
    goi_history(s);
    return s;
  }

  // Who ended and why, who worked in which kind of job: counts from the catalogue, as
  // disclosure control leaves them (the group rows add up to "Avsluttet"; a person with both
  // kinds of job is in both rows).
  doc::Table jobs_and_endings() const {
    doc::Table t;
    t.id = "jobs-endings";
    t.caption =
        w().format("halvarsrapport.jobs_endings_table", {period_label(period, w()), name()});
    t.sheet_name = w().get("halvarsrapport.jobs_endings_sheet");
    t.columns = {{w().get("outcomes.figure"), Align::Left, 3.5},
                 {name(), Align::Right, 1.2},
                 {w().get("common.all_sites"), Align::Right, 1.2}};
    bool any_suppressed = false, any_complement = false;
    for (FigureId id : halvarsrapport_breakdown_figures()) {
      const DisclosedCell& a = mine(period, id);
      const DisclosedCell& b = theirs(period, id);
      any_suppressed = any_suppressed || a.withheld() || b.withheld();
      any_complement = any_complement || a.protecting_another() || b.protecting_another();
      t.rows.push_back({doc::RowStyle::Data,
                        {Value::of_text(w().get(figure(id).label_key)), a.value(), b.value()}});
    }
    t.footnotes.push_back(w().get("halvarsrapport.jobs_endings_note"));
    if (any_suppressed) t.footnotes.push_back(w().get("definitions.suppression"));
    if (any_complement) t.footnotes.push_back(w().get("common.complementary_note"));
    return t;
  }

  doc::Section outcomes_now() const {
    doc::Section s{w().get("halvarsrapport.outcomes"), "outcomes", false, {}};
    doc::Table t;
    t.id = "outcomes";
    t.caption = w().format("halvarsrapport.outcomes_table", {period_label(period, w()), name()});
    t.sheet_name = w().get("halvarsrapport.outcomes");
    t.columns = {{w().get("outcomes.figure"), Align::Left, 3.5},
                 {name(), Align::Right, 1.2},
                 {w().get("common.all_sites"), Align::Right, 1.2}};
    bool any_suppressed = false, any_complement = false;
    for (FigureId id : halvarsrapport_figures()) {
      const DisclosedCell& a = mine(period, id);
      const DisclosedCell& b = theirs(period, id);
      any_suppressed = any_suppressed || a.withheld() || b.withheld();
      any_complement = any_complement || a.protecting_another() || b.protecting_another();
      Value shown_a = a.value(), shown_b = b.value();
      if (const auto interval = interval_figure(id)) {  // "40,0 % (21,9–61,3)"
        shown_a = with_interval(a, mine(period, *interval));
        shown_b = with_interval(b, theirs(period, *interval));
      }
      t.rows.push_back(
          {doc::RowStyle::Data, {Value::of_text(w().get(figure(id).label_key)), shown_a, shown_b}});
    }
    if (any_suppressed) t.footnotes.push_back(w().get("definitions.suppression"));
    if (any_complement) t.footnotes.push_back(w().get("common.complementary_note"));
    t.footnotes.push_back(w().get("rate_interval.reading"));
    label_interval_bounds(t, w());
    s.blocks.push_back(std::move(t));
    s.blocks.push_back(jobs_and_endings());

    doc::Table cmp;
    cmp.id = "comparison";
    cmp.caption = w().get("halvarsrapport.comparison_table");
    cmp.sheet_name = w().get("halvarsrapport.comparison_table");  // XLSX shortens it at a word
    cmp.columns = {{w().get("kvalitetsrapport.site"), Align::Left, 2},
                   {w().get("outcomes.employment_rate"), Align::Right, 1.5}};
    const DisclosedCell& my_rate = mine(period, FigureId::EmploymentRate);
    const DisclosedCell& all_rate = theirs(period, FigureId::EmploymentRate);
    const DisclosedCell& my_interval = mine(period, FigureId::EmploymentRateInterval);
    const DisclosedCell& all_interval = theirs(period, FigureId::EmploymentRateInterval);
    cmp.rows.push_back(
        {doc::RowStyle::Data, {Value::of_text(name()), with_interval(my_rate, my_interval)}});
    cmp.rows.push_back(
        {doc::RowStyle::Data,
         {Value::of_text(w().get("common.all_sites")), with_interval(all_rate, all_interval)}});
    if (my_rate.protecting_another() ||
        all_rate.protecting_another()) {  // both kinds of "–" explained, in that order
      cmp.footnotes.push_back(w().get("definitions.suppression"));
      cmp.footnotes.push_back(w().get("common.complementary_note"));
    }
    label_interval_bounds(cmp, w());
    s.blocks.push_back(std::move(cmp));
    // Against the benchmarks: whether each interval contains them, in one sentence per unit.
    if (my_rate.plotted() || all_rate.plotted()) {
      std::string text;
      if (my_rate.plotted())
        text = benchmark_sentence(name(), my_interval, employment_benchmarks(w()), w(), lang());
      if (all_rate.plotted())
        text += (text.empty() ? "" : " ") +
                benchmark_sentence(w().get("common.all_sites"), all_interval,
                                   employment_benchmarks(w()), w(), lang());
      s.blocks.push_back(doc::Paragraph{text, doc::ParagraphStyle::Body});
    }

    doc::ChartSpec chart;
    chart.kind = doc::ChartKind::Bar;
    chart.title = w().get("halvarsrapport.comparison_chart");
    chart.alt_text =
        w().format("halvarsrapport.comparison_alt", {name(), period_label(period, w())});
    chart.categories = {name(), w().get("common.all_sites")};
    // A withheld rate is drawn as a gap: the chart never shows what the table hides.
    chart.series.push_back(
        {w().get("outcomes.employment_rate"), {my_rate.plotted(), all_rate.plotted()}, {}, {}});
    chart.intervals = {{chart_interval(my_interval), chart_interval(all_interval)}};
    chart.y_axis = doc::Axis{w().get("outcomes.employment_rate"), 0, 1, 0.25, true};
    chart.benchmarks = employment_benchmarks(w());
    chart.source_table = "comparison";
    chart.category_column = 0;
    chart.series_columns = {1};
    s.blocks.push_back(doc::Chart{std::move(chart)});
    s.blocks.push_back(
        doc::Paragraph{w().get("rate_interval.chart_reading"), doc::ParagraphStyle::Note});
    return s;
  }

  doc::Section trend() const {
    doc::Section s{w().get("halvarsrapport.trend"), "trend", false, {}};
    doc::Table t;
    t.id = "trend";
    t.caption = w().format("halvarsrapport.trend_table", {name()});
    t.sheet_name = w().get("halvarsrapport.trend");
    t.columns = {{w().get("outcomes.half_year"), Align::Left, 1},
                 {w().get("outcomes.served"), Align::Right, 1},
                 {w().get("outcomes.worked"), Align::Right, 1},
                 {w().get("outcomes.employment_rate"), Align::Right, 1.2},
                 {w().get("outcomes.work_or_education_rate"), Align::Right, 1.2},
                 {w().get("common.all_sites"), Align::Right, 1.2}};
    doc::ChartSpec chart;
    chart.kind = doc::ChartKind::Line;
    chart.title = w().get("halvarsrapport.rate_chart");
    chart.alt_text = w().format("halvarsrapport.rate_alt", {name()});
    doc::Series mine{name(), {}, {}, {}}, all{w().get("common.all_sites"), {}, {}, {}};
    std::vector<std::optional<doc::Interval>> mine_intervals, all_intervals;
    bool any_suppressed = false, any_complement = false;
    const std::optional<Period> first = outcomes.first_period();
    for (Period p = first ? std::min(*first, period) : period; p <= period; p = p.next()) {
      // Every half-year's cells come from the same decision as the period's tables and the
      // national summary, so no half-year shows what another table or report hides.
      const std::vector<const DisclosedCell*> cells = {
          &this->mine(p, FigureId::Served), &this->mine(p, FigureId::Worked),
          &this->mine(p, FigureId::EmploymentRate), &this->mine(p, FigureId::WorkOrEducationRate),
          &theirs(p, FigureId::EmploymentRate)};
      const DisclosedCell& my_interval = this->mine(p, FigureId::EmploymentRateInterval);
      const DisclosedCell& all_interval = theirs(p, FigureId::EmploymentRateInterval);
      doc::Row row{doc::RowStyle::Data, {Value::of_text(p.key())}};
      for (const DisclosedCell* c : cells) {
        row.cells.push_back(c->value());
        any_suppressed = any_suppressed || c->withheld();
        any_complement = any_complement || c->protecting_another();
      }
      // A withheld interval ("(–)") is explained like any other withheld cell.
      for (const DisclosedCell* c : {&my_interval, &all_interval}) {
        any_suppressed = any_suppressed || c->withheld();
        any_complement = any_complement || c->protecting_another();
      }
      row.cells[3] = with_interval(*cells[2], my_interval);  // the employment rates
      row.cells[5] = with_interval(*cells[4], all_interval);
      t.rows.push_back(std::move(row));
      chart.categories.push_back(p.key());
      mine.values.push_back(cells[2]->plotted());
      all.values.push_back(cells[4]->plotted());
      mine_intervals.push_back(chart_interval(my_interval));
      all_intervals.push_back(chart_interval(all_interval));
    }
    // The complementary note says "– also stands for…", so the small-number rule is stated first.
    if (any_suppressed || any_complement) t.footnotes.push_back(w().get("definitions.suppression"));
    if (any_complement) t.footnotes.push_back(w().get("common.complementary_note"));
    t.footnotes.push_back(w().get("rate_interval.reading"));
    label_interval_bounds(t, w());
    s.blocks.push_back(std::move(t));
    chart.series = {std::move(mine), std::move(all)};
    chart.intervals = {std::move(mine_intervals), std::move(all_intervals)};
    chart.y_axis = doc::Axis{w().get("outcomes.employment_rate"), 0, 1, 0.25, true};
    chart.x_axis.title = w().get("outcomes.half_year");
    chart.benchmarks = employment_benchmarks(w());
    chart.source_table = "trend";
    chart.category_column = 0;
    chart.series_columns = {3, 5};
    s.blocks.push_back(doc::Chart{std::move(chart)});
    s.blocks.push_back(
        doc::Paragraph{w().get("rate_interval.chart_reading"), doc::ParagraphStyle::Note});
    return s;
  }

  doc::Section evidence(const std::vector<RoundReview>& rounds) const {
    doc::Section s{w().get("halvarsrapport.evidence"), "evidence", false, {}};
    s.blocks.push_back(
        doc::Paragraph{w().get("halvarsrapport.evidence_intro"), doc::ParagraphStyle::Note});
    doc::Table t;
    t.id = "evidence";
    t.caption = w().get("halvarsrapport.evidence_table");
    t.sheet_name = "B1 T4";
    t.columns = {{w().get("halvarsrapport.evidence_item"), Align::Left, 3},
                 {w().get("halvarsrapport.evidence_reviewers"), Align::Right, 1.2},
                 {w().get("halvarsrapport.evidence_measured"), Align::Right, 1.2},
                 {w().get("halvarsrapport.evidence_score"), Align::Right, 1.2}};
    const Scale& scale = ctx.scales.ips25();
    const Review* latest = rounds.empty() ? nullptr : rounds.back().score->review;
    for (const ScaleItem& item : scale.items) {
      if (item.evidence_measure.empty()) continue;
      const Value measured =
          mine(period, item.evidence_measure == "caseload_per_fte" ? FigureId::Caseload
                                                                   : FigureId::DaysToContactMean)
              .value();
      std::optional<int> reviewers;
      if (latest)
        reviewers = latest->scales.at(ScaleCatalog::kIps25)
                        .items.at(static_cast<size_t>(item.number - 1))
                        .score;
      const std::optional<int> derived =
          measured.suppressed() ? std::nullopt : item.evidence_score(measured.number);
      t.rows.push_back({doc::RowStyle::Data,
                        {Value::of_text(item.code + " " + item.name.in(lang())),
                         reviewers ? Value::score(*reviewers) : Value::of_text("–"), measured,
                         derived ? Value::score(*derived) : Value::of_text("–")}});
    }
    t.footnotes.push_back(w().get("definitions.evidence"));
    s.blocks.push_back(std::move(t));
    return s;
  }

  doc::Report build() const {
    const std::vector<RoundReview> rounds = round_reviews(scores, site().key, period);

    doc::Report report;
    report.meta.kind = "halvarsrapport";
    report.meta.title = w().get("halvarsrapport.title");
    report.meta.subtitle = name();
    report.meta.date_label = period_label(period, w());
    report.meta.running_head =
        w().get("halvarsrapport.short_title") + " · " + name() + " · " + period_label(period, w());
    report.meta.document_title =
        w().format("halvarsrapport.document_title", {name(), period_label(period, w())});
    report.meta.subject = w().format("halvarsrapport.subject", {name(), period_label(period, w())});
    report.meta.author = ctx.author.empty() ? w().get("common.author") : ctx.author;
    report.meta.keywords = w().get("halvarsrapport.keywords");
    report.meta.lang = lang();
    report.meta.output_stem = halvarsrapport_stem(site().key, period);
    report.words = render_words(w(), ctx.min_cell);

    report.sections.push_back(summary(rounds));
    report.sections.push_back(fidelity(rounds));
    report.sections.push_back(latest_review_points(rounds));
    report.sections.push_back(outcomes_now());
    report.sections.push_back(trend());
    report.sections.push_back(evidence(rounds));
    report.sections.push_back(site_agreement_section(site().key, period, data, ctx));
    std::vector<const Diagnostic*> problems;
    for (const auto& d : data.diagnostics.items)
      if (d.site == site().key) problems.push_back(&d);
    report.sections.push_back(
        data_quality_section(problems, ctx, "halvarsrapport.data_quality_none"));
    std::vector<FigureId> shown = halvarsrapport_figures();
    for (FigureId id : halvarsrapport_breakdown_figures()) shown.push_back(id);
    std::vector<std::string> definitions = definition_keys(shown);
    definitions.push_back("rate_interval.definition");
    for (const char* key : {"benchmarks", "period", "suppression", "complementary", "total", "band",
                            "slope", "evidence"})
      definitions.push_back(std::string("definitions.") + key);
    report.sections.push_back(definitions_section(definitions, ctx));
    add_agreement_definitions(report, AgreementScope::History, ctx);
    doc::explain_withheld_values(report);  // every note in the document
    return report;
  }
};

}  // namespace

doc::Report build_halvarsrapport(size_t site_index, Period period, const Dataset& data,
                                 const std::vector<ReviewScore>& scores,
                                 const OutcomeIndex& outcomes, const ReportContext& ctx,
                                 const DisclosureControl* disclosure) {
  if (disclosure)
    return Builder{site_index, period, data, scores, outcomes, ctx, *disclosure}.build();
  const DisclosureControl own(outcomes, data.sites.size(), period, ctx.min_cell);
  return Builder{site_index, period, data, scores, outcomes, ctx, own}.build();
}

}  // namespace ips
