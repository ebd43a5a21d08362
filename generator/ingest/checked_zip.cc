#include "ingest/checked_zip.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>

namespace ips {

bool read_zip_entry(zip_t* archive, zip_uint64_t index, bool keep, std::string& out,
                    std::string& problem) {
  out.clear();
  zip_file_t* file = zip_fopen_index(archive, index, 0);
  if (!file) {
    problem = zip_strerror(archive);
    return false;
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  const bool has_stat = zip_stat_index(archive, index, 0, &stat) == 0;
  const bool has_crc = has_stat && (stat.valid & ZIP_STAT_CRC);
  const bool has_size = has_stat && (stat.valid & ZIP_STAT_SIZE);
  uLong crc = crc32(0L, Z_NULL, 0);
  uint64_t length = 0;
  // A kept entry is inflated straight into its block, sized as declared (the directory's sizes
  // were checked against the limits before anything was opened); a skipped one through a
  // small buffer.
  char scratch[1 << 15];
  if (keep && has_size) out.reserve(static_cast<size_t>(stat.size) + 1);
  for (;;) {
    const size_t spare = out.capacity() - out.size();
    const bool direct = keep && spare >= sizeof scratch;
    char* to = scratch;
    size_t room = sizeof scratch;
    if (direct) {
      room = spare;
      out.resize(out.size() + room);
      to = out.data() + out.size() - room;
    }
    const zip_int64_t n = zip_fread(file, to, room);
    const size_t got = static_cast<size_t>(std::max<zip_int64_t>(n, 0));
    if (direct)
      out.resize(out.size() - room + got);
    else if (keep)
      out.append(scratch, got);
    if (n < 0) {
      problem = zip_file_strerror(file);
      zip_fclose(file);
      return false;
    }
    if (n == 0) break;
    crc = crc32(crc, reinterpret_cast<const Bytef*>(to), static_cast<uInt>(n));
    length += static_cast<uint64_t>(n);
  }
  // libzip inflates the whole stream; liborcus stops at the declared size, so an entry that
  // says it is shorter than it is would be cut off there without a word.
  if (has_size && length != stat.size) {
    zip_fclose(file);
    problem = "the entry holds " + std::to_string(length) + " bytes but declares " +
              std::to_string(stat.size);
    return false;
  }
  if (has_crc && crc != stat.crc) {
    zip_fclose(file);
    problem = "the entry's checksum does not match its data";
    return false;
  }
  // libzip reads exactly the declared size; data left in the deflate stream past it means the
  // entry says it is shorter than it is, which would be cut off without a word.
  const int closed = zip_fclose(file);
  if (closed != 0) {
    zip_error_t e;
    zip_error_init_with_code(&e, closed);
    problem = zip_error_strerror(&e);
    zip_error_fini(&e);
    return false;
  }
  return true;
}

}  // namespace ips
