// Reading a zip entry whole through libzip with its length and CRC checked, so that an entry
// whose data does not match what the directory declares is found rather than cut short.
#pragma once

#include <zip.h>

#include <string>

namespace ips {

/// Reads entry `index` of `archive` to its end, checking its length and CRC; keeps the bytes in
/// `out` (replacing what it held) only when `keep`. False, with `problem` in plain words, when
/// the entry is damaged.
bool read_zip_entry(zip_t* archive, zip_uint64_t index, bool keep, std::string& out,
                    std::string& problem);

}  // namespace ips
