// How wide each column of a PDF table is: the builder's proportions, adjusted so that header
// words and numbers are not broken mid-word ("Pla-ss", "B-1") when the page has room for them.
#pragma once

#include <vector>

namespace ips::render {

/// What one column asks for, in points, padding included.
struct ColumnNeed {
  double weight = 1;        // share of the table's width the builder gave it
  double header_word = 0;   // the header's widest word
  double cell = 0;          // the widest value that must stay on one line (figures)
  double upright_text = 0;  // the header turned upright needs this much (its line height)
};

/// The widths and which headers are turned upright (read bottom to top).
struct ColumnPlan {
  std::vector<double> widths;
  std::vector<bool> upright;
};

/// Plans `columns` into `total` points: each column gets its share, raised to what it needs,
/// the room taken from columns with more than they need. When even that does not fit, headers
/// wider than their share are turned upright; when that does not fit either, the shares stand
/// and text wraps where it must.
ColumnPlan plan_columns(const std::vector<ColumnNeed>& columns, double total);

}  // namespace ips::render
