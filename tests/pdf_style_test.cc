// templates/pdf.toml: the shipped file is valid, a project leader's changes take effect and
// mistakes are reported with the file and the setting.
#include <catch2/catch.hpp>

#include "render/pdf_style.h"
#include "render/renderer.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::render;

TEST_CASE("the shipped pdf.toml is valid and matches the built-in defaults") {
  const PdfStyle shipped = load_pdf_style(test::source_dir() / "templates" / "pdf.toml");
  const PdfStyle builtin;
  CHECK(shipped.margin_left == Approx(builtin.margin_left).margin(0.1));
  CHECK(shipped.margin_top == Approx(builtin.margin_top).margin(0.1));
  CHECK(shipped.body_size == builtin.body_size);
  CHECK(shipped.accent.r == Approx(builtin.accent.r).margin(0.002));
  CHECK(shipped.family == "Lato");
}

TEST_CASE("settings in pdf.toml override the defaults, millimetres become points") {
  const PdfStyle s = load_pdf_style(test::fixture("pdf/custom-style/templates/pdf.toml"));
  CHECK(s.margin_left == Approx(30 * 72 / 25.4));
  CHECK(s.margin_right == Approx(30 * 72 / 25.4));
  CHECK(s.margin_top == Approx(PdfStyle{}.margin_top));  // left out: default kept
  CHECK(s.section_starts_new_page);
  CHECK(s.body_size == 11);
  CHECK(s.accent.r == Approx(0x7a / 255.0));
}

TEST_CASE("a missing pdf.toml gives the defaults - a wrong value names file and setting") {
  CHECK(load_pdf_style("/nonexistent/pdf.toml").body_size == PdfStyle{}.body_size);
  try {
    load_pdf_style(test::fixture("pdf/bad-style/templates/pdf.toml"));
    FAIL("no error");
  } catch (const RenderError& e) {
    CHECK(std::string(e.what()).find("bad-style/templates/pdf.toml: [colour] accent must look "
                                     "like \"#1f4e79\", not \"dark blue\"") != std::string::npos);
  }
}
