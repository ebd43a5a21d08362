#include "render/pdf_flow.h"

#include <algorithm>

namespace ips::render {

namespace {
// When a run of chunks that belong together is taller than a page, the most chunks after its
// first that still go with it: a heading, its caption or lead-in, a table's header and a row.
constexpr size_t kMinKept = 4;
}  // namespace

Pagination paginate(const std::vector<std::shared_ptr<Chunk>>& chunks, double top, double height) {
  Pagination out;
  out.pages.emplace_back();
  const double bottom = top + height;
  double y = top;
  size_t together_end = 0;  // the end of the last run of chunks kept together that was judged
  auto new_page = [&] {
    out.pages.emplace_back();
    y = top;
  };
  auto place = [&](const Chunk& c, double space, bool repeat = false) {
    out.pages.back().push_back({&c, y + space, repeat});
    if (!c.anchor.empty() && !out.anchors.count(c.anchor))
      out.anchors[c.anchor] = {static_cast<int>(out.pages.size()), y + space};
    y += space + c.height;
  };

  for (size_t i = 0; i < chunks.size(); ++i) {
    const Chunk& c = *chunks[i];
    bool empty = out.pages.back().empty();
    if (c.page_break_before && !empty) {
      new_page();
      empty = true;
    }
    // The height of this chunk and every chunk it must stay with: first the whole run kept
    // together (when it fits on a page), else the chunks it may never be parted from. A run
    // is judged once, at its first chunk: one that does not fit is not tried again from inside.
    const double own = (empty ? 0 : c.space_before) + c.height;
    // Past its own chunk a run also takes in the chunks the next one keeps together (a heading
    // goes with its table's kept rows, not only with the caption).
    auto joined = [&](size_t j, bool together) {
      return chunks[j]->keep_with_next ||
             ((together || j > i) && chunks[j]->keep_together_with_next);
    };
    auto run_height = [&](bool together) {
      double need = own;
      size_t j = i;
      for (; j + 1 < chunks.size() && joined(j, together); ++j) {
        need += chunks[j + 1]->space_before + chunks[j + 1]->height;
        if (need > height) break;
      }
      if (together) {
        while (j + 1 < chunks.size() && joined(j, true)) ++j;
        together_end = j + 1;
      }
      return need;
    };
    double need = height + 1;
    if (i >= together_end && c.keep_together_with_next) need = run_height(true);
    if (need > height) need = run_height(false);
    if (need > height) {
      // The whole run cannot stay on one page: keep at least a heading (and a caption or lead-in
      // it holds on to) with the first lines after it, so no heading ends a page alone.
      need = own;
      for (size_t j = i; j + 1 < chunks.size() && j < i + kMinKept && chunks[j]->keep_with_next;
           ++j)
        need += chunks[j + 1]->space_before + chunks[j + 1]->height;
      if (need > height) need = own;  // cannot keep: just fit
    }
    if (y + need > bottom + 0.01 && !empty) {
      new_page();
      if (c.repeat_on_break) place(*c.repeat_on_break, 0, true);
    }
    place(c, out.pages.back().empty() ? 0 : c.space_before);
  }
  return out;
}

}  // namespace ips::render
