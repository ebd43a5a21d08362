// The layout cache behind make_layout: a text in the same style and width is laid out once per
// thread, anything that changes the layout gives another one, and sharing layouts never changes
// what a PDF looks like (same bytes whatever the thread drew before).
#include <catch2/catch.hpp>

#include <cairo-pdf.h>

#include <thread>

#include "render/fonts.h"
#include "render/layout_text.h"
#include "render/layout_text_cache.h"
#include "render/renderer.h"
#include "support/pdf_canvas.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::render;

namespace {

using Canvas = test::PdfCanvas;

doc::Report report_with(const std::string& words) {
  doc::Report r;
  r.meta.title = "Halvårsrapport for " + words;
  r.meta.running_head = "Halvårsrapport · " + words;
  r.meta.lang = Lang::Nb;
  r.words.page_of = "Side {0} av {1}";
  doc::Section s;
  s.title = "Resultater for " + words;
  s.blocks.push_back(doc::Paragraph{"Andelen i jobb i " + words + " økte fra forrige halvår.",
                                    doc::ParagraphStyle::Body});
  doc::Table t;
  t.caption = "Tabell 1. Deltakere";
  t.columns = {{"Tjeneste", doc::Align::Left, 2}, {"Antall", doc::Align::Right, 1}};
  for (int i = 1; i <= 60; ++i)
    t.rows.push_back(
        {doc::RowStyle::Data,
         {doc::Value::of_text(words + " " + std::to_string(i % 7)), doc::Value::count(i % 13)}});
  s.blocks.push_back(t);
  r.sections.push_back(s);
  return r;
}

RenderOptions options() {
  RenderOptions o;
  o.resources_dir = test::source_dir();
  o.document_time = 1483228800;
  return o;
}

}  // namespace

TEST_CASE("the same text in the same style and width is laid out once") {
  Canvas c;
  TextStyle style;
  auto a = make_layout(c.text.get(), "Bærum 12 %", style, 100);
  CHECK(make_layout(c.text.get(), "Bærum 12 %", style, 100) == a);
  CHECK(make_layout(c.text.get(), "Bærum 12 %", style, 90) != a);
  CHECK(make_layout(c.text.get(), "Bærum 12 %", style, 100, 1) != a);
  TextStyle bold = style;
  bold.weight = PANGO_WEIGHT_BOLD;
  CHECK(make_layout(c.text.get(), "Bærum 12 %", bold, 100) != a);
  TextStyle centred = style;
  centred.align = PANGO_ALIGN_CENTER;
  auto centred_layout = make_layout(c.text.get(), "Bærum 12 %", centred, 100);
  CHECK(centred_layout != a);
  CHECK(pango_layout_get_alignment(centred_layout.get()) == PANGO_ALIGN_CENTER);
  CHECK(pango_layout_get_alignment(a.get()) == PANGO_ALIGN_LEFT);
}

TEST_CASE("a second canvas of the same kind on the same thread shares the context") {
  Canvas first, second;
  CHECK(first.text.get() == second.text.get());
  CHECK(layout_cache_of(first.text.get()) != nullptr);
}

TEST_CASE("a text context of the caller's own is not cached") {
  ContextPtr own(pango_font_map_create_context(bundled_font_map(fonts_dir_of(test::source_dir()))));
  CHECK(layout_cache_of(own.get()) == nullptr);
  TextStyle style;
  CHECK(make_layout(own.get(), "Tromsø", style, 0) != make_layout(own.get(), "Tromsø", style, 0));
}

TEST_CASE("a full layout cache starts afresh and layouts still in use stay valid") {
  Canvas c;
  LayoutCache cache;
  LayoutPtr kept = make_layout(c.text.get(), "Ålesund", TextStyle{}, 0);
  const double width = layout_width(kept.get());
  for (size_t i = 0; i < LayoutCache::kCapacity; ++i) cache.insert(std::to_string(i), kept);
  CHECK(cache.size() == LayoutCache::kCapacity);
  CHECK(cache.find("0") == kept);
  cache.insert("one more", kept);
  CHECK(cache.size() == 1);
  CHECK(cache.find("0") == nullptr);
  CHECK(cache.find("one more") == kept);
  CHECK(layout_width(kept.get()) == width);
}

TEST_CASE("a PDF has the same bytes whether or not its thread rendered other reports first") {
  test::ScratchDir dir("layout-cache");
  const doc::Report report = report_with("Bærum");
  // Each on a thread of its own, so that neither starts with the other's cached layouts.
  std::thread fresh([&] { render_pdf(report, options(), dir.path / "fresh.pdf"); });
  fresh.join();
  std::thread warm([&] {
    render_pdf(report_with("Tromsø"), options(), dir.path / "other.pdf");
    render_pdf(report, options(), dir.path / "warm.pdf");
  });
  warm.join();
  const std::string a = test::read_file(dir.path / "fresh.pdf");
  CHECK(a.size() > 5000);
  CHECK(a == test::read_file(dir.path / "warm.pdf"));
}
