// The PDF layout engine: turns the report document into chunks of known height (title page,
// contents, headings, lines of text, table rows, charts) ready for pagination, and draws
// what is the same on every page (running header, "Side n av N").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <pango/pangocairo.h>

#include "render/pdf_flow.h"
#include "render/pdf_style.h"
#include "render/pdf_tags.h"
#include "report/document.h"

namespace ips::render {

/// An entry of the table of contents and of the PDF bookmarks.
struct OutlineEntry {
  std::string title;
  std::string anchor;
  int level = 0;  // 0 = section, 1 = subsection
};

/// The destination name of an anchor, safe inside a cairo tag attribute whatever it holds.
std::string pdf_dest_name(const std::string& anchor);

class PdfLayout {
 public:
  /// Lays out the whole report with `text` (a context on the bundled fonts). `report` and
  /// `style` must outlive the layout.
  PdfLayout(const doc::Report& report, const PdfStyle& style, PangoContext* text);
  ~PdfLayout();
  PdfLayout(const PdfLayout&) = delete;
  PdfLayout& operator=(const PdfLayout&) = delete;

  /// The chunks in reading order.
  const std::vector<std::shared_ptr<Chunk>>& chunks() const;
  /// Sections and subsections, for the bookmarks.
  const std::vector<OutlineEntry>& outline() const;
  /// The structure tags the chunks open as they are drawn, and what post-processing adds.
  PdfTags& tags();
  /// Where the chunks landed; the contents read their page numbers from it when drawn.
  void set_pagination(const Pagination* pagination);
  /// Running header (from page 2 on) and the page footer "Side n av N" (every page).
  void draw_page_frame(cairo_t* cr, int page, int pages);

 private:
  class Builder;
  std::unique_ptr<Builder> builder_;
};

}  // namespace ips::render
