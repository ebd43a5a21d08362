#include "render/pdf_tags.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace ips::render {

TaggingMode tagging_mode_from_environment() {
  static const TaggingMode mode = [] {
    const char* v = std::getenv("IPS_PDF_TAGGING");
    const std::string s = v ? v : "";
    return s == "none"    ? TaggingMode::None
           : s == "cairo" ? TaggingMode::CairoOnly
                          : TaggingMode::Full;
  }();
  return mode;
}

void PdfTags::begin(cairo_t* cr, const TagNote& note, const std::string& attributes) {
  if (suspended_) return;
  if (untagged_) {
    open_.emplace_back();
    return;
  }
  cairo_tag_begin(cr, note.type.c_str(), attributes.empty() ? nullptr : attributes.c_str());
  open_.push_back(note.type);
  notes_.push_back(note);
  if (note.drawn_at) {
    // cairo's device space is the page in points from its top-left corner; PDF's starts at the
    // bottom left. Whole points, rounded outwards: no locale or float formatting in the file.
    const TagBox& b = *note.drawn_at;
    double x0 = b.x, y0 = b.y, x1 = b.x + b.width, y1 = b.y + b.height;
    cairo_user_to_device(cr, &x0, &y0);
    cairo_user_to_device(cr, &x1, &y1);
    notes_.back().bbox =
        std::array<int, 4>{static_cast<int>(std::floor(std::min(x0, x1))),
                           static_cast<int>(std::floor(page_height_ - std::max(y0, y1))),
                           static_cast<int>(std::ceil(std::max(x0, x1))),
                           static_cast<int>(std::ceil(page_height_ - std::min(y0, y1)))};
  }
}

void PdfTags::end(cairo_t* cr) {
  if (suspended_ || open_.empty()) return;
  if (!untagged_) cairo_tag_end(cr, open_.back().c_str());
  open_.pop_back();
}

std::string heading_tag(int level) {
  return "H" + std::to_string(std::clamp(level, 1, 6));
}

}  // namespace ips::render
