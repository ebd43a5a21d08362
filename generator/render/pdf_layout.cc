#include "render/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "render/chart.h"
#include "render/layout_text.h"
#include "render/pdf_chart_canvas.h"
#include "render/pdf_tags.h"
#include "render/pdf_text_language.h"
#include "render/rich_lists.h"
#include "render/rich_text.h"
#include "render/table_columns.h"
#include "report/value_format.h"
#include "report/wording.h"

namespace ips::render {

namespace {

using ChunkPtr = std::shared_ptr<Chunk>;

void fill_rect(cairo_t* cr, double x, double y, double w, double h, Rgb colour) {
  set_colour(cr, colour);
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
}

void hline(cairo_t* cr, double x0, double x1, double y, double width, Rgb colour) {
  set_colour(cr, colour);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}

// One line of a laid-out text and where it sits, in points from the layout's top-left corner.
struct PlacedLine {
  PangoLayoutLine* line = nullptr;  // the layout's own: it must outlive this
  double x = 0, top = 0, baseline = 0, bottom = 0;
};

std::vector<PlacedLine> placed_lines(PangoLayout* layout) {
  std::vector<PlacedLine> lines;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    lines.push_back({pango_layout_iter_get_line_readonly(it), logical.x / double(PANGO_SCALE),
                     y0 / double(PANGO_SCALE),
                     pango_layout_iter_get_baseline(it) / double(PANGO_SCALE),
                     y1 / double(PANGO_SCALE)});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return lines;
}

// `lines` drawn from (x, y) as the element `note`: a leaf for one line (and for none, an empty
// cell's element); for more, the element holding a Span leaf per line. Drawn whole in one leaf, a
// text's second and later lines follow the empty marked-content span cairo writes where a line
// breaks, and readers of the structure tree (pdfinfo -struct-text among them) lose them.
void draw_tagged_lines(PdfTags& tags, cairo_t* cr, const TagNote& note,
                       const std::vector<PlacedLine>& lines, double x, double y, Rgb colour) {
  const bool spans = lines.size() > 1;
  if (lines.empty()) tags.leaf(cr, note, [] {});
  if (spans) tags.begin(cr, note);
  set_colour(cr, colour);
  for (const PlacedLine& l : lines)
    tags.leaf(cr, spans ? TagNote{"Span"} : note, [&] {
      cairo_move_to(cr, x + l.x, y + l.baseline);
      pango_cairo_show_layout_line(cr, l.line);
    });
  if (spans) tags.end(cr);
}

// `layout` drawn at (x, y) as the element `note`, as draw_tagged_lines tags it.
void draw_tagged_layout(PdfTags& tags, cairo_t* cr, const TagNote& note, PangoLayout* layout,
                        double x, double y, Rgb colour) {
  if (pango_layout_get_line_count(layout) <= 1)
    tags.leaf(cr, note, [&] { draw_layout(cr, layout, x, y, colour); });
  else
    draw_tagged_lines(tags, cr, note, placed_lines(layout), x, y, colour);
}

}  // namespace

namespace {

// The title with the words after its last dash bound to it by no-break spaces, so that a contents
// line never leaves "Skår: 5" alone on the next line ("T8 Stor bredde i typer jobber — Skår: 5").
std::string tail_kept_whole(const std::string& title) {
  static const std::string dash = " \u2014 ", nbsp = "\u00A0";
  const size_t at = title.rfind(dash);
  if (at == std::string::npos || title.size() - at > 40) return title;
  std::string out = title.substr(0, at) + nbsp + "\u2014" + nbsp;
  for (char ch : title.substr(at + dash.size())) out += ch == ' ' ? nbsp : std::string(1, ch);
  return out;
}

}  // namespace

std::string pdf_dest_name(const std::string& anchor) {
  static const char* hex = "0123456789abcdef";
  std::string out = "ips-";
  for (unsigned char c : anchor) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

class PdfLayout::Builder {
 public:
  Builder(const doc::Report& report, const PdfStyle& style, PangoContext* text)
      : report_(report), st_(style), text_(text), lang_(report.meta.lang) {}

  /// Builds the chunks of the whole document.
  void build() {
    collect_outline();
    add_title_page();
    // Contents that run onto a second page even set closer: the first section follows them
    // there instead of leaving that page with a few lines of contents alone.
    bool first = !add_contents();
    for (size_t i = 0; i < report_.sections.size(); ++i) {
      add_section(report_.sections[i], section_anchor(i), first);
      first = false;
    }
  }

  const std::vector<ChunkPtr>& chunks() const { return chunks_; }
  PdfTags& tags() { return tags_; }
  const std::vector<OutlineEntry>& outline() const { return outline_; }
  void set_pagination(const Pagination* p) { pagination_ = p; }

  /// Header (from page 2 on) and footer "Side n av N" on every page.
  void draw_page_frame(cairo_t* cr, int page, int pages) {
    TextStyle small = base(st_.header_footer_size);
    small.colour = st_.muted;
    const double x = st_.margin_left, w = st_.body_width();
    if (page > 1 && !report_.meta.running_head.empty()) {
      auto head = layout(report_.meta.running_head, small, w, 1);
      const double y = st_.margin_top - 22 - layout_height(head.get());
      draw_layout(cr, head.get(), x, y, st_.muted);
      hline(cr, x, x + w, st_.margin_top - 16, 0.5, st_.rule);
    }
    const std::string label =
        substitute(report_.words.page_of.empty() ? "{0} / {1}" : report_.words.page_of,
                   {std::to_string(page), std::to_string(pages)});
    TextStyle right = small;
    right.align = PANGO_ALIGN_RIGHT;
    auto foot = layout(label, right, w, 1);
    draw_layout(cr, foot.get(), x, st_.page_height - st_.margin_bottom + 22, st_.muted);
  }

 private:
  std::string section_anchor(size_t i) const {
    const auto& s = report_.sections[i];
    return s.anchor.empty() ? "section-" + std::to_string(i + 1) : s.anchor;
  }

  TextStyle base(double size) const {
    TextStyle t;
    t.family = st_.family;
    t.size = size;
    t.colour = st_.text;
    return t;
  }

  // An element holding `text`: in an English report, text that reads as Norwegian (from the
  // input: comments, purposes, names of roles) is marked /Lang nb.
  TagNote text_note(const std::string& type, const std::string& text) const {
    TagNote note{type};
    if (lang_ == Lang::En && looks_norwegian(text)) note.lang = "nb";
    return note;
  }

  LayoutPtr layout(const std::string& s, const TextStyle& style, double width, int lines = 0) {
    return make_layout(text_, s, style, width, lines);
  }

  // A text drawn with its top-left corner at (x, y) in a room (a cell, a box), for
  // Chunk::texts; all from the chunk's top-left corner.
  static PlacedText placed_text(PangoLayout* l, double x, double y, double room_x, double room_y,
                                double room_w, double room_h) {
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    PlacedText t;
    t.text = pango_layout_get_text(l);
    t.room_x = room_x;
    t.room_y = room_y;
    t.room_w = room_w;
    t.room_h = room_h;
    t.x = x + logical.x / double(PANGO_SCALE);
    t.y = y + logical.y / double(PANGO_SCALE);
    t.w = logical.width / double(PANGO_SCALE);
    t.h = logical.height / double(PANGO_SCALE);
    t.cut = pango_layout_is_ellipsized(l);
    return t;
  }

  ChunkPtr add(double height, double space_before,
               std::function<void(cairo_t*, double, double)> draw) {
    auto c = std::make_shared<Chunk>();
    c->height = height;
    c->space_before = space_before;
    c->draw = std::move(draw);
    c->block = block_;
    chunks_.push_back(c);
    return c;
  }

  void collect_outline() {
    for (size_t i = 0; i < report_.sections.size(); ++i) {
      const auto& s = report_.sections[i];
      if (!s.title.empty()) outline_.push_back({s.title, section_anchor(i), 0});
      for (const auto& block : s.blocks) {
        const auto* h = std::get_if<doc::Heading>(&block);
        if (h && h->level == 2 && !h->anchor.empty() && !h->text.empty())
          outline_.push_back({h->text, h->anchor, 1});
      }
    }
  }

  // Text as one chunk per line, so long paragraphs flow across pages; the first two and the
  // last two lines stay together (no orphans or widows).
  // One line alone is a P leaf; more are a P holding one Span leaf per line (cairo 1.16 keeps
  // no text drawn in an element that has children, and a leaf cannot go on over chunks).
  void add_lines(const std::string& s, const TextStyle& style, double indent, double width,
                 double space_before, double space_after = 0) {
    add_layout_lines(layout(s, style, width), s, style, indent, space_before, space_after);
  }

  // add_lines for a layout made already (a rich paragraph's); `s` is its text, for the tags.
  void add_layout_lines(LayoutPtr l, const std::string& s, const TextStyle& style, double indent,
                        double space_before, double space_after) {
    const std::vector<PlacedLine> lines = placed_lines(l.get());
    const size_t n = lines.size();
    const TagNote paragraph = text_note("P", s);
    const TagNote line_note{n == 1 ? paragraph : TagNote{"Span"}};
    PdfTags* tags = &tags_;
    for (size_t index = 0; index < n; ++index) {
      PangoLayoutLine* line = lines[index].line;
      const double dx = lines[index].x;
      const double dy = lines[index].baseline - lines[index].top;
      const Rgb colour = style.colour;
      double h = lines[index].bottom - lines[index].top;
      if (index + 1 == n) h += space_after;
      auto c =
          add(h, index == 0 ? space_before : 0,
              [l, line, dx, dy, indent, colour, tags, line_note](cairo_t* cr, double x, double y) {
                tags->leaf(cr, line_note, [&] {
                  set_colour(cr, colour);
                  cairo_move_to(cr, x + indent + dx, y + dy);
                  pango_cairo_show_layout_line(cr, line);
                });
              });
      c->kind = ChunkKind::Text;
      c->keep_with_next = n > 1 && (index == 0 || index + 2 == n);
      if (n > 1 && index == 0) c->open.push_back(paragraph);
      if (n > 1 && index + 1 == n) c->close = 1;
    }
  }

  void add_title_page() {
    const auto& m = report_.meta;
    const double w = st_.body_width();
    TextStyle title = base(st_.title_size);
    title.weight = PANGO_WEIGHT_BOLD;
    title.colour = st_.accent;
    TextStyle subtitle = base(st_.subtitle_size);
    TextStyle date = base(st_.body_size + 1);
    date.colour = st_.muted;
    TextStyle small = base(st_.body_size - 1);
    small.colour = st_.muted;
    auto t = layout(m.title, title, w * 0.9);
    auto s = layout(m.subtitle, subtitle, w * 0.9);
    auto d = layout(m.date_label, date, w);
    auto a = layout(m.author, small, w);
    auto k = layout(m.subject, small, w);
    const PdfStyle st = st_;
    PdfTags* tags = &tags_;
    const TagNote subject = text_note("P", m.subject), author = text_note("P", m.author);
    add(st_.body_height(), 0, [=](cairo_t* cr, double x, double y) {
      double yy = y + st.body_height() * 0.28;
      fill_rect(cr, x, yy - 22, 48, 4, st.accent);
      draw_tagged_layout(*tags, cr, {"H1"}, t.get(), x, yy, st.accent);
      yy += layout_height(t.get()) + 10;
      if (pango_layout_get_character_count(s.get()) > 0) {
        draw_tagged_layout(*tags, cr, {"P"}, s.get(), x, yy, st.text);
        yy += layout_height(s.get()) + 8;
      }
      draw_tagged_layout(*tags, cr, {"P"}, d.get(), x, yy, st.muted);
      // Bottom of the page: a rule, then the subject and the author.
      const bool has_subject = pango_layout_get_character_count(k.get()) > 0;
      const double block = layout_height(a.get()) + (has_subject ? layout_height(k.get()) + 2 : 0);
      double by = y + st.body_height() - block;
      hline(cr, x, x + st.body_width(), by - 10, 0.5, st.rule);
      if (has_subject) {
        draw_tagged_layout(*tags, cr, subject, k.get(), x, by, st.muted);
        by += layout_height(k.get()) + 2;
      }
      draw_tagged_layout(*tags, cr, author, a.get(), x, by, st.muted);
    });
  }

  // The contents after the title page; true when they take more than one page.
  bool add_contents() {
    if (outline_.empty()) return false;
    auto heading = add_heading_chunk(
        report_.words.contents.empty() ? "Innhold" : report_.words.contents, 1, "");
    heading->page_break_before = true;
    TextStyle entry = base(st_.body_size);
    TextStyle sub = base(st_.body_size - 0.5);
    sub.colour = st_.muted;
    TextStyle number = entry;
    number.align = PANGO_ALIGN_RIGHT;
    const double w = st_.body_width();
    // The entries' lines and their height; contents that would run a little onto a second
    // page are set closer (less space between entries, lines closer), to fit on one.
    std::vector<LayoutPtr> lines;
    auto set_lines = [&](bool close) {
      lines.clear();
      TextStyle e0 = entry, e1 = sub;
      if (close) e0.line_height = e1.line_height = 1.1;
      double height = heading->height;
      for (const OutlineEntry& e : outline_) {
        const double indent = e.level == 0 ? 0 : 16;
        lines.push_back(layout(tail_kept_whole(e.title), e.level == 0 ? e0 : e1, w - indent - 50));
        height += layout_height(lines.back().get()) +
                  (e.level == 0 ? (close ? 4 : 7) : (close ? 0.5 : 2));
      }
      return height;
    };
    bool close = false;
    bool spills = set_lines(false) > st_.body_height();
    if (spills) {
      close = set_lines(true) <= st_.body_height();
      spills = !close;
      if (!close) set_lines(false);
    }
    for (size_t i = 0; i < outline_.size(); ++i) {
      const OutlineEntry e = outline_[i];
      const double indent = e.level == 0 ? 0 : 16;
      auto l = lines[i];
      const double h = layout_height(l.get());
      const Rgb colour = e.level == 0 ? st_.text : st_.muted;
      const Rgb dots = st_.rule;
      const double space = e.level == 0 ? (close ? 4 : 7) : (close ? 0.5 : 2);
      auto chunk = add(
          h, i == 0 ? 4 : space,
          [this, e, l, h, indent, w, colour, dots, number](cairo_t* cr, double x, double y) {
            const Place target = find(e.anchor);
            auto n = layout(target.page > 0 ? std::to_string(target.page) : "", number, 40, 1);
            // The last line of the title and the number share a baseline, joined by dots.
            PangoLayoutIter* it = pango_layout_get_iter(l.get());
            while (!pango_layout_iter_at_last_line(it)) pango_layout_iter_next_line(it);
            PangoRectangle last;
            pango_layout_iter_get_line_extents(it, nullptr, &last);
            const double baseline = pango_layout_iter_get_baseline(it) / double(PANGO_SCALE);
            pango_layout_iter_free(it);
            const double text_end = x + indent + (last.x + last.width) / double(PANGO_SCALE);
            // A named destination: cairo 1.16 drops "page=" links to pages not yet drawn.
            char rect[96];
            std::snprintf(rect, sizeof rect, " rect=[%d %d %d %d]", static_cast<int>(x),
                          static_cast<int>(y), static_cast<int>(w), static_cast<int>(std::ceil(h)));
            const std::string attrs = "dest='" + pdf_dest_name(e.anchor) + "'" + rect;
            const bool linked = target.page > 0;  // a dangling link would fail the PDF
            // TOCI > Link (the title), Reference (the page number); the dots are decoration.
            tags_.begin(cr, {"TOCI"});
            TagNote link{linked ? "Link" : "P"};
            link.contents = e.title;
            tags_.begin(cr, link, linked ? attrs : "");
            draw_layout(cr, l.get(), x + indent, y, colour);
            tags_.end(cr);
            draw_tagged_layout(tags_, cr, {"Reference"}, n.get(), x + w - 40,
                               y + baseline - layout_baseline(n.get()), colour);
            const double dots_from = text_end + 6, dots_to = x + w - 6 - layout_width(n.get());
            if (dots_to > dots_from) {
              set_colour(cr, dots);
              cairo_set_line_width(cr, 0.8);
              cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
              const double dash[] = {0.01, 3.0};
              cairo_set_dash(cr, dash, 2, 0);
              cairo_move_to(cr, dots_from, y + baseline);
              cairo_line_to(cr, dots_to, y + baseline);
              cairo_stroke(cr);
              cairo_set_dash(cr, nullptr, 0, 0);
              cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            }
            tags_.end(cr);
          });
      chunk->kind = ChunkKind::Contents;
      if (i == 0) chunk->open.push_back({"TOC"});
      if (i + 1 == outline_.size()) chunk->close = 1;
    }
    return spills;
  }

  Place find(const std::string& anchor) const {
    if (!pagination_) return {};
    auto it = pagination_->anchors.find(anchor);
    return it == pagination_->anchors.end() ? Place{} : it->second;
  }

  // A heading kept with what follows it.
  ChunkPtr add_heading_chunk(const std::string& text, int level, const std::string& anchor) {
    TextStyle style = base(level <= 1   ? st_.heading1_size
                           : level == 2 ? st_.heading2_size
                                        : st_.heading3_size);
    style.weight = level == 3 ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_BOLD;
    style.colour = level <= 1 ? st_.accent : st_.text;
    // Straight under another heading a subheading needs little air of its own.
    const bool under_heading = last_heading_ && !chunks_.empty() && chunks_.back() == last_heading_;
    const double before = under_heading ? 4 : level <= 1 ? 26 : level == 2 ? 16 : 11;
    const double after = level <= 1 ? 8 : level == 2 ? 5 : 3;
    auto l = layout(text, style, st_.body_width());
    const Rgb colour = style.colour;
    PdfTags* tags = &tags_;
    const TagNote note = text_note(heading_tag(level), text);
    auto c = add(layout_height(l.get()) + after, before,
                 [l, colour, tags, note](cairo_t* cr, double x, double y) {
                   draw_tagged_layout(*tags, cr, note, l.get(), x, y, colour);
                 });
    c->keep_with_next = true;
    c->kind = ChunkKind::Heading;
    c->anchor = anchor;
    last_heading_ = c;
    return c;
  }

  void add_section(const doc::Section& section, const std::string& anchor, bool first) {
    const size_t first_chunk = chunks_.size();
    add_section_chunks(section, anchor, first);
    if (chunks_.size() > first_chunk) {  // a Sect around the section's chunks
      auto& open = chunks_[first_chunk]->open;
      open.insert(open.begin(), TagNote{"Sect"});
      ++chunks_.back()->close;
    }
  }

  void add_section_chunks(const doc::Section& section, const std::string& anchor, bool first) {
    bool break_before = first || section.appendix || st_.section_starts_new_page;
    const size_t section_start = chunks_.size();
    size_t start = 0;
    ++block_;
    if (!section.title.empty()) {
      auto h = add_heading_chunk(section.title, 1, anchor);
      h->page_break_before = break_before;
      // An appendix does not leave the page before it nearly empty (a table's last rows).
      h->soft_break = section.appendix && !first;
      break_before = false;
      // A builder may repeat the section title as its first heading; draw it once.
      if (!section.blocks.empty()) {
        const auto* first_heading = std::get_if<doc::Heading>(&section.blocks[0]);
        if (first_heading && first_heading->level <= 1 && first_heading->text == section.title)
          start = 1;
      }
    }
    const HeatmapSources heatmaps = heatmap_sources(section);
    // The first chunk of a heading and the text under it (the section's title and its lead too).
    size_t group = chunks_.size() > section_start ? section_start : kNoGroup;
    const std::vector<ListTags> lists = rich_list_tags(section.blocks);
    for (size_t i = start; i < section.blocks.size(); ++i) {
      const doc::Block& block = section.blocks[i];
      ++block_;
      const auto* heading = std::get_if<doc::Heading>(&block);
      if (heading || !std::holds_alternative<doc::Paragraph>(block)) {
        close_group(group, !heading);
        group = kNoGroup;
      }
      const size_t before = chunks_.size();
      const auto* table = std::get_if<doc::Table>(&block);
      const auto* chart = std::get_if<doc::Chart>(&block);
      if (table && heatmaps.count(table->id)) {
        // The heatmap prints every value of its table; the table goes to the XLSX and HTML.
      } else if (chart && chart->spec.kind == doc::ChartKind::Heatmap &&
                 heatmaps.count(chart->spec.source_table)) {
        const HeatmapSource& source = heatmaps.at(chart->spec.source_table);
        add_block(with_row_heads(*chart, *source.table));
        if (i == source.last_chart) {
          if (!source.table->footnotes.empty()) chunks_.back()->keep_with_next = true;
          add_footnotes(*source.table);
        }
      } else {
        std::visit([&](const auto& b) { add_block(b); }, block);
        if (std::holds_alternative<doc::RichParagraph>(block)) tag_list(lists[i], before);
      }
      if (heading && chunks_.size() > before) group = before;
      if (break_before && chunks_.size() > before) {
        chunks_[before]->page_break_before = true;
        chunks_[before]->anchor = anchor;
        break_before = false;
      }
    }
    close_group(group, false);
    // A short appendix (the data-quality notes: "no problems") follows the section before it
    // rather than standing almost alone on a page of its own.
    if (section.appendix && !first && chunks_.size() > section_start &&
        !st_.section_starts_new_page) {
      // Measured as the pagination check measures a page's content (tests/pdf_layout_rules_test):
      // the chunks' own heights, without the space between them.
      double height = 0;
      for (size_t c = section_start; c < chunks_.size(); ++c) height += chunks_[c]->height;
      if (height < st_.body_height() * kShortSection)
        chunks_[section_start]->page_break_before = false;
    }
  }

  // The tallest a closing section may be, as a share of the text area, to follow the previous one.
  static constexpr double kShortSection = 0.3;
  // The tallest a subheading with its text may be, as a share of the text area, to be kept on one
  // page (an item's heading, score, criterion, comment and recommendation).
  static constexpr double kKeptGroup = 0.6;

  // Keeps the chunks from `group` on to the last one together, if they are not too many.
  static constexpr size_t kNoGroup = static_cast<size_t>(-1);
  // `introduces`: a table or chart follows, which a short text under the heading introduces and
  // is never parted from (the heading and two lines alone at the foot of a page).
  void close_group(size_t group, bool introduces = false) {
    if (group == kNoGroup || group + 1 >= chunks_.size()) return;
    double height = 0;
    for (size_t c = group; c < chunks_.size(); ++c)
      height += chunks_[c]->space_before + chunks_[c]->height;
    if (height > st_.body_height() * kKeptGroup) return;
    for (size_t c = group; c + 1 < chunks_.size(); ++c) chunks_[c]->keep_together_with_next = true;
    if (introduces && height <= st_.body_height() * kLeadIn) chunks_.back()->keep_with_next = true;
  }
  // The tallest a heading with its text may be to be kept with the table or chart after it.
  static constexpr double kLeadIn = 0.2;

  struct HeatmapSource {
    const doc::Table* table = nullptr;
    size_t last_chart = 0;  // the block index of the last heatmap drawn from it
  };
  using HeatmapSources = std::map<std::string, HeatmapSource>;

  // The tables of the section that one of its heatmaps draws whole: each value is written in
  // its coloured cell, so the PDF prints the numbers once.
  static HeatmapSources heatmap_sources(const doc::Section& section) {
    HeatmapSources out;
    std::map<std::string, const doc::Table*> tables;
    for (const auto& block : section.blocks)
      if (const auto* t = std::get_if<doc::Table>(&block); t && !t->id.empty()) tables[t->id] = t;
    for (size_t i = 0; i < section.blocks.size(); ++i) {
      const auto* c = std::get_if<doc::Chart>(&section.blocks[i]);
      if (!c || c->spec.kind != doc::ChartKind::Heatmap || !tables.count(c->spec.source_table))
        continue;
      out[c->spec.source_table] = {tables.at(c->spec.source_table), i};
    }
    return out;
  }

  // The heatmap's row names as its table heads them, note marks included ("IPS Bergen*").
  static doc::Chart with_row_heads(const doc::Chart& chart, const doc::Table& table) {
    doc::Chart out = chart;
    for (auto& series : out.spec.series)
      for (const auto& row : table.rows) {
        if (row.cells.empty() || row.cells[0].type != doc::ValueType::Text) continue;
        const std::string& head = row.cells[0].text;
        if (head.size() > series.name.size() &&
            head.compare(0, series.name.size(), series.name) == 0 &&
            head.find_first_not_of('*', series.name.size()) == std::string::npos) {
          series.name = head;
          break;
        }
      }
    return out;
  }

  void add_block(const doc::Heading& h) {
    add_heading_chunk(h.text, std::max(1, h.level), h.anchor);
  }

  void add_block(const doc::Paragraph& p) {
    const double w = st_.body_width();
    switch (p.style) {
      case doc::ParagraphStyle::Body: {
        TextStyle t = base(st_.body_size);
        t.line_height = 1.4;
        add_lines(p.text, t, 0, w, 6, 2);
        break;
      }
      case doc::ParagraphStyle::Lead: {
        TextStyle t = base(st_.lead_size);
        t.line_height = 1.35;
        add_lines(p.text, t, 0, w, 6, 6);
        break;
      }
      case doc::ParagraphStyle::Note: {
        TextStyle t = base(st_.note_size);
        t.colour = st_.muted;
        t.slant = PANGO_STYLE_ITALIC;
        add_lines(p.text, t, 0, w, 5, 2);
        break;
      }
      case doc::ParagraphStyle::Warning: {
        TextStyle t = base(st_.body_size - 0.5);
        const double pad = 8, bar = 3;
        auto l = layout(p.text, t, w - 2 * pad - bar);
        const double h = layout_height(l.get()) + 2 * pad;
        const PdfStyle st = st_;
        PdfTags* tags = &tags_;
        const TagNote note = text_note("P", p.text);
        add(h + 4, 8, [l, h, w, st, pad, bar, tags, note](cairo_t* cr, double x, double y) {
          fill_rect(cr, x, y, w, h, st.warning_background);
          fill_rect(cr, x, y, bar, h, st.warning_border);
          draw_tagged_layout(*tags, cr, note, l.get(), x + bar + pad, y + pad, st.text);
        });
        break;
      }
    }
  }

  // A person's list item goes in L > LI > LBody (rich_lists.h) around the chunks from `first`
  // on; its marker stays part of its text.
  void tag_list(const ListTags& list, size_t first) {
    if (chunks_.size() <= first) return;
    std::vector<TagNote> open(list.open.size(), TagNote{"L"});
    if (list.item) open.insert(open.end(), {TagNote{"LI"}, TagNote{"LBody"}});
    std::vector<TagNote>& before = chunks_[first]->open;
    before.insert(before.begin(), open.begin(), open.end());
    for (const ListEnd end : list.close) chunks_.back()->close += end == ListEnd::Item ? 2 : 1;
  }

  // A person's own text (a project leader's assessment): emphasis and links from its Markdown;
  // list items indented by their depth.
  void add_block(const doc::RichParagraph& p) {
    TextStyle t = base(st_.body_size);
    t.line_height = 1.4;
    const double indent = p.marker.empty() ? 0 : 12.0 * (p.depth + 1);
    const double w = st_.body_width() - indent;
    add_layout_lines(make_rich_layout(text_, p, t, w, st_.accent), rich_plain_text(p), t, indent,
                     p.marker.empty() || p.heading ? 6 : 2, 2);
  }

  void add_block(const doc::FieldList& list) {
    const double w = st_.body_width();
    const double label_w = std::min(150.0, w * 0.3);
    TextStyle label = base(st_.body_size - 0.5);
    label.weight = PANGO_WEIGHT_SEMIBOLD;
    label.colour = st_.muted;
    TextStyle value = base(st_.body_size);
    for (size_t i = 0; i < list.fields.size(); ++i) {
      if (i < list.links.size() && !list.links[i].empty()) {
        add_linked_field(list, i, label, label_w);
        continue;
      }
      auto l = layout(list.fields[i].first, label, label_w - 8);
      auto v = layout(list.fields[i].second, value, w - label_w);
      const double h = std::max(layout_height(l.get()), layout_height(v.get())) + 7;
      const double shift = layout_baseline(v.get()) - layout_baseline(l.get());
      const PdfStyle st = st_;
      PdfTags* tags = &tags_;
      const TagNote body = text_note("LBody", list.fields[i].second);
      // L > LI > Lbl (the label), LBody (the value).
      auto c = add(h, i == 0 ? 8 : 0, [=](cairo_t* cr, double x, double y) {
        tags->begin(cr, {"LI"});
        draw_tagged_layout(*tags, cr, {"Lbl"}, l.get(), x, y + 3 + shift, st.muted);
        draw_tagged_layout(*tags, cr, body, v.get(), x + label_w, y + 3, st.text);
        tags->end(cr);
        hline(cr, x, x + w, y + h - 0.25, 0.5, st.light_rule);
      });
      c->texts = {placed_text(l.get(), 0, 3 + shift, 0, 0, label_w, h),
                  placed_text(v.get(), label_w, 3, label_w, 0, w - label_w, h)};
      c->keep_with_next = i + 1 < list.fields.size() && i == 0;
      if (i == 0) c->open.push_back({"L"});
      if (i + 1 == list.fields.size()) c->close = 1;
    }
    if (!chunks_.empty()) chunks_.back()->height += 4;
  }

  // A field whose value is links to other reports of the set (the Halvårsrapport's
  // Kvalitetsrapporter): one per line, each a link annotation to the PDF beside this one
  // (a URI action to its "about" section), tagged LBody > Link with the text as /Contents.
  void add_linked_field(const doc::FieldList& list, size_t i, const TextStyle& label,
                        double label_w) {
    const double w = st_.body_width();
    TextStyle value = base(st_.body_size);
    auto l = layout(list.fields[i].first, label, label_w - 8);
    std::vector<std::pair<LayoutPtr, doc::FieldLink>> links;
    double links_h = 0;
    for (const doc::FieldLink& f : list.links[i]) {
      links.emplace_back(layout(f.text, value, w - label_w), f);
      links_h += layout_height(links.back().first.get());
    }
    const double h = std::max(layout_height(l.get()), links_h) + 7;
    const double shift = layout_baseline(links.front().first.get()) - layout_baseline(l.get());
    const PdfStyle st = st_;
    PdfTags* tags = &tags_;
    auto c = add(h, i == 0 ? 8 : 0, [=](cairo_t* cr, double x, double y) {
      tags->begin(cr, {"LI"});
      draw_tagged_layout(*tags, cr, {"Lbl"}, l.get(), x, y + 3 + shift, st.muted);
      tags->begin(cr, {"LBody"});
      double top = y + 3;
      for (const auto& [layout_ptr, f] : links) {
        const double lh = layout_height(layout_ptr.get());
        char rect[96];
        std::snprintf(rect, sizeof rect, " rect=[%d %d %d %d]", static_cast<int>(x + label_w),
                      static_cast<int>(top),
                      static_cast<int>(std::ceil(layout_width(layout_ptr.get()))),
                      static_cast<int>(std::ceil(lh)));
        TagNote link{"Link"};
        link.contents = f.text;
        // A URI action to the PDF beside this one, "stem#anchor" opening that section
        // (#nameddest=): cairo 1.16 asserts on a remote (file=) link with a page or a
        // destination, and writes one without as a malformed page destination.
        const size_t hash = f.stem.find('#');
        std::string uri = f.stem.substr(0, hash) + ".pdf";
        if (hash != std::string::npos)
          uri += "#nameddest=" + pdf_dest_name(f.stem.substr(hash + 1));
        tags->begin(cr, link, "uri='" + uri + "'" + rect);
        draw_layout(cr, layout_ptr.get(), x + label_w, top, st.accent);
        tags->end(cr);
        top += lh;
      }
      tags->end(cr);
      tags->end(cr);
      hline(cr, x, x + w, y + h - 0.25, 0.5, st.light_rule);
    });
    c->keep_with_next = i + 1 < list.fields.size() && i == 0;
    if (i == 0) c->open.push_back({"L"});
    if (i + 1 == list.fields.size()) c->close = 1;
  }

  // A key figure's value at its size if it fits the box, else smaller (down to 60 %), else
  // wrapped: a long value ("delvis: 11 av 25") is never cut.
  LayoutPtr fitted_value(const std::string& text, TextStyle style, double width) {
    const double full = style.size;
    for (double scale = 1.0; scale >= 0.6; scale -= 0.1) {
      style.size = full * scale;
      auto l = layout(text, style, 0);
      if (layout_width(l.get()) <= width) return l;
    }
    return layout(text, style, width);
  }

  void add_block(const doc::KeyFigures& figures) {
    const size_t n = figures.figures.size();
    if (n == 0) return;
    const size_t per_row = n <= 4 ? n : (n + 1) / 2 <= 4 ? (n + 1) / 2 : 4;
    const double gap = 8, pad = 9, w = st_.body_width();
    const double box_w = (w - gap * (per_row - 1)) / per_row;
    TextStyle label = base(st_.body_size - 1.5);
    label.colour = st_.muted;
    TextStyle value = base(st_.key_figure_size);
    value.weight = PANGO_WEIGHT_BOLD;
    value.colour = st_.accent;
    TextStyle detail = base(st_.body_size - 1.5);
    detail.colour = st_.muted;
    for (size_t row = 0; row * per_row < n; ++row) {
      struct Box {
        LayoutPtr label, value, detail;
      };
      std::vector<Box> boxes;
      double label_h = 0, value_h = 0, detail_h = 0;
      for (size_t i = row * per_row; i < std::min(n, (row + 1) * per_row); ++i) {
        const auto& f = figures.figures[i];
        // Label and detail wrap to as many lines as they need: the box grows, nothing is cut.
        Box b{layout(f.label, label, box_w - 2 * pad),
              fitted_value(doc::format_value(f.value, lang_), value, box_w - 2 * pad),
              layout(f.detail, detail, box_w - 2 * pad)};
        label_h = std::max(label_h, layout_height(b.label.get()));
        value_h = std::max(value_h, layout_height(b.value.get()));
        if (!f.detail.empty()) detail_h = std::max(detail_h, layout_height(b.detail.get()));
        boxes.push_back(b);
      }
      const double h = pad + label_h + 2 + value_h + detail_h + pad;
      const PdfStyle st = st_;
      PdfTags* tags = &tags_;
      // L > LI per figure > Lbl (its label), LBody > P (value), P (detail).
      auto c = add(h, row == 0 ? 10 : gap, [=](cairo_t* cr, double x, double y) {
        for (size_t i = 0; i < boxes.size(); ++i) {
          const double bx = x + i * (box_w + gap);
          fill_rect(cr, bx, y, box_w, h, st.key_figure_background);
          fill_rect(cr, bx, y, box_w, 2, st.accent);
          tags->begin(cr, {"LI"});
          draw_tagged_layout(*tags, cr, {"Lbl"}, boxes[i].label.get(), bx + pad, y + pad, st.muted);
          // Value and detail in leaves of their own, or they would read as one word.
          tags->begin(cr, {"LBody"});
          draw_tagged_layout(*tags, cr, {"P"}, boxes[i].value.get(), bx + pad,
                             y + pad + label_h + 2, st.accent);
          if (pango_layout_get_character_count(boxes[i].detail.get()) > 0)
            draw_tagged_layout(*tags, cr, {"P"}, boxes[i].detail.get(), bx + pad,
                               y + pad + label_h + 2 + value_h, st.muted);
          tags->end(cr);
          tags->end(cr);
        }
      });
      for (size_t i = 0; i < boxes.size(); ++i) {
        const double bx = i * (box_w + gap);
        c->texts.push_back(placed_text(boxes[i].label.get(), bx + pad, pad, bx, 0, box_w, h));
        c->texts.push_back(
            placed_text(boxes[i].value.get(), bx + pad, pad + label_h + 2, bx, 0, box_w, h));
        if (pango_layout_get_character_count(boxes[i].detail.get()) > 0)
          c->texts.push_back(placed_text(boxes[i].detail.get(), bx + pad,
                                         pad + label_h + 2 + value_h, bx, 0, box_w, h));
      }
      if (row == 0) c->open.push_back({"L"});
      if ((row + 1) * per_row >= n) c->close = 1;
    }
    // The notes from the document (what "–" stands for), kept with the figures they explain.
    TextStyle note = base(st_.note_size);
    note.colour = st_.muted;
    for (const auto& text : figures.notes) {
      chunks_.back()->keep_with_next = true;
      add_lines(text, note, 0, w, 5);
    }
    chunks_.back()->height += 6;
  }

  // The widest word of `text` set in `style`, in points.
  double widest_word(const std::string& text, const TextStyle& style) {
    double widest = 0;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find_first_of(" \n", start);
      if (end == std::string::npos) end = text.size();
      if (end > start)
        widest =
            std::max(widest, layout_width(layout(text.substr(start, end - start), style, 0).get()));
      start = end + 1;
    }
    return widest;
  }

  // What each column needs so that no header word and no figure is broken, and, when the
  // page has room for that too, no word of a text column ("Gjennomganger", a file name).
  ColumnPlan plan_table_columns(const doc::Table& table, const TextStyle& head, double width,
                                double pad_x) {
    TextStyle cell = base(st_.table_size);
    TextStyle bold = cell;
    bold.weight = PANGO_WEIGHT_BOLD;
    const double line = layout_height(layout("X", head, 0).get());
    std::vector<ColumnNeed> figures, short_words, whole_words;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      ColumnNeed need;
      need.weight = table.columns[c].width;
      need.header_word = widest_word(table.columns[c].header, head) + 2 * pad_x;
      need.upright_text = line + 2 * 2;  // the line, and a little room either side
      // Values that must not break: figures, and anything in a figure column ("55*"). Text in
      // a text column wraps at its spaces, "/" and "-" like any paragraph.
      const bool text_column = table.columns[c].align == doc::Align::Left;
      double word = 0;
      for (const auto& row : table.rows) {
        if (row.style == doc::RowStyle::Group || c >= row.cells.size()) continue;
        const doc::Value& v = row.cells[c];
        const bool strong = row.style == doc::RowStyle::Total || v.emphasis;
        const double widest =
            widest_word(doc::format_value(v, lang_), strong ? bold : cell) + 2 * pad_x;
        if (text_column && (v.type == doc::ValueType::Text || v.type == doc::ValueType::Empty) &&
            !v.suppressed()) {
          word = std::max(word, widest);
          continue;
        }
        need.cell = std::max(need.cell, widest);
      }
      figures.push_back(need);
      // Where not every word fits, still no short word breaks ("Hordala-nd", "Romerik-e" in a
      // narrow county column): only words longer than about a seventh of the line may.
      ColumnNeed shorter = need;
      shorter.cell = std::max(need.cell, std::min(word, width * 0.15));
      short_words.push_back(shorter);
      // A very long word (a path) may still break: it would take the room of every other column.
      need.cell = std::max(need.cell, std::min(word, width * 0.35));
      whole_words.push_back(need);
    }
    // Every value and header word whole: first with headers level, then with the headers that
    // do not fit turned upright, then with only short words kept whole; else figures only.
    const auto whole = [](const ColumnPlan& plan, const std::vector<ColumnNeed>& wanted,
                          bool upright_allowed) {
      for (size_t c = 0; c < wanted.size(); ++c) {
        if (plan.upright[c] && !upright_allowed) return false;
        const double header = plan.upright[c] ? wanted[c].upright_text : wanted[c].header_word;
        if (plan.widths[c] + 1e-6 < std::max(wanted[c].cell, header)) return false;
      }
      return true;
    };
    ColumnPlan plan = plan_columns(whole_words, width);
    if (whole(plan, whole_words, false)) return plan;
    ColumnPlan shorter = plan_columns(short_words, width);
    if (whole(shorter, short_words, false)) return shorter;
    if (whole(plan, whole_words, true)) return plan;
    if (whole(shorter, short_words, true)) return shorter;
    return plan_columns(figures, width);
  }

