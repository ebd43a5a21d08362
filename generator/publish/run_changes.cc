#include "publish/run_changes.h"

#include <cstdio>
#include <set>

namespace ips {

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out.append(buf);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('"');
  return out;
}

std::string score_text(const std::optional<int>& v, const Wording& words) {
  return v ? std::to_string(*v) : words.get("changes.not_scored");
}

/// A people count for JSON: a number, or the "<5" text where the reports withhold it.
std::string count_json(long count, int min_cell) {
  const std::string shown = suppressed_count(count, min_cell);
  return shown.front() == '<' ? json_string(shown) : shown;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) out.append(out.empty() ? "" : separator).append(p);
  return out;
}

}  // namespace

std::string suppressed_count(long count, int min_cell) {
  const long magnitude = count < 0 ? -count : count;
  if (count != kSmallCount && (magnitude == 0 || magnitude >= min_cell))
    return std::to_string(magnitude);
  std::string shown = "<";  // append(): GCC 12 -O2 reports a false -Wrestrict on "<" + string
  return shown.append(std::to_string(min_cell));
}

RunChanges compare_run_states(const std::optional<RunState>& before_state, const RunState& now) {
  RunChanges changes;
  if (!before_state) return changes;
  changes.compared = true;
  const RunState& before = *before_state;
  std::set<std::string> keys;
  for (const auto& [k, s] : before.sites) keys.insert(k);
  for (const auto& [k, s] : now.sites) keys.insert(k);
  static const RunState::SiteState kNoSite;
  static const std::map<std::string, RunState::ReviewState> kNoReviews;
  for (const std::string& key : keys) {
    SiteChanges c;
    c.site = key;
    const auto b = before.sites.find(key), n = now.sites.find(key);
    c.new_site = b == before.sites.end();
    c.site_gone = n == now.sites.end();
    const RunState::SiteState& bs = c.new_site ? kNoSite : b->second;
    const RunState::SiteState& ns = c.site_gone ? kNoSite : n->second;
    // A count kept as small on either side has no exact change: it is shown as before → now.
    const auto count_change = [&c](long was, long is, const char* figure, long& delta) {
      if (was >= 0 && is >= 0)
        delta = is - was;
      else if (was != is)
        c.moved.push_back({"", figure, was, is});
    };
    count_change(bs.participants, ns.participants, "participants", c.participants_delta);
    count_change(bs.jobs, ns.jobs, "jobs", c.jobs_delta);
    const auto br = before.reviews.find(key), nr = now.reviews.find(key);
    const auto& b_reviews = br == before.reviews.end() ? kNoReviews : br->second;
    const auto& n_reviews = nr == now.reviews.end() ? kNoReviews : nr->second;
    for (const auto& [date, review] : n_reviews) {
      const auto old = b_reviews.find(date);
      if (old == b_reviews.end()) {
        c.reviews_added.push_back(date);
        continue;
      }
      std::set<std::string> items;
      for (const auto& [item, s] : old->second.scores) items.insert(item);
      for (const auto& [item, s] : review.scores) items.insert(item);
      for (const std::string& item : items) {
        const auto o = old->second.scores.find(item), x = review.scores.find(item);
        const std::optional<int> was =
            o == old->second.scores.end() ? std::nullopt : std::optional<int>(o->second);
        const std::optional<int> is =
            x == review.scores.end() ? std::nullopt : std::optional<int>(x->second);
        if (was != is) c.scores.push_back({date, item, was, is});
      }
      if (old->second.stated_total != review.stated_total)
        c.totals.push_back({date, old->second.stated_total, review.stated_total});
    }
    for (const auto& [date, review] : b_reviews)
      if (!n_reviews.count(date)) c.reviews_removed.push_back(date);
    // Earlier half-years: the figures of a half-year both runs reported on as past.
    for (const auto& [period, was] : bs.half_years) {
      if (period >= now.period) continue;
      const auto is = ns.half_years.find(period);
      const RunState::HalfYear now_h =
          is == ns.half_years.end() ? RunState::HalfYear{} : is->second;
      if (was.served != now_h.served)
        c.moved.push_back({period, "served", was.served, now_h.served});
      if (was.worked != now_h.worked)
        c.moved.push_back({period, "worked", was.worked, now_h.worked});
    }
    for (const auto& [period, is] : ns.half_years)
      if (period < before.period && !bs.half_years.count(period)) {
        if (is.served) c.moved.push_back({period, "served", 0, is.served});
        if (is.worked) c.moved.push_back({period, "worked", 0, is.worked});
      }
    const bool any = c.new_site || c.site_gone || c.participants_delta || c.jobs_delta ||
                     !c.reviews_added.empty() || !c.reviews_removed.empty() || !c.scores.empty() ||
                     !c.totals.empty() || !c.moved.empty();
    if (any) changes.sites.push_back(std::move(c));
  }
  return changes;
}

std::vector<std::string> change_lines(const RunChanges& changes, const Wording& words,
                                      int min_cell) {
  std::vector<std::string> lines;
  for (const auto& [site, what] : change_texts(changes, words, min_cell)) {
    std::string line = site;
    lines.push_back(line.append(": ").append(what));
  }
  return lines;
}

