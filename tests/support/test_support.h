// Shared helpers for tests: paths to the repository's resources and scratch folders.
#pragma once

#include <filesystem>
#include <string>

namespace ips::test {

/// tests/fixtures/<name>.
std::filesystem::path fixture(const std::string& name);
/// The repository root (data/, templates/, fonts/ live there).
std::filesystem::path source_dir();
/// The ipsreport program built beside the tests.
std::string ipsreport_binary();
/// The export generator (bench/), which writes synthetic inputs.
std::string generator_binary();
/// A fresh, empty folder for one test, removed when the object dies.
struct ScratchDir {
  std::filesystem::path path;
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
};
/// Runs a shell command, returns its stdout; `exit_code` receives the exit status.
std::string run_command(const std::string& command, int* exit_code = nullptr);
/// The whole file as a string.
std::string read_file(const std::filesystem::path& path);

}  // namespace ips::test
