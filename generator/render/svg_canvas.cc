#include "render/svg_canvas.h"
#include "render/xml_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace ips::render {

namespace {

// The bundled font first; the browser may not have it, hence the fallbacks of about Lato's
// width (a substitute sets the text a little wider or narrower from the same start).
constexpr const char* kFontFamily = "Lato, 'Helvetica Neue', Arial, sans-serif";
constexpr double kDefaultSize = 7.5;  // the chart engine's label size: most text leaves it out

// Whether a line that ends at byte `end` of `text` was broken inside a word, where Pango
// draws a hyphen that is not in the text.
bool broken_inside_word(const char* text, size_t length, size_t end) {
  if (end == 0 || end >= length) return false;
  const char* before = g_utf8_find_prev_char(text, text + end);
  return before && g_unichar_isalnum(g_utf8_get_char(before)) &&
         g_unichar_isalnum(g_utf8_get_char(text + end));
}

// The text a layout line shows: its runs in order, an ellipsized run as "…" (Pango keeps the
// cut text in that run's item, flagged as ellipsis), and the hyphen Pango adds at a break.
std::string shown_text(PangoLayoutLine* line, const char* text, size_t length) {
  std::string shown;
  bool ellipsized = false;
  for (GSList* run = line->runs; run != nullptr; run = run->next) {
    const auto* glyphs = static_cast<const PangoGlyphItem*>(run->data);
    const PangoItem* item = glyphs->item;
    if (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) {
      shown += "\u2026";
      ellipsized = true;
    } else {
      shown.append(text + item->offset, static_cast<size_t>(item->length));
    }
  }
  if (!ellipsized &&
      broken_inside_word(text, length, static_cast<size_t>(line->start_index + line->length)))
    shown += '-';
  // A wrapped line ends in the space it broke at; SVG would drop it anyway.
  while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\n')) shown.pop_back();
  return shown;
}

}  // namespace

SvgCanvas::SvgCanvas(double width, double height) {
  out_.reserve(16 * 1024);
  out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\"";
  out_ += " width=\"";
  number(width);
  out_ += "pt\" height=\"";
  number(height);
  out_ += "pt\"";
  list_attribute("viewBox", {0, 0, width, height});
  out_ += " font-family=\"";
  out_ += kFontFamily;
  out_ += "\"";
  attribute("font-size", kDefaultSize);
  out_ += " style=\"font-variant-numeric:tabular-nums\">";
}

void SvgCanvas::number(double v) {
  // Two decimals are finer than any screen or printer. Written from the whole hundredths: the
  // same digits as the to_chars path below, which is kept for huge values (a chart writes
  // thousands of numbers, and to_chars with a precision ran through snprintf, a fifth of the
  // drawing's time); no C locale can turn the point into a comma.
  const double hundredths = std::round(v * 100);
  if (std::fabs(hundredths) < 1e15) {
    const auto whole = static_cast<int64_t>(hundredths);
    uint64_t magnitude = whole < 0 ? static_cast<uint64_t>(-whole) : static_cast<uint64_t>(whole);
    char buffer[24];
    char* end = buffer + sizeof buffer;
    char* at = end;
    const unsigned cents = static_cast<unsigned>(magnitude % 100);
    magnitude /= 100;
    if (cents != 0) {  // trailing zeros left out: 0.5, not 0.50
      if (cents % 10 != 0) *--at = static_cast<char>('0' + cents % 10);
      *--at = static_cast<char>('0' + cents / 10);
      *--at = '.';
    }
    do {
      *--at = static_cast<char>('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude != 0);
    if (whole < 0) *--at = '-';  // no "-0": a value that rounds to 0 has whole == 0
    out_.append(at, static_cast<size_t>(end - at));
    return;
  }
  double rounded = hundredths / 100;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buffer[32];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 2);
  if (error != std::errc()) {
    out_ += '0';
    return;
  }
  std::string_view digits(buffer, static_cast<size_t>(end - buffer));
  while (digits.back() == '0') digits.remove_suffix(1);
  if (digits.back() == '.') digits.remove_suffix(1);
  out_ += digits;
}

void SvgCanvas::attribute(const char* name, double v) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  number(v);
  out_ += '"';
}

void SvgCanvas::list_attribute(const char* name, std::initializer_list<double> values) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  bool first = true;
  for (double v : values) {
    if (!first) out_ += ' ';
    number(v);
    first = false;
  }
  out_ += '"';
}

void SvgCanvas::box_attributes(double x, double y, double w, double h) {
  attribute("x", x);
  attribute("y", y);
  attribute("width", w);
  attribute("height", h);
}

void SvgCanvas::colour_attribute(const char* name, Rgb colour) {
  // "#rrggbb" in lower case, as printf's "#%06x" writes it.
  static constexpr char kDigits[] = "0123456789abcdef";
  const auto packed = static_cast<unsigned>(colour.packed());
  char hex[7] = {'#'};
  for (int i = 0; i < 6; ++i) hex[6 - i] = kDigits[(packed >> (4 * i)) & 0xF];
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  out_.append(hex, sizeof hex);
  out_ += '"';
}

void SvgCanvas::outline_attributes(Rgb outline, double width) {
  if (width <= 0) return;
  colour_attribute("stroke", outline);
  attribute("stroke-width", width);
}

