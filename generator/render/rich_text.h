// A person's rich paragraph (doc::RichParagraph) as each output format writes it: Pango markup
// for the PDF (every run escaped), the text a spreadsheet cell holds, runs for libxlsxwriter.
#pragma once

#include <string>

#include <pango/pangocairo.h>
#include <xlsxwriter.h>

#include "render/layout_text.h"
#include "render/xlsx_cells.h"
#include "report/document.h"

namespace ips::render {

/// The paragraph as Pango markup: runs escaped, <b>/<i> for strong and emphasis, a link
/// underlined with its address after it in brackets (paper cannot follow a link).
std::string rich_pango_markup(const doc::RichParagraph& p, Rgb link_colour);
/// The paragraph's text as one line of plain text: marker, runs, link addresses in brackets.
std::string rich_plain_text(const doc::RichParagraph& p);
/// A layout of the paragraph set from its markup (never cached or changed, so no attribute
/// outlives its text), with the style's tabular figures and line pitch.
LayoutPtr make_rich_layout(PangoContext* context, const doc::RichParagraph& p,
                           const TextStyle& style, double width, Rgb link_colour);
/// Writes the paragraph into one cell as an XLSX rich string (bold, italic, links underlined);
/// always a string, whatever its first character.
void write_rich_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                     const doc::RichParagraph& p, CellFormats& formats, lxw_format* cell_format,
                     lxw_color_t link_colour, const std::string& where);

}  // namespace ips::render
