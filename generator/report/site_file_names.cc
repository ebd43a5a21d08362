#include "report/site_file_names.h"

#include <cstdint>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "model/dataset.h"

namespace ips {

namespace {

uint64_t fnv1a64(const std::string& bytes) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string hex(uint64_t value, int digits) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return std::string(buf + 16 - digits);
}

/// The slug, cut to fit a file name: a long form keeps its start and takes the key's suffix.
std::string bounded_slug(const std::string& key) {
  std::string slug = site_slug(key);
  if (slug.size() <= kMaxSiteFileNameLength) return slug;
  slug.resize(kMaxSiteFileNameLength - 9);
  slug.append("-").append(site_key_suffix(key));
  return slug;
}

}  // namespace

std::string site_key_suffix(const std::string& key) {
  return hex(fnv1a64(key), 8);
}

std::map<std::string, std::string> site_file_names(const std::vector<std::string>& site_keys) {
  std::map<std::string, std::vector<std::string>> keys_by_slug;
  for (const std::string& key : site_keys) keys_by_slug[bounded_slug(key)].push_back(key);
  // Names the output folder itself uses beside the site folders.
  static const std::set<std::string> reserved = {"previous"};
  std::map<std::string, std::string> names;
  std::set<std::string> taken;
  for (const auto& [slug, keys] : keys_by_slug)
    if (keys.size() == 1 && !reserved.count(slug)) {
      names[keys.front()] = slug;
      taken.insert(slug);
    }
  for (const auto& [slug, keys] : keys_by_slug) {
    if (keys.size() == 1 && !reserved.count(slug)) continue;
    for (const std::string& key : keys) {
      // The 8-digit suffix, or in the (never yet seen) case that it meets another name, the
      // whole 16-digit hash.
      std::string name = slug;
      name.append("-").append(site_key_suffix(key));
      if (taken.count(name)) {
        name = slug;
        name.append("-").append(hex(fnv1a64(key), 16));
      }
      if (!taken.insert(name).second)
        throw std::logic_error("two site keys give the file name " + name);
      names[key] = name;
    }
  }
  return names;
}

}  // namespace ips
