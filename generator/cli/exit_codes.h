// The process exit codes: a contract with cron jobs and scripts (README, --help).
#pragma once

namespace ips::exit_code {
constexpr int kSuccess = 0;             // reports written, input fully used
constexpr int kSuccessWithExclusions = 1;  // reports written, but rows or cells were excluded
constexpr int kConfigError = 2;         // bad command line or config file
constexpr int kInputError = 3;          // an input file could not be read at all; nothing published
constexpr int kOutputError = 4;         // a report could not be written; previous set untouched
constexpr int kLocked = 5;              // another run is writing the same output folder
}  // namespace ips::exit_code