  static constexpr size_t kUnsplitRows = 10;
  static constexpr size_t kMinRowsOnPage = 3;

  void add_block(const doc::Table& table) {
    const size_t ncol = table.columns.size();
    if (ncol == 0) return;
    const double w = st_.body_width(), pad_x = 4.5, pad_y = 3.2;
    TextStyle head = base(st_.table_size);
    head.weight = PANGO_WEIGHT_BOLD;
    const ColumnPlan plan = plan_table_columns(table, head, w, pad_x);
    const std::vector<double>& widths = plan.widths;
    std::vector<double> xs{0};
    for (double width : widths) xs.push_back(xs.back() + width);
    auto align_of = [&](size_t col) {
      switch (table.columns[col].align) {
        case doc::Align::Right:
          return PANGO_ALIGN_RIGHT;
        case doc::Align::Center:
          return PANGO_ALIGN_CENTER;
        default:
          return PANGO_ALIGN_LEFT;
      }
    };
    const PdfStyle st = st_;
    PdfTags* tags = &tags_;
    // The tallest a row may be: what fits on a page under the header; longer cells are cut.
    const double max_row = st_.body_height() * 0.85;
    // Table > Caption, TR > TH (column headers, then each row's first cell) and TD.
    const size_t first_chunk = chunks_.size();

    if (!table.caption.empty()) {
      TextStyle cap = base(st_.body_size);
      cap.weight = PANGO_WEIGHT_SEMIBOLD;
      auto l = layout(table.caption, cap, w);
      auto c = add(layout_height(l.get()) + 5, 14, [l, st, tags](cairo_t* cr, double x, double y) {
        draw_tagged_layout(*tags, cr, {"Caption"}, l.get(), x, y, st.text);
      });
      c->keep_with_next = true;
      c->kind = ChunkKind::TableCaption;
    }

    std::vector<LayoutPtr> heads;
    double head_h = 0;
    for (size_t c = 0; c < ncol; ++c) {
      head.align = align_of(c);
      if (plan.upright[c]) {  // one line, read bottom to top: as tall as it is long
        heads.push_back(layout(table.columns[c].header, head, 0));
        head_h = std::max(head_h, layout_width(heads.back().get()));
      } else {
        heads.push_back(layout(table.columns[c].header, head, widths[c] - 2 * pad_x));
        head_h = std::max(head_h, layout_height(heads.back().get()));
      }
    }
    head_h += 2 * pad_y + 1;
    // Every header stands on the foot of the row, next to the figures, as the HTML's headers
    // do: a turned one starts there, one set level ends there (a short header beside turned or
    // longer ones was left at the top of a tall row).
    const double foot = head_h - 1 - pad_y;
    const std::vector<bool> upright = plan.upright;
    TagNote column_header{"TH"};
    column_header.scope = "Column";
    auto header = add(head_h, table.caption.empty() ? 12 : 0, [=](cairo_t* cr, double x, double y) {
      fill_rect(cr, x, y, w, head_h, st.table_header_background);
      tags->begin(cr, {"TR"});
      for (size_t c = 0; c < ncol; ++c) {
        PangoLayout* l = heads[c].get();
        if (!upright[c]) {
          draw_tagged_layout(*tags, cr, column_header, l, x + xs[c] + pad_x,
                             y + foot - layout_height(l), st.text);
        } else {
          // Turned a quarter left about the bottom of the header, centred in its column.
          cairo_save(cr);
          cairo_translate(cr, x + xs[c] + (widths[c] - layout_height(l)) / 2, y + foot);
          cairo_rotate(cr, -G_PI / 2);
          draw_tagged_layout(*tags, cr, column_header, l, 0, 0, st.text);
          cairo_restore(cr);
        }
      }
      tags->end(cr);
      hline(cr, x, x + w, y + head_h - 0.5, 1.0, st.accent);
    });
    for (size_t c = 0; c < ncol; ++c) {
      PangoLayout* l = heads[c].get();
      if (!upright[c]) {
        header->texts.push_back(
            placed_text(l, xs[c] + pad_x, foot - layout_height(l), xs[c], 0, widths[c], head_h));
      } else {  // turned: its width runs up the header, its height across the column
        PlacedText t = placed_text(l, 0, 0, xs[c], 0, widths[c], head_h);
        const double along = t.w, across = t.h;
        t.x = xs[c] + (widths[c] - layout_height(l)) / 2;
        t.y = foot - along;
        t.w = across;
        t.h = along;
        header->texts.push_back(t);
      }
    }
    header->keep_with_next = true;
    header->kind = ChunkKind::TableHeader;
    // On the pages a table goes on to: its caption marked as continued, then the header row.
    std::shared_ptr<const Chunk> repeat = header;
    if (!table.caption.empty() && !report_.words.continued.empty()) {
      TextStyle cap = base(st_.body_size);
      cap.weight = PANGO_WEIGHT_SEMIBOLD;
      auto l = layout(substitute(report_.words.continued, {table.caption}), cap, w, 1);
      const double cap_h = layout_height(l.get()) + 5;
      auto continued = std::make_shared<Chunk>();
      continued->height = cap_h + header->height;
      continued->draw = [l, cap_h, st, draw_header = header->draw](cairo_t* cr, double x,
                                                                   double y) {
        draw_layout(cr, l.get(), x, y, st.text);
        draw_header(cr, x, y + cap_h);
      };
      repeat = continued;
    }
    std::vector<ChunkPtr> row_chunks;  // the rows drawn whole, for keeping the ends together

    for (size_t r = 0; r < table.rows.size(); ++r) {
      const doc::Row& row = table.rows[r];
      const bool last = r + 1 == table.rows.size();
      if (row.style == doc::RowStyle::Group) {
        TextStyle g = base(st_.table_size);
        g.weight = PANGO_WEIGHT_BOLD;
        const std::string text = row.cells.empty() ? "" : doc::format_value(row.cells[0], lang_);
        auto l = layout(text, g, w - 2 * pad_x, 3);
        const double h = layout_height(l.get()) + 2 * pad_y + 2;
        TagNote group = text_note("TH", text);  // heads the rows under it, across the table
        group.scope = "Row";
        group.col_span = static_cast<int>(ncol);
        auto c = add(h, 0, [=](cairo_t* cr, double x, double y) {
          fill_rect(cr, x, y, w, h, st.group_row_background);
          tags->begin(cr, {"TR"});
          draw_tagged_layout(*tags, cr, group, l.get(), x + pad_x, y + pad_y + 1, st.accent);
          tags->end(cr);
          hline(cr, x, x + w, y + h - 0.25, 0.5, st.rule);
        });
        c->texts = {placed_text(l.get(), pad_x, pad_y + 1, 0, 0, w, h)};
        c->keep_with_next = true;
        c->kind = ChunkKind::TableRow;
        c->repeat_on_break = repeat;
        continue;
      }
      const bool total_row = row.style == doc::RowStyle::Total;
      std::vector<LayoutPtr> cells;
      std::vector<TagNote> notes;  // the first cell heads its row
      double h = 0;
      for (size_t c = 0; c < ncol; ++c) {
        TextStyle cell = base(st_.table_size);
        cell.align = align_of(c);
        const doc::Value v = c < row.cells.size() ? row.cells[c] : doc::Value::empty();
        if (total_row || v.emphasis) cell.weight = PANGO_WEIGHT_BOLD;
        const std::string text = doc::format_value(v, lang_);
        cells.push_back(layout(text, cell, widths[c] - 2 * pad_x));
        h = std::max(h, layout_height(cells.back().get()));
        notes.push_back(text_note(c == 0 ? "TH" : "TD", text));
        if (c == 0) notes.back().scope = "Row";
      }
      if (h > max_row) {  // taller than a page can take: continued over pages, line by line
        add_split_row(cells, notes, xs, w, pad_x, pad_y, total_row, last, repeat);
        continue;
      }
      h += 2 * pad_y;
      auto chunk = add(h, 0, [=](cairo_t* cr, double x, double y) {
        if (total_row) hline(cr, x, x + w, y + 0.4, 0.8, st.text);
        tags->begin(cr, {"TR"});
        for (size_t c = 0; c < ncol; ++c)
          draw_tagged_layout(*tags, cr, notes[c], cells[c].get(), x + xs[c] + pad_x, y + pad_y,
                             st.text);
        tags->end(cr);
        if (!total_row)
          hline(cr, x, x + w, y + h - 0.25, last ? 0.8 : 0.5, last ? st.rule : st.light_rule);
      });
      for (size_t c = 0; c < ncol; ++c)
        chunk->texts.push_back(
            placed_text(cells[c].get(), xs[c] + pad_x, pad_y, xs[c], 0, widths[c], h));
      chunk->repeat_on_break = repeat;
      chunk->kind = ChunkKind::TableRow;
      row_chunks.push_back(chunk);
    }
    // A table of up to kUnsplitRows rows stays on one page (when it fits on one); a longer one
    // leaves at least kMinRowsOnPage rows on each page it breaks over: neither its first rows
    // alone under the header at the foot of a page nor its last ones alone on the next.
    if (row_chunks.size() <= kUnsplitRows) {
      for (size_t r = first_chunk; r + 1 < chunks_.size(); ++r)
        chunks_[r]->keep_together_with_next = true;
    } else {
      for (size_t r = 0; r + 1 < kMinRowsOnPage; ++r) {
        row_chunks[r]->keep_with_next = true;
        row_chunks[row_chunks.size() - kMinRowsOnPage + r]->keep_with_next = true;
      }
    }
    chunks_[first_chunk]->open.push_back({"Table"});
    ++chunks_.back()->close;

    // The notes belong to the table: its last row never ends a page without them.
    if (!table.footnotes.empty() && !table.rows.empty()) chunks_.back()->keep_with_next = true;
    add_footnotes(table);
  }

