#include "ingest/model_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "ingest/narrative_merge.h"
#include "ingest/raw_workbook.h"
#include "ingest/text_normalize.h"

namespace ips {

namespace {

// "file / sheet" of a row, for messages that point at another row.
std::string file_and_sheet(const Diagnostics& diags, const RowOrigin& o) {
  const TableAccount& t = diags.tables.at(o.table);
  return t.sheet.empty() ? t.file : t.file + " / " + t.sheet;
}

// What a fact concerns, so its diagnostics reach the right site's report.
void set_concern(const SiteFact& f, Diagnostic& d) {
  d.site = f.site.key;
}
void set_concern(const ItemFact& f, Diagnostic& d) {
  d.site = f.site;
  d.review_date = f.date;
}
void set_concern(const ReviewInfoFact& f, Diagnostic& d) {
  d.site = f.site;
  d.review_date = f.date;
}
void set_concern(const ParticipantFact& f, Diagnostic& d) {
  d.site = f.participant.site;
}
void set_concern(const JobFact&, Diagnostic&) {}
void set_concern(const TextFact& f, Diagnostic& d) {
  d.site = f.text.site;
}
void set_concern(const ActionFact& f, Diagnostic& d) {
  d.site = f.action.site;
  d.review_date = f.action.review;
}

// Marks repeated facts: an identical repeat is a duplicate (its row excluded, noted once);
// a differing repeat is a conflict, and every fact with that key is dropped.
template <typename Fact>
void resolve_repeats(std::vector<Fact>& facts, RecordSet& records, Diagnostics& diags,
                     const char* what) {
  // Each key's facts as a chain through `next`, the keys in the order first seen. The keys are
  // viewed where the facts hold them, and only a repeated key gets a list: most keys are
  // written once, and copying each (twice) and giving it a list cost more than the lookup.
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::unordered_map<std::string_view, size_t> last_of;  // key → its latest fact so far
  last_of.reserve(facts.size());
  std::vector<size_t> heads;  // each key's first fact, in first-seen order
  std::vector<size_t> next(facts.size(), kNone);
  for (size_t i = 0; i < facts.size(); ++i) {
    if (records.rows[facts[i].row].excluded) continue;
    auto [it, inserted] = last_of.try_emplace(facts[i].key, i);
    if (inserted) {
      heads.push_back(i);
    } else {
      next[it->second] = i;
      it->second = i;
    }
  }
  std::vector<size_t> group;
  for (const size_t head : heads) {
    if (next[head] == kNone) continue;
    group.clear();
    for (size_t i = head; i != kNone; i = next[i]) group.push_back(i);
    const Fact& first = facts[group.front()];
    const RowOrigin& first_origin = records.rows[first.row].origin;
    bool conflict = false;
    for (size_t k = 1; k < group.size(); ++k)
      if (facts[group[k]].canonical != first.canonical) conflict = true;
    for (size_t k = 1; k < group.size(); ++k) {
      Fact& f = facts[group[k]];
      RowState& row = records.rows[f.row];
      if (!conflict && f.row != first.row) {
        f.dropped = true;
        // One note per row, even when a wide-form row repeats many items.
        if (!row.duplicate) {
          Diagnostic d = row_diagnostic(diags, row.origin, Severity::Note, "row.duplicate");
          d.args = {file_and_sheet(diags, first_origin), std::to_string(first_origin.row), what};
          set_concern(f, d);
          diags.add(std::move(d));
        }
        row.duplicate = true;
      } else if (conflict) {
        Diagnostic d = row_diagnostic(diags, row.origin, Severity::Error, "row.conflict");
        d.args = {file_and_sheet(diags, first_origin), std::to_string(first_origin.row), what};
        set_concern(f, d);
        diags.add(std::move(d));
      }
    }
    if (conflict)
      for (size_t i : group) facts[i].dropped = true;
  }
}

}  // namespace

void build_dataset(RecordSet& records, const ScaleCatalog& scales, Dataset& dataset) {
  Diagnostics& diags = dataset.diagnostics;
  resolve_repeats(records.sites, records, diags, "Enheter");
  resolve_repeats(records.items, records, diags, "Kvalitetsmålinger");
  resolve_repeats(records.review_infos, records, diags, "Gjennomganger");
  resolve_repeats(records.participants, records, diags, "Deltakere");
  resolve_repeats(records.jobs, records, diags, "Jobber");
  resolve_repeats(records.texts, records, diags, "Tekster");
  resolve_repeats(records.actions, records, diags, "Tiltak");

  std::vector<int> used_facts(records.rows.size(), 0);
  auto alive = [&](const KeyedFact& f) { return !f.dropped && !records.rows[f.row].excluded; };

  // Sites from the register.
  std::map<std::string, Site> sites;
  std::map<std::string, RowOrigin> site_origin;  // where each key was first written
  for (const SiteFact& f : records.sites) {
    if (!alive(f)) continue;
    sites.emplace(f.site.key, f.site);
    site_origin.try_emplace(f.site.key, records.rows[f.row].origin);
    ++used_facts[f.row];
  }

  // Reviews: item facts grouped by (site, date), plus metadata rows.
  std::map<std::pair<std::string, Date>, Review> reviews;
  std::map<std::pair<std::string, Date>, RowOrigin> review_origin;
  auto review_for = [&](const std::string& site, Date date, const RowOrigin& origin) -> Review& {
    auto [it, inserted] = reviews.try_emplace({site, date});
    if (inserted) {
      it->second.site = site;
      it->second.date = date;
      it->second.scales.resize(scales.scales.size());
      for (size_t s = 0; s < scales.scales.size(); ++s)
        it->second.scales[s].items.resize(scales.scales[s].items.size());
      review_origin.emplace(std::make_pair(site, date), origin);
    }
    return it->second;
  };
  for (ItemFact& f : records.items) {
    if (!alive(f)) continue;
    const RowOrigin& origin = records.rows[f.row].origin;
    Review& review = review_for(f.site, f.date, origin);
    ItemRating rating = std::move(f.rating);  // its texts move into the review, not copied
    // docs/input.md: consensus; else one evaluator's score; else two agreeing evaluators.
    if (rating.consensus) {
      rating.score = rating.consensus;
    } else if (rating.evaluator1 && rating.evaluator2) {
      if (*rating.evaluator1 == *rating.evaluator2) {
        rating.score = rating.evaluator1;
      } else {
        Diagnostic d =
            row_diagnostic(diags, origin, Severity::Warning, "score.evaluators_disagree");
        d.args = {scales.scales[f.scale].items[f.item].code, std::to_string(*rating.evaluator1),
                  std::to_string(*rating.evaluator2)};
        d.site = f.site;
        d.review_date = f.date;
        diags.add(std::move(d));
      }
    } else {
      rating.score = rating.evaluator1 ? rating.evaluator1 : rating.evaluator2;
    }
    if (rating.consensus_outside_evaluators()) {
      Diagnostic d =
          row_diagnostic(diags, origin, Severity::Note, "agreement.consensus_outside_note");
      if (f.consensus_column >= 0)
        d.column = column_letter(static_cast<size_t>(f.consensus_column));
      d.column_header = "Konsensus";  // the column as the input contract names it (docs/input.md)
      d.value = std::to_string(*rating.consensus);
      d.args = {scales.scales[f.scale].items[f.item].code, std::to_string(*rating.evaluator1),
                std::to_string(*rating.evaluator2), std::to_string(*rating.consensus),
                f.date.norwegian()};
      d.site = f.site;
      d.review_date = f.date;
      diags.add(std::move(d));
    }
    review.scales[f.scale].items[f.item] = std::move(rating);
    ++used_facts[f.row];
  }
  // The item facts (one per item row, the bulk of a large export) are in the reviews now:
  // released before the rest is built, so the facts and the model are not both held whole.
  std::vector<ItemFact>().swap(records.items);
  for (const ReviewInfoFact& f : records.review_infos) {
    if (!alive(f)) continue;
    const RowOrigin& origin = records.rows[f.row].origin;
    const bool known = reviews.count({f.site, f.date}) > 0;
    Review& review = review_for(f.site, f.date, origin);
    review.info = f.info;
    ++used_facts[f.row];
    if (!known) {
      Diagnostic d = row_diagnostic(diags, origin, Severity::Warning, "review.no_scores");
      d.args = {f.site, f.date.norwegian()};
      d.site = f.site;
      d.review_date = f.date;
      diags.add(std::move(d));
    }
  }
  for (auto& [key, review] : reviews) {
    // A review without IPS-25 scores already has its own warning (review.no_scores).
    if (!review.info.stated_total || !review.scales[ScaleCatalog::kIps25].any_scored()) continue;
    int total = 0;
    for (const ItemRating& r : review.scales[ScaleCatalog::kIps25].items)
      if (r.score) total += *r.score;
    if (total != *review.info.stated_total) {
      Diagnostic d = row_diagnostic(diags, review_origin.at(key), Severity::Warning,
                                    "review.stated_total_differs");
      d.args = {std::to_string(*review.info.stated_total), std::to_string(total), review.site,
                review.date.norwegian()};
      d.site = review.site;
      d.review_date = review.date;
      d.value = std::to_string(*review.info.stated_total);
      // The stated total lives in Gjennomganger; point at that cell when there is one.
      for (const ReviewInfoFact& f : records.review_infos)
        if (alive(f) && f.site == review.site && f.date == review.date) {
          const RowOrigin& o = records.rows[f.row].origin;
          const TableAccount& table = diags.tables.at(o.table);
          d.file = table.file;
          d.sheet = table.sheet;
          d.row = o.row;
          d.column = f.stated_total_cell.column;
          d.column_header = f.stated_total_cell.header;
        }
      diags.add(std::move(d));
    }
  }

  // Participants and their jobs.
  std::set<std::string> participant_ids;
  for (const ParticipantFact& f : records.participants) {
    if (!alive(f)) continue;
    dataset.participants.push_back(f.participant);
    participant_ids.insert(f.participant.id);
    ++used_facts[f.row];
  }
  for (const JobFact& f : records.jobs) {
    if (!alive(f)) continue;
    if (!participant_ids.count(f.job.participant)) {
      // The participant key is a pseudonym but never published: the cell locates it, and the
      // key itself goes only to the operator's terminal, who has the data anyway.
      Diagnostic d = row_diagnostic(diags, records.rows[f.row].origin, Severity::Error,
                                    "job.unknown_participant");
      d.column = f.participant_cell.column;
      d.column_header = f.participant_cell.header;
      d.private_value = f.job.participant;
      diags.add(std::move(d));
      records.rows[f.row].excluded = true;
      continue;
    }
    dataset.jobs.push_back(f.job);
    ++used_facts[f.row];
  }
  std::stable_sort(dataset.participants.begin(), dataset.participants.end(),
                   [](const Participant& a, const Participant& b) { return a.id < b.id; });
  std::stable_sort(dataset.jobs.begin(), dataset.jobs.end(), [](const Job& a, const Job& b) {
    return std::tie(a.participant, a.start) < std::tie(b.participant, b.start);
  });

  // Sites met elsewhere but missing from the register.
  std::map<std::string, RowOrigin> referenced;
  for (const auto& [key, review] : reviews)
    referenced.try_emplace(review.site, review_origin.at(key));
  for (const ParticipantFact& f : records.participants)
    if (alive(f)) referenced.try_emplace(f.participant.site, records.rows[f.row].origin);
  for (const auto& [key, origin] : referenced) {
    if (sites.count(key)) continue;
    Site s;
    s.key = key;
    s.name = key;
    sites.emplace(key, s);
    site_origin.try_emplace(key, origin);
    Diagnostic d = row_diagnostic(diags, origin, Severity::Note, "site.not_in_register");
    d.args = {key};
    d.site = key;
    diags.add(std::move(d));
  }
  // "Bodø", "bodø " and "Bodo" are different keys; say so, since it is rarely meant.
  std::map<std::string, std::string> first_key_by_form;
  for (const auto& [key, site] : sites) {
    auto [it, inserted] = first_key_by_form.try_emplace(normalize_key(key), key);
    if (inserted) continue;
    // Every message names a file: the row where the second spelling is first written.
    const auto where = site_origin.find(key);
    Diagnostic d = where != site_origin.end()
                       ? row_diagnostic(diags, where->second, Severity::Warning, "")
                       : Diagnostic{};
    d.severity = Severity::Warning;
    d.code = "site.similar_keys";
    d.args = {it->second, key};
    d.site = key;
    diags.add(std::move(d));
  }
  for (auto& [key, site] : sites) dataset.sites.push_back(std::move(site));
  for (auto& [key, review] : reviews) dataset.reviews.push_back(std::move(review));
  merge_narrative_facts(records, dataset, used_facts);

  // Accounting: a row is used when at least one of its facts reached the model.
  for (size_t i = 0; i < records.rows.size(); ++i) {
    RowState& row = records.rows[i];
    TableAccount& t = diags.tables.at(row.origin.table);
    ++t.rows_read;
    if (!row.excluded && used_facts[i] > 0) {
      ++t.rows_used;
    } else {
      ++t.rows_excluded;
      if (row.duplicate) ++t.duplicates;
    }
  }
}

}  // namespace ips
