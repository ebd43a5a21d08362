// Run settings: the config file (ipsreport.toml) overlaid by command-line flags.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>
#include "model/date.h"

#include "model/scale.h"
#include "report/report_set.h"

namespace ips {

/// A problem with the configuration or the command line (exit code 2).
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct RunConfig {
  std::vector<std::string> inputs;  // files or globs
  std::filesystem::path out = "out";
  std::string period = "auto";  // "auto" or YYYY-H1 / YYYY-H2
  Lang lang = Lang::Nb;
  Formats formats;
  int min_cell = 5;
  std::string author;
  std::filesystem::path resources;  // folder with data/, templates/, fonts/; empty = built-in
  // Folder with report structure files (<kind>.toml); empty = templates/structure. A kind
  // without a file there keeps the built-in one.
  std::filesystem::path structure;
  std::filesystem::path texts;  // folder of Markdown texts (<site>-<period>.md); empty = none
  bool force = false;
  bool timings = false;
  unsigned jobs = 0;      // render threads; 0 = one per core
  bool progress = false;  // show "12/36" while rendering (when stderr is a terminal)
};

/// Reads a config file. Relative paths in it are relative to the file's folder.
/// Throws ConfigError naming the file, line and key.
RunConfig load_config_file(const std::filesystem::path& path, RunConfig base = {});

/// Parses "nb" / "en".
Lang parse_lang(const std::string& text);
/// Parses "html,pdf,xlsx" (any subset, at least one).
Formats parse_formats(const std::string& text);
/// Expands the inputs (globs) into existing files, sorted, without repeats. Throws ConfigError
/// when a plain file does not exist or nothing matches at all.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::string>& inputs);

/// The folder holding data/, templates/ and fonts/: the config's value, else $IPSREPORT_HOME,
/// else <prefix>/share/ipsreport of an installed program, else the source tree it was built from.
std::filesystem::path resources_dir(const RunConfig& config);

}  // namespace ips
