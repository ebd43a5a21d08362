// Run settings: the config file (ipsreport.toml) overlaid by command-line flags.
#pragma once

#include <filesystem>
#include <optional>
#include "model/date.h"
#include <stdexcept>
#include <string>
#include <vector>

#include "model/scale.h"

namespace ips {

/// A problem with the configuration or the command line (exit code 2).
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Formats {
  bool html = true;
  bool pdf = true;
  bool xlsx = true;
};

struct RunConfig {
  std::vector<std::string> inputs;  // files or globs
  std::filesystem::path out = "out";
  std::string period = "auto";      // "auto" or YYYY-H1 / YYYY-H2
  Lang lang = Lang::Nb;
  Formats formats;
  int min_cell = 5;
  std::string author;
  std::filesystem::path resources;  // folder with data/, templates/, fonts/; empty = built-in
  bool force = false;
  bool timings = false;
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
/// else the source tree the program was built from.
std::filesystem::path resources_dir(const RunConfig& config);

}  // namespace ips
