#include "ingest/narrative_merge.h"

#include <algorithm>
#include <tuple>

namespace ips {

namespace {

const Review* find_review(const Dataset& data, const std::string& site, Date date) {
  for (const Review& r : data.reviews)
    if (r.site == site && r.date == date) return &r;
  return nullptr;
}

}  // namespace

void merge_narrative_facts(RecordSet& records, Dataset& dataset, std::vector<int>& used_facts) {
  Diagnostics& diags = dataset.diagnostics;
  auto alive = [&](const KeyedFact& f) { return !f.dropped && !records.rows[f.row].excluded; };
  for (TextFact& f : records.texts) {
    if (!alive(f)) continue;
    RowState& row = records.rows[f.row];
    if (!f.text.site.empty() && !dataset.find_site(f.text.site)) {
      Diagnostic d = row_diagnostic(diags, row.origin, Severity::Error, "text.unknown_site");
      d.args = {f.text.site};
      diags.add(std::move(d));
      row.excluded = true;
      continue;
    }
    dataset.texts.push_back(std::move(f.text));
    ++used_facts[f.row];
  }
  for (ActionFact& f : records.actions) {
    if (!alive(f)) continue;
    RowState& row = records.rows[f.row];
    const PlannedAction& a = f.action;
    const Review* review = find_review(dataset, a.site, a.review);
    if (!review) {
      // An action answers a review's recommendation: without the review it answers nothing.
      Diagnostic d = row_diagnostic(diags, row.origin, Severity::Error, "action.unknown_review");
      d.args = {a.site, a.review.norwegian()};
      d.site = a.site;
      diags.add(std::move(d));
      row.excluded = true;
      continue;
    }
    dataset.actions.push_back(std::move(f.action));
    ++used_facts[f.row];
  }
  std::stable_sort(dataset.texts.begin(), dataset.texts.end(),
                   [](const NarrativeText& x, const NarrativeText& y) {
                     return std::tie(x.site, x.period, x.field) <
                            std::tie(y.site, y.period, y.field);
                   });
  std::stable_sort(dataset.actions.begin(), dataset.actions.end(),
                   [](const PlannedAction& x, const PlannedAction& y) {
                     return std::tie(x.site, x.review) < std::tie(y.site, y.review);
                   });
}

}  // namespace ips
