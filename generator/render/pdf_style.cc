#include "render/pdf_style.h"

#include <toml++/toml.h>

#include <sstream>

#include "render/renderer.h"

namespace ips::render {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

class Reader {
 public:
  Reader(const toml::table& root, std::string file) : root_(root), file_(std::move(file)) {}

  void number(const char* table, const char* key, double& target, double scale = 1.0) {
    const toml::node* node = node_at(table, key);
    if (!node) return;
    if (auto v = node->value<double>()) {
      if (*v < 0) fail(table, key, "must not be negative");
      target = *v * scale;
    } else {
      fail(table, key, "must be a number");
    }
  }

  void flag(const char* table, const char* key, bool& target) {
    const toml::node* node = node_at(table, key);
    if (!node) return;
    if (auto v = node->value<bool>())
      target = *v;
    else
      fail(table, key, "must be true or false");
  }

  void text(const char* table, const char* key, std::string& target) {
    const toml::node* node = node_at(table, key);
    if (!node) return;
    if (auto v = node->value<std::string>(); v && !v->empty())
      target = *v;
    else
      fail(table, key, "must be a non-empty text");
  }

  void colour(const char* key, Rgb& target) {
    std::string hex;
    text("colour", key, hex);
    if (hex.empty()) return;
    const Rgb invalid{-1, -1, -1};
    const Rgb parsed = Rgb::parse(hex, invalid);
    if (parsed.r < 0) fail("colour", key, "must look like \"#1f4e79\", not \"" + hex + "\"");
    target = parsed;
  }

 private:
  // "table.key", built by appending: g++ 12 warns falsely (-Warray-bounds) about the inlined
  // std::string(table) + "." + key once the standard headers are precompiled.
  const toml::node* node_at(const char* table, const char* key) const {
    std::string path = table;
    path += '.';
    path += key;
    return root_.at_path(path).node();
  }

  [[noreturn]] void fail(const char* table, const char* key, const std::string& why) {
    throw RenderError(file_ + ": [" + table + "] " + key + " " + why);
  }
  const toml::table& root_;
  std::string file_;
};

}  // namespace

PdfStyle load_pdf_style(const std::filesystem::path& file) {
  PdfStyle style;
  if (!std::filesystem::exists(file)) return style;
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << file.string() << ": line " << e.source().begin.line << ": " << e.description();
    throw RenderError(msg.str());
  }
  Reader r(root, file.string());
  r.number("page", "margin_top_mm", style.margin_top, kPointsPerMm);
  r.number("page", "margin_bottom_mm", style.margin_bottom, kPointsPerMm);
  r.number("page", "margin_left_mm", style.margin_left, kPointsPerMm);
  r.number("page", "margin_right_mm", style.margin_right, kPointsPerMm);
  r.flag("page", "section_starts_new_page", style.section_starts_new_page);
  r.text("font", "family", style.family);
  r.number("font", "body_size", style.body_size);
  r.number("font", "lead_size", style.lead_size);
  r.number("font", "note_size", style.note_size);
  r.number("font", "table_size", style.table_size);
  r.number("font", "title_size", style.title_size);
  r.number("font", "subtitle_size", style.subtitle_size);
  r.number("font", "heading1_size", style.heading1_size);
  r.number("font", "heading2_size", style.heading2_size);
  r.number("font", "heading3_size", style.heading3_size);
  r.number("font", "header_footer_size", style.header_footer_size);
  r.number("font", "key_figure_size", style.key_figure_size);
  r.colour("text", style.text);
  r.colour("muted", style.muted);
  r.colour("accent", style.accent);
  r.colour("rule", style.rule);
  r.colour("light_rule", style.light_rule);
  r.colour("table_header_background", style.table_header_background);
  r.colour("group_row_background", style.group_row_background);
  r.colour("key_figure_background", style.key_figure_background);
  r.colour("warning_background", style.warning_background);
  r.colour("warning_border", style.warning_border);
  r.colour("note_border", style.note_border);
  // Margins that leave no room for text would make every block overflow.
  if (style.body_width() < 144 || style.body_height() < 144)
    throw RenderError(file.string() + ": [page] margins leave less than 5 cm for the text");
  return style;
}

}  // namespace ips::render
