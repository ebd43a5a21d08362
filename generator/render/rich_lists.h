// A person's list items (doc::RichParagraph with a marker, one block each) as real lists: which
// lists and items begin before each block and end after it, so consecutive items become one list
// and deeper items a list inside their parent item. HTML writes them as <ul>/<ol> and <li>, the
// PDF tags them L, LI and LBody.
#pragma once

#include <vector>

#include "report/document.h"

namespace ips::render {

/// A list begun before a block.
struct ListStart {
  bool numbered = false;
  int start = 1;  // a numbered list's first number
};

/// What ends after a block, innermost first: the open item, or a whole list of either kind.
enum class ListEnd { Item, BulletList, NumberedList };

/// The list structure around one block of a section.
struct ListTags {
  std::vector<ListStart> open;  // lists begun before the block, outermost first
  bool item = false;            // the block begins an item (left open for what goes inside it)
  std::vector<ListEnd> close;   // items and lists ended after the block, innermost first
};

/// For each block of a section, the list structure around it; everything begun is ended by the
/// end of the section. An item is a rich paragraph with a marker ("•" bullet, "3." numbered) at
/// its depth; a rich paragraph without one at depth d > 0 is a further paragraph of the item at
/// depth d - 1; any other block ends every open list.
std::vector<ListTags> rich_list_tags(const std::vector<doc::Block>& blocks);

}  // namespace ips::render
