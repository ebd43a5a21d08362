#include "render/rich_lists.h"

#include <algorithm>
#include <cstdlib>

namespace ips::render {

namespace {

// An open list and the depth of its items; its last item is open until the next item or the
// end of the list (a deeper list or a further paragraph goes inside it).
struct OpenList {
  bool numbered = false;
  int depth = 0;
};

ListEnd end_of(const OpenList& list) {
  return list.numbered ? ListEnd::NumberedList : ListEnd::BulletList;
}

}  // namespace

std::vector<ListTags> rich_list_tags(const std::vector<doc::Block>& blocks) {
  std::vector<ListTags> out(blocks.size());
  std::vector<OpenList> stack;
  // Ends the lists whose items are deeper than `depth` (all of them for -1).
  auto end_deeper = [&](int depth, std::vector<ListEnd>& close) {
    while (!stack.empty() && stack.back().depth > depth) {
      close.push_back(ListEnd::Item);
      close.push_back(end_of(stack.back()));
      stack.pop_back();
    }
  };
  for (size_t i = 0; i < blocks.size(); ++i) {
    // What ends before this block ends after the one before it.
    std::vector<ListEnd>& close = out[i == 0 ? 0 : i - 1].close;
    const auto* p = std::get_if<doc::RichParagraph>(&blocks[i]);
    const int depth = p ? std::max(0, p->depth) : 0;
    if (!p || p->marker.empty()) {
      // A further paragraph of the item at depth - 1 stays in it; anything else ends the lists.
      end_deeper(p && depth > 0 ? depth - 1 : -1, close);
      continue;
    }
    // narrative_blocks (report/narrative_sections.cc) marks a bullet "•", a numbered item "n.".
    const bool numbered = p->marker != "•";
    end_deeper(depth, close);
    if (!stack.empty() && stack.back().depth == depth) {
      close.push_back(ListEnd::Item);  // the item before, in the same list
      if (stack.back().numbered != numbered) {
        close.push_back(end_of(stack.back()));  // a list of the other kind follows at once
        stack.pop_back();
      }
    }
    if (stack.empty() || stack.back().depth != depth) {
      out[i].open.push_back({numbered, numbered ? std::atoi(p->marker.c_str()) : 1});
      stack.push_back({numbered, depth});
    }
    out[i].item = true;
  }
  if (!blocks.empty()) end_deeper(-1, out.back().close);
  return out;
}

}  // namespace ips::render
