#include "model/dataset.h"

#include <algorithm>
#include <cctype>

namespace ips {

bool ScaleRatings::any_scored() const {
  return std::any_of(items.begin(), items.end(),
                     [](const ItemRating& r) { return r.score.has_value(); });
}

const Site* Dataset::find_site(const std::string& key) const {
  auto it = std::lower_bound(sites.begin(), sites.end(), key,
                             [](const Site& s, const std::string& k) { return s.key < k; });
  return it != sites.end() && it->key == key ? &*it : nullptr;
}

std::string site_slug(const std::string& key) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(key[i]);
    if (c < 0x80) {
      if (std::isalnum(c))
        out += static_cast<char>(std::tolower(c));
      else
        out += '-';
      continue;
    }
    // Two-byte UTF-8 for æ ø å Æ Ø Å (C3 A6, C3 B8, C3 A5, C3 86, C3 98, C3 85).
    if (c == 0xC3 && i + 1 < key.size()) {
      const unsigned char d = static_cast<unsigned char>(key[i + 1]);
      const char* repl = nullptr;
      switch (d) {
        case 0xA6:
        case 0x86:
          repl = "ae";
          break;
        case 0xB8:
        case 0x98:
          repl = "o";
          break;
        case 0xA5:
        case 0x85:
          repl = "a";
          break;
        default:
          break;
      }
      if (repl) {
        out += repl;
        ++i;
        continue;
      }
    }
    // Any other non-ASCII character: one '-' for the whole UTF-8 sequence.
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    i += len - 1;
    out += '-';
  }
  return out;
}

}  // namespace ips
