#include "report/nasjonal_sammenstilling.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analysis/fidelity_trend.h"
#include "analysis/figure_catalogue.h"
#include "disclosure/disclosure_control.h"
#include "report/agreement_sections.h"
#include "report/data_quality.h"
#include "report/halvarsrapport.h"
#include "report/rate_intervals.h"
#include "report/report_common.h"
#include "report/suppression.h"
#include "report/value_format.h"

namespace ips {

namespace {

using doc::Align;
using doc::Value;

// Layout limits that keep tables and charts legible from 1 to 500 sites.
constexpr size_t kRoundsShown = 8;     // rounds in the totals table
constexpr size_t kSitesPerLine = 8;    // above this, the line chart shows mean/min/max
constexpr size_t kSitesPerChart = 30;  // heatmap and bar charts are split into groups

// The outcomes table's figure columns (from the catalogue) and their widths.
struct OutcomeColumn {
  FigureId figure;
  double width;
};
const std::vector<OutcomeColumn>& outcome_columns() {
  using F = FigureId;
  static const std::vector<OutcomeColumn> columns = {
      {F::Served, 1},        {F::NewIntakes, 0.9},         {F::Ended, 0.9},
      {F::Worked, 1},        {F::EmploymentRate, 1},       {F::EmploymentRateOutOfWork, 1.2},
      {F::InEducation, 0.9}, {F::WorkOrEducationRate, 1.1}};
  return columns;
}

// The second outcomes table: time to contact and job, hours, tenure and caseload (a table of its
// own, so that neither is too wide for a page).
const std::vector<OutcomeColumn>& outcome_time_columns() {
  using F = FigureId;
  static const std::vector<OutcomeColumn> columns = {{F::DaysToContactMean, 1.1},
                                                     {F::DaysToContactMedian, 1.1},
                                                     {F::DaysToJobMedian, 1.1},
                                                     {F::HoursMean, 1},
                                                     {F::HoursMedian, 1},
                                                     {F::TenureMedian, 1.2},
                                                     {F::Caseload, 1}};
  return columns;
}

// The table column (after the site name) of the employment rate, which the bar chart draws.
size_t employment_rate_column() {
  const auto& columns = outcome_columns();
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].figure == FigureId::EmploymentRate) return i + 1;
  return 0;
}

struct Builder {
  Period period;
  const Dataset& data;
  const std::vector<ReviewScore>& scores;
  const OutcomeIndex& outcomes;
  const ReportContext& ctx;
  // The run's one decision: the outcomes table, its chart, the key figures, the scatter plot and
  // every Halvårsrapport show the same cells, so none of them gives away what another hides.
  const DisclosureControl& disclosure;
  CrossSite cross = compare_sites(data, scores, ctx.scales, period);

  const DisclosedCell& site_cell(size_t i, FigureId id) const {
    return disclosure.site(i, period, id);
  }
  const DisclosedCell& all_cell(FigureId id) const { return disclosure.all_sites(period, id); }
  const DisclosedCell& all_cell_in(Period p, FigureId id) const {
    return disclosure.all_sites(p, id);
  }
  // A cell as a table shows it: a rate with its interval ("40,0 % (21,9–61,3)").
  Value site_shown(size_t i, FigureId id) const {
    const auto interval = interval_figure(id);
    return interval ? with_interval(site_cell(i, id), site_cell(i, *interval))
                    : site_cell(i, id).value();
  }
  Value all_shown(FigureId id) const {
    const auto interval = interval_figure(id);
    return interval ? with_interval(all_cell(id), all_cell(*interval)) : all_cell(id).value();
  }

  const Wording& w() const { return ctx.words; }
  Lang lang() const { return ctx.lang(); }
  std::string name(size_t i) const { return site_display_name(data, data.sites[i].key); }
  std::string range_label(size_t first, size_t last) const {
    return std::to_string(first + 1) + "–" + std::to_string(last);
  }

  doc::Section summary() const {
    doc::Section s{w().get("nasjonal.summary"), "summary", false, {}};
    doc::KeyFigures k;
    k.figures.push_back(
        {w().get("nasjonal.sites"), Value::count(static_cast<long>(data.sites.size())),
         w().format("nasjonal.sites_detail", {std::to_string(cross.complete_sites)})});
    k.figures.push_back({w().get("nasjonal.national_mean"),
                         cross.national_mean_total
                             ? Value::number_of(*cross.national_mean_total, 1).bold()
                             : Value::of_text("–"),
                         w().get("nasjonal.national_mean_detail")});
    const DisclosedCell& rate = all_cell(FigureId::EmploymentRate);
    const DisclosedCell& served = all_cell(FigureId::Served);
    k.figures.push_back({w().get(figure(FigureId::EmploymentRate).label_key), rate.value(),
                         key_figure_detail(all_shown(FigureId::EmploymentRate),
                                           w().format("nasjonal.employment_rate_detail",
                                                      {period_label(period, w())}),
                                           w(), lang())});
    k.figures.push_back(
        {w().get(figure(FigureId::Served).label_key), served.value(), period_label(period, w())});
    s.blocks.push_back(std::move(k));
    // The renderers explain a "–" among key figures as resting on too few; one withheld as a
    // complement needs its own explanation right after them.
    if (rate.protecting_another() || served.protecting_another())
      s.blocks.push_back(
          doc::Paragraph{w().get("common.complementary_note"), doc::ParagraphStyle::Note});
    return s;
  }

