#include "ingest/zip_limits.h"

#include <algorithm>

namespace ips {

namespace {

uint32_t le32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
uint16_t le16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) |
                               static_cast<unsigned char>(b[at + 1]) << 8);
}

}  // namespace

ZipDirectorySummary summarize_zip_directory(std::string_view b) {
  ZipDirectorySummary out;
  constexpr size_t kEocdSize = 22;
  if (b.size() < kEocdSize) return out;
  // The end record sits in the last 22 + up to 65535 (comment) bytes.
  size_t eocd = std::string_view::npos;
  const size_t lowest = b.size() > kEocdSize + 65535 ? b.size() - kEocdSize - 65535 : 0;
  for (size_t p = b.size() - kEocdSize + 1; p-- > lowest;) {
    if (le32(b, p) == 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd == std::string_view::npos) return out;
  const size_t count = le16(b, eocd + 10);
  size_t p = le32(b, eocd + 16);
  for (size_t i = 0; i < count; ++i) {
    if (p + 46 > b.size() || le32(b, p) != 0x02014b50) return out;
    const uint16_t flags = le16(b, p + 8);
    const uint32_t compressed = le32(b, p + 20);
    uint32_t uncompressed = le32(b, p + 24);
    const uint32_t local_header = le32(b, p + 42);
    // The entry's local header repeats the sizes, and an unzipper may trust that copy instead
    // (a damaged file can make them disagree): count the larger of the two.
    if (uint64_t{local_header} + 30 <= b.size() && le32(b, local_header) == 0x04034b50 &&
        !(le16(b, local_header + 6) & 8))
      uncompressed = std::max(uncompressed, le32(b, local_header + 22));
    if (flags & 1) out.encrypted_entry = true;
    if (uncompressed == 0xFFFFFFFFu || compressed == 0xFFFFFFFFu) out.oversize_entry = true;
    // liborcus trusts these fields: it allocates an entry's declared compressed size before
    // reading it (4 GiB for a 9 KB file), and reads the local header wherever the directory
    // points, past the end of the buffer if that header is garbage. No honest entry does either.
    if (uint64_t{local_header} + 30 > b.size() || le32(b, local_header) != 0x04034b50) {
      out.entry_outside_file = true;
    } else {
      const uint64_t data =
          uint64_t{local_header} + 30 + le16(b, local_header + 26) + le16(b, local_header + 28);
      const uint32_t local_compressed =
          le32(b, local_header + 18);  // 0 when a data descriptor follows
      if (data + compressed > b.size() || data + local_compressed > b.size())
        out.entry_outside_file = true;
      // The local header names the same file as the directory (zip tools refuse a mismatch too;
      // fuzz_workbook crashed liborcus with a directory naming sheet2.xml over sheet1.xml's data).
      const uint16_t name_length = le16(b, p + 28);
      if (!out.entry_outside_file &&
          (le16(b, local_header + 26) != name_length ||
           b.substr(local_header + 30, name_length) != b.substr(p + 46, name_length)))
        out.entry_outside_file = true;
    }
    out.uncompressed_bytes += uncompressed;
    p += 46 + le16(b, p + 28) + le16(b, p + 30) + le16(b, p + 32);
  }
  out.entries = count;
  out.valid = count > 0;
  return out;
}

}  // namespace ips
