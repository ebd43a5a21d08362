// Size checks on a zip container before it is inflated, so a zip bomb is refused unopened.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ips {

/// What a zip's central directory declares.
struct ZipDirectorySummary {
  bool valid = false;  // an end-of-central-directory record and entries were found
  bool encrypted_entry = false;
  bool oversize_entry = false;  // a Zip64 size marker (an entry of 4 GiB or more)
  // An entry's local header is missing, names another file, or its data runs past the file's end.
  bool entry_outside_file = false;
  uintmax_t uncompressed_bytes = 0;
  size_t entries = 0;
};

/// Reads the sizes a zip file declares in its central directory (nothing is decompressed;
/// the inflating itself is liborcus' job).
ZipDirectorySummary summarize_zip_directory(std::string_view bytes);

}  // namespace ips
