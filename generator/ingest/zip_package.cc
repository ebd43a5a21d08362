#include "ingest/zip_package.h"

#include <cstdint>

namespace ips {

ZipPackage::ZipPackage(std::string_view bytes)
    : stream_(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), archive_(&stream_) {
  archive_.load();
}

std::optional<std::vector<unsigned char>> ZipPackage::read(const std::string& name) const {
  std::vector<unsigned char> bytes;
  if (!archive_.read_file_entry(name, bytes)) return std::nullopt;
  // liborcus 0.17's SAX parser reads one byte past the end of a document cut off inside an
  // attribute (parse_xml): a zero byte kept just past the data, inside the allocation, makes
  // it stop with a parse error instead of reading beyond the buffer.
  bytes.push_back(0);
  bytes.pop_back();
  return bytes;
}

std::vector<std::string> ZipPackage::names() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < archive_.get_file_entry_count(); ++i)
    out.emplace_back(archive_.get_file_entry_name(i));
  return out;
}

}  // namespace ips
