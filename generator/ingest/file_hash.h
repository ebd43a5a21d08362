// Content hashes of input and resource files: reported in the run summary, and combined into
// the fingerprint that tells an unchanged run it has nothing to do.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ips {

/// SHA-256 of a file's bytes as lower-case hex; empty when the file cannot be read.
std::string file_sha256(const std::filesystem::path& path);

/// SHA-256 over a sequence of named parts (name and content of each, length-prefixed so that
/// parts cannot run into each other).
class Fingerprint {
 public:
  Fingerprint();
  ~Fingerprint();
  Fingerprint(const Fingerprint&) = delete;
  Fingerprint& operator=(const Fingerprint&) = delete;
  void add(const std::string& name, const std::string& content);
  /// Adds every regular file below `dir` (sorted by path), by content hash.
  void add_tree(const std::filesystem::path& dir);
  std::string hex();

 private:
  struct State;
  State* state_;
};

}  // namespace ips
