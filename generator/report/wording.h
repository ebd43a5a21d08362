// The words of the reports and messages, per language, from templates/*.{nb,en}.toml, so a
// project leader can change them without recompiling.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/scale.h"

namespace ips {

class Wording {
 public:
  /// Loads templates/wording.<lang>.toml and templates/messages.<lang>.toml (nested tables are
  /// flattened to dotted keys). Throws std::runtime_error naming the file on a syntax error.
  static Wording load(const std::filesystem::path& templates_dir, Lang lang);
  /// Builds a wording from TOML text (for tests).
  static Wording from_toml(const std::string& text, Lang lang);

  /// The text for a key; the key itself in brackets when missing, so a gap is visible.
  std::string get(const std::string& key) const;
  /// The text for a key with {0}, {1}, ... replaced by args.
  std::string format(const std::string& key, const std::vector<std::string>& args) const;
  bool has(const std::string& key) const { return texts_.count(key) > 0; }
  Lang lang() const { return lang_; }

 private:
  void merge_toml(const std::string& text, const std::string& origin);
  std::map<std::string, std::string> texts_;
  Lang lang_ = Lang::Nb;
};

/// Replaces {0}, {1}, ... in a pattern.
std::string substitute(const std::string& pattern, const std::vector<std::string>& args);

}  // namespace ips
