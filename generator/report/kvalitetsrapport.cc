#include "report/kvalitetsrapport.h"

#include <algorithm>

#include "report/agreement_sections.h"
#include "report/data_quality.h"
#include "report/report_common.h"
#include "report/value_format.h"

namespace ips {

namespace {

using doc::Align;
using doc::Value;

Value optional_score(const std::optional<int>& s) {
  return s ? Value::score(*s) : Value::empty();
}
Value optional_change(const std::optional<int>& c) {
  return c ? Value::change(*c) : Value::empty();
}

/// The listed items of one scale with their score and change, as a table (strengths,
/// improvement areas).
doc::Table item_table(const std::string& id, const std::string& caption,
                      const std::vector<size_t>& items, size_t scale_index,
                      const std::vector<std::optional<int>>& changes, const ReviewScore& rs,
                      const ReportContext& ctx) {
  const Wording& w = ctx.words;
  const Scale& scale = ctx.scales.scales.at(scale_index);
  doc::Table t;
  t.id = id;
  t.caption = caption;
  t.sheet_name = caption;
  t.columns = {{w.get("columns.item_code"), Align::Left, 0.6},
               {w.get("columns.item"), Align::Left, 4.5},
               {w.get("columns.score"), Align::Right, 0.8},
               {w.get("columns.change"), Align::Right, 0.9}};
  const auto scores = item_scores(*rs.review, scale_index);
  for (size_t i : items)
    t.rows.push_back(
        {doc::RowStyle::Data,
         {Value::of_text(scale.items[i].code), Value::of_text(scale.items[i].name.in(ctx.lang())),
          optional_score(scores[i]),
          optional_change(i < changes.size() ? changes[i] : std::nullopt)}});
  return t;
}

std::string total_detail(const ScaleScore& s, const ReportContext& ctx) {
  if (s.complete())
    return ctx.words.format("kvalitetsrapport.of_items",
                            {std::to_string(s.scored), std::to_string(s.items)});
  return ctx.words.format("common.partial", {std::to_string(s.scored), std::to_string(s.items)});
}

doc::Section about_section(const ReviewScore& rs, const Dataset& data, const ReportContext& ctx) {
  const Review& r = *rs.review;
  const Wording& w = ctx.words;
  doc::Section s{w.get("kvalitetsrapport.about"), "about", false, {}};
  doc::FieldList fields;
  fields.fields.push_back({w.get("kvalitetsrapport.site"), site_display_name(data, r.site)});
  fields.fields.push_back({w.get("kvalitetsrapport.date"), date_text(r.date, ctx.lang())});
  if (!r.info.recipient.empty())
    fields.fields.push_back({w.get("kvalitetsrapport.to"), r.info.recipient});
  if (!r.info.evaluators.empty())
    fields.fields.push_back({w.get("kvalitetsrapport.from"), r.info.evaluators});
  s.blocks.push_back(std::move(fields));
  if (!r.info.purpose.empty()) {
    s.blocks.push_back(doc::Heading{2, w.get("kvalitetsrapport.purpose"), "purpose"});
    s.blocks.push_back(doc::Paragraph{r.info.purpose, doc::ParagraphStyle::Body});
  }
  if (!r.info.method.empty()) {
    s.blocks.push_back(doc::Heading{2, w.get("kvalitetsrapport.method"), "method"});
    s.blocks.push_back(doc::Paragraph{r.info.method, doc::ParagraphStyle::Body});
  }
  return s;
}

doc::Table section_table(const ScaleScore& score, const Scale& scale, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  doc::Table t;
  t.id = "sections";
  t.caption = w.get("kvalitetsrapport.section_scores");
  t.sheet_name = w.get("columns.section");
  t.columns = {{w.get("columns.section"), Align::Left, 2.5},
               {w.get("columns.items_scored"), Align::Right, 1},
               {w.get("columns.sum"), Align::Right, 1},
               {w.get("columns.mean"), Align::Right, 1}};
  for (const auto& sec : score.sections) {
    const ScaleSection* def = scale.section(sec.section);
    t.rows.push_back(
        {doc::RowStyle::Data,
         {Value::of_text(def ? def->name.in(ctx.lang()) : sec.section),
          Value::of_text(std::to_string(sec.scored) + " / " + std::to_string(sec.items)),
          sec.scored ? Value::score(sec.sum) : Value::empty(),
          sec.mean ? Value::number_of(*sec.mean, 2) : Value::empty()}});
  }
  return t;
}

doc::Chart profile_chart(const ReviewScore& rs, const Scale& scale, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  doc::ChartSpec c;
  c.kind = doc::ChartKind::Profile;
  c.title = w.get("kvalitetsrapport.profile_title");
  const std::string prev_alt = rs.previous ? w.format("kvalitetsrapport.profile_alt_previous",
                                                      {date_text(rs.previous->date, ctx.lang())})
                                           : "";
  c.alt_text =
      w.format("kvalitetsrapport.profile_alt", {date_text(rs.review->date, ctx.lang()), prev_alt});
  for (const auto& item : scale.items) c.categories.push_back(item.code);
  doc::Series now{
      w.get("kvalitetsrapport.this_review") + " " + date_text(rs.review->date, ctx.lang()),
      {},
      {},
      {}};
  for (const auto& s : item_scores(*rs.review, ScaleCatalog::kIps25))
    now.values.push_back(s ? std::optional<double>(*s) : std::nullopt);
  c.series.push_back(std::move(now));
  c.series_columns = {6};
  if (rs.previous) {
    doc::Series prev{
        w.get("columns.previous") + " " + date_text(rs.previous->date, ctx.lang()), {}, {}, {}};
    for (const auto& s : item_scores(*rs.previous, ScaleCatalog::kIps25))
      prev.values.push_back(s ? std::optional<double>(*s) : std::nullopt);
    c.series.push_back(std::move(prev));
    c.series_columns.push_back(7);
  }
  c.x_axis.title = w.get("columns.item");
  c.y_axis = doc::Axis{w.get("columns.score"), 1, 5, 1, false};
  c.source_table = "score-sheet";
  c.category_column = 1;
  return doc::Chart{std::move(c)};
}

/// Every item's recommendation, IPS-25 then GOI, gathered for the summary; empty when there is
/// none.
std::optional<doc::Table> recommendations_table(const Review& review, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  doc::Table t;
  t.id = "recommendations";
  t.caption = w.get("kvalitetsrapport_more.recommendations_caption");
  t.sheet_name = w.get("kvalitetsrapport_more.recommendations");
  t.columns = {{w.get("columns.item_code"), Align::Left, 0.6},
               {w.get("columns.item"), Align::Left, 3.2},
               {w.get("kvalitetsrapport_more.recommendation"), Align::Left, 4.2}};
  for (size_t s : {ScaleCatalog::kIps25, ScaleCatalog::kGoi}) {
    if (s >= review.scales.size()) continue;
    const Scale& scale = ctx.scales.scales.at(s);
    const auto& items = review.scales[s].items;
    for (size_t i = 0; i < items.size() && i < scale.items.size(); ++i)
      if (!items[i].recommendation.empty())
        t.rows.push_back({doc::RowStyle::Data,
                          {Value::of_text(scale.items[i].code),
                           Value::of_text(scale.items[i].name.in(ctx.lang())),
                           Value::of_text(items[i].recommendation)}});
  }
  if (t.rows.empty()) return std::nullopt;
  return t;
}

doc::Section summary_section(const ReviewScore& rs, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  const Scale& scale = ctx.scales.ips25();
  doc::Section s{w.get("kvalitetsrapport.summary"), "summary", false, {}};

  doc::KeyFigures figures;
  figures.figures.push_back({w.get("kvalitetsrapport.total"), Value::score(rs.ips.total).bold(),
                             total_detail(rs.ips, ctx)});
  figures.figures.push_back(
      {w.get("kvalitetsrapport.band"),
       Value::of_text(rs.ips.band ? rs.ips.band->label.in(ctx.lang()) : w.get("common.no_band")),
       ""});
  if (rs.goi.scored > 0)
    figures.figures.push_back(
        {w.get("kvalitetsrapport.goi"), Value::score(rs.goi.total),
         w.format("kvalitetsrapport.goi_detail",
                  {doc::format_number(*rs.goi.mean, 2, ctx.lang()), std::to_string(rs.goi.scored),
                   std::to_string(rs.goi.items)})});
  // A first review has nothing to compare with; a partial one has a previous review but no
  // comparable total. Say which (issue 16: "no comparable previous review" was false for both).
  std::string change_detail = w.get("kvalitetsrapport_more.change_first");
  if (rs.previous && rs.total_change)
    change_detail =
        w.format("kvalitetsrapport.change_detail", {date_text(rs.previous->date, ctx.lang())});
  else if (rs.previous)
    change_detail = w.format("kvalitetsrapport_more.change_partial",
                             {date_text(rs.previous->date, ctx.lang())});
  figures.figures.push_back(
      {w.get("kvalitetsrapport.change"),
       rs.total_change ? Value::change(*rs.total_change) : Value::of_text("–"), change_detail});
  if (rs.goi.scored > 0) {
    std::string goi_detail = w.get("kvalitetsrapport_more.change_first_goi");
    if (rs.previous_goi)
      goi_detail = w.format(rs.goi_total_change ? "kvalitetsrapport_more.goi_change_detail"
                                                : "kvalitetsrapport_more.goi_change_partial",
                            {date_text(rs.previous_goi->date, ctx.lang())});
    figures.figures.push_back(
        {w.get("kvalitetsrapport_more.goi_change"),
         rs.goi_total_change ? Value::change(*rs.goi_total_change) : Value::of_text("–"),
         goi_detail});
  }
  s.blocks.push_back(std::move(figures));

  if (rs.stated_total_mismatch)
    s.blocks.push_back(doc::Paragraph{
        // The data-quality table's message, word for word: one problem, one wording.
        w.format("messages.review.stated_total_differs",
                 {std::to_string(*rs.stated_total_mismatch), std::to_string(rs.ips.total),
                  rs.review->site, date_text(rs.review->date, w.lang())}),
        doc::ParagraphStyle::Warning});
  if (!rs.review->info.summary.empty())
    s.blocks.push_back(doc::Paragraph{rs.review->info.summary, doc::ParagraphStyle::Lead});

  s.blocks.push_back(
      doc::Heading{2, w.get("kvalitetsrapport.improvement_areas"), "improvement-areas"});
  if (rs.improvement_areas.empty())
    s.blocks.push_back(
        doc::Paragraph{w.get("kvalitetsrapport.improvement_none"), doc::ParagraphStyle::Body});
  else
    s.blocks.push_back(
        item_table("improvement-areas", w.get("kvalitetsrapport.improvement_caption"),
                   rs.improvement_areas, ScaleCatalog::kIps25, rs.item_change, rs, ctx));
  if (rs.goi.scored > 0) {
    s.blocks.push_back(doc::Heading{2, w.get("kvalitetsrapport_more.goi_improvement_areas"),
                                    "goi-improvement-areas"});
    if (rs.goi_improvement_areas.empty())
      s.blocks.push_back(doc::Paragraph{w.get("kvalitetsrapport_more.goi_improvement_none"),
                                        doc::ParagraphStyle::Body});
    else {
      doc::Table t = item_table(
          "goi-improvement-areas", w.get("kvalitetsrapport_more.goi_improvement_caption"),
          rs.goi_improvement_areas, ScaleCatalog::kGoi, rs.goi_item_change, rs, ctx);
      t.sheet_name = w.get(
          "kvalitetsrapport_more.goi_improvement_sheet");  // the caption is too long for a sheet
      s.blocks.push_back(std::move(t));
    }
  }
  s.blocks.push_back(doc::Heading{2, w.get("kvalitetsrapport.strengths"), "strengths"});
  if (rs.strengths.empty())
    s.blocks.push_back(
        doc::Paragraph{w.get("kvalitetsrapport.strengths_none"), doc::ParagraphStyle::Body});
  else
    s.blocks.push_back(item_table("strengths", w.get("kvalitetsrapport.strengths_caption"),
                                  rs.strengths, ScaleCatalog::kIps25, rs.item_change, rs, ctx));
  s.blocks.push_back(
      doc::Heading{2, w.get("kvalitetsrapport_more.recommendations"), "recommendations"});
  if (auto t = recommendations_table(*rs.review, ctx))
    s.blocks.push_back(std::move(*t));
  else
    s.blocks.push_back(doc::Paragraph{w.get("kvalitetsrapport_more.recommendations_none"),
                                      doc::ParagraphStyle::Body});
  s.blocks.push_back(section_table(rs.ips, scale, ctx));
  s.blocks.push_back(profile_chart(rs, scale, ctx));
  return s;
}

/// One body section (Bemanning, Organisasjon, Tjenester; the GOI): an overview table, then each
/// item with its criterion, comment and recommendations.
doc::Section items_section(const ReviewScore& rs, size_t scale_index, const ScaleSection& section,
                           const ReportContext& ctx) {
  const Wording& w = ctx.words;
  const Scale& scale = ctx.scales.scales.at(scale_index);
  const Review& r = *rs.review;
  const ScaleRatings& ratings = r.scales.at(scale_index);
  const bool goi = scale_index == ScaleCatalog::kGoi;
  const Review* previous_review = goi ? rs.previous_goi : rs.previous;
  const std::vector<std::optional<int>>& changes = goi ? rs.goi_item_change : rs.item_change;
  doc::Section s{section.name.in(ctx.lang()), "section-" + section.id, false, {}};

  doc::Table overview;
  overview.id = "items-" + section.id;
  overview.caption = w.format("kvalitetsrapport.items_of_section", {section.name.in(ctx.lang())});
  overview.sheet_name = section.name.in(ctx.lang());
  overview.columns = {{w.get("columns.item_code"), Align::Left, 0.6},
                      {w.get("columns.item"), Align::Left, 4},
                      {w.get("columns.score"), Align::Right, 0.8},
                      {w.get("columns.previous"), Align::Right, 0.9},
                      {w.get("columns.change"), Align::Right, 0.9}};
  std::vector<doc::Block> details;
  for (size_t i = 0; i < scale.items.size(); ++i) {
    const ScaleItem& item = scale.items[i];
    if (item.section != section.id) continue;
    const ItemRating& rating = ratings.items.at(i);
    std::optional<int> previous;
    if (previous_review) previous = previous_review->scales.at(scale_index).items.at(i).score;
    overview.rows.push_back(
        {doc::RowStyle::Data,
         {Value::of_text(item.code), Value::of_text(item.name.in(ctx.lang())),
          rating.score ? Value::score(*rating.score) : Value::of_text(w.get("common.not_scored")),
          optional_score(previous), optional_change(changes.at(i))}});

    const std::string score_text =
        rating.score ? std::to_string(*rating.score) : w.get("common.not_scored");
    details.push_back(doc::Heading{2,
                                   item.code + " " + item.name.in(ctx.lang()) + " — " +
                                       w.format("kvalitetsrapport.score_line", {score_text}),
                                   "item-" + item.code});
    details.push_back(
        doc::Paragraph{w.get("kvalitetsrapport.criterion") + ": " + item.criterion.in(ctx.lang()),
                       doc::ParagraphStyle::Note});
    if (!rating.comment.empty())
      details.push_back(doc::Paragraph{w.get("kvalitetsrapport.comment") + ": " + rating.comment,
                                       doc::ParagraphStyle::Body});
    if (!rating.recommendation.empty())
      details.push_back(
          doc::Paragraph{w.get("kvalitetsrapport.recommendations") + ": " + rating.recommendation,
                         doc::ParagraphStyle::Body});
    if (rating.evaluator1 && rating.evaluator2 && rating.consensus &&
        (*rating.consensus < std::min(*rating.evaluator1, *rating.evaluator2) ||
         *rating.consensus > std::max(*rating.evaluator1, *rating.evaluator2)))
      details.push_back(doc::Paragraph{
          w.format("agreement.consensus_item_note",
                   {std::to_string(*rating.consensus), std::to_string(*rating.evaluator1),
                    std::to_string(*rating.evaluator2)}),
          doc::ParagraphStyle::Warning});
  }
  s.blocks.push_back(std::move(overview));
  for (auto& b : details) s.blocks.push_back(std::move(b));
  return s;
}

doc::Section score_sheet_section(const ReviewScore& rs, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  const Scale& scale = ctx.scales.ips25();
  const ScaleRatings& ratings = rs.review->scales.at(ScaleCatalog::kIps25);
  doc::Section s{w.get("kvalitetsrapport.appendix_scores"), "score-sheet", true, {}};
  doc::Table t;
  t.id = "score-sheet";
  t.caption = w.get("kvalitetsrapport.appendix_scores_caption");  // not the heading again
  t.sheet_name = w.get("kvalitetsrapport.score_sheet_name");
  // Columns 1 (code), 6 (score) and 7 (previous) feed the item profile chart.
  t.columns = {{w.get("columns.item_no"), Align::Right, 0.5},
               {w.get("columns.item_code"), Align::Left, 0.6},
               {w.get("columns.item"), Align::Left, 3.6},
               {w.get("columns.section"), Align::Left, 1.3},
               {w.get("columns.evaluator1"), Align::Right, 0.9},
               {w.get("columns.evaluator2"), Align::Right, 0.9},
               {w.get("columns.score"), Align::Right, 0.8},
               {w.get("columns.previous"), Align::Right, 0.9}};
  for (size_t i = 0; i < scale.items.size(); ++i) {
    const ScaleItem& item = scale.items[i];
    const ItemRating& rating = ratings.items.at(i);
    std::optional<int> previous;
    if (rs.previous) previous = rs.previous->scales.at(ScaleCatalog::kIps25).items.at(i).score;
    t.rows.push_back({doc::RowStyle::Data,
                      {Value::count(item.number), Value::of_text(item.code),
                       Value::of_text(item.name.in(ctx.lang())),
                       Value::of_text(scale.section(item.section)->name.in(ctx.lang())),
                       optional_score(rating.evaluator1), optional_score(rating.evaluator2),
                       optional_score(rating.score), optional_score(previous)}});
  }
  doc::Row total{doc::RowStyle::Total, {}};
  total.cells = {Value::empty(),
                 Value::empty(),
                 Value::of_text(w.get("columns.total")).bold(),
                 Value::of_text(total_detail(rs.ips, ctx)),
                 Value::empty(),
                 Value::empty(),
                 Value::score(rs.ips.total).with_aggregate(doc::Aggregate::Sum).bold(),
                 rs.previous
                     ? Value::score(rs.previous_ips.total).with_aggregate(doc::Aggregate::Sum)
                     : Value::empty()};
  t.rows.push_back(std::move(total));
  if (!rs.ips.complete()) t.footnotes.push_back(w.get("definitions.partial"));
  s.blocks.push_back(std::move(t));
  return s;
}

doc::Section goi_section(const ReviewScore& rs, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  const Scale& goi = ctx.scales.goi();
  doc::Section s{w.get("kvalitetsrapport.appendix_goi"), "goi-sheet", true, {}};
  if (rs.goi.scored == 0) {
    s.blocks.push_back(doc::Paragraph{w.get("kvalitetsrapport.no_goi"), doc::ParagraphStyle::Note});
    return s;
  }
  const ScaleRatings& ratings = rs.review->scales.at(ScaleCatalog::kGoi);
  doc::Table t;
  t.id = "goi-sheet";
  t.caption = w.get("kvalitetsrapport.appendix_goi_caption");
  t.sheet_name = "GOI";
  t.columns = {{w.get("columns.item_code"), Align::Left, 0.6},
               {w.get("columns.item"), Align::Left, 3.6},
               {w.get("columns.evaluator1"), Align::Right, 0.9},
               {w.get("columns.evaluator2"), Align::Right, 0.9},
               {w.get("columns.consensus"), Align::Right, 0.9}};
  for (size_t i = 0; i < goi.items.size(); ++i) {
    const ItemRating& rating = ratings.items.at(i);
    t.rows.push_back(
        {doc::RowStyle::Data,
         {Value::of_text(goi.items[i].code), Value::of_text(goi.items[i].name.in(ctx.lang())),
          optional_score(rating.evaluator1), optional_score(rating.evaluator2),
          optional_score(rating.score)}});
  }
  t.rows.push_back(
      {doc::RowStyle::Total,
       {Value::empty(), Value::of_text(w.get("columns.sum")).bold(), Value::empty(), Value::empty(),
        Value::score(rs.goi.total).with_aggregate(doc::Aggregate::Sum).bold()}});
  t.rows.push_back(
      {doc::RowStyle::Total,
       {Value::empty(), Value::of_text(w.get("kvalitetsrapport.goi_mean")).bold(), Value::empty(),
        Value::empty(),
        Value::number_of(*rs.goi.mean, 2).with_aggregate(doc::Aggregate::Mean).bold()}});
  t.footnotes.push_back(w.get("kvalitetsrapport.goi_sum_note"));
  s.blocks.push_back(std::move(t));
  return s;
}

/// Whether any GOI item carries a comment or recommendation (shown even when nothing is scored).
bool goi_has_text(const Review& r) {
  if (r.scales.size() <= ScaleCatalog::kGoi) return false;
  for (const auto& item : r.scales[ScaleCatalog::kGoi].items)
    if (!item.comment.empty() || !item.recommendation.empty()) return true;
  return false;
}

}  // namespace

doc::Table review_item_table(const std::string& id, const std::string& caption,
                             const std::vector<size_t>& items, size_t scale_index,
                             const std::vector<std::optional<int>>& changes, const ReviewScore& rs,
                             const ReportContext& ctx) {
  return item_table(id, caption, items, scale_index, changes, rs, ctx);
}

std::optional<doc::Table> review_recommendations_table(const Review& review,
                                                       const ReportContext& ctx) {
  return recommendations_table(review, ctx);
}

std::string kvalitetsrapport_stem(const Review& review) {
  const std::string slug = site_slug(review.site);
  return slug + "/kvalitetsrapport-" + slug + "-" + review.date.iso();
}

doc::Report build_kvalitetsrapport(const ReviewScore& rs, const Dataset& data,
                                   const ReportContext& ctx) {
  const Review& r = *rs.review;
  const Wording& w = ctx.words;
  const std::string name = site_display_name(data, r.site);
  const std::string date = date_text(r.date, ctx.lang());

  doc::Report report;
  report.meta.kind = "kvalitetsrapport";
  report.meta.title = w.get("kvalitetsrapport.title");
  report.meta.subtitle = name;
  report.meta.date_label = date;
  report.meta.running_head = w.get("kvalitetsrapport.short_title") + " · " + name + " · " + date;
  report.meta.document_title = w.format("kvalitetsrapport.document_title", {name, date});
  report.meta.subject = w.format("kvalitetsrapport.subject", {name, date});
  report.meta.author = ctx.author.empty() ? w.get("common.author") : ctx.author;
  report.meta.keywords = w.get("kvalitetsrapport.keywords");
  report.meta.lang = ctx.lang();
  report.meta.output_stem = kvalitetsrapport_stem(r);
  report.words = render_words(w, ctx.min_cell);

  report.sections.push_back(about_section(rs, data, ctx));
  report.sections.push_back(summary_section(rs, ctx));
  for (const auto& section : ctx.scales.ips25().sections)
    report.sections.push_back(items_section(rs, ScaleCatalog::kIps25, section, ctx));
  // The GOI's comments and recommendations belong in the body like the IPS-25 items' (issue 16).
  if (rs.goi.scored > 0 || goi_has_text(*rs.review))
    for (const auto& section : ctx.scales.goi().sections)
      report.sections.push_back(items_section(rs, ScaleCatalog::kGoi, section, ctx));
  report.sections.push_back(score_sheet_section(rs, ctx));
  report.sections.push_back(goi_section(rs, ctx));
  report.sections.push_back(
      {w.get("agreement.appendix"), "agreement", true, review_agreement_blocks(r, ctx)});
  std::vector<const Diagnostic*> problems;
  for (const auto& d : data.diagnostics.items)
    if (d.site == r.site && d.review_date == r.date) problems.push_back(&d);
  // Among them the notes on a consensus outside both evaluators' scores
  // (found where the item scores are read: ingest/model_builder).
  report.sections.push_back(data_quality_section(problems, ctx, "common.data_quality_none"));
  std::vector<std::string> definitions;
  for (const char* key : {"total", "band", "partial", "score", "change", "areas", "section", "goi"})
    definitions.push_back(std::string("definitions.") + key);
  definitions.push_back("kvalitetsrapport_more.def_goi_change");
  report.sections.push_back(definitions_section(definitions, ctx));
  add_agreement_definitions(report, AgreementScope::Review, ctx);
  doc::explain_withheld_values(report);  // every note in the document
  return report;
}

}  // namespace ips
