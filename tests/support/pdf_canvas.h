// A throw-away PDF surface with a bundled-font text context, for text-layout tests.
#pragma once

#include <cairo-pdf.h>

#include "render/fonts.h"
#include "support/test_support.h"

namespace ips::test {

struct PdfCanvas {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(nullptr, nullptr, 100, 100);
  cairo_t* cr = cairo_create(surface);
  render::ContextPtr text = render::bundled_text_context(cr, render::fonts_dir_of(source_dir()));
  ~PdfCanvas() {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
};

}  // namespace ips::test