  doc::Section fidelity_over_rounds() const {
    doc::Section s{w().get("nasjonal.fidelity"), "fidelity", false, {}};
    std::set<Period> round_set;
    std::vector<std::vector<RoundReview>> per_site;
    for (const Site& site : data.sites) {
      per_site.push_back(round_reviews(scores, site.key, period));
      for (const auto& r : per_site.back()) round_set.insert(r.round);
    }
    std::vector<Period> rounds(round_set.begin(), round_set.end());
    const bool cut = rounds.size() > kRoundsShown;
    if (cut) rounds.erase(rounds.begin(), rounds.end() - kRoundsShown);

    doc::Table t;
    t.id = "totals";
    t.caption = w().get("nasjonal.totals_table");
    t.sheet_name = w().get("nasjonal.fidelity");
    t.columns.push_back({w().get("nasjonal.site"), Align::Left, 2.4});
    for (Period p : rounds) t.columns.push_back({p.key(), Align::Right, 1});
    bool any_partial = false, any_missed = false, any_before_first = false;
    for (size_t i = 0; i < data.sites.size(); ++i) {
      doc::Row row{doc::RowStyle::Data, {Value::of_text(name(i))}};
      // A half-year after the site's first review without one is a missed round (item O8), not
      // a blank: it gets the mark the Halvårsrapport's history explains the same way.
      const std::vector<Period> missed = missed_rounds(per_site[i], period);
      for (Period p : rounds) {
        const RoundReview* found = nullptr;
        for (const auto& r : per_site[i])
          if (r.round == p) found = &r;
        if (!found && std::find(missed.begin(), missed.end(), p) != missed.end()) {
          row.cells.push_back(Value::of_text(w().get("nasjonal.missed_mark")));
          any_missed = true;
        } else if (!found) {
          row.cells.push_back(Value::empty());
          any_before_first = true;
        } else if (found->score->ips.complete())
          row.cells.push_back(Value::score(found->score->ips.total));
        else {
          row.cells.push_back(Value::of_text(std::to_string(found->score->ips.total) + "*"));
          any_partial = true;
        }
      }
      t.rows.push_back(std::move(row));
    }
    // Each note only when it is true for the table above it.
    if (cut)
      t.footnotes.push_back(w().format("nasjonal.totals_note", {std::to_string(kRoundsShown)}));
    if (any_partial) t.footnotes.push_back(w().get("nasjonal.partial_star_note"));
    if (any_missed) t.footnotes.push_back(w().get("nasjonal.missed_mark_note"));
    if (any_before_first) t.footnotes.push_back(w().get("nasjonal.before_first_note"));
    s.blocks.push_back(std::move(t));
    if (rounds.empty()) return s;

    doc::ChartSpec c;
    c.kind = doc::ChartKind::Line;
    c.title = w().get("nasjonal.totals_chart");
    for (Period p : rounds) c.categories.push_back(p.key());
    c.y_axis = doc::Axis{w().get("nasjonal.total"), 25, 125, 25, false};
    c.x_axis.title = w().get("halvarsrapport.round");
    const bool each_site = data.sites.size() <= kSitesPerLine;
    c.alt_text = w().format(
        "nasjonal.totals_chart_alt",
        {period_label(rounds.front(), w()), period_label(rounds.back(), w()),
         w().get(each_site ? "nasjonal.totals_chart_sites" : "nasjonal.totals_chart_summary")});
    if (each_site) {
      // Only complete reviews are drawn, so a partial total never looks like a drop.
      for (size_t i = 0; i < data.sites.size(); ++i) {
        doc::Series series{name(i), {}, {}, {}};
        for (Period p : rounds) {
          std::optional<double> v;
          for (const auto& r : per_site[i])
            if (r.round == p && r.score->ips.complete()) v = r.score->ips.total;
          series.values.push_back(v);
        }
        c.series.push_back(std::move(series));
      }
      // XLSX: the table is sites × rounds, so its chart cannot take series from columns;
      // the chart is drawn in HTML and PDF only.
    } else {
      doc::Series mean{w().get("nasjonal.national_mean_series"), {}, {}, {}};
      doc::Series low{w().get("nasjonal.lowest_series"), {}, {}, {}};
      doc::Series high{w().get("nasjonal.highest_series"), {}, {}, {}};
      for (Period p : rounds) {
        double sum = 0;
        int n = 0;
        std::optional<double> lo, hi;
        for (const auto& site_rounds : per_site)
          for (const auto& r : site_rounds)
            if (r.round == p && r.score->ips.complete()) {
              const double v = r.score->ips.total;
              sum += v;
              ++n;
              lo = lo ? std::min(*lo, v) : v;
              hi = hi ? std::max(*hi, v) : v;
            }
        mean.values.push_back(n ? std::optional<double>(sum / n) : std::nullopt);
        low.values.push_back(lo);
        high.values.push_back(hi);
      }
      c.series = {std::move(mean), std::move(low), std::move(high)};
    }
    c.benchmarks = band_lines(c.y_axis);
    s.blocks.push_back(doc::Chart{std::move(c)});
    return s;
  }

