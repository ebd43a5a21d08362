#include "render/xml_text.h"

#include <ctime>

namespace ips::render {

void append_xml_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    // C0 controls (a tab or stray control code from a spreadsheet cell) are not allowed in XML.
    if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  append_xml_escaped(out, text);
  return out;
}

std::string iso_utc_time(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace ips::render
