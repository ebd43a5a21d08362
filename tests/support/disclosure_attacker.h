// A reader with every published file of a run and a pocket calculator: it reads the outcome
// tables of all reports (HTML text and XLSX cells, via published_run.h), turns each cell into
// what it tells about a count (68; <5 = 1..4; 41,2 % = a range of worked/served; – = nothing),
// links the cells by every relation it knows, and narrows each count's range until nothing
// moves (interval propagation). A withheld count or rate whose range shrinks to one value is a
// recovery. Relations:
//   - the same figure (site, half-year) in any table of any report is one unknown;
//   - the sites' counts add up to all sites', in every half-year any report shows;
//   - a rate × its denominator is its numerator (shown rounding, or the XLSX cell's exact value);
//   - a sub-count is at most its group (worked, new, ended, in education ≤ served; work among
//     those out of work at intake ≤ worked); work or education ≥ worked and ≥ in education,
//     ≤ worked + in education;
//   - a rate's 95 % interval ("40,0 % (21,9–61,3)", or the XLSX bound columns) allows only the
//     k of n whose Wilson bounds round to what is shown: every k and n that fit are tried.
// Counts of people outside the outcome tables (participant rows per file in the data-quality
// table and run-summary.json) are findings when they are 1..min_cell−1.
#pragma once

#include <string>
#include <vector>

#include "support/published_run.h"

namespace ips::test {

/// One figure the attacker worked out although the reports withhold it.
struct Recovery {
  std::string figure;  // "IPS Gjøvik | 2016-H2 | new"
  long value = 0;      // the count (for a rate: numerator/denominator as "n/d" in `how`)
  std::string how;     // where it was withheld
};

struct AttackResult {
  std::vector<Recovery> recoveries;                 // withheld counts and rates worked out exactly
  std::vector<std::string> small_counts_published;  // people counts 1..min_cell−1 shown outright
  size_t withheld_cells = 0;  // cells shown as <min_cell or – in the outcome tables it read
  size_t unknowns = 0;        // counts it reasoned about
  size_t intervals_read = 0;  // rates' published 95 % intervals it solved for k and n
  /// A readable list of everything found, for a failing test's message.
  std::string describe() const;
};

/// Attacks published tables already read (or made by hand, for the attacker's own tests).
AttackResult attack_run(const PublishedRun& run, int min_cell);

/// Attacks the run in `out` (written with --min-cell `min_cell`).
AttackResult attack_published_run(const std::filesystem::path& out, int min_cell);

}  // namespace ips::test
