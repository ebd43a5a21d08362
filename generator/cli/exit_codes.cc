#include "cli/exit_codes.h"

namespace ips::exit_code {

std::string help_text() {
  std::string text = "Exit codes:\n";
  for (const Meaning& m : kMeanings) {
    text += "  ";
    text += std::to_string(m.code);
    text += "  ";
    text += m.text;
    text += "\n";
  }
  return text;
}

}  // namespace ips::exit_code