  // The lower limits of the IPS-25 bands (74, 100, 115) as reference lines, drawn like the
  // employment benchmarks, so a reader sees where a total changes band. The lowest band starts at
  // the axis and needs no line.
  std::vector<doc::Benchmark> band_lines(const doc::Axis& axis) const {
    std::vector<doc::Benchmark> lines;
    for (const ScaleBand& b : ctx.scales.ips25().bands)
      if (b.min_total > axis.min && b.min_total <= axis.max)
        lines.push_back(
            {w().format("nasjonal.band_line", {b.label.in(lang()), std::to_string(b.min_total)}),
             static_cast<double>(b.min_total)});
    return lines;
  }

  // The review a site's row shows: the latest complete one, which is ranked and counted in the
  // national mean; a site with only partial reviews shows its latest partial one's band.
  static const ReviewScore* used_review(const SiteStanding& st) {
    return st.latest_complete ? st.latest_complete : st.latest;
  }

  std::string band_text(const SiteStanding& st) const {
    const ReviewScore* used = used_review(st);
    if (!used) return "–";
    if (used->ips.band) return used->ips.band->label.in(lang());
    return w().format("nasjonal.partial_mark",
                      {std::to_string(used->ips.scored), std::to_string(used->ips.items)});
  }

  // What the row does not show by itself: a partial review newer than the ranked one (or the only
  // one), and a missed review round (item O8: a review every half-year).
  std::string standing_note(const SiteStanding& st) const {
    std::vector<std::string> notes;
    const ReviewScore* latest = st.latest;
    if (latest && latest != st.latest_complete) {
      const std::vector<std::string> args = {
          date_text(latest->review->date, lang()), std::to_string(latest->ips.total),
          std::to_string(latest->ips.scored), std::to_string(latest->ips.items)};
      notes.push_back(w().format(
          st.latest_complete ? "nasjonal.newer_partial" : "nasjonal.only_partial", args));
    }
    // The change column compares with the previous review by date (docs/figures.md); when that was
    // earlier in the same half-year, the round table above suggests another number, so say which.
    const ReviewScore* ranked = st.latest_complete;
    if (ranked && ranked->total_change && ranked->previous &&
        Period::containing(ranked->previous->date) == Period::containing(ranked->review->date))
      notes.push_back(
          w().format("nasjonal.compared_with", {date_text(ranked->previous->date, lang())}));
    if (latest && Period::containing(latest->review->date) < period)
      notes.push_back(w().format("halvarsrapport.no_review_in",
                                 {period_label(Period::containing(latest->review->date), w()),
                                  period_label(period, w())}));
    std::string text;
    for (const std::string& n : notes) text += (text.empty() ? "" : "; ") + n;
    return text;
  }

  doc::Section standing() const {
    doc::Section s{w().get("nasjonal.standing"), "standing", false, {}};
    doc::Table t;
    t.id = "standing";
    t.caption = w().get("nasjonal.standing_table");
    t.sheet_name = w().get("nasjonal.standing");
    t.columns = {{w().get("nasjonal.rank"), Align::Right, 0.6},
                 {w().get("nasjonal.site"), Align::Left, 1.9},
                 {w().get("nasjonal.county"), Align::Left, 1.5},
                 {w().get("nasjonal.used_date"), Align::Left, 1.5},
                 {w().get("nasjonal.total"), Align::Right, 0.8},
                 {w().get("nasjonal.review_change"), Align::Right, 0.9},
                 {w().get("nasjonal.band"), Align::Left, 1.8}};
    for (const auto& sec : ctx.scales.ips25().sections)
      t.columns.push_back(
          {w().format("nasjonal.section_mean", {sec.name.in(lang())}), Align::Right, 1});
    t.columns.push_back({w().get("nasjonal.slope"), Align::Right, 1});
    // Ranked sites first by rank, then the unranked in register order.
    std::vector<const SiteStanding*> order;
    for (const auto& st : cross.sites) order.push_back(&st);
    std::stable_sort(order.begin(), order.end(), [](const SiteStanding* a, const SiteStanding* b) {
      if (a->rank.has_value() != b->rank.has_value()) return a->rank.has_value();
      return a->rank && *a->rank < *b->rank;
    });
    std::vector<std::string> site_notes;
    for (const SiteStanding* st : order) {
      // Date, total and section means are those of the ranked review, so the printed totals are
      // the ones the rank and the national mean rest on.
      const ReviewScore* ranked = st->latest_complete;
      const ReviewScore* shown = used_review(*st);
      const Value change =
          ranked && ranked->total_change ? Value::change(*ranked->total_change) : Value::empty();
      doc::Row row{
          doc::RowStyle::Data,
          {st->rank ? Value::count(*st->rank) : Value::empty(),
           Value::of_text(name(st->site_index)), Value::of_text(data.sites[st->site_index].county),
           ranked ? Value::date(ranked->review->date.days) : Value::empty(),
           ranked ? Value::score(ranked->ips.total) : Value::empty(), change,
           Value::of_text(band_text(*st))}};
      for (size_t k = 0; k < ctx.scales.ips25().sections.size(); ++k) {
        const auto mean = shown ? shown->ips.sections[k].mean : std::nullopt;
        row.cells.push_back(mean ? Value::number_of(*mean, 2) : Value::empty());
      }
      row.cells.push_back(st->slope ? Value::change(*st->slope, 1) : Value::empty());
      // A note per site under the table: a column of its own would squeeze the site names.
      if (const std::string note = standing_note(*st); !note.empty())
        site_notes.push_back(w().format("nasjonal.site_note", {name(st->site_index), note}));
      t.rows.push_back(std::move(row));
    }
    t.footnotes.push_back(w().get("nasjonal.standing_used_note"));
    t.footnotes.insert(t.footnotes.end(), site_notes.begin(), site_notes.end());
    t.footnotes.push_back(w().get("nasjonal.not_ranked_note"));
    t.footnotes.push_back(w().get("nasjonal.review_change_note"));
    s.blocks.push_back(std::move(t));
    s.blocks.push_back(goi_table());
    return s;
  }

