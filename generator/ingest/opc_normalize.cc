#include "ingest/opc_normalize.h"

#include <zip.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ingest/checked_zip.h"
#include "ingest/zip_package.h"

namespace ips {

namespace {

// One relationship target to rewrite: where its value sits in the .rels text, and what it
// becomes.
struct Splice {
  size_t offset = 0;
  size_t length = 0;
  std::string replacement;
};

// Finds the Target attributes of internal relationships that are absolute. Values liborcus's
// parser decoded (entities) live in a scratch buffer and cannot be placed; a part name with
// an entity in it is not seen in practice, and such a target stays as it was.
class AbsoluteTargetFinder : public orcus::sax_handler {
 public:
  AbsoluteTargetFinder(std::string_view xml, std::string folder)
      : xml_(xml), folder_(std::move(folder)) {}
  std::vector<Splice> splices;

  void attribute(const orcus::sax::parser_attribute& attr) {
    if (!attr.ns.empty()) return;
    if (attr.name == "TargetMode") external_ = attr.value == "External";
    if (attr.name == "Target" && !attr.transient && !attr.value.empty() && attr.value[0] == '/' &&
        attr.value.data() >= xml_.data() &&
        attr.value.data() + attr.value.size() <= xml_.data() + xml_.size())
      target_ = attr.value;
  }
  void start_element(const orcus::sax::parser_element& elem) {
    if (elem.name == "Relationship" && !external_ && !target_.empty())
      splices.push_back({static_cast<size_t>(target_.data() - xml_.data()), target_.size(),
                         relative_part_target(folder_, target_)});
    target_ = {};
    external_ = false;
  }
  void end_element(const orcus::sax::parser_element&) {}

 private:
  std::string_view xml_;
  std::string folder_;
  std::string_view target_;
  bool external_ = false;
};

// "xl/_rels/workbook.xml.rels" → "xl/" (the folder of the part the relationships belong to);
// "_rels/.rels" → "" (the package root). Empty optional when the name is not a .rels part.
std::optional<std::string> source_folder_of_rels(std::string_view name) {
  constexpr std::string_view kSuffix = ".rels";
  if (name.size() < kSuffix.size() || name.substr(name.size() - kSuffix.size()) != kSuffix)
    return std::nullopt;
  const size_t rels_dir = name.rfind("_rels/");
  if (rels_dir == std::string_view::npos || (rels_dir > 0 && name[rels_dir - 1] != '/'))
    return std::nullopt;
  if (name.find('/', rels_dir + 6) != std::string_view::npos) return std::nullopt;
  return std::string(name.substr(0, rels_dir));
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceFreer {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

std::string relative_part_target(std::string_view from_folder, std::string_view target) {
  while (!target.empty() && target[0] == '/') target.remove_prefix(1);
  // Common leading folders are dropped; each folder of `from_folder` left over is one "../".
  size_t common = 0;
  for (size_t i = 0; i < from_folder.size() && i < target.size() && from_folder[i] == target[i];
       ++i)
    if (from_folder[i] == '/') common = i + 1;
  std::string out;
  for (size_t i = common; i < from_folder.size(); ++i)
    if (from_folder[i] == '/') out += "../";
  out += target.substr(common);
  return out;
}

PackageCheck normalize_opc_package(std::string_view package) {
  PackageCheck check;
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFreer> source(
      zip_source_buffer_create(package.data(), package.size(), 0, &error));
  if (!source) {
    check.ok = false;
    check.problem = zip_error_strerror(&error);
    zip_error_fini(&error);
    return check;
  }
  std::unique_ptr<zip_t, ZipCloser> archive(
      zip_open_from_source(source.get(), ZIP_CHECKCONS | ZIP_RDONLY, &error));
  if (!archive) {
    check.ok = false;
    check.problem = zip_error_strerror(&error);
    zip_error_fini(&error);
    return check;
  }
  zip_source_keep(source.get());  // the archive took a reference; this one stays ours
  zip_error_fini(&error);

  struct Rewrite {
    zip_uint64_t index;
    std::string text;
  };
  std::vector<Rewrite> rewrites;
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    const char* name = zip_get_name(archive.get(), index, ZIP_FL_ENC_RAW);
    const std::optional<std::string> folder = name ? source_folder_of_rels(name) : std::nullopt;
    std::string bytes;
    std::string problem;
    if (!read_zip_entry(archive.get(), index, folder.has_value(), bytes, problem)) {
      check.ok = false;
      check.problem = std::string(name ? name : "?") + ": " + problem;
      return check;
    }
    if (!folder) continue;
    AbsoluteTargetFinder finder(bytes, *folder);
    try {
      orcus::sax_parser<AbsoluteTargetFinder> parser(bytes.data(), bytes.size(), finder);
      parser.parse();
    } catch (const std::exception&) {
      continue;  // liborcus reports a damaged .rels part itself when it reads it
    }
    if (finder.splices.empty()) continue;
    check.absolute_targets += finder.splices.size();
    std::string text;
    size_t at = 0;
    for (const Splice& s : finder.splices) {
      text.append(bytes, at, s.offset - at);
      text += s.replacement;
      at = s.offset + s.length;
    }
    text.append(bytes, at, std::string::npos);
    rewrites.push_back({index, std::move(text)});
  }
  if (rewrites.empty()) return check;

  // A new package in memory: every entry copied from the original as it is (still
  // compressed), the rewritten .rels parts in place of theirs. (Writing into the original's
  // buffer source frees our bytes with free() in libzip 1.7.)
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFreer> target(
      zip_source_buffer_create(nullptr, 0, 0, &error));
  zip_error_fini(&error);
  if (!target) return check;
  zip_error_init(&error);
  std::unique_ptr<zip_t, ZipCloser> writer(
      zip_open_from_source(target.get(), ZIP_TRUNCATE, &error));
  zip_error_fini(&error);
  if (!writer) return check;  // read fine before; without the rewrite liborcus reads what it can
  zip_source_keep(target.get());  // the writer took a reference; this one stays ours
  size_t next_rewrite = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    const char* name = zip_get_name(archive.get(), index, ZIP_FL_ENC_RAW);
    zip_source_t* part = nullptr;
    if (next_rewrite < rewrites.size() && rewrites[next_rewrite].index == index) {
      const std::string& text = rewrites[next_rewrite++].text;
      part = zip_source_buffer(writer.get(), text.data(), text.size(), 0);
    } else {
      part = zip_source_zip(writer.get(), archive.get(), index, ZIP_FL_COMPRESSED, 0, -1);
    }
    if (!name || !part) {
      if (part) zip_source_free(part);
      return check;
    }
    if (zip_file_add(writer.get(), name, part, ZIP_FL_ENC_RAW) < 0) {
      zip_source_free(part);
      return check;
    }
  }
  if (zip_close(writer.get()) < 0) return check;
  (void)writer.release();  // zip_close freed it
  zip_stat_t stat;
  if (zip_source_stat(target.get(), &stat) < 0 || zip_source_open(target.get()) < 0) return check;
  std::string out(static_cast<size_t>(stat.size), '\0');
  const zip_int64_t n = zip_source_read(target.get(), out.data(), out.size());
  zip_source_close(target.get());
  if (n != static_cast<zip_int64_t>(out.size())) return check;
  check.bytes = std::move(out);
  return check;
}

}  // namespace ips
