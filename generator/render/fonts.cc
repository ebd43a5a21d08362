#include "render/fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include <map>
#include <string>

#include "render/renderer.h"

namespace ips::render {

namespace {

struct FontMapCache {
  std::map<std::string, std::unique_ptr<PangoFontMap, GObjectUnref>> maps;
};

std::unique_ptr<PangoFontMap, GObjectUnref> load_font_map(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir))
    throw RenderError("fonts folder not found: " + dir.string());
  FcConfig* config = FcConfigCreate();
  if (!config || !FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(dir.c_str()))) {
    if (config) FcConfigDestroy(config);
    throw RenderError("cannot load the fonts in " + dir.string());
  }
  FcFontSet* fonts = FcConfigGetFonts(config, FcSetApplication);
  if (!fonts || fonts->nfont == 0) {
    FcConfigDestroy(config);
    throw RenderError("no usable font files in " + dir.string());
  }
  // Only the cairo/FreeType font map accepts a fontconfig configuration of its own.
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  if (!map || !PANGO_IS_FC_FONT_MAP(map)) {
    if (map) g_object_unref(map);
    FcConfigDestroy(config);
    throw RenderError("Pango has no fontconfig font map");
  }
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
  FcConfigDestroy(config);  // the font map holds its own reference
  return std::unique_ptr<PangoFontMap, GObjectUnref>(map);
}

}  // namespace

std::filesystem::path fonts_dir_of(const std::filesystem::path& resources_dir) {
  return (resources_dir.empty() ? std::filesystem::path(IPS_SOURCE_DIR) : resources_dir) / "fonts";
}

PangoFontMap* bundled_font_map(const std::filesystem::path& fonts_dir) {
  thread_local FontMapCache cache;
  const std::string key = fonts_dir.lexically_normal().string();
  auto it = cache.maps.find(key);
  if (it == cache.maps.end()) it = cache.maps.emplace(key, load_font_map(fonts_dir)).first;
  return it->second.get();
}

ContextPtr bundled_text_context(cairo_t* cr, const std::filesystem::path& fonts_dir) {
  ContextPtr context(pango_font_map_create_context(bundled_font_map(fonts_dir)));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context.get(), options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context.get(), 72.0);
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  pango_cairo_update_context(cr, context.get());
  return context;
}

}  // namespace ips::render
