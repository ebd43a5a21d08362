#include "render/pdf_chart_canvas.h"

namespace ips::render {

PdfChartCanvas::~PdfChartCanvas() {
  // A chart that stopped drawing half-way leaves no element open for the page after it.
  while (open_ > 0) end_part();
}

void PdfChartCanvas::begin_part(ChartPart part, double x, double y, double w, double h) {
  TagNote note;
  switch (part) {
    case ChartPart::Table:
      note.type = "Table";
      break;
    case ChartPart::Row:
      note.type = "TR";
      break;
    case ChartPart::ColumnHead:
      note.type = "TH";
      note.scope = "Column";
      break;
    case ChartPart::RowHead:
      note.type = "TH";
      note.scope = "Row";
      break;
    case ChartPart::Cell:
      note.type = "TD";
      break;
    case ChartPart::Key:
      note.type = "Figure";
      note.alt = alt_;
      note.drawn_at = TagBox{x, y, w, h};
      break;
  }
  tags_.begin(cr_, note);
  ++open_;
}

void PdfChartCanvas::end_part() {
  if (open_ == 0) return;
  tags_.end(cr_);
  --open_;
}

}  // namespace ips::render
