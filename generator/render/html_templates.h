// The editable HTML template set (templates/html): report.mustache, one partial per block kind
// and the stylesheet, loaded and checked before any report is drawn.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <kainjow/mustache.hpp>

namespace ips::render {

class HtmlTemplates {
 public:
  /// Loads report.mustache, every other *.mustache as a partial named after its file stem, and
  /// report.css as the partial "stylesheet". Throws RenderError naming the file when one is
  /// missing, unreadable or not valid mustache.
  static HtmlTemplates load(const std::filesystem::path& dir);

  /// The report template filled with `view`; partials are added to the view's root object.
  /// Throws RenderError when rendering fails (e.g. a partial that does not parse).
  std::string render(kainjow::mustache::data view) const;

 private:
  std::filesystem::path dir_;
  std::string report_;
  std::map<std::string, std::string> partials_;
};

}  // namespace ips::render
