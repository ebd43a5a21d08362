// The stages wired together: ingest → model → analysis → report documents → render → publish.
#pragma once

#include <ostream>

#include "cli/config.h"

namespace ips {

/// `ipsreport run`: renders the report set and publishes it atomically. Returns the exit code;
/// messages for a person go to `err` (quiet when all is well, unless `verbose`).
int run_reports(const RunConfig& config, std::ostream& err, bool verbose);

/// `ipsreport check`: ingests and validates, prints the data-quality summary, writes nothing.
int check_inputs(const RunConfig& config, std::ostream& err);

}  // namespace ips
