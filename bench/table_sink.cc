#include "table_sink.h"

#include <cctype>

namespace ips::bench {

std::string table_file_stem(std::string_view table_name) {
  std::string name;
  for (size_t i = 0; i < table_name.size(); ++i) {
    const auto c = static_cast<unsigned char>(table_name[i]);
    if (c < 0x80) {
      name += static_cast<char>(std::tolower(c));
      continue;
    }
    const std::string_view rest = table_name.substr(i);
    if (rest.starts_with("å") || rest.starts_with("Å"))
      name += 'a';
    else if (rest.starts_with("ø") || rest.starts_with("Ø"))
      name += 'o';
    else if (rest.starts_with("æ") || rest.starts_with("Æ"))
      name += "ae";
    while (i + 1 < table_name.size() &&
           (static_cast<unsigned char>(table_name[i + 1]) & 0xC0) == 0x80)
      ++i;  // skip the rest of this UTF-8 sequence
  }
  return name;
}

}  // namespace ips::bench