  // The table's notes (and the note on withheld values when it has any) under it.
  void add_footnotes(const doc::Table& table) {
    TextStyle note = base(st_.note_size);
    note.colour = st_.muted;
    const std::vector<std::string>& footnotes = table.footnotes;
    for (size_t i = 0; i < footnotes.size(); ++i) {
      const size_t first = chunks_.size();
      add_lines(footnotes[i], note, 0, st_.body_width(), i == 0 ? 5 : 1);
      for (size_t c = first; c < chunks_.size(); ++c) chunks_[c]->kind = ChunkKind::TableNote;
      if (i + 1 < footnotes.size()) chunks_.back()->keep_with_next = true;
    }
    if (!chunks_.empty()) chunks_.back()->height += 4;
  }

  // A table row too tall for one page, cut into slices of whole lines: every cell continues
  // in the next slice, and each slice is a chunk that may start a page (under the header).
  // Each slice is a TR of its own: a cell cannot go on over chunks in one leaf.
  void add_split_row(const std::vector<LayoutPtr>& cells, const std::vector<TagNote>& notes,
                     const std::vector<double>& xs, double w, double pad_x, double pad_y,
                     bool total_row, bool last, const std::shared_ptr<const Chunk>& repeat) {
    struct Slice {
      std::vector<std::vector<PlacedLine>> cells;  // each line placed from the slice's top
      double height = 0;
    };
    // Small slices (about three lines) drawn edge to edge, so the pages fill up.
    const double slice_height = st_.table_size * 1.25 * 3;
    std::vector<Slice> slices;
    for (size_t c = 0; c < cells.size(); ++c) {
      size_t k = 0;
      double base = 0;
      for (PlacedLine line : placed_lines(cells[c].get())) {
        if (line.bottom - base > slice_height && line.top > base) {
          ++k;
          base = line.top;
        }
        if (slices.size() <= k) slices.resize(k + 1);
        slices[k].cells.resize(cells.size());
        slices[k].height = std::max(slices[k].height, line.bottom - base);
        line.top -= base;
        line.baseline -= base;
        line.bottom -= base;
        slices[k].cells[c].push_back(line);
      }
    }
    const PdfStyle st = st_;
    PdfTags* tags = &tags_;
    for (size_t k = 0; k < slices.size(); ++k) {
      const Slice slice = slices[k];
      const bool final_slice = k + 1 == slices.size();
      // Cell padding above the first slice and below the last only: the text runs on.
      const double top_pad = k == 0 ? pad_y : 0;
      const double h = slice.height + top_pad + (final_slice ? pad_y : 0);
      auto chunk = add(h, 0, [=](cairo_t* cr, double x, double y) {
        if (total_row && k == 0) hline(cr, x, x + w, y + 0.4, 0.8, st.text);
        tags->begin(cr, {"TR"});
        for (size_t c = 0; c < slice.cells.size(); ++c)
          draw_tagged_lines(*tags, cr, notes[c], slice.cells[c], x + xs[c] + pad_x, y + top_pad,
                            st.text);
        tags->end(cr);
        (void)cells;  // keeps the layouts, and so their lines, alive
        if (!total_row && final_slice)
          hline(cr, x, x + w, y + h - 0.25, last ? 0.8 : 0.5, last ? st.rule : st.light_rule);
      });
      chunk->repeat_on_break = repeat;
      chunk->kind = ChunkKind::TableRow;
    }
  }

