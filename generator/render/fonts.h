// The bundled fonts (fonts/ in the resources folder), loaded through a private fontconfig
// configuration so that text is typeset the same on every machine whatever the system has.
#pragma once

#include <filesystem>
#include <memory>

#include <pango/pangocairo.h>

namespace ips::render {

/// Owns a GObject reference (PangoLayout, PangoContext, PangoFontMap) and drops it at the end.
struct GObjectUnref {
  void operator()(void* object) const {
    if (object) g_object_unref(object);
  }
};
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;

/// fonts/ below the resources folder; the source tree's fonts/ when `resources_dir` is empty.
std::filesystem::path fonts_dir_of(const std::filesystem::path& resources_dir);

/// A Pango font map that sees only the font files in `fonts_dir` (cached per thread, because
/// Pango font maps must not be shared between threads). Throws RenderError if none is usable.
PangoFontMap* bundled_font_map(const std::filesystem::path& fonts_dir);

/// A text context on the bundled fonts for drawing on `cr`: 72 units per inch (sizes are in
/// points), no hinting and unrounded glyph positions so layout does not depend on the device.
/// One context per thread, surface type and transformation is made and then shared (it carries
/// a LayoutCache, so texts repeated from report to report are laid out once per thread).
ContextPtr bundled_text_context(cairo_t* cr, const std::filesystem::path& fonts_dir);

}  // namespace ips::render
