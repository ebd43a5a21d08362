#include "report/agreement_sections.h"

#include <algorithm>

#include "analysis/evaluator_agreement.h"
#include "report/report_common.h"
#include "report/value_format.h"

namespace ips {

namespace {

using doc::Align;
using doc::Value;

constexpr size_t kScales[] = {ScaleCatalog::kIps25, ScaleCatalog::kGoi};

std::string scale_label(size_t scale_index, const Wording& w) {
  return w.get(scale_index == ScaleCatalog::kGoi ? "agreement.goi" : "agreement.ips25");
}

// A figure that would rest on too few items or reviews is a plain "–" (explained by its own
// footnote), not a suppressed value: the privacy footnote would give the wrong reason.
Value too_few() {
  return Value::of_text("–");
}

Value share(int part, int whole, bool enough) {
  return enough && whole > 0 ? Value::rate(static_cast<double>(part) / whole) : too_few();
}

// Kappa or ICC with two decimals; the words "cannot be computed" when undefined.
Value coefficient(const std::optional<double>& c, bool enough, const Wording& w) {
  if (!enough) return too_few();
  return c ? Value::number_of(*c, 2) : Value::of_text(w.get("agreement.undefined"));
}

std::string item_label(size_t scale_index, size_t item, const ReportContext& ctx) {
  const ScaleItem& i = ctx.scales.scales.at(scale_index).items.at(item);
  return i.code + " " + i.name.in(ctx.lang());
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

const ScaleRatings& ratings(const Review& r, size_t scale_index) {
  static const ScaleRatings none;
  return scale_index < r.scales.size() ? r.scales[scale_index] : none;
}

doc::Table consensus_table(const std::vector<ConsensusOutside>& outside, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  doc::Table t;
  t.id = "consensus-outside";
  t.caption = w.get("agreement.consensus_table");
  t.sheet_name = w.get("agreement.sheet_consensus");
  t.columns = {{w.get("columns.item_code"), Align::Left, 0.6},
               {w.get("columns.item"), Align::Left, 3.6},
               {w.get("columns.evaluator1"), Align::Right, 0.9},
               {w.get("columns.evaluator2"), Align::Right, 0.9},
               {w.get("columns.consensus"), Align::Right, 0.9}};
  for (const ConsensusOutside& c : outside) {
    const ScaleItem& item = ctx.scales.scales.at(c.scale).items.at(c.item);
    t.rows.push_back(
        {doc::RowStyle::Data,
         {Value::of_text(item.code), Value::of_text(item.name.in(ctx.lang())),
          Value::score(c.first), Value::score(c.second), Value::score(c.consensus).bold()}});
  }
  return t;
}

/// The reviews of `site` (every site when empty) dated up to the end of the period.
std::vector<const Review*> reviews_up_to(const Dataset& data, const std::string& site,
                                         Period period) {
  std::vector<const Review*> out;
  for (const Review& r : data.reviews)
    if ((site.empty() || r.site == site) && r.date <= period.last_day()) out.push_back(&r);
  return out;
}

struct Pooled {
  int pairs = 0;
  int exact = 0;
  int within_one = 0;
};

Pooled pooled(const HistoryAgreement& h) {
  Pooled p;
  for (const auto& i : h.items) {
    p.pairs += i.reviews;
    p.exact += i.exact;
    p.within_one += i.within_one;
  }
  return p;
}

/// Per scale: reviews with two evaluators, the ICC of totals and the items' agreement pooled.
doc::Table totals_table(const HistoryAgreement (&h)[2], const ReportContext& ctx, bool& any_too_few,
                        bool& any_undefined) {
  const Wording& w = ctx.words;
  doc::Table t;
  t.id = "agreement-totals";
  t.caption = w.get("agreement.totals_table");
  t.sheet_name = w.get("agreement.sheet_totals");
  t.columns = {{w.get("agreement.scale"), Align::Left, 2.2},
               {w.get("agreement.reviews"), Align::Right, 1.1},
               {w.get("agreement.icc_reviews"), Align::Right, 1.1},
               {w.get("agreement.icc"), Align::Right, 1.1},
               {w.get("agreement.exact"), Align::Right, 1.1},
               {w.get("agreement.within_one"), Align::Right, 1.3}};
  for (size_t s = 0; s < 2; ++s) {
    const Pooled p = pooled(h[s]);
    const bool enough = h[s].reviews_with_both >= kMinAgreementBase;
    any_too_few = any_too_few || !h[s].icc_enough() || !enough;
    any_undefined = any_undefined || (h[s].icc_enough() && !h[s].icc);
    t.rows.push_back(
        {doc::RowStyle::Data,
         {Value::of_text(scale_label(kScales[s], w)), Value::count(h[s].reviews_with_both),
          Value::count(h[s].icc_reviews), coefficient(h[s].icc, h[s].icc_enough(), w),
          share(p.exact, p.pairs, enough), share(p.within_one, p.pairs, enough)}});
  }
  return t;
}

/// Per item of both scales: reviews both evaluators scored it in, and how often they agreed.
doc::Table items_table(const HistoryAgreement (&h)[2], const ReportContext& ctx,
                       bool& any_too_few) {
  const Wording& w = ctx.words;
  doc::Table t;
  t.id = "agreement-items";
  t.caption = w.get("agreement.items_table");
  t.sheet_name = w.get("agreement.sheet_items");
  t.columns = {{w.get("columns.item_code"), Align::Left, 0.6},
               {w.get("columns.item"), Align::Left, 3.6},
               {w.get("agreement.reviews"), Align::Right, 1.1},
               {w.get("agreement.exact"), Align::Right, 1.1},
               {w.get("agreement.within_one"), Align::Right, 1.3}};
  for (size_t s = 0; s < 2; ++s) {
    const Scale& scale = ctx.scales.scales.at(kScales[s]);
    t.rows.push_back({doc::RowStyle::Group,
                      {Value::of_text(scale_label(kScales[s], w)), Value::empty(), Value::empty(),
                       Value::empty(), Value::empty()}});
    for (size_t i = 0; i < scale.items.size(); ++i) {
      const ItemHistoryAgreement& a = h[s].items.at(i);
      any_too_few = any_too_few || !a.enough();
      t.rows.push_back(
          {doc::RowStyle::Data,
           {Value::of_text(scale.items[i].code), Value::of_text(scale.items[i].name.in(ctx.lang())),
            Value::count(a.reviews), share(a.exact, a.reviews, a.enough()),
            share(a.within_one, a.reviews, a.enough())}});
    }
  }
  return t;
}

/// "Lowest share of identical scores: T10 (56 %); …" over items with enough reviews.
doc::Paragraph hardest_items(const HistoryAgreement (&h)[2], const ReportContext& ctx) {
  const Wording& w = ctx.words;
  struct Candidate {
    double exact;
    size_t scale;
    size_t item;
  };
  std::vector<Candidate> candidates;
  for (size_t s = 0; s < 2; ++s)
    for (size_t i = 0; i < h[s].items.size(); ++i)
      if (h[s].items[i].enough())
        candidates.push_back(
            {static_cast<double>(h[s].items[i].exact) / h[s].items[i].reviews, kScales[s], i});
  if (candidates.empty()) return {w.get("agreement.hardest_none"), doc::ParagraphStyle::Note};
  // Lowest first; ties in scale order, so the sentence is the same on every run.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.exact < b.exact; });
  std::vector<std::string> parts;
  for (size_t k = 0; k < candidates.size() && k < 3; ++k)
    parts.push_back(w.format("agreement.hardest_item",
                             {item_label(candidates[k].scale, candidates[k].item, ctx),
                              doc::format_value(Value::rate(candidates[k].exact), ctx.lang())}));
  return {w.format("agreement.hardest", {join(parts)}), doc::ParagraphStyle::Body};
}

void history_blocks(const std::vector<const Review*>& reviews, Period period,
                    const ReportContext& ctx, std::vector<doc::Block>& blocks) {
  const Wording& w = ctx.words;
  const HistoryAgreement h[2] = {
      history_agreement(reviews, ScaleCatalog::kIps25, ctx.scales.ips25().items.size()),
      history_agreement(reviews, ScaleCatalog::kGoi, ctx.scales.goi().items.size())};
  const int with_both = std::max(h[0].reviews_with_both, h[1].reviews_with_both);
  if (with_both == 0) {
    blocks.push_back(doc::Paragraph{w.format("agreement.history_none", {period_label(period, w)}),
                                    doc::ParagraphStyle::Note});
    return;
  }
  blocks.push_back(doc::Paragraph{
      w.format("agreement.history_intro", {period_label(period, w), std::to_string(with_both)}),
      doc::ParagraphStyle::Body});
  bool too_few_totals = false;
  bool undefined = false;
  doc::Table totals = totals_table(h, ctx, too_few_totals, undefined);
  if (too_few_totals) totals.footnotes.push_back(w.get("agreement.too_few_note"));
  if (undefined) totals.footnotes.push_back(w.get("agreement.icc_undefined_note"));
  blocks.push_back(std::move(totals));
  blocks.push_back(hardest_items(h, ctx));
  bool too_few_items = false;
  doc::Table items = items_table(h, ctx, too_few_items);
  if (too_few_items) items.footnotes.push_back(w.get("agreement.too_few_note"));
  blocks.push_back(std::move(items));
}

}  // namespace

std::vector<doc::Block> review_agreement_blocks(const Review& review, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  std::vector<doc::Block> blocks;
  ReviewAgreement a[2];
  for (size_t s = 0; s < 2; ++s)
    a[s] = review_agreement(ratings(review, kScales[s]),
                            ctx.scales.scales.at(kScales[s]).items.size());
  if (a[0].both == 0 && a[1].both == 0) {
    blocks.push_back(doc::Paragraph{w.get("agreement.one_evaluator"), doc::ParagraphStyle::Note});
    return blocks;
  }
  blocks.push_back(doc::Paragraph{w.get("agreement.review_intro"), doc::ParagraphStyle::Body});
  doc::Table t;
  t.id = "review-agreement";
  t.caption = w.get("agreement.review_table");
  t.sheet_name = w.get("agreement.title");
  t.columns = {{w.get("agreement.scale"), Align::Left, 2.2},
               {w.get("agreement.both_scored"), Align::Right, 1.1},
               {w.get("agreement.exact"), Align::Right, 1.1},
               {w.get("agreement.within_one"), Align::Right, 1.3},
               {w.get("agreement.kappa"), Align::Right, 1.1}};
  bool too_few = false;
  bool undefined = false;
  int one_only = 0;
  std::vector<std::string> large;
  for (size_t s = 0; s < 2; ++s) {
    too_few = too_few || !a[s].enough();
    undefined = undefined || (a[s].enough() && !a[s].kappa);
    one_only += a[s].one_only;
    t.rows.push_back({doc::RowStyle::Data,
                      {Value::of_text(scale_label(kScales[s], w)),
                       Value::of_text(w.format("agreement.of_items", {std::to_string(a[s].both),
                                                                      std::to_string(a[s].items)})),
                       share(a[s].exact, a[s].both, a[s].enough()),
                       share(a[s].within_one, a[s].both, a[s].enough()),
                       coefficient(a[s].kappa, a[s].enough(), w)}});
    for (const ItemDisagreement& d : a[s].large)
      large.push_back(
          w.format("agreement.pair", {item_label(kScales[s], d.item, ctx), std::to_string(d.first),
                                      std::to_string(d.second)}));
  }
  if (too_few) t.footnotes.push_back(w.get("agreement.too_few_note"));
  if (undefined) t.footnotes.push_back(w.get("agreement.kappa_undefined_note"));
  if (one_only > 0)
    t.footnotes.push_back(w.format("agreement.one_only_note", {std::to_string(one_only)}));
  blocks.push_back(std::move(t));
  blocks.push_back(large.empty()
                       ? doc::Paragraph{w.get("agreement.large_none"), doc::ParagraphStyle::Body}
                       : doc::Paragraph{w.format("agreement.large_differences", {join(large)}),
                                        doc::ParagraphStyle::Body});

  const std::vector<ConsensusOutside> outside = consensus_outside(review);
  if (!outside.empty()) {
    blocks.push_back(
        doc::Heading{2, w.get("agreement.consensus_heading"), "consensus-outside-heading"});
    blocks.push_back(doc::Paragraph{w.get("agreement.consensus_intro"), doc::ParagraphStyle::Note});
    blocks.push_back(consensus_table(outside, ctx));
  }
  return blocks;
}

doc::Section site_agreement_section(const std::string& site, Period period, const Dataset& data,
                                    const ReportContext& ctx) {
  doc::Section s{ctx.words.get("agreement.title"), "agreement", false, {}};
  history_blocks(reviews_up_to(data, site, period), period, ctx, s.blocks);
  return s;
}

doc::Section national_agreement_section(Period period, const Dataset& data,
                                        const ReportContext& ctx) {
  const Wording& w = ctx.words;
  doc::Section s{w.get("agreement.title"), "agreement", false, {}};
  const std::vector<const Review*> all = reviews_up_to(data, "", period);
  history_blocks(all, period, ctx, s.blocks);
  if (s.blocks.size() == 1) return s;  // no review with two evaluators: the note says so

  // Per site on the IPS-25 scale: where do evaluators agree less than elsewhere?
  doc::Table t;
  t.id = "agreement-sites";
  t.caption = w.get("agreement.sites_table");
  t.sheet_name = w.get("agreement.sheet_sites");
  t.columns = {{w.get("agreement.site"), Align::Left, 2.2},
               {w.get("agreement.reviews"), Align::Right, 1.1},
               {w.get("agreement.icc_reviews"), Align::Right, 1.1},
               {w.get("agreement.icc"), Align::Right, 1.1},
               {w.get("agreement.exact"), Align::Right, 1.1},
               {w.get("agreement.within_one"), Align::Right, 1.3}};
  bool too_few = false;
  bool undefined = false;
  for (const Site& site : data.sites) {
    const HistoryAgreement h =
        history_agreement(reviews_up_to(data, site.key, period), ScaleCatalog::kIps25,
                          ctx.scales.ips25().items.size());
    const Pooled p = pooled(h);
    const bool enough = h.reviews_with_both >= kMinAgreementBase;
    too_few = too_few || !enough || !h.icc_enough();
    undefined = undefined || (h.icc_enough() && !h.icc);
    t.rows.push_back(
        {doc::RowStyle::Data,
         {Value::of_text(site_display_name(data, site.key)), Value::count(h.reviews_with_both),
          Value::count(h.icc_reviews), coefficient(h.icc, h.icc_enough(), w),
          share(p.exact, p.pairs, enough), share(p.within_one, p.pairs, enough)}});
  }
  if (too_few) t.footnotes.push_back(w.get("agreement.too_few_note"));
  if (undefined) t.footnotes.push_back(w.get("agreement.icc_undefined_note"));
  // After the totals table, before the per-item table.
  s.blocks.insert(s.blocks.begin() + 2, std::move(t));
  return s;
}

void add_agreement_definitions(doc::Report& report, AgreementScope scope,
                               const ReportContext& ctx) {
  const Wording& w = ctx.words;
  for (doc::Section& section : report.sections) {
    if (section.anchor != "definitions") continue;
    for (doc::Block& block : section.blocks) {
      auto* table = std::get_if<doc::Table>(&block);
      if (!table) continue;
      const std::vector<const char*> keys =
          scope == AgreementScope::Review
              ? std::vector<const char*>{"def_exact", "def_within", "def_kappa", "def_base",
                                         "def_consensus"}
              : std::vector<const char*>{"def_exact", "def_within", "def_items", "def_icc",
                                         "def_base"};
      for (const char* key : keys) {
        // As definitions_section: "Term: what it means", the term in a column of its own.
        const std::string text = w.get(std::string("agreement.") + key);
        const size_t colon = text.find(": ");
        const std::string term = colon == std::string::npos ? "" : text.substr(0, colon);
        const std::string body = colon == std::string::npos ? text : text.substr(colon + 2);
        table->rows.push_back({doc::RowStyle::Data, {Value::of_text(term), Value::of_text(body)}});
      }
      return;
    }
  }
}

}  // namespace ips
