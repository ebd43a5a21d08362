#include "render/layout_text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace ips::render {

Rgb Rgb::parse(std::string_view hex, Rgb fallback) {
  if (hex.size() != 7 || hex[0] != '#') return fallback;
  auto component = [&](size_t at) -> int {
    int v = 0;
    for (size_t i = at; i < at + 2; ++i) {
      const char c = hex[i];
      v *= 16;
      if (c >= '0' && c <= '9')
        v += c - '0';
      else if (c >= 'a' && c <= 'f')
        v += c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v += c - 'A' + 10;
      else
        return -1;
    }
    return v;
  };
  const int r = component(1), g = component(3), b = component(5);
  if (r < 0 || g < 0 || b < 0) return fallback;
  return {r / 255.0, g / 255.0, b / 255.0};
}

uint32_t Rgb::packed() const {
  auto byte = [](double c) {
    return static_cast<uint32_t>(std::lround(std::clamp(c, 0.0, 1.0) * 255));
  };
  return (byte(r) << 16) | (byte(g) << 8) | byte(b);
}

void set_colour(cairo_t* cr, Rgb colour) {
  cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
}

namespace {

// Everything make_layout's result depends on (the colour is applied when drawing). The family's
// length comes first, so that no family and text can run into each other.
std::string layout_key(std::string_view text, const TextStyle& style, double width, int max_lines) {
  std::string key;
  key.reserve(sizeof(size_t) + style.family.size() + 4 * sizeof(double) + 5 * sizeof(int) +
              text.size());
  append_key_bytes(key, style.family.size());
  key.append(style.family);
  append_key_bytes(key, style.size);
  append_key_bytes(key, static_cast<int>(style.weight));
  append_key_bytes(key, static_cast<int>(style.slant));
  append_key_bytes(key, static_cast<int>(style.align));
  append_key_bytes(key, style.line_height);
  append_key_bytes(key, width);
  append_key_bytes(key, max_lines);
  append_key_bytes(key, style.letter_spacing);
  key.append(text);
  return key;
}

}  // namespace

void set_font_and_width(PangoLayout* l, const TextStyle& style, double width) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family.c_str());
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font, style.weight);
  pango_font_description_set_style(font, style.slant);
  pango_layout_set_font_description(l, font);
  pango_font_description_free(font);
  pango_layout_set_alignment(l, style.align);
  if (width > 0) {
    pango_layout_set_width(l, static_cast<int>(std::lround(width * PANGO_SCALE)));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  }
}

LayoutPtr make_layout(PangoContext* context, std::string_view text, const TextStyle& style,
                      double width, int max_lines) {
  LayoutCache* cache = layout_cache_of(context);
  std::string key;
  if (cache) {
    key = layout_key(text, style, width, max_lines);
    if (LayoutPtr hit = cache->find(key)) return hit;
  }
  LayoutPtr layout(pango_layout_new(context), [](PangoLayout* l) { g_object_unref(l); });
  PangoLayout* l = layout.get();

  set_font_and_width(l, style, width);

  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_font_features_new("tnum 1"));
  // An explicit line pitch: Lato's own metrics set lines too tight for running text.
  if (style.line_height > 0)
    pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(static_cast<int>(
                                      std::lround(style.size * style.line_height * PANGO_SCALE))));
  // Extra room between letters (a chart drawn for a browser that may use a wider font).
  if (style.letter_spacing > 0)
    pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(static_cast<int>(std::lround(
                                      style.size * style.letter_spacing * PANGO_SCALE))));
  pango_layout_set_attributes(l, attrs);
  pango_attr_list_unref(attrs);

  if (max_lines > 0) {
    pango_layout_set_height(l, -max_lines);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
  }
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  pango_layout_set_text(l, valid, -1);
  g_free(valid);
  if (cache) cache->insert(key, layout);
  return layout;
}

double layout_width(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.width) / PANGO_SCALE;
}

double layout_height(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

double layout_baseline(PangoLayout* layout) {
  return static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE;
}

void draw_layout(cairo_t* cr, PangoLayout* layout, double x, double y, Rgb colour) {
  set_colour(cr, colour);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

}  // namespace ips::render
