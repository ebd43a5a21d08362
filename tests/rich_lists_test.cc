// A narrative's list items become real lists: consecutive items one list, a deeper item a list
// inside its parent item, a further paragraph inside its item, another block the end of all.
#include <catch2/catch.hpp>

#include "render/rich_lists.h"

using namespace ips;
using namespace ips::render;

namespace {

doc::TextRun run(const std::string& text) {
  doc::TextRun r;
  r.text = text;
  return r;
}

doc::Block item(const std::string& marker, int depth) {
  doc::RichParagraph p;
  p.marker = marker;
  p.depth = depth;
  p.runs.push_back(run("tekst"));
  return p;
}

doc::Block paragraph(int depth) {
  doc::RichParagraph p;
  p.depth = depth;
  p.runs.push_back(run("avsnitt"));
  return p;
}

// The tags as HTML would write them around each block ("B" for the block itself).
std::string markup(const std::vector<doc::Block>& blocks) {
  const std::vector<ListTags> tags = rich_list_tags(blocks);
  std::string out;
  for (const ListTags& t : tags) {
    for (const ListStart& s : t.open)
      out +=
          s.numbered ? "<ol" + (s.start != 1 ? " " + std::to_string(s.start) : "") + ">" : "<ul>";
    out += t.item ? "<li>B" : "B";
    for (const ListEnd e : t.close)
      out += e == ListEnd::Item ? "</li>" : e == ListEnd::NumberedList ? "</ol>" : "</ul>";
  }
  return out;
}

}  // namespace

TEST_CASE("Rich list items nest as real lists", "[narrative][lists]") {
  // 3. a / - b / - c / further paragraph of 3. / 4. d ; then a plain paragraph; then - e.
  const std::vector<doc::Block> blocks = {
      item("3.", 0), item("•", 1), item("•", 1), paragraph(1),
      item("4.", 0), paragraph(0), item("•", 0),
  };
  CHECK(markup(blocks) ==
        "<ol 3><li>B<ul><li>B</li><li>B</li></ul>B</li><li>B</li></ol>B<ul><li>B</li></ul>");
  // A bullet list straight after a numbered one at the same depth is a new list.
  CHECK(markup({item("1.", 0), item("•", 0)}) == "<ol><li>B</li></ol><ul><li>B</li></ul>");
  // Any other block ends the lists; a section ending in a list closes it.
  CHECK(markup({item("•", 0), item("•", 1), doc::Paragraph{"x"}}) ==
        "<ul><li>B<ul><li>B</li></ul></li></ul>B");
  CHECK(markup({paragraph(0)}) == "B");
}
