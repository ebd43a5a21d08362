#include "render/html_templates.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "render/renderer.h"

namespace ips::render {

namespace {

namespace mstch = kainjow::mustache;

std::string read_template(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RenderError("HTML template " + path.string() + ": cannot be read (missing?)");
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) throw RenderError("HTML template " + path.string() + ": read error");
  return text.str();
}

void check_parses(const std::filesystem::path& path, const std::string& text) {
  mstch::mustache parsed{text};
  if (!parsed.is_valid())
    throw RenderError("HTML template " + path.string() + ": " + parsed.error_message());
}

}  // namespace

HtmlTemplates HtmlTemplates::load(const std::filesystem::path& dir) {
  HtmlTemplates set;
  set.dir_ = dir;
  const auto report_path = dir / "report.mustache";
  set.report_ = read_template(report_path);
  check_parses(report_path, set.report_);

  // Sorted, so that a partial set never depends on directory order.
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".mustache" && entry.path().filename() != "report.mustache")
      files.push_back(entry.path());
  if (ec) throw RenderError("HTML templates " + dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string text = read_template(file);
    check_parses(file, text);
    set.partials_[file.stem().string()] = std::move(text);
  }
  // The stylesheet is plain CSS, included verbatim; a stray "{{" in it would be a template tag,
  // so it is checked like the rest.
  const auto css_path = dir / "report.css";
  std::string css = read_template(css_path);
  check_parses(css_path, css);
  set.partials_["stylesheet"] = std::move(css);
  return set;
}

std::string HtmlTemplates::render(mstch::data view) const {
  for (const auto& [name, text] : partials_) {
    const std::string* body = &text;
    view.set(name, mstch::partial{[body] { return *body; }});
  }
  mstch::mustache report{report_};
  std::string html = report.render(view);
  if (!report.is_valid())
    throw RenderError("HTML template " + (dir_ / "report.mustache").string() + ": " +
                      report.error_message());
  return html;
}

}  // namespace ips::render
