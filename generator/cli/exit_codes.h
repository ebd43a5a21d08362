// The process exit codes: a contract with cron jobs and scripts. kMeanings is the one statement
// of what each code means: --help prints it, and tests/exit_codes_agree.sh checks that README.md
// and docs/ipsreport.1 say the same.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace ips::exit_code {
constexpr int kSuccess = 0;                // reports written, input fully used
constexpr int kSuccessWithExclusions = 1;  // reports written, but rows or cells were excluded
constexpr int kConfigError = 2;            // bad command line or config file
constexpr int kInputError = 3;   // an input file could not be read at all; nothing published
constexpr int kOutputError = 4;  // no report could be written; previous set untouched
constexpr int kLocked = 5;       // another run is writing the same output folder

/// One exit code and what it tells the user.
struct Meaning {
  int code;
  std::string_view text;
};

inline constexpr std::array<Meaning, 6> kMeanings{{
    {kSuccess, "reports written, all input used (or nothing changed since the last run)"},
    {kSuccessWithExclusions,
     "reports written, but rows or cells were excluded, the input has warnings, or some reports "
     "could not be written (see run-summary.json)"},
    {kConfigError, "bad command line or config file"},
    {kInputError, "an input file could not be read at all; nothing was published"},
    {kOutputError, "no report could be written; the previous reports are kept"},
    {kLocked, "another run is writing the same output folder"},
}};

/// The "Exit codes:" block of --help: one line "  N  meaning" per entry of kMeanings.
std::string help_text();
}  // namespace ips::exit_code
