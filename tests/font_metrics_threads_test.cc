// Font metrics asked for on several threads at once: every font gets its approximate character
// width (pangocairo measures it behind one unlocked flag for the whole process; fonts.cc puts a
// lock around it). Pango's line breaker uses that width, so a font left with 0 breaks the same
// paragraph differently depending on what another thread was doing at the time.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "render/fonts.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::render;

namespace {

// Fonts that no thread has measured before: a size of their own each (the thread's font map
// makes a new font, with no metrics yet, for every size).
constexpr int kFontsPerThread = 400;

struct Measured {
  int fonts = 0;
  int without_width = 0;
};

Measured measure_new_fonts(int thread, std::atomic<int>& ready, int threads) {
  PangoFontMap* map = bundled_font_map(fonts_dir_of(test::source_dir()));
  ContextPtr context(pango_font_map_create_context(map));
  PangoLanguage* english = pango_language_from_string("en");
  // Start together, so that the threads measure at the same time.
  ++ready;
  while (ready.load() < threads) std::this_thread::yield();
  Measured m;
  for (int i = 0; i < kFontsPerThread; ++i) {
    PangoFontDescription* description = pango_font_description_from_string("Lato");
    pango_font_description_set_absolute_size(description,
                                             PANGO_SCALE * 6 + (i * threads + thread) * 4);
    PangoFont* font = pango_context_load_font(context.get(), description);
    pango_font_description_free(description);
    if (!font) continue;
    PangoFontMetrics* metrics = pango_font_get_metrics(font, english);
    ++m.fonts;
    if (pango_font_metrics_get_approximate_char_width(metrics) <= 0) ++m.without_width;
    pango_font_metrics_unref(metrics);
    g_object_unref(font);
  }
  return m;
}

}  // namespace

TEST_CASE("fonts measured on two threads at once all get their approximate character width",
          "[fonts]") {
  constexpr int kThreads = 2;
  std::atomic<int> ready{0};
  std::vector<Measured> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] { results[t] = measure_new_fonts(t, ready, kThreads); });
  for (auto& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) {
    INFO("thread " << t);
    CHECK(results[t].fonts == kFontsPerThread);
    CHECK(results[t].without_width == 0);
  }
}
