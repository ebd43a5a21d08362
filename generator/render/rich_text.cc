#include "render/rich_text.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace ips::render {

namespace {

std::string valid_utf8(const std::string& text) {
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string out(valid);
  g_free(valid);
  return out;
}

std::string escaped(const std::string& text) {
  const std::string valid = valid_utf8(text);
  gchar* e = g_markup_escape_text(valid.c_str(), -1);
  std::string out(e);
  g_free(e);
  return out;
}

// The address shown after a link's text, unless the text is the address already.
std::string link_suffix(const doc::TextRun& r) {
  if (r.link.empty() || r.text == r.link) return "";
  std::string shown = r.link;
  if (shown.rfind("mailto:", 0) == 0) shown = shown.substr(7);
  if (r.text == shown) return "";
  return " (" + shown + ")";
}

std::string lead(const doc::RichParagraph& p) {
  return p.marker.empty() ? "" : p.marker + " ";
}

}  // namespace

std::string rich_pango_markup(const doc::RichParagraph& p, Rgb link_colour) {
  char colour[16];
  std::snprintf(colour, sizeof colour, "#%06x", static_cast<unsigned>(link_colour.packed()));
  std::string m = escaped(lead(p));
  for (const doc::TextRun& r : p.runs) {
    std::string piece = escaped(r.text);
    if (r.emphasis) piece = "<i>" + piece + "</i>";
    if (r.strong || p.heading) piece = "<b>" + piece + "</b>";
    if (!r.link.empty())
      piece = std::string("<span underline=\"single\" foreground=\"") + colour + "\">" + piece +
              "</span>" + escaped(link_suffix(r));
    m += piece;
  }
  return m;
}

std::string rich_plain_text(const doc::RichParagraph& p) {
  std::string out = lead(p);
  for (const doc::TextRun& r : p.runs) out += r.text + link_suffix(r);
  return out;
}

LayoutPtr make_rich_layout(PangoContext* context, const doc::RichParagraph& p,
                           const TextStyle& style, double width, Rgb link_colour) {
  LayoutPtr layout(pango_layout_new(context), [](PangoLayout* l) { g_object_unref(l); });
  PangoLayout* l = layout.get();
  set_font_and_width(l, style, width);
  const std::string markup = rich_pango_markup(p, link_colour);
  PangoAttrList* attrs = nullptr;
  char* text = nullptr;
  if (!pango_parse_markup(markup.c_str(), -1, 0, &attrs, &text, nullptr, nullptr)) {
    // Cannot happen with escaped runs; the plain text is still shown whole.
    const std::string plain = valid_utf8(rich_plain_text(p));
    pango_layout_set_text(l, plain.c_str(), -1);
    attrs = pango_attr_list_new();
  } else {
    pango_layout_set_text(l, text, -1);
    g_free(text);
  }
  // The same figures and line pitch as every other text (layout_text.cc).
  pango_attr_list_insert(attrs, pango_attr_font_features_new("tnum 1"));
  if (style.line_height > 0)
    pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(static_cast<int>(
                                      std::lround(style.size * style.line_height * PANGO_SCALE))));
  pango_layout_set_attributes(l, attrs);
  pango_attr_list_unref(attrs);
  return layout;
}

void write_rich_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                     const doc::RichParagraph& p, CellFormats& formats, lxw_format* cell_format,
                     lxw_color_t link_colour, const std::string& where) {
  struct Piece {
    lxw_format* format;
    std::string text;
  };
  std::vector<Piece> pieces;
  bool styled = false;
  auto add = [&](lxw_format* f, std::string text) {
    if (text.empty()) return;
    pieces.push_back({f, valid_utf8(text)});
  };
  add(nullptr, lead(p));
  for (const doc::TextRun& r : p.runs) {
    CellStyle s;
    s.bold = r.strong || p.heading;
    s.italic = r.emphasis;
    if (!r.link.empty()) {
      s.underline = true;
      s.color = link_colour;
    }
    const bool plain = !s.bold && !s.italic && !s.underline;
    styled = styled || !plain;
    add(plain ? nullptr : formats.get(s), r.text);
    add(nullptr, link_suffix(r));
  }
  // A rich string needs two pieces or more; one plain piece is an ordinary string cell.
  if (!styled || pieces.size() < 2 || display_width(rich_plain_text(p)) > 32000) {
    write_text(sheet, row, col, rich_plain_text(p), cell_format, where);
    return;
  }
  std::vector<lxw_rich_string_tuple> tuples(pieces.size());
  std::vector<lxw_rich_string_tuple*> list;
  for (size_t i = 0; i < pieces.size(); ++i) {
    tuples[i].format = pieces[i].format;
    tuples[i].string = pieces[i].text.data();
    list.push_back(&tuples[i]);
  }
  list.push_back(nullptr);
  check_lxw(worksheet_write_rich_string(sheet, row, col, list.data(), cell_format), where);
}

}  // namespace ips::render
