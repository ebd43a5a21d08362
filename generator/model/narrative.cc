#include "model/narrative.h"

namespace ips {

size_t utf8_length(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string plain_text(const std::vector<RichBlock>& blocks) {
  std::string out;
  for (const RichBlock& b : blocks) {
    if (!out.empty()) out += '\n';
    for (const RichSpan& s : b.spans) out += s.text;
  }
  return out;
}

std::string shown_text(const std::vector<RichBlock>& blocks) {
  std::string out = plain_text(blocks);
  for (const RichBlock& b : blocks)
    for (const RichSpan& s : b.spans)
      if (!s.link.empty()) out.append("\n").append(s.link);
  return out;
}

}  // namespace ips
