// What cairo's structure tags cost on their own (bench/README.md, "cairo's tag cost"): a table
// of PAGES pages × 30 rows × 6 short cells drawn with Pango onto a cairo PDF surface, untagged,
// with a TH/TD leaf per cell, with a TR around each row as well, and without the text (rules
// only), untagged and with the leaves. Prints CPU seconds and bytes per variant and the cost per
// leaf, so that a cairo upgrade or a change in how the renderer tags (render/pdf_tags.*) can be
// judged without the whole report set. Usage: ipsreport-bench-cairo-tags [PAGES] (default 400).
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace {

enum class Variant { Untagged, Leaves, LeavesAndRows, UntaggedWithoutText, LeavesWithoutText };

cairo_status_t count_bytes(void* closure, const unsigned char*, unsigned int length) {
  *static_cast<size_t*>(closure) += length;
  return CAIRO_STATUS_SUCCESS;
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

struct Result {
  double seconds = 0;
  size_t bytes = 0;
  bool ok = false;
};

Result run(Variant variant, int pages) {
  constexpr int kRows = 30, kCols = 6;
  const char* texts[kCols] = {"Enhet 12", "1 234", "56 %", "12,3", "<5", "Oppland"};
  Result r;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(count_bytes, &r.bytes, 595, 842);
  cairo_t* cr = cairo_create(surface);
  PangoFontDescription* font = pango_font_description_from_string("Sans 8");
  PangoLayout* cells[kCols];
  for (int c = 0; c < kCols; ++c) {
    cells[c] = pango_cairo_create_layout(cr);
    pango_layout_set_font_description(cells[c], font);
    pango_layout_set_text(cells[c], texts[c], -1);
  }
  const bool tagged = variant != Variant::Untagged && variant != Variant::UntaggedWithoutText;
  const bool text =
      variant != Variant::UntaggedWithoutText && variant != Variant::LeavesWithoutText;
  const double start = cpu_seconds();
  if (tagged) cairo_tag_begin(cr, "Document", nullptr);
  for (int p = 0; p < pages; ++p) {
    if (tagged) cairo_tag_begin(cr, "Table", nullptr);
    for (int row = 0; row < kRows; ++row) {
      if (variant == Variant::LeavesAndRows) cairo_tag_begin(cr, "TR", nullptr);
      for (int c = 0; c < kCols; ++c) {
        const char* type = c == 0 ? "TH" : "TD";
        if (tagged) cairo_tag_begin(cr, type, nullptr);
        cairo_set_source_rgb(cr, 0.1, 0.2, 0.3);
        cairo_move_to(cr, 50 + c * 80, 50 + row * 24);
        if (text) pango_cairo_show_layout(cr, cells[c]);
        if (tagged) cairo_tag_end(cr, type);
      }
      if (variant == Variant::LeavesAndRows) cairo_tag_end(cr, "TR");
      cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
      cairo_move_to(cr, 50, 60 + row * 24);
      cairo_line_to(cr, 540, 60 + row * 24);
      cairo_stroke(cr);
    }
    if (tagged) cairo_tag_end(cr, "Table");
    if (tagged && p + 1 == pages) cairo_tag_end(cr, "Document");
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  r.seconds = cpu_seconds() - start;
  r.ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
  for (PangoLayout* l : cells) g_object_unref(l);
  pango_font_description_free(font);
  cairo_surface_destroy(surface);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const int pages = argc > 1 ? std::atoi(argv[1]) : 400;
  if (pages <= 0) {
    std::fprintf(stderr, "usage: %s [PAGES]\n", argv[0]);
    return 2;
  }
  const double leaves = pages * 30.0 * 6.0;
  const struct {
    Variant variant;
    const char* name;
  } variants[] = {{Variant::Untagged, "untagged"},
                  {Variant::Leaves, "a leaf per cell"},
                  {Variant::LeavesAndRows, "leaves and a TR per row"},
                  {Variant::UntaggedWithoutText, "untagged, no text"},
                  {Variant::LeavesWithoutText, "leaves, no text"}};
  double untagged = 0;
  for (const auto& v : variants) {
    const Result r = run(v.variant, pages);
    if (!r.ok) {
      std::fprintf(stderr, "%s: cairo failed\n", v.name);
      return 1;
    }
    // Each variant against the untagged one drawing the same (text or only the rules).
    if (v.variant == Variant::Untagged || v.variant == Variant::UntaggedWithoutText)
      untagged = r.seconds;
    std::printf("%-26s %7.3f s CPU %11zu bytes  %+6.2f us per leaf\n", v.name, r.seconds, r.bytes,
                (r.seconds - untagged) / leaves * 1e6);
  }
  return 0;
}
