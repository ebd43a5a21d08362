#include "render/fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "model/build_info.h"
#include "render/layout_text_cache.h"
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
  if (!config) throw RenderError("fontconfig cannot create a configuration");
  // File by file, in name order: adding the folder would make fontconfig try to write a cache
  // and complain on stderr when it has none it may write to.
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".ttf" || ext == ".otf" || ext == ".TTF"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    if (!FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()))) {
      FcConfigDestroy(config);
      throw RenderError("cannot load the font file " + file.string());
    }
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

// pangocairo (1.50, and still upstream) measures a font's approximate character width the first
// time the font's metrics are asked for, behind a recursion guard that is one unlocked static
// int for the whole process (`in_get_metrics` in _pango_cairo_font_get_metrics). When another
// thread is measuring at that moment, the width is left 0 and kept in the font for good; Pango's
// line breaker takes three of those widths as its "safe distance", so the same paragraph then
// breaks a word earlier or later depending on what the other thread was doing (the English
// Halvårsrapport under --jobs 2). Every metrics call is therefore made under one process-wide
// lock, wrapped around the font class's get_metrics; it is reentrant because measuring lays out
// a sample text, which asks for metrics again on the same thread.
using GetMetrics = PangoFontMetrics* (*)(PangoFont*, PangoLanguage*);
GetMetrics pango_get_metrics = nullptr;

std::recursive_mutex& metrics_mutex() {
  static std::recursive_mutex mutex;
  return mutex;
}

PangoFontMetrics* serialised_get_metrics(PangoFont* font, PangoLanguage* language) {
  const std::lock_guard<std::recursive_mutex> lock(metrics_mutex());
  return pango_get_metrics(font, language);
}

// Wraps the get_metrics of the class of the fonts `map` makes, once per process. Runs before the
// map is used for any text, and every thread's map passes through here first, so no thread can
// call the class's get_metrics while it is being replaced.
void serialise_font_metrics(PangoFontMap* map) {
  static std::once_flag once;
  std::call_once(once, [map] {
    PangoContext* context = pango_font_map_create_context(map);
    PangoFontDescription* description = pango_font_description_from_string("Lato 10");
    PangoFont* font = pango_font_map_load_font(map, context, description);
    pango_font_description_free(description);
    g_object_unref(context);
    if (!font) throw RenderError("the bundled fonts give no font for \"Lato 10\"");
    // The class reference is kept for the whole process, so the class is never finalised.
    auto* font_class = static_cast<PangoFontClass*>(g_type_class_ref(G_OBJECT_TYPE(font)));
    g_object_unref(font);
    if (font_class->get_metrics != serialised_get_metrics) {
      pango_get_metrics = font_class->get_metrics;
      font_class->get_metrics = serialised_get_metrics;
    }
  });
}

}  // namespace

std::filesystem::path fonts_dir_of(const std::filesystem::path& resources_dir) {
  return (resources_dir.empty() ? std::filesystem::path(build_info::source_dir()) : resources_dir) /
         "fonts";
}

PangoFontMap* bundled_font_map(const std::filesystem::path& fonts_dir) {
  thread_local FontMapCache cache;
  const std::string key = fonts_dir.lexically_normal().string();
  auto it = cache.maps.find(key);
  if (it == cache.maps.end()) {
    auto map = load_font_map(fonts_dir);
    serialise_font_metrics(map.get());
    it = cache.maps.emplace(key, std::move(map)).first;
  }
  return it->second.get();
}

namespace {

ContextPtr new_text_context(cairo_t* cr, const std::filesystem::path& fonts_dir) {
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

// What a text context depends on besides the fonts: the kind of surface (its font options)
// and the linear part of the transformation (pango_cairo_update_context copies both).
std::string context_key(cairo_t* cr, const std::filesystem::path& fonts_dir) {
  cairo_matrix_t m;
  cairo_get_matrix(cr, &m);
  std::string key = fonts_dir.lexically_normal().string();
  append_key_bytes(key, static_cast<int>(cairo_surface_get_type(cairo_get_target(cr))));
  for (double v : {m.xx, m.yx, m.xy, m.yy}) append_key_bytes(key, v);
  return key;
}

// The thread's text contexts and their layout caches. The caches are dropped before the
// contexts: each cached layout holds a reference to its context.
struct TextContextCache {
  struct Entry {
    ContextPtr context;
    std::unique_ptr<LayoutCache> layouts;
  };
  std::map<std::string, Entry> entries;
  ~TextContextCache() {
    for (auto& [key, entry] : entries) {
      g_object_set_data(G_OBJECT(entry.context.get()), kLayoutCacheKey, nullptr);
      entry.layouts.reset();
    }
  }
};

}  // namespace

ContextPtr bundled_text_context(cairo_t* cr, const std::filesystem::path& fonts_dir) {
  thread_local TextContextCache cache;
  const std::string key = context_key(cr, fonts_dir);
  auto it = cache.entries.find(key);
  if (it == cache.entries.end()) {
    TextContextCache::Entry entry{new_text_context(cr, fonts_dir), std::make_unique<LayoutCache>()};
    g_object_set_data(G_OBJECT(entry.context.get()), kLayoutCacheKey, entry.layouts.get());
    it = cache.entries.emplace(key, std::move(entry)).first;
  }
  // No pango_cairo_update_context on reuse: it always marks the context changed, and every
  // layout cached on it would be laid out again.
  g_object_ref(it->second.context.get());
  return ContextPtr(it->second.context.get());
}

}  // namespace ips::render
