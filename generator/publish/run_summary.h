// The run summary: what was read, used, excluded and written, as JSON for the output folder
// and as text for a person (stderr).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.h"
#include "report/wording.h"

namespace ips {

struct RunSummary {
  std::string version;
  std::string period;  // "2016-H2", empty when none
  std::string lang;
  std::string fingerprint;  // inputs + settings + templates; an equal one means nothing changed
  const Diagnostics* diagnostics = nullptr;
  std::vector<std::string> reports_written;  // relative paths in the output folder
  /// Reports that could not be written while the others were published.
  struct FailedReport {
    std::string report;  // its path below the output folder, without extension
    std::string site;    // site key, empty for national reports
    std::string reason;
  };
  std::vector<FailedReport> reports_failed;
  /// What changed since the last run (run_changes.h, changes_json); empty = not written.
  std::string changes_json;
  int exit_code = 0;
  int min_cell = 0;  // participant row counts are withheld as in the reports (disclosure_control.h)
  /// Stage timings in seconds; only with --timings, so that the default output stays
  /// byte-identical from run to run.
  std::vector<std::pair<std::string, double>> timings;
};

/// The summary as JSON (UTF-8, stable key order).
std::string run_summary_json(const RunSummary& summary, const Wording& words);

/// The fingerprint recorded in a run summary's JSON, or empty.
std::string fingerprint_in_summary(const std::string& json);

/// The problems and per-table accounting as lines for a person, in the report language.
std::string run_summary_text(const RunSummary& summary, const Wording& words);

}  // namespace ips
