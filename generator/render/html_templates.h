// The editable HTML template set (templates/html): report.mustache, one partial per block kind
// and the stylesheet, loaded and checked before any report is drawn.
#pragma once

#include <cstdint>
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

  /// report.mustache with the partials written in where it includes them (see
  /// inline_partials), the text that is parsed once per thread.
  const std::string& expanded_report() const { return expanded_; }

 private:
  std::filesystem::path dir_;
  std::string expanded_;
  std::map<std::string, std::string> partials_;
  uint64_t id_ = 0;  // tells a thread's parsed copy of one set from another's
};

/// `text` escaped for HTML exactly as kainjow::mustache::html_escape does it (& < > " ' as
/// entities): the escape of every {{name}} on the page.
std::string escape_html(const std::string& text);

/// `text` with every `{{> name}}` tag of a partial in `partials` replaced by that partial's
/// own text (its partials written in likewise), where that renders the same bytes: not for a
/// partial that includes itself, nor in or from a text that changes the delimiters, nor where
/// the pieces would join into a tag or a line break of their own. Other tags are left as they
/// are and are rendered from the view as before.
std::string inline_partials(const std::string& text,
                            const std::map<std::string, std::string>& partials);

}  // namespace ips::render