std::vector<std::pair<std::string, std::string>> change_texts(const RunChanges& changes,
                                                              const Wording& w, int min_cell) {
  std::vector<std::pair<std::string, std::string>> lines;
  for (const SiteChanges& c : changes.sites) {
    std::vector<std::string> parts;
    if (c.new_site) parts.push_back(w.get("changes.new_site"));
    if (c.site_gone) parts.push_back(w.get("changes.site_gone"));
    if (!c.reviews_added.empty())
      parts.push_back(w.format("changes.reviews_added", {std::to_string(c.reviews_added.size()),
                                                         joined(c.reviews_added, ", ")}));
    if (!c.reviews_removed.empty())
      parts.push_back(w.format("changes.reviews_removed", {std::to_string(c.reviews_removed.size()),
                                                           joined(c.reviews_removed, ", ")}));
    if (c.participants_delta > 0)
      parts.push_back(w.format(
          "changes.participants_added",
          {suppressed_count(c.participants_delta < 0 ? -c.participants_delta : c.participants_delta,
                            min_cell)}));
    if (c.participants_delta < 0)
      parts.push_back(w.format(
          "changes.participants_removed",
          {suppressed_count(c.participants_delta < 0 ? -c.participants_delta : c.participants_delta,
                            min_cell)}));
    if (c.jobs_delta > 0)
      parts.push_back(
          w.format("changes.jobs_added",
                   {suppressed_count(c.jobs_delta < 0 ? -c.jobs_delta : c.jobs_delta, min_cell)}));
    if (c.jobs_delta < 0)
      parts.push_back(
          w.format("changes.jobs_removed",
                   {suppressed_count(c.jobs_delta < 0 ? -c.jobs_delta : c.jobs_delta, min_cell)}));
    for (const auto& s : c.scores)
      parts.push_back(w.format("changes.score_corrected",
                               {s.date, s.item, score_text(s.before, w), score_text(s.now, w)}));
    for (const auto& t : c.totals)
      parts.push_back(w.format("changes.total_changed",
                               {t.date, score_text(t.before, w), score_text(t.now, w)}));
    for (const auto& m : c.moved)
      parts.push_back(
          m.period.empty()
              ? w.format("changes.count_moved",
                         {w.get("changes.figure_" + m.figure), suppressed_count(m.before, min_cell),
                          suppressed_count(m.now, min_cell)})
              : w.format("changes.half_year_moved", {m.period, w.get("changes.figure_" + m.figure),
                                                     suppressed_count(m.before, min_cell),
                                                     suppressed_count(m.now, min_cell)}));
    lines.emplace_back(c.site, joined(parts, "; "));
  }
  return lines;
}

std::string changes_json(const RunChanges& changes, const Wording& words, int min_cell) {
  std::string j = "{\"compared\": ";
  j.append(changes.compared ? "true" : "false").append(", \"sites\": [");
  const std::vector<std::string> lines = change_lines(changes, words, min_cell);
  for (size_t i = 0; i < changes.sites.size(); ++i) {
    const SiteChanges& c = changes.sites[i];
    j.append(i ? "," : "").append("\n    {\"site\": ").append(json_string(c.site));
    j.append(", \"new_site\": ").append(c.new_site ? "true" : "false");
    j.append(", \"site_gone\": ").append(c.site_gone ? "true" : "false");
    j.append(", \"reviews_added\": ").append(std::to_string(c.reviews_added.size()));
    j.append(", \"reviews_removed\": ").append(std::to_string(c.reviews_removed.size()));
    j.append(", \"participants_added\": ")
        .append(count_json(c.participants_delta > 0 ? c.participants_delta : 0, min_cell));
    j.append(", \"participants_removed\": ")
        .append(count_json(c.participants_delta < 0 ? -c.participants_delta : 0, min_cell));
    j.append(", \"jobs_added\": ")
        .append(count_json(c.jobs_delta > 0 ? c.jobs_delta : 0, min_cell));
    j.append(", \"jobs_removed\": ")
        .append(count_json(c.jobs_delta < 0 ? -c.jobs_delta : 0, min_cell));
    j.append(", \"scores_corrected\": [");
    for (size_t k = 0; k < c.scores.size(); ++k) {
      const auto& s = c.scores[k];
      j.append(k ? ", " : "").append("{\"date\": ").append(json_string(s.date));
      j.append(", \"item\": ").append(json_string(s.item));
      j.append(", \"before\": ").append(s.before ? std::to_string(*s.before) : "null");
      j.append(", \"now\": ").append(s.now ? std::to_string(*s.now) : "null").append("}");
    }
    j.append("], \"stated_totals_changed\": [");
    for (size_t k = 0; k < c.totals.size(); ++k) {
      const auto& t = c.totals[k];
      j.append(k ? ", " : "").append("{\"date\": ").append(json_string(t.date));
      j.append(", \"before\": ").append(t.before ? std::to_string(*t.before) : "null");
      j.append(", \"now\": ").append(t.now ? std::to_string(*t.now) : "null").append("}");
    }
    j.append("], \"half_years_moved\": [");
    for (size_t k = 0; k < c.moved.size(); ++k) {
      const auto& m = c.moved[k];
      j.append(k ? ", " : "").append("{\"period\": ").append(json_string(m.period));
      j.append(", \"figure\": ").append(json_string(m.figure));
      j.append(", \"before\": ").append(count_json(m.before, min_cell));
      j.append(", \"now\": ").append(count_json(m.now, min_cell)).append("}");
    }
    j.append("], \"line\": ").append(json_string(lines[i])).append("}");
  }
  j.append(changes.sites.empty() ? "]}" : "\n  ]}");
  return j;
}

}  // namespace ips
