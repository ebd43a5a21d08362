// The PDF page and typography settings from templates/pdf.toml (margins, sizes, colours), so a
// project leader can change them without recompiling.
#pragma once

#include <filesystem>
#include <string>

#include "render/layout_text.h"

namespace ips::render {

struct PdfStyle {
  // Page, in points (A4 portrait).
  double page_width = 595.276, page_height = 841.890;
  double margin_top = 68.0, margin_bottom = 62.4, margin_left = 62.4, margin_right = 62.4;
  bool section_starts_new_page = false;

  std::string family = "Lato";
  double body_size = 10, lead_size = 12, note_size = 8.5, table_size = 8.5;
  double title_size = 28, subtitle_size = 15;
  double heading1_size = 17, heading2_size = 13, heading3_size = 11;
  double header_footer_size = 8, key_figure_size = 20;

  Rgb text{0.133, 0.153, 0.169};
  Rgb muted{0.361, 0.404, 0.439};
  Rgb accent{0.122, 0.306, 0.475};
  Rgb rule{0.788, 0.820, 0.851};
  Rgb light_rule{0.894, 0.910, 0.925};
  Rgb table_header_background{0.914, 0.937, 0.961};
  Rgb group_row_background{0.953, 0.961, 0.969};
  Rgb key_figure_background{0.949, 0.965, 0.980};
  Rgb warning_background{0.992, 0.957, 0.890};
  Rgb warning_border{0.835, 0.541, 0.0};
  Rgb note_border{0.624, 0.702, 0.784};

  double body_width() const { return page_width - margin_left - margin_right; }
  double body_height() const { return page_height - margin_top - margin_bottom; }
};

/// The settings in `file`; built-in defaults for what it leaves out or when it does not exist.
/// Throws RenderError naming the file on a syntax error or a value of the wrong kind.
PdfStyle load_pdf_style(const std::filesystem::path& file);

}  // namespace ips::render
