// Structure tags for the PDF (tagged PDF, PDF/UA-1): the renderer opens and closes structure
// elements through PdfTags, which passes them to cairo and keeps, for each element in the order
// it was opened, what cairo 1.16 cannot write (alt text, header scope, language, link text). The
// post-processor (pdf_ua_postprocess) adds those to the elements cairo wrote, matched by order.
//
// cairo 1.16 marks content only inside leaf elements: every run of text or drawing that is real
// content goes into its own leaf; anything drawn outside a leaf (rules, backgrounds, the running
// header and footer, repeated table headers) becomes an artifact in post-processing.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <cairo.h>

namespace ips::render {

/// A rectangle in the user space of the cairo context it is drawn on (points, y downwards).
struct TagBox {
  double x = 0, y = 0, width = 0, height = 0;
};

/// One structure element and what post-processing adds to it.
struct TagNote {
  TagNote() = default;
  TagNote(std::string element_type) : type(std::move(element_type)) {}  // NOLINT: implicit

  std::string type;      // standard structure type: "P", "H1", "Table", "TH", "Figure", "Link"…
  std::string alt;       // Figure: /Alt
  std::string scope;     // TH: "Column" or "Row" (/A << /O /Table /Scope … >>)
  int col_span = 0;      // TH/TD spanning columns: /ColSpan (0 = one column)
  std::string lang;      // an element whose language differs from the document's: /Lang
  std::string contents;  // Link: the annotation's /Contents
  std::optional<TagBox> drawn_at;  // Figure: where it is drawn; PdfTags::begin fills `bbox`
  // Figure: /A << /O /Layout /BBox [left bottom right top] >> in PDF page coordinates (points,
  // y upwards), rounded outwards to whole points.
  std::optional<std::array<int, 4>> bbox;
};

/// How much of the tagging runs: the whole of PDF/UA-1 (the default), only cairo's structure
/// tags (no post-processing), or none (an untagged PDF; without links too, since cairo 1.16
/// writes a link outside a tagged Document with a dangling structure reference). The last two
/// exist only to measure what tagging costs (IPS_PDF_TAGGING, bench/README.md).
enum class TaggingMode { Full, CairoOnly, None };

/// The tagging mode from the environment variable IPS_PDF_TAGGING ("cairo", "none"; anything
/// else or unset: Full), read once.
TaggingMode tagging_mode_from_environment();

class PdfTags {
 public:
  /// Untagged (TaggingMode::None): nothing reaches cairo; begin and end only keep count.
  void set_untagged(bool untagged) { untagged_ = untagged; }
  /// Opens an element (cairo_tag_begin); `attributes` are cairo's own (links: dest, rect).
  void begin(cairo_t* cr, const TagNote& note, const std::string& attributes = "");
  /// Closes the innermost open element.
  void end(cairo_t* cr);
  /// A leaf element holding what `draw` draws.
  template <class Draw>
  void leaf(cairo_t* cr, const TagNote& note, Draw&& draw) {
    begin(cr, note);
    draw();
    end(cr);
  }
  /// While suspended nothing is tagged: what is drawn becomes an artifact (a table header
  /// repeated on a later page).
  void set_suspended(bool suspended) { suspended_ = suspended; }
  /// The page height in points: a drawn_at box is turned into page coordinates with it.
  void set_page_height(double height) { page_height_ = height; }
  /// The elements in the order they were opened (cairo writes its structure tree in that order).
  const std::vector<TagNote>& notes() const { return notes_; }
  /// Elements still open.
  size_t open() const { return open_.size(); }

 private:
  std::vector<std::string> open_;
  std::vector<TagNote> notes_;
  bool suspended_ = false;
  bool untagged_ = false;
  double page_height_ = 0;
};

/// "H1"…"H6" for a heading level (clamped to 1..6).
std::string heading_tag(int level);

}  // namespace ips::render
