#include "render/pdf_tags.h"

#include <algorithm>

namespace ips::render {

void PdfTags::begin(cairo_t* cr, const TagNote& note, const std::string& attributes) {
  if (suspended_) return;
  cairo_tag_begin(cr, note.type.c_str(), attributes.empty() ? nullptr : attributes.c_str());
  open_.push_back(note.type);
  notes_.push_back(note);
}

void PdfTags::end(cairo_t* cr) {
  if (suspended_ || open_.empty()) return;
  cairo_tag_end(cr, open_.back().c_str());
  open_.pop_back();
}

std::string heading_tag(int level) {
  return "H" + std::to_string(std::clamp(level, 1, 6));
}

}  // namespace ips::render
