#include "render/html_templates.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <memory>
#include <optional>
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

// True when `left` followed by `right` would read differently from the two apart: kainjow's
// parser would see a tag opening ("{" + "{") or one line break ("\r" + "\n") where each piece
// alone has none.
bool joins(const std::string& left, const std::string& right) {
  if (left.empty() || right.empty()) return false;
  return (left.back() == '{' && right.front() == '{') ||
         (left.back() == '\r' && right.front() == '\n');
}

// inline_partials for one text; nullopt when the text sets other delimiters (then no tag in it
// can be found by looking for "{{", and a partial that does so would change its includer's).
// `open` holds the partials being written in, so one that includes itself is left as a tag.
std::optional<std::string> inline_in(const std::string& text,
                                     const std::map<std::string, std::string>& partials,
                                     std::vector<std::string>& open) {
  std::string out;
  size_t pos = 0;
  for (size_t at; (at = text.find("{{", pos)) != std::string::npos;) {
    // The tag as kainjow::mustache's parser reads it with the default delimiters.
    const bool triple = at + 2 < text.size() && text[at + 2] == '{';
    const size_t contents_at = at + (triple ? 3 : 2);
    const size_t end = text.find(triple ? "}}}" : "}}", contents_at);
    if (end == std::string::npos) break;  // unclosed: the parser refuses it anyway
    const size_t after = end + (triple ? 3 : 2);
    const std::string contents = mstch::trim(text.substr(contents_at, end - contents_at));
    if (!contents.empty() && contents[0] == '=') return std::nullopt;
    out.append(text, pos, at - pos);
    pos = after;
    if (!triple && !contents.empty() && contents[0] == '>') {
      const std::string name = mstch::trim(contents.substr(1));
      const auto partial = partials.find(name);
      if (partial != partials.end() && std::find(open.begin(), open.end(), name) == open.end()) {
        open.push_back(name);
        std::optional<std::string> body = inline_in(partial->second, partials, open);
        open.pop_back();
        const std::string next = text.substr(after, 1);
        if (body && !joins(out, *body) && !joins(*body, next) &&
            !(body->empty() && joins(out, next))) {
          out += *body;
          continue;
        }
      }
    }
    out.append(text, at, after - at);
  }
  out.append(text, pos, std::string::npos);
  return out;
}

std::atomic<uint64_t> next_set_id{1};

}  // namespace

std::string inline_partials(const std::string& text,
                            const std::map<std::string, std::string>& partials) {
  std::vector<std::string> open;
  return inline_in(text, partials, open).value_or(text);
}

std::string escape_html(const std::string& text) {
  // Most values have nothing to escape: those are returned as they are, not rebuilt character
  // by character as kainjow's html_escape does.
  auto special = [](char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; };
  size_t at = 0;
  while (at < text.size() && !special(text[at])) ++at;
  if (at == text.size()) return text;
  std::string out;
  out.reserve(text.size() + 16);
  out.append(text, 0, at);
  for (; at < text.size(); ++at) {
    switch (text[at]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += text[at];
        break;
    }
  }
  return out;
}

HtmlTemplates HtmlTemplates::load(const std::filesystem::path& dir) {
  HtmlTemplates set;
  set.dir_ = dir;
  set.id_ = next_set_id++;
  const auto report_path = dir / "report.mustache";
  const std::string report = read_template(report_path);
  check_parses(report_path, report);

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

  // kainjow::mustache parses a partial's text again each time its tag is rendered (a national
  // report has thousands of blocks); written in, the whole page is parsed once per thread.
  set.expanded_ = inline_partials(report, set.partials_);
  check_parses(report_path, set.expanded_);
  return set;
}

std::string HtmlTemplates::render(mstch::data view) const {
  // Partials left as tags (one that includes itself, say) are still found in the view.
  for (const auto& [name, text] : partials_) {
    const std::string* body = &text;
    view.set(name, mstch::partial{[body] { return *body; }});
  }
  // Each thread keeps the parsed page of the set it used last: a parsed template is changed
  // when rendering fails, so threads do not share one.
  struct Parsed {
    uint64_t id = 0;
    std::unique_ptr<mstch::mustache> page;
  };
  thread_local Parsed parsed;
  if (parsed.id != id_ || !parsed.page) {
    parsed.page = std::make_unique<mstch::mustache>(expanded_);
    parsed.page->set_custom_escape(escape_html);
    parsed.id = id_;
  }
  // Appended straight to the page, not through kainjow's ostringstream and its copy.
  std::string html;
  parsed.page->render(view, [&html](const std::string& text) { html += text; });
  if (!parsed.page->is_valid()) {
    const std::string message = parsed.page->error_message();
    parsed.page.reset();  // parsed again next time, not left failing
    throw RenderError("HTML template " + (dir_ / "report.mustache").string() + ": " + message);
  }
  return html;
}

}  // namespace ips::render
