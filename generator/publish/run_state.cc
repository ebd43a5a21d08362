#include "publish/run_state.h"

#include <toml++/toml.h>
#include <sstream>

namespace ips {

namespace {

constexpr int64_t kFormat = 1;

long count_of(const toml::table& t, const char* key) {
  return static_cast<long>(t[key].value_or(int64_t{0}));
}

}  // namespace

RunState capture_run_state(const Dataset& data, const ScaleCatalog& scales,
                           const OutcomeIndex& outcomes, Period period, int min_cell) {
  RunState state;
  state.period = period.key();
  state.min_cell = min_cell;
  const auto kept = [min_cell](long count) {
    return count > 0 && count < min_cell ? kSmallCount : count;
  };
  std::map<std::string, std::string> site_of_participant;
  for (const Site& s : data.sites) state.sites[s.key];
  for (const Participant& p : data.participants) {
    ++state.sites[p.site].participants;
    site_of_participant[p.id] = p.site;
  }
  for (const Job& j : data.jobs)
    if (auto it = site_of_participant.find(j.participant); it != site_of_participant.end())
      ++state.sites[it->second].jobs;
  for (const Review& r : data.reviews) {
    ++state.sites[r.site].reviews;
    RunState::ReviewState& rs = state.reviews[r.site][r.date.iso()];
    rs.stated_total = r.info.stated_total;
    for (size_t s = 0; s < r.scales.size() && s < scales.scales.size(); ++s)
      for (size_t i = 0; i < r.scales[s].items.size() && i < scales.scales[s].items.size(); ++i)
        if (const auto& score = r.scales[s].items[i].score)
          rs.scores[scales.scales[s].items[i].code] = *score;
  }
  if (const std::optional<Period> first = outcomes.first_period())
    for (size_t i = 0; i < data.sites.size(); ++i)
      for (Period p = *first; p < period; p = p.next()) {
        const OutcomeFigures f = outcomes.site(i, p);
        if (f.served > 0 || f.worked > 0)
          state.sites[data.sites[i].key].half_years[p.key()] = {kept(f.served), kept(f.worked)};
      }
  for (auto& [key, s] : state.sites) {
    s.participants = kept(s.participants);
    s.jobs = kept(s.jobs);
  }
  return state;
}

std::string run_state_toml(const RunState& state) {
  toml::table root;
  root.insert("format", kFormat);
  root.insert("period", state.period);
  root.insert("min_cell", int64_t{state.min_cell});
  toml::table sites;
  for (const auto& [key, s] : state.sites) {
    toml::table site{{"reviews", int64_t{s.reviews}},
                     {"participants", int64_t{s.participants}},
                     {"jobs", int64_t{s.jobs}}};
    toml::table halves;
    for (const auto& [period, h] : s.half_years)
      halves.insert(period,
                    toml::table{{"served", int64_t{h.served}}, {"worked", int64_t{h.worked}}});
    site.insert("half_years", std::move(halves));
    toml::table reviews;
    if (auto it = state.reviews.find(key); it != state.reviews.end())
      for (const auto& [date, r] : it->second) {
        toml::table review;
        toml::table scores;
        for (const auto& [item, score] : r.scores) scores.insert(item, int64_t{score});
        review.insert("scores", std::move(scores));
        if (r.stated_total) review.insert("stated_total", int64_t{*r.stated_total});
        reviews.insert(date, std::move(review));
      }
    site.insert("review", std::move(reviews));
    sites.insert(key, std::move(site));
  }
  root.insert("sites", std::move(sites));
  std::ostringstream out;
  out << "# Kept by ipsreport to say what changed since the last run; no participant-level data.\n"
      << root << "\n";
  return out.str();
}

std::optional<RunState> parse_run_state(const std::string& toml_text) {
  if (toml_text.empty()) return std::nullopt;
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
  if (root["format"].value_or(int64_t{0}) != kFormat) return std::nullopt;
  RunState state;
  state.period = root["period"].value_or(std::string{});
  state.min_cell = static_cast<int>(root["min_cell"].value_or(int64_t{0}));
  const toml::table* sites = root["sites"].as_table();
  if (!sites) return state;
  for (const auto& [key, node] : *sites) {
    const toml::table* t = node.as_table();
    if (!t) continue;
    RunState::SiteState& s = state.sites[std::string(key.str())];
    s.reviews = count_of(*t, "reviews");
    s.participants = count_of(*t, "participants");
    s.jobs = count_of(*t, "jobs");
    if (const toml::table* halves = (*t)["half_years"].as_table())
      for (const auto& [period, h] : *halves)
        if (const toml::table* ht = h.as_table())
          s.half_years[std::string(period.str())] = {count_of(*ht, "served"),
                                                     count_of(*ht, "worked")};
    if (const toml::table* reviews = (*t)["review"].as_table())
      for (const auto& [date, r] : *reviews) {
        const toml::table* rt = r.as_table();
        if (!rt) continue;
        RunState::ReviewState& review =
            state.reviews[std::string(key.str())][std::string(date.str())];
        if (const toml::table* scores = (*rt)["scores"].as_table())
          for (const auto& [item, score] : *scores)
            if (auto v = score.value<int64_t>())
              review.scores[std::string(item.str())] = static_cast<int>(*v);
        if (auto total = (*rt)["stated_total"].value<int64_t>())
          review.stated_total = static_cast<int>(*total);
      }
  }
  return state;
}

}  // namespace ips
