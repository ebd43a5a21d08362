// render_html: the document as one self-contained HTML file, drawn by the editable templates
// in <resources>/templates/html.
#include <algorithm>
#include <cerrno>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "render/html_templates.h"
#include "render/html_view.h"
#include "render/renderer.h"

namespace ips::render {

namespace {

// What the template folder holds: every file's name, size and modification time, in order.
std::string folder_signature(const std::filesystem::path& dir) {
  std::vector<std::string> entries;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::error_code size_ec, time_ec;
    const auto size = entry.file_size(size_ec);
    const auto time = entry.last_write_time(time_ec);
    entries.push_back(entry.path().filename().string() + "\t" + std::to_string(size_ec ? 0 : size) +
                      "\t" + std::to_string(time_ec ? 0 : time.time_since_epoch().count()));
  }
  std::sort(entries.begin(), entries.end());
  std::string signature;
  for (const auto& e : entries) signature += e + "\n";
  return signature;
}

// The template set of a folder, read and checked once per run rather than once per report (a
// national run renders a thousand reports from the same nine files); read again when a file
// in the folder changed. A set that fails to load is not kept, so every report names the
// problem as before.
std::shared_ptr<const HtmlTemplates> templates_in(const std::filesystem::path& dir) {
  static std::mutex mutex;
  static std::map<std::filesystem::path,
                  std::pair<std::string, std::shared_ptr<const HtmlTemplates>>>
      loaded;
  const std::string signature = folder_signature(dir);
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (auto it = loaded.find(dir); it != loaded.end() && it->second.first == signature)
      return it->second.second;
  }
  auto set = std::make_shared<const HtmlTemplates>(HtmlTemplates::load(dir));
  const std::lock_guard<std::mutex> lock(mutex);
  loaded[dir] = {signature, set};
  return set;
}

}  // namespace

void render_html(const doc::Report& report, const RenderOptions& options,
                 const std::filesystem::path& out) {
  const std::shared_ptr<const HtmlTemplates> templates =
      templates_in(options.resources_dir / "templates" / "html");
  const std::string html = templates->render(html_view(report, options.resources_dir));

  errno = 0;
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  if (!file)
    throw RenderError("HTML " + out.string() + ": cannot be opened for writing",
                      {"run.file_not_written", {out.string()}, errno ? errno : EIO});
  file.write(html.data(), static_cast<std::streamsize>(html.size()));
  file.close();
  if (!file)
    throw RenderError("HTML " + out.string() + ": write failed (disk full?)",
                      {"run.file_not_written", {out.string()}, errno ? errno : EIO});
}

}  // namespace ips::render