  // Each site's latest GOI scoring up to the period end: sum, mean, items scored and change.
  doc::Table goi_table() const {
    doc::Table t;
    t.id = "goi";
    t.caption = w().get("nasjonal.goi_table");
    t.sheet_name = w().get("nasjonal.goi_sheet");
    t.columns = {{w().get("nasjonal.site"), Align::Left, 2.2},
                 {w().get("nasjonal.goi_date"), Align::Left, 1.4},
                 {w().get("columns.sum"), Align::Right, 0.8},
                 {w().get("columns.mean"), Align::Right, 0.8},
                 {w().get("columns.items_scored"), Align::Right, 1},
                 {w().get("columns.change"), Align::Right, 0.9}};
    for (size_t i = 0; i < data.sites.size(); ++i) {
      const ReviewScore* latest = latest_goi(scores, data.sites[i].key, period);
      doc::Row row{doc::RowStyle::Data, {Value::of_text(name(i))}};
      if (!latest) {
        for (int k = 0; k < 5; ++k) row.cells.push_back(Value::empty());
      } else {
        row.cells.push_back(Value::date(latest->review->date.days));
        row.cells.push_back(Value::score(latest->goi.total));
        row.cells.push_back(latest->goi.mean ? Value::number_of(*latest->goi.mean, 2)
                                             : Value::empty());
        row.cells.push_back(
            Value::of_text(w().format("agreement.of_items", {std::to_string(latest->goi.scored),
                                                             std::to_string(latest->goi.items)})));
        row.cells.push_back(latest->goi_total_change ? Value::change(*latest->goi_total_change)
                                                     : Value::empty());
      }
      t.rows.push_back(std::move(row));
    }
    t.footnotes.push_back(w().get("definitions.goi"));
    t.footnotes.push_back(w().get("kvalitetsrapport_more.def_goi_change"));
    return t;
  }

  doc::Section heatmap() const {
    const Scale& scale = ctx.scales.ips25();
    doc::Section s{w().get("nasjonal.heatmap"), "heatmap", false, {}};
    doc::Table t;
    t.id = "heatmap";
    t.caption = w().get("nasjonal.heatmap_table");
    t.sheet_name = w().get("nasjonal.heatmap");
    t.columns.push_back({w().get("nasjonal.site"), Align::Left, 3.2});
    for (const auto& item : scale.items) t.columns.push_back({item.code, Align::Center, 0.62});
    bool any_partial = false, any_empty = false;
    for (const auto& st : cross.sites) {
      const bool partial = st.latest && !st.latest->ips.complete();
      any_partial = any_partial || partial;
      doc::Row row{doc::RowStyle::Data,
                   {Value::of_text(name(st.site_index) + (partial ? "*" : ""))}};
      const auto values = st.latest ? item_scores(*st.latest->review, ScaleCatalog::kIps25)
                                    : std::vector<std::optional<int>>(scale.items.size());
      for (const auto& v : values) {
        row.cells.push_back(v ? Value::score(*v) : Value::empty());
        any_empty = any_empty || !v;
      }
      t.rows.push_back(std::move(row));
    }
    // Each note only when it is true for the table above it.
    if (any_partial) t.footnotes.push_back(w().get("nasjonal.heatmap_note"));
    if (any_empty) t.footnotes.push_back(w().get("nasjonal.heatmap_empty_note"));
    s.blocks.push_back(std::move(t));
    for (size_t first = 0; first < cross.sites.size(); first += kSitesPerChart) {
      const size_t last = std::min(cross.sites.size(), first + kSitesPerChart);
      doc::ChartSpec c;
      c.kind = doc::ChartKind::Heatmap;
      const std::string which = cross.sites.size() > kSitesPerChart ? range_label(first, last)
                                                                    : w().get("common.all_sites");
      c.title = cross.sites.size() > kSitesPerChart ? w().format("nasjonal.heatmap_chart", {which})
                                                    : w().get("nasjonal.heatmap_chart_all");
      c.alt_text = w().format("nasjonal.heatmap_alt", {which});
      for (const auto& item : scale.items) c.categories.push_back(item.code);
      for (size_t i = first; i < last; ++i) {
        const SiteStanding& st = cross.sites[i];
        doc::Series row{name(st.site_index), {}, {}, {}};
        const auto values = st.latest ? item_scores(*st.latest->review, ScaleCatalog::kIps25)
                                      : std::vector<std::optional<int>>(scale.items.size());
        for (const auto& v : values)
          row.values.push_back(v ? std::optional<double>(*v) : std::nullopt);
        c.series.push_back(std::move(row));
      }
      c.y_axis = doc::Axis{w().get("columns.score"), 1, 5, 1, false};
      c.source_table = "heatmap";
      s.blocks.push_back(doc::Chart{std::move(c)});
    }
    return s;
  }

