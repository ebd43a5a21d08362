// A zip package (xlsx, ods) opened in memory with liborcus's own unzipping, for the second looks
// at parts whose content liborcus 0.17 does not pass on (hidden sheets, skipped cells, formula
// errors), and SAX parsing of such a part with liborcus's own XML parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <orcus/sax_parser.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

namespace ips {

/// The package in `bytes` (which must outlive it). Throws what liborcus throws on a bad zip.
class ZipPackage {
 public:
  explicit ZipPackage(std::string_view bytes);
  /// The inflated part (with a zero byte kept after its end, see parse_xml), or nullopt when
  /// the package has no entry of that name.
  std::optional<std::vector<unsigned char>> read(const std::string& name) const;
  /// The names of every entry, in the order of the zip directory.
  std::vector<std::string> names() const;

 private:
  orcus::zip_archive_stream_blob stream_;
  orcus::zip_archive archive_;
};

/// Runs liborcus's SAX parser over `xml` with `handler`; throws its parse errors. `xml` comes
/// from ZipPackage::read, which keeps a zero byte after the data: on a truncated document the
/// parser reads one byte past the end.
template <typename Handler>
void parse_xml(const std::vector<unsigned char>& xml, Handler& handler) {
  orcus::sax_parser<Handler> parser(reinterpret_cast<const char*>(xml.data()), xml.size(), handler);
  parser.parse();
}

}  // namespace ips
