// "What changed since the last run": this run's state compared with the one the previous
// published run kept (run_state.h). Counts per site and table, each corrected item score and
// stated total, and the figures of earlier half-years that moved.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "publish/run_state.h"
#include "report/wording.h"

namespace ips {

struct SiteChanges {
  struct Score {
    std::string date;                // ISO date of the review
    std::string item;                // "B1", "G3"
    std::optional<int> before, now;  // empty = not scored
  };
  struct Total {
    std::string date;
    std::optional<int> before, now;
  };
  struct Moved {
    std::string
        period;  // "2016-H1"; empty: the site's count of participants or jobs, kept as small
    std::string figure;        // "served", "worked", "participants", "jobs"
    long before = 0, now = 0;  // kSmallCount: 1 to min_cell − 1
  };
  std::string site;
  bool new_site = false, site_gone = false;
  std::vector<std::string> reviews_added, reviews_removed;  // ISO dates
  long participants_delta = 0, jobs_delta = 0;              // now minus before
  std::vector<Score> scores;
  std::vector<Total> totals;
  std::vector<Moved> moved;
};

struct RunChanges {
  bool compared = false;           // false: no earlier state to compare with (first run)
  std::vector<SiteChanges> sites;  // only sites with a change, by key
};

/// What differs between the previous state (nullopt: none kept) and this run's.
RunChanges compare_run_states(const std::optional<RunState>& before, const RunState& now);

/// A count of people or jobs as the reports show it: 1 to min_cell − 1 as "<min_cell".
std::string suppressed_count(long count, int min_cell);

/// (site key, what changed) per changed site, in the report language.
std::vector<std::pair<std::string, std::string>> change_texts(const RunChanges& changes,
                                                              const Wording& words, int min_cell);

/// One line per changed site for a person ("Bodø: nye gjennomganger: 1 (2016-10-01); …").
std::vector<std::string> change_lines(const RunChanges& changes, const Wording& words,
                                      int min_cell);

/// The changes as the JSON value of run-summary.json's "changes_since_last_run".
std::string changes_json(const RunChanges& changes, const Wording& words, int min_cell);

}  // namespace ips