  doc::Section improvement_areas() const {
    const Scale& scale = ctx.scales.ips25();
    doc::Section s{w().get("nasjonal.improvement"), "improvement-areas", false, {}};
    std::vector<size_t> shared;
    for (size_t k = 0; k < cross.items.size(); ++k)
      if (cross.complete_sites > 0 &&
          2 * cross.items[k].sites_scoring_1_to_3 >= cross.complete_sites &&
          cross.items[k].sites_scoring_1_to_3 > 0)
        shared.push_back(k);
    std::stable_sort(shared.begin(), shared.end(), [this](size_t a, size_t b) {
      return cross.items[a].sites_scoring_1_to_3 > cross.items[b].sites_scoring_1_to_3;
    });
    std::string list;
    for (size_t k : shared)
      list +=
          (list.empty() ? "" : "; ") + scale.items[k].code + " " + scale.items[k].name.in(lang());
    s.blocks.push_back(doc::Paragraph{shared.empty()
                                          ? w().get("nasjonal.improvement_none")
                                          : w().format("nasjonal.improvement_text", {list}),
                                      doc::ParagraphStyle::Lead});
    doc::Table t;
    t.id = "items";
    t.caption = w().get("nasjonal.improvement_table");
    t.sheet_name = w().get("nasjonal.improvement");
    t.columns = {{w().get("columns.item_code"), Align::Left, 0.6},
                 {w().get("columns.item"), Align::Left, 4},
                 {w().get("columns.mean"), Align::Right, 0.8},
                 {w().get("nasjonal.minimum"), Align::Right, 0.8},
                 {w().get("nasjonal.maximum"), Align::Right, 0.8},
                 {w().get("nasjonal.sites_1_to_3"), Align::Right, 1.1}};
    for (size_t k = 0; k < scale.items.size(); ++k) {
      const ItemAcrossSites& it = cross.items[k];
      t.rows.push_back(
          {doc::RowStyle::Data,
           {Value::of_text(scale.items[k].code), Value::of_text(scale.items[k].name.in(lang())),
            it.mean ? Value::number_of(*it.mean, 2) : Value::empty(),
            it.min ? Value::score(*it.min) : Value::empty(),
            it.max ? Value::score(*it.max) : Value::empty(),
            Value::count(it.sites_scoring_1_to_3)}});
    }
    s.blocks.push_back(std::move(t));
    return s;
  }

  // One row per site and one for all sites, each cell as disclosure control decided it.
  doc::Table outcome_table(const std::string& id, const std::string& caption,
                           const std::string& sheet,
                           const std::vector<OutcomeColumn>& columns) const {
    doc::Table t;
    t.id = id;
    t.caption = caption;
    t.sheet_name = sheet;
    t.columns = {{w().get("nasjonal.site"), Align::Left, 2.2}};
    for (const OutcomeColumn& col : columns)
      t.columns.push_back({w().get(figure(col.figure).label_key), Align::Right, col.width});
    bool any_complement = false;
    auto row_of = [&](const std::string& label, auto cell_of, auto shown_of, doc::RowStyle style) {
      doc::Row row{style, {Value::of_text(label)}};
      for (const OutcomeColumn& col : columns) {
        const DisclosedCell& c = cell_of(col.figure);
        row.cells.push_back(shown_of(col.figure));
        any_complement = any_complement || c.protecting_another();
      }
      return row;
    };
    for (size_t i = 0; i < data.sites.size(); ++i)
      t.rows.push_back(row_of(
          name(i), [&](FigureId fid) -> const DisclosedCell& { return site_cell(i, fid); },
          [&](FigureId fid) { return site_shown(i, fid); }, doc::RowStyle::Data));
    // All sites are computed from everyone (not summed from the rows above, which may be
    // suppressed).
    t.rows.push_back(row_of(
        w().get("common.all_sites"),
        [&](FigureId fid) -> const DisclosedCell& { return all_cell(fid); },
        [&](FigureId fid) { return all_shown(fid); }, doc::RowStyle::Total));
    t.footnotes.push_back(w().get("definitions.suppression"));
    if (any_complement) t.footnotes.push_back(w().get("common.complementary_note"));
    const bool has_interval = std::any_of(
        columns.begin(), columns.end(),
        [](const OutcomeColumn& col) { return interval_figure(col.figure).has_value(); });
    if (has_interval) {
      t.footnotes.push_back(w().get("rate_interval.reading"));
      label_interval_bounds(t, w());
    }
    return t;
  }

