// Excel sheet names: at most 31 characters, none of []:*?/\, not starting or ending with an
// apostrophe, unique regardless of case.
#pragma once

#include <set>
#include <string>

namespace ips::render {

class SheetNames {
 public:
  /// A valid, not yet used sheet name close to `wanted` (invalid characters become "-", long
  /// names are cut at the end of a word, repeats get " (2)", " (3)", ...).
  std::string claim(const std::string& wanted);

 private:
  std::set<std::string> used_;  // upper-cased ASCII, to compare the way Excel does
};

}  // namespace ips::render
