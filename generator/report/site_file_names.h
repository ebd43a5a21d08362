// The folder and file-name part of each site's reports. Site keys that differ as written can
// give the same file-name form ("Bodø", "Bodo" and "BODO" are all "bodo"); such sites get a
// suffix derived from the key itself, so every site has its own files and the names do not
// depend on the order of the input or on the other sites' names beyond the clash.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace ips {

/// File-name forms longer than this are cut and given the key's suffix (a file name may hold
/// 255 bytes; the report kind, period and extension need room beside it).
inline constexpr size_t kMaxSiteFileNameLength = 64;

/// The suffix for a site key: 8 lower-case hex digits of a 64-bit FNV-1a hash of its UTF-8 bytes.
std::string site_key_suffix(const std::string& key);

/// The file-name form of every site key (site_slug), made distinct: keys whose forms clash, or
/// whose form is a name the output folder uses itself ("previous"), get "-" + site_key_suffix;
/// a form longer than kMaxSiteFileNameLength is cut and given the suffix.
std::map<std::string, std::string> site_file_names(const std::vector<std::string>& site_keys);

}  // namespace ips