  doc::Section outcomes_per_site() const {
    doc::Section s{w().get("nasjonal.outcomes"), "outcomes", false, {}};
    s.blocks.push_back(outcome_table(
        "outcomes", w().format("nasjonal.outcomes_table", {period_label(period, w())}),
        w().get("nasjonal.outcomes"), outcome_columns()));
    s.blocks.push_back(outcome_table(
        "outcomes-time", w().format("nasjonal.outcomes_time_table", {period_label(period, w())}),
        w().get("nasjonal.outcomes_time_sheet"), outcome_time_columns()));
    std::vector<std::optional<double>> rates;
    std::vector<std::optional<doc::Interval>> intervals;
    for (size_t i = 0; i < data.sites.size(); ++i) {
      rates.push_back(site_cell(i, FigureId::EmploymentRate).plotted());
      intervals.push_back(chart_interval(site_cell(i, FigureId::EmploymentRateInterval)));
    }
    const size_t rate_column = employment_rate_column();

    for (size_t first = 0; first < data.sites.size(); first += kSitesPerChart) {
      const size_t last = std::min(data.sites.size(), first + kSitesPerChart);
      doc::ChartSpec c;
      c.kind = doc::ChartKind::Bar;
      const std::string which =
          data.sites.size() > kSitesPerChart ? range_label(first, last) : period_label(period, w());
      c.title = w().format("nasjonal.outcomes_chart", {which});
      c.alt_text = w().format("nasjonal.outcomes_alt", {period_label(period, w())});
      doc::Series series{w().get("outcomes.employment_rate"), {}, {}, {}};
      std::vector<std::optional<doc::Interval>> bars;
      for (size_t i = first; i < last; ++i) {
        c.categories.push_back(name(i));
        series.values.push_back(rates[i]);
        bars.push_back(intervals[i]);
      }
      c.series.push_back(std::move(series));
      c.intervals = {std::move(bars)};
      c.y_axis = doc::Axis{w().get("outcomes.employment_rate"), 0, 1, 0.25, true};
      c.benchmarks = employment_benchmarks(w());
      if (first == 0 && last == data.sites.size()) {  // XLSX: one chart over the whole column
        c.source_table = "outcomes";
        c.category_column = 0;
        c.series_columns = {static_cast<int>(rate_column)};
      }
      s.blocks.push_back(doc::Chart{std::move(c)});
    }
    s.blocks.push_back(
        doc::Paragraph{w().get("rate_interval.chart_reading"), doc::ParagraphStyle::Note});
    s.blocks.push_back(against_benchmarks());
    employment_trend(s);
    return s;
  }

  // All sites' employment rate in every half-year with data up to the period (the cells the
  // Halvårsrapporter's trend shows for all sites, so disclosure control has decided them).
  void employment_trend(doc::Section& s) const {
    const auto first = outcomes.first_period();
    if (!first || period < *first) return;
    doc::Table t;
    t.id = "employment-trend";
    t.caption = w().get("nasjonal.employment_trend_table");
    t.sheet_name = w().get("nasjonal.employment_trend_sheet");
    t.columns = {{w().get("outcomes.half_year"), Align::Left, 1.2},
                 {w().get("outcomes.employment_rate"), Align::Right, 1.2}};
    doc::ChartSpec c;
    c.kind = doc::ChartKind::Line;
    c.title = w().get("nasjonal.employment_trend_chart");
    doc::Series series{w().get("common.all_sites"), {}, {}, {}};
    std::vector<std::optional<doc::Interval>> bars;
    bool any_withheld = false, any_complement = false;
    for (Period p = *first; p <= period; p = p.next()) {
      // All sites' counts of earlier half-years are not published, so the rate's interval is
      // what tells the reader how many it rests on: shown with every point as in the
      // Halvårsrapport's "Alle enheter" column, and marked "(–)" with a note where withheld.
      const DisclosedCell& cell = all_cell_in(p, FigureId::EmploymentRate);
      const DisclosedCell& interval = all_cell_in(p, FigureId::EmploymentRateInterval);
      any_withheld = any_withheld || cell.withheld() || interval.withheld();
      any_complement = any_complement || cell.protecting_another() || interval.protecting_another();
      t.rows.push_back(
          {doc::RowStyle::Data, {Value::of_text(p.key()), with_interval(cell, interval)}});
      c.categories.push_back(p.key());
      series.values.push_back(cell.plotted());
      bars.push_back(chart_interval(interval));
    }
    if (any_withheld) t.footnotes.push_back(w().get("definitions.suppression"));
    if (any_complement) t.footnotes.push_back(w().get("common.complementary_note"));
    t.footnotes.push_back(w().get("rate_interval.reading"));
    label_interval_bounds(t, w());
    c.intervals = {std::move(bars)};
    c.alt_text = w().format("nasjonal.employment_trend_alt",
                            {period_label(*first, w()), period_label(period, w())});
    c.series.push_back(std::move(series));
    c.x_axis.title = w().get("outcomes.half_year");
    c.y_axis = doc::Axis{w().get("outcomes.employment_rate"), 0, 1, 0.25, true};
    c.benchmarks = employment_benchmarks(w());
    c.source_table = "employment-trend";
    c.category_column = 0;
    c.series_columns = {1};
    s.blocks.push_back(std::move(t));
    s.blocks.push_back(doc::Chart{std::move(c)});
  }