void SvgCanvas::fill_rect(double x, double y, double w, double h, Rgb colour, double opacity) {
  out_ += "<rect";
  box_attributes(x, y, w, h);
  colour_attribute("fill", colour);
  if (opacity < 1) attribute("fill-opacity", opacity);
  out_ += "/>";
}

void SvgCanvas::stroke_rect(double x, double y, double w, double h, Rgb colour, double width) {
  out_ += "<rect";
  box_attributes(x, y, w, h);
  out_ += " fill=\"none\"";
  outline_attributes(colour, width);
  out_ += "/>";
}

void SvgCanvas::stroke_lines(const std::vector<std::vector<Point>>& lines, Rgb colour, double width,
                             Point dash) {
  out_ += "<path d=\"";
  bool any = false;
  for (const auto& line : lines) {
    if (line.size() < 2) continue;
    any = true;
    out_ += 'M';
    number(line.front().x);
    out_ += ' ';
    number(line.front().y);
    for (size_t i = 1; i < line.size(); ++i) {
      out_ += 'L';
      number(line[i].x);
      out_ += ' ';
      number(line[i].y);
    }
  }
  if (!any) {  // nothing to stroke: take the element back
    out_.resize(out_.rfind("<path"));
    return;
  }
  out_ += "\" fill=\"none\" stroke-linejoin=\"round\"";
  outline_attributes(colour, width);
  if (dash.x > 0) {
    list_attribute("stroke-dasharray", {dash.x, dash.y});
  }
  out_ += "/>";
}

void SvgCanvas::circle(Point centre, double radius, Rgb fill, Rgb outline, double outline_width) {
  out_ += "<circle";
  attribute("cx", centre.x);
  attribute("cy", centre.y);
  attribute("r", radius);
  colour_attribute("fill", fill);
  outline_attributes(outline, outline_width);
  out_ += "/>";
}

void SvgCanvas::polygon(const std::vector<Point>& corners, Rgb fill, Rgb outline,
                        double outline_width) {
  if (corners.empty()) return;
  out_ += "<polygon points=\"";
  for (size_t i = 0; i < corners.size(); ++i) {
    if (i > 0) out_ += ' ';
    number(corners[i].x);
    out_ += ',';
    number(corners[i].y);
  }
  out_ += '"';
  colour_attribute("fill", fill);
  outline_attributes(outline, outline_width);
  out_ += "/>";
}

void SvgCanvas::text(PangoLayout* layout, double x, double y, Rgb colour,
                     const Rotation& rotation) {
  const PangoFontDescription* font = pango_layout_get_font_description(layout);
  const double size = font
                          ? static_cast<double>(pango_font_description_get_size(font)) / PANGO_SCALE
                          : kDefaultSize;
  const PangoWeight weight = font ? pango_font_description_get_weight(font) : PANGO_WEIGHT_NORMAL;
  const char* all = pango_layout_get_text(layout);
  const size_t length = std::strlen(all);

  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    const std::string shown = shown_text(line, all, length);
    if (shown.empty()) continue;
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    out_ += "<text";
    // Anchored where the layout aligns its lines, so a browser font wider or narrower than
    // Pango's still ends at a right-aligned label's end and centres a centred one.
    const PangoAlignment align = pango_layout_get_alignment(layout);
    double anchor_x = static_cast<double>(logical.x) / PANGO_SCALE;
    if (align == PANGO_ALIGN_RIGHT) anchor_x += static_cast<double>(logical.width) / PANGO_SCALE;
    if (align == PANGO_ALIGN_CENTER)
      anchor_x += static_cast<double>(logical.width) / PANGO_SCALE / 2;
    attribute("x", x + anchor_x);
    if (align == PANGO_ALIGN_RIGHT) out_ += " text-anchor=\"end\"";
    if (align == PANGO_ALIGN_CENTER) out_ += " text-anchor=\"middle\"";
    attribute("y", y + static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE);
    if (std::fabs(size - kDefaultSize) > 0.005) attribute("font-size", size);
    if (weight != PANGO_WEIGHT_NORMAL) attribute("font-weight", static_cast<int>(weight));
    colour_attribute("fill", colour);
    // No textLength: fitting a substitute font to Pango's width squeezed the glyphs
    // (lengthAdjust) or ran them together; the browser sets the text in its own font instead.
    smallest_text_size_ = std::min(smallest_text_size_, size);
    if (rotation.angle != 0 || rotation.x != 0 || rotation.y != 0) {
      out_ += " transform=\"translate(";
      number(rotation.x);
      out_ += ' ';
      number(rotation.y);
      out_ += ") rotate(";
      number(rotation.angle * 180 / G_PI);
      out_ += ")\"";
    }
    out_ += '>';
    append_xml_escaped(out_, shown);
    out_ += "</text>";
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

void SvgCanvas::push_clip(double x, double y, double w, double h) {
  // A nested viewport clips to its box with no id to refer to; its viewBox keeps the outer
  // coordinates.
  out_ += "<svg";
  box_attributes(x, y, w, h);
  list_attribute("viewBox", {x, y, w, h});
  out_ += '>';
  ++open_clips_;
}

void SvgCanvas::pop_clip() {
  if (open_clips_ == 0) return;
  out_ += "</svg>";
  --open_clips_;
}

std::string SvgCanvas::finish() {
  while (open_clips_ > 0) pop_clip();
  out_ += "</svg>";
  return std::move(out_);
}

}  // namespace ips::render
