// Text setting on the bundled fonts: only fonts/ is visible, digits are tabular, and text
// that is not valid UTF-8 cannot reach cairo.
#include <catch2/catch.hpp>

#include <cairo-pdf.h>

#include "render/fonts.h"
#include "render/layout_text.h"
#include "render/renderer.h"
#include "support/pdf_canvas.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::render;

namespace {

using Canvas = test::PdfCanvas;

std::string family_used(PangoLayout* layout) {
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
  REQUIRE(line->runs);
  auto* run = static_cast<PangoGlyphItem*>(line->runs->data);
  PangoFontDescription* d = pango_font_describe(run->item->analysis.font);
  std::string family = pango_font_description_get_family(d);
  pango_font_description_free(d);
  return family;
}

}  // namespace

TEST_CASE("only the bundled fonts are used, whatever family is asked for") {
  Canvas c;
  TextStyle style;
  CHECK(family_used(make_layout(c.text.get(), "Bærum", style, 0).get()) == "Lato");
  style.family = "DejaVu Sans";  // installed on the system, but not bundled
  CHECK(family_used(make_layout(c.text.get(), "Bærum", style, 0).get()) == "Lato");
}

// Lato's default figures are already tabular; layouts also ask for "tnum" so that another
// family set in pdf.toml keeps numbers aligned. This guards the outcome, whatever the font.
TEST_CASE("digits are tabular so that numbers line up in columns") {
  Canvas c;
  TextStyle style;
  const double ones = layout_width(make_layout(c.text.get(), "1111", style, 0).get());
  const double eights = layout_width(make_layout(c.text.get(), "8888", style, 0).get());
  CHECK(ones == Approx(eights).epsilon(0.001));
}

TEST_CASE("text is wrapped at the width, cut after max lines, and repaired if not UTF-8") {
  Canvas c;
  TextStyle style;
  const std::string long_text(400, 'a');
  auto wrapped = make_layout(c.text.get(), "ord " + long_text, style, 100);
  CHECK(layout_width(wrapped.get()) <= 100.5);
  CHECK(pango_layout_get_line_count(wrapped.get()) > 3);
  auto cut = make_layout(c.text.get(), "ord " + long_text, style, 100, 2);
  CHECK(pango_layout_get_line_count(cut.get()) == 2);
  auto broken = make_layout(c.text.get(), std::string("Ba\xE6rum \xC3"), style, 0);
  CHECK(g_utf8_validate(pango_layout_get_text(broken.get()), -1, nullptr));
  draw_layout(c.cr, broken.get(), 0, 0, {});
  CHECK(cairo_status(c.cr) == CAIRO_STATUS_SUCCESS);
}

TEST_CASE("a fonts folder that is missing or empty is a render error") {
  test::ScratchDir dir("pdf-nofonts");
  CHECK_THROWS_AS(bundled_font_map(dir.path / "nothing"), RenderError);
  CHECK_THROWS_AS(bundled_font_map(dir.path), RenderError);
}