  // The sites ranked by employment rate, each interval against the 31/41/50 % benchmarks
  // ("ikke sikkert forskjellig"); sites whose rate is withheld last, in register order, so the
  // order says nothing about them.
  doc::Table against_benchmarks() const {
    doc::Table t;
    t.id = "benchmarks";
    t.caption = w().get("rate_interval.benchmark_table");
    t.sheet_name = w().get("rate_interval.benchmark_sheet");
    t.columns = {{w().get("nasjonal.site"), Align::Left, 2.2},
                 {w().get("outcomes.employment_rate"), Align::Right, 1.6}};
    const std::vector<doc::Benchmark> benchmarks = employment_benchmarks(w());
    for (const doc::Benchmark& b : benchmarks)
      t.columns.push_back({w().format("rate_interval.against",
                                      {doc::format_value(Value::rate(b.value, 0), lang())}),
                           Align::Left, 1.3});
    std::vector<size_t> order(data.sites.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [this](size_t a, size_t b) {
      const auto ra = site_cell(a, FigureId::EmploymentRate).plotted();
      const auto rb = site_cell(b, FigureId::EmploymentRate).plotted();
      if (ra.has_value() != rb.has_value()) return ra.has_value();
      return ra && *ra > *rb;
    });
    auto row_of = [&](const std::string& label, const DisclosedCell& rate,
                      const DisclosedCell& interval, doc::RowStyle style) {
      doc::Row row{style, {Value::of_text(label), with_interval(rate, interval)}};
      for (const doc::Benchmark& b : benchmarks)
        row.cells.push_back(rate.withheld() ? Value::withheld()
                                            : verdict_value(interval, b.value, w()));
      return row;
    };
    for (size_t i : order)
      t.rows.push_back(row_of(name(i), site_cell(i, FigureId::EmploymentRate),
                              site_cell(i, FigureId::EmploymentRateInterval), doc::RowStyle::Data));
    t.rows.push_back(row_of(w().get("common.all_sites"), all_cell(FigureId::EmploymentRate),
                            all_cell(FigureId::EmploymentRateInterval), doc::RowStyle::Total));
    t.footnotes.push_back(w().get("rate_interval.reading"));
    label_interval_bounds(t, w());
    return t;
  }

  doc::Section scatter() const {
    doc::Section s{w().get("nasjonal.scatter"), "scatter", false, {}};
    doc::Table t;
    t.id = "scatter";
    t.caption = w().get("nasjonal.scatter_table");
    t.sheet_name = w().get("nasjonal.scatter");
    t.columns = {{w().get("nasjonal.site"), Align::Left, 2.4},
                 {w().get("nasjonal.total"), Align::Right, 1},
                 {w().get("outcomes.employment_rate"), Align::Right, 1}};
    doc::Series points{w().get("nasjonal.sites"), {}, {}, {}};
    for (const SiteStanding& st : cross.sites) {
      const DisclosedCell& cell = site_cell(st.site_index, FigureId::EmploymentRate);
      const Value& rate = cell.value();
      if (!st.latest_complete || !cell.plotted()) continue;
      t.rows.push_back({doc::RowStyle::Data,
                        {Value::of_text(name(st.site_index)),
                         Value::score(st.latest_complete->ips.total), rate}});
      points.x.push_back(st.latest_complete->ips.total);
      points.values.push_back(rate.number);
      points.point_labels.push_back(name(st.site_index));
    }
    s.blocks.push_back(std::move(t));
    // Beyond a few dozen points, names only cover each other; the table beside says who is where.
    if (points.x.size() > kSitesPerChart) points.point_labels.clear();
    doc::ChartSpec c;
    c.kind = doc::ChartKind::Scatter;
    c.title = w().get("nasjonal.scatter_chart");
    c.alt_text = w().format("nasjonal.scatter_alt", {period_label(period, w())});
    c.series.push_back(std::move(points));
    // The axes start and end in whole steps around the services, so that points do not huddle
    // in one corner of the full 25–125 × 0–100 % square; the benchmarks (up to 50 %) stay in.
    double lowest_total = 125, highest_rate = 0.5;
    for (const auto& x : c.series.front().x) lowest_total = std::min(lowest_total, x.value_or(125));
    for (const auto& v : c.series.front().values)
      highest_rate = std::max(highest_rate, v.value_or(0));
    const double x_min = std::clamp(std::floor(lowest_total / 25) * 25, 25.0, 100.0);
    const double y_max = std::min(1.0, std::ceil((highest_rate + 0.05) / 0.25) * 0.25);
    c.x_axis = doc::Axis{w().get("nasjonal.total"), x_min, 125, 25, false};
    c.y_axis = doc::Axis{w().get("outcomes.employment_rate"), 0, y_max, 0.25, true};
    c.benchmarks = employment_benchmarks(w());
    c.source_table = "scatter";
    c.category_column = 1;
    c.series_columns = {2};
    s.blocks.push_back(doc::Chart{std::move(c)});
    return s;
  }

  // The input tables are named in Norwegian in the data (TableAccount::table); an English
  // report gives their English names (the sheet column keeps the name the file uses).
  static std::string input_table_name(const std::string& table, const Wording& words) {
    static const std::map<std::string, std::string> keys = {
        {"Enheter", "sites"},         {"Kvalitetsmålinger", "fidelity"},
        {"Gjennomganger", "reviews"}, {"Deltakere", "participants"},
        {"Jobber", "jobs"},           {"Tekster", "texts"},
        {"Tiltak", "actions"}};
    const auto it = keys.find(table);
    return it == keys.end() ? table : words.get("input_tables." + it->second);
  }

