#include "ingest/xlsx_sheet_split.h"

#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>

namespace ips {

namespace {

struct ZipDiscarder {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceFreer {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// Opens the package in `bytes` read-only; null when libzip cannot. `source` keeps the buffer.
std::unique_ptr<zip_t, ZipDiscarder> open_package(
    std::string_view bytes, std::unique_ptr<zip_source_t, SourceFreer>& source) {
  zip_error_t error;
  zip_error_init(&error);
  source.reset(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error));
  std::unique_ptr<zip_t, ZipDiscarder> archive;
  if (source) {
    archive.reset(zip_open_from_source(source.get(), ZIP_RDONLY, &error));
    if (archive)
      zip_source_keep(source.get());  // the archive took a reference; this one stays ours
  }
  zip_error_fini(&error);
  return archive;
}

}  // namespace

std::vector<std::vector<size_t>> share_out_worksheets(std::string_view bytes,
                                                      const std::vector<WorksheetPart>& parts,
                                                      size_t groups) {
  std::vector<uint64_t> sizes(parts.size(), 0);
  std::unique_ptr<zip_source_t, SourceFreer> source;
  if (auto archive = open_package(bytes, source))
    for (size_t i = 0; i < parts.size(); ++i) {
      zip_stat_t stat;
      if (zip_stat(archive.get(), parts[i].part.c_str(), ZIP_FL_ENC_RAW, &stat) == 0 &&
          (stat.valid & ZIP_STAT_SIZE))
        sizes[i] = stat.size;
    }
  std::vector<size_t> order(parts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });
  std::vector<std::vector<size_t>> shared(std::max<size_t>(groups, 1));
  std::vector<uint64_t> load(shared.size(), 0);
  for (size_t i : order) {
    const size_t lightest =
        static_cast<size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    shared[lightest].push_back(i);
    load[lightest] += sizes[i];
  }
  for (auto& group : shared) std::sort(group.begin(), group.end());
  return shared;
}

}  // namespace ips