  void add_block(const doc::Chart& chart) {
    const double w = st_.body_width();
    const double h = std::min(chart_preferred_height(chart.spec, w), st_.body_height() * 0.8);
    if (!chart.spec.title.empty()) {
      TextStyle cap = base(st_.body_size);
      cap.weight = PANGO_WEIGHT_SEMIBOLD;
      auto l = layout(chart.spec.title, cap, w);
      const PdfStyle st = st_;
      PdfTags* tags = &tags_;
      auto c = add(layout_height(l.get()) + 8, 14, [l, st, tags](cairo_t* cr, double x, double y) {
        draw_tagged_layout(*tags, cr, {"P"}, l.get(), x, y, st.text);
      });
      c->keep_with_next = true;
    }
    const doc::ChartSpec spec = chart.spec;
    PangoContext* text = text_;
    const Lang lang = lang_;
    PdfTags* tags = &tags_;
    // One Figure leaf holds the whole chart, its alt text the chart's own sentence. A heatmap
    // prints every value of its table (which the PDF leaves out): it is tagged as that table,
    // its colour key as the Figure (render/pdf_chart_canvas.h).
    TagNote figure{"Figure"};
    figure.alt = !spec.alt_text.empty() ? spec.alt_text : spec.title;
    auto c = add(h + 8, chart.spec.title.empty() ? 14 : 0,
                 [spec, text, lang, w, h, tags, figure](cairo_t* cr, double x, double y) {
                   if (spec.kind == doc::ChartKind::Heatmap) {
                     cairo_save(cr);
                     PdfChartCanvas canvas(cr, *tags, figure.alt);
                     draw_chart(canvas, text, spec, x, y, w, h, lang);
                     cairo_restore(cr);
                     return;
                   }
                   TagNote placed = figure;
                   placed.drawn_at = TagBox{x, y, w, h};
                   tags->leaf(cr, placed, [&] { draw_chart(cr, text, spec, x, y, w, h, lang); });
                 });
    c->kind = ChunkKind::Chart;
    c->chart_boxes = [spec, text, lang, w, h](double x, double y) {
      return render::chart_boxes(text, spec, x, y, w, h, lang);
    };
  }

  const doc::Report& report_;
  const PdfStyle& st_;
  PangoContext* text_;
  Lang lang_;
  std::vector<ChunkPtr> chunks_;
  std::vector<OutlineEntry> outline_;
  PdfTags tags_;
  const Pagination* pagination_ = nullptr;
  ChunkPtr last_heading_;
  int block_ = -1;  // the block being laid out, for Chunk::block
};

PdfLayout::PdfLayout(const doc::Report& report, const PdfStyle& style, PangoContext* text)
    : builder_(std::make_unique<Builder>(report, style, text)) {
  builder_->build();
}

PdfLayout::~PdfLayout() = default;

const std::vector<std::shared_ptr<Chunk>>& PdfLayout::chunks() const {
  return builder_->chunks();
}

const std::vector<OutlineEntry>& PdfLayout::outline() const {
  return builder_->outline();
}

PdfTags& PdfLayout::tags() {
  return builder_->tags();
}

void PdfLayout::set_pagination(const Pagination* pagination) {
  builder_->set_pagination(pagination);
}

void PdfLayout::draw_page_frame(cairo_t* cr, int page, int pages) {
  builder_->draw_page_frame(cr, page, pages);
}

}  // namespace ips::render