  doc::Section data_quality() const {
    doc::Section s{w().get("common.data_quality"), "data-quality", true, {}};
    doc::Table t;
    t.id = "accounting";
    t.caption = w().get("nasjonal.data_quality_table");
    t.sheet_name = w().get("common.data_quality");
    t.columns = {{w().get("nasjonal.file"), Align::Left, 2},
                 {w().get("columns.sheet"), Align::Left, 1.4},
                 {w().get("nasjonal.table"), Align::Left, 1.4},
                 {w().get("nasjonal.rows_read"), Align::Right, 0.8},
                 {w().get("nasjonal.rows_used"), Align::Right, 0.8},
                 {w().get("nasjonal.rows_excluded"), Align::Right, 0.8},
                 {w().get("nasjonal.duplicates"), Align::Right, 0.8}};
    // Row counts describe files; the participant register's rows are people, so where one of its
    // counts is small all four are withheld (read = used + excluded would give one away).
    bool any_withheld = false;
    for (const TableAccount& a : data.diagnostics.tables) {
      const bool withhold = withhold_row_counts(a, ctx.min_cell);
      any_withheld = any_withheld || withhold;
      auto count = [&](long n) {
        if (!withhold) return Value::count(n);
        return n >= 1 && n < ctx.min_cell ? Value::small_count(ctx.min_cell) : Value::withheld();
      };
      t.rows.push_back(
          {doc::RowStyle::Data,
           {Value::of_text(std::filesystem::path(a.file).filename().string()),
            Value::of_text(a.sheet), Value::of_text(input_table_name(a.table, w())),
            count(a.rows_read), count(a.rows_used), count(a.rows_excluded), count(a.duplicates)}});
    }
    if (any_withheld) {
      t.footnotes.push_back(w().get("definitions.suppression"));
      t.footnotes.push_back(w().get("common.complementary_note"));
    }
    s.blocks.push_back(std::move(t));

    // One row per kind of problem and severity, worded without any one case's details (the
    // cases differ in their values; each is listed with its cell in run-summary.json).
    std::map<std::pair<std::string, Severity>, long> by_code;
    for (const Diagnostic& d : data.diagnostics.items) ++by_code[{d.code, d.severity}];
    doc::Table p;
    p.id = "problems";
    p.caption = w().get("nasjonal.problems_table");
    p.sheet_name = w().get("nasjonal.problems_table").substr(0, 31);
    p.columns = {{w().get("columns.severity"), Align::Left, 1},
                 {w().get("nasjonal.reason"), Align::Left, 5},
                 {w().get("nasjonal.count"), Align::Right, 0.8}};
    for (const auto& [kind, count] : by_code) {
      const char* severity = kind.second == Severity::Error     ? "severity.error"
                             : kind.second == Severity::Warning ? "severity.warning"
                                                                : "severity.note";
      p.rows.push_back({doc::RowStyle::Data,
                        {Value::of_text(w().get(severity)),
                         Value::of_text(describe_reason(kind.first, w())), Value::count(count)}});
    }
    if (!p.rows.empty()) {
      p.footnotes.push_back(w().get("nasjonal.problems_note"));
      s.blocks.push_back(std::move(p));
    }
    return s;
  }

  doc::Report build() const {
    doc::Report report;
    report.meta.kind = "nasjonal-sammenstilling";
    report.meta.title = w().get("nasjonal.title");
    report.meta.subtitle = w().get("nasjonal.subtitle");
    report.meta.date_label = period_label(period, w());
    report.meta.running_head = w().get("nasjonal.short_title") + " · " + period_label(period, w());
    report.meta.document_title = w().format("nasjonal.document_title", {period_label(period, w())});
    report.meta.subject = w().format("nasjonal.subject", {period_label(period, w())});
    report.meta.author = ctx.author.empty() ? w().get("common.author") : ctx.author;
    report.meta.keywords = w().get("nasjonal.keywords");
    report.meta.lang = lang();
    report.meta.output_stem = nasjonal_sammenstilling_stem(period);
    report.words = render_words(w(), ctx.min_cell);
    report.sections.push_back(summary());
    report.sections.push_back(fidelity_over_rounds());
    report.sections.push_back(standing());
    report.sections.push_back(heatmap());
    report.sections.push_back(improvement_areas());
    report.sections.push_back(outcomes_per_site());
    report.sections.push_back(scatter());
    report.sections.push_back(national_agreement_section(period, data, ctx));
    report.sections.push_back(data_quality());
    std::vector<std::string> definitions;
    for (const char* key : {"total", "band", "partial", "score", "slope", "areas", "section"})
      definitions.push_back(std::string("definitions.") + key);
    std::vector<FigureId> shown;
    for (const OutcomeColumn& col : outcome_columns()) shown.push_back(col.figure);
    for (const OutcomeColumn& col : outcome_time_columns()) shown.push_back(col.figure);
    for (const std::string& key : definition_keys(shown)) definitions.push_back(key);
    for (const char* key :
         {"benchmarks", "period", "suppression", "complementary", "ranking", "cross_site"})
      definitions.push_back(std::string("definitions.") + key);
    definitions.push_back("rate_interval.definition");
    report.sections.push_back(definitions_section(definitions, ctx));
    add_agreement_definitions(report, AgreementScope::History, ctx);
    doc::explain_withheld_values(report);  // every note in the document
    return report;
  }
};

}  // namespace

std::string nasjonal_sammenstilling_stem(Period period) {
  return "nasjonal-sammenstilling-" + period.key();
}

doc::Report build_nasjonal_sammenstilling(Period period, const Dataset& data,
                                          const std::vector<ReviewScore>& scores,
                                          const OutcomeIndex& outcomes, const ReportContext& ctx,
                                          const DisclosureControl* disclosure) {
  if (disclosure) return Builder{period, data, scores, outcomes, ctx, *disclosure}.build();
  const DisclosureControl own(outcomes, data.sites.size(), period, ctx.min_cell);
  return Builder{period, data, scores, outcomes, ctx, own}.build();
}

}  // namespace ips
