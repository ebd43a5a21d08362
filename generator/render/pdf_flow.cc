#include "render/pdf_flow.h"

namespace ips::render {

Pagination paginate(const std::vector<std::shared_ptr<Chunk>>& chunks, double top, double height) {
  Pagination out;
  out.pages.emplace_back();
  const double bottom = top + height;
  double y = top;
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
    // The height of this chunk and every chunk it must stay with.
    double need = (empty ? 0 : c.space_before) + c.height;
    for (size_t j = i; j + 1 < chunks.size() && chunks[j]->keep_with_next; ++j) {
      need += chunks[j + 1]->space_before + chunks[j + 1]->height;
      if (need > height) break;
    }
    if (need > height) need = (empty ? 0 : c.space_before) + c.height;  // cannot keep: just fit
    if (y + need > bottom + 0.01 && !empty) {
      new_page();
      if (c.repeat_on_break) place(*c.repeat_on_break, 0, true);
    }
    place(c, out.pages.back().empty() ? 0 : c.space_before);
  }
  return out;
}

}  // namespace ips::render
