// What a run keeps in the output folder to tell the next run what changed (run-state.toml):
// counts per site and table, each review's item scores and stated total, and the served and
// worked counts of every earlier half-year. Nothing about a single participant is kept, and a
// count of people or jobs from 1 to min_cell − 1 is kept only as kSmallCount, since the output
// folder may be published as it is.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "analysis/outcomes.h"
#include "model/dataset.h"
#include "model/scale.h"

namespace ips {

/// A kept count of 1 to min_cell − 1: small, its value withheld as in the reports.
inline constexpr long kSmallCount = -1;

struct RunState {
  struct HalfYear {
    long served = 0;
    long worked = 0;
    bool operator==(const HalfYear&) const = default;
  };
  struct SiteState {
    long reviews = 0;
    long participants = 0;
    long jobs = 0;
    std::map<std::string, HalfYear> half_years;  // "2016-H1" → figures, before the run's period
  };
  struct ReviewState {
    std::map<std::string, int> scores;  // item code → score; unscored items are absent
    std::optional<int> stated_total;
  };
  std::string period;
  int min_cell = 0;
  std::map<std::string, SiteState> sites;  // by site key
  std::map<std::string, std::map<std::string, ReviewState>>
      reviews;  // site key → ISO date → review
};

/// The state of this run's data for `period` (half-year figures of the periods before it).
RunState capture_run_state(const Dataset& data, const ScaleCatalog& scales,
                           const OutcomeIndex& outcomes, Period period, int min_cell);

/// The state as the TOML text of run-state.toml (stable order).
std::string run_state_toml(const RunState& state);

/// A run-state.toml read back; nullopt when the text is empty or not a state this program wrote.
std::optional<RunState> parse_run_state(const std::string& toml_text);

}  // namespace ips
