// Pagination for the PDF renderer: the document becomes a list of chunks (a heading, a line
// of text, a table row, a chart) of known height; the flow puts them on pages, keeping chains
// of chunks together and repeating a table's header row after a page break.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <cairo.h>

#include "render/chart.h"
#include "render/pdf_tags.h"

namespace ips::render {

/// What a chunk draws, so that tests can check the layout rules on the chunks placed.
enum class ChunkKind {
  Other,         // title page, field, key figures, warning
  Contents,      // a line of the table of contents
  Heading,       // a heading of any level
  Text,          // a line of a paragraph
  TableCaption,  // a table's caption
  TableHeader,   // a table's header row
  TableRow,      // a row of a table (or a slice of a row taller than a page)
  TableNote,     // a line of a table's notes
  Chart,         // a chart (its caption is Text)
};

/// A text set inside a chunk and the room it was given (a table cell, a key figure's box), both
/// from the chunk's top-left corner, so that tests can see each text stay in its place.
struct PlacedText {
  std::string text;
  double room_x = 0, room_y = 0, room_w = 0, room_h = 0;  // the cell or box it must stay in
  double x = 0, y = 0, w = 0, h = 0;                      // the box its lines take
  bool cut = false;                                       // shortened with "…"
};

struct Chunk {
  ChunkKind kind = ChunkKind::Other;
  int block = -1;  // which block of the document it comes from, counted in reading order
  double height = 0;
  double space_before = 0;      // dropped at the top of a page
  bool keep_with_next = false;  // never the last chunk on a page (headings, table headers)
  /// Kept on one page with the next chunk when the whole run of chunks so joined fits on a
  /// page (an item's heading, score, comment and recommendation; a short table); a run taller
  /// than a page breaks where keep_with_next allows.
  bool keep_together_with_next = false;
  bool page_break_before = false;
  /// With page_break_before: no break when the page so far holds under a quarter of the text
  /// area (an appendix after the last few rows of a table follows them on their page).
  bool soft_break = false;
  /// Draws the chunk with its top-left corner at (x, y).
  std::function<void(cairo_t*, double x, double y)> draw;
  /// Drawn first on a page that this chunk continues onto (a table's header row).
  std::shared_ptr<const Chunk> repeat_on_break;
  /// A place other parts link to (TOC, bookmarks): recorded with its page when placed.
  std::string anchor;
  /// Structure elements that begin before this chunk and go on over the chunks after it (a
  /// paragraph of several lines, a table, a list), outermost first; `close` of the open ones
  /// end after it. Elements inside the chunk are opened and closed by `draw`.
  std::vector<TagNote> open;
  int close = 0;
  /// A chart's text boxes, bars, markers and line segments when drawn at (x, y); for tests.
  std::function<std::vector<ChartBox>(double x, double y)> chart_boxes;
  /// The texts drawn inside the chunk with their rooms (a table row's cells); for tests.
  std::vector<PlacedText> texts;
};

struct PlacedChunk {
  const Chunk* chunk;
  double y;
  bool repeat = false;  // a chunk's repeat_on_break drawn again at the top of a page
};

struct Place {
  int page = 0;  // 1-based
  double y = 0;
};

struct Pagination {
  std::vector<std::vector<PlacedChunk>> pages;
  std::map<std::string, Place> anchors;
};

/// Puts the chunks on pages whose text area runs from `top` to `top + height`.
Pagination paginate(const std::vector<std::shared_ptr<Chunk>>& chunks, double top, double height);

}  // namespace ips::render
