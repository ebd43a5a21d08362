#include "ingest/package_values.h"

#include <exception>

#include "ingest/zip_package.h"

namespace ips {

namespace {

bool contains(const std::vector<unsigned char>& xml, std::string_view needle) {
  return std::string_view(reinterpret_cast<const char*>(xml.data()), xml.size()).find(needle) !=
         std::string_view::npos;
}

// An xlsx value: <v>…</v> with something in it, or an inline string (<is>).
bool xlsx_part_holds_values(const std::vector<unsigned char>& xml) {
  const std::string_view text(reinterpret_cast<const char*>(xml.data()), xml.size());
  if (text.find("<sheetData") == std::string_view::npos &&
      text.find(":sheetData") == std::string_view::npos)
    return false;
  if (text.find("<is>") != std::string_view::npos || text.find(":is>") != std::string_view::npos)
    return true;
  for (const std::string_view open : {std::string_view("<v>"), std::string_view(":v>")})
    for (size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, at + 1))
      if (at + open.size() < text.size() && text[at + open.size()] != '<') return true;
  return false;
}

}  // namespace

bool package_holds_values(std::string_view bytes, const std::string& format) {
  try {
    const ZipPackage package(bytes);
    if (format == "ods") {
      const auto content = package.read("content.xml");
      return content && contains(*content, "office:value-type=");
    }
    for (const std::string& name : package.names()) {
      if (name.size() < 4 || name.compare(name.size() - 4, 4, ".xml") != 0) continue;
      const auto part = package.read(name);
      if (part && xlsx_part_holds_values(*part)) return true;
    }
  } catch (const std::exception&) {
    // Unopenable here too: no evidence of values either way.
  }
  return false;
}

}  // namespace ips
