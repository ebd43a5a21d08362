#include "render/html_view.h"

#include <algorithm>
#include <map>
#include <set>

#include "render/html_chart.h"
#include "render/html_data.h"
#include "render/html_heatmap.h"
#include "render/pdf_text_language.h"
#include "render/rich_lists.h"
#include "report/value_format.h"

namespace ips::render {

namespace {

namespace mstch = kainjow::mustache;
using namespace ips::doc;

std::string align_class(Align align) {
  switch (align) {
    case Align::Right:
      return "num";
    case Align::Center:
      return "center";
    case Align::Left:
      break;
  }
  return "text";
}

// Whether `text` is a half-year label ("2013-H1"), which must not break at its hyphen.
bool is_period_label(const std::string& text) {
  if (text.size() != 7 || text[4] != '-' || text[5] != 'H' || (text[6] != '1' && text[6] != '2'))
    return false;
  return std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

// The alignment class, with "period" for a half-year label.
std::string text_class(Align align, const std::string& text) {
  return is_period_label(text) ? align_class(align) + " period" : align_class(align);
}

// CSS classes of one cell: its column's alignment, suppression and emphasis.
std::string cell_class(const Column& column, const Value& value, const std::string& text) {
  std::string classes = text_class(column.align, text);
  if (value.suppressed()) classes += " suppressed";
  if (value.emphasis) classes += " em";
  return classes;
}

// The evaluators write comments, recommendations, purposes and summaries in Norwegian: an
// English report marks such text lang="nb" (the same rule as the PDF's tags), so a screen
// reader reads it with a Norwegian voice.
mstch::data text_lang(const std::string& text, Lang lang) {
  if (lang == Lang::En && looks_norwegian(text)) return mstch::data{std::string("nb")};
  return mstch::data{false};
}

mstch::data cell_view(const Column& column, const Value& value, Lang lang,
                      const std::string& colour_class) {
  mstch::data cell = view_object();
  const std::string text = format_value(value, lang);
  put(cell, "cell_text", text);
  // A cell without a language or a link leaves the name to its row, which has them false
  // (html_table_view): one name fewer to make per cell, found one object up.
  if (value.type == ValueType::Text)
    if (mstch::data marked = text_lang(value.text, lang); marked.is_string())
      put(cell, "text_lang", std::move(marked));
  if (!value.link.empty()) put(cell, "cell_link", value.link);
  // A coloured cell (a heatmap score) is centred by its class: no alignment class needed.
  if (colour_class.empty())
    put(cell, "cell_class", cell_class(column, value, text));
  else
    put(cell, "cell_class", value.emphasis ? colour_class + " em" : colour_class);
  return cell;
}

std::string paragraph_class(ParagraphStyle style) {
  switch (style) {
    case ParagraphStyle::Lead:
      return "lead";
    case ParagraphStyle::Note:
      return "note";
    case ParagraphStyle::Warning:
      return "warning";
    case ParagraphStyle::Body:
      break;
  }
  return "body";
}

// Level 1 is a section-level title (h2, like the sections), 2 → h3, 3 and deeper → h4.
std::string heading_tag(int level) {
  if (level <= 1) return "h2";
  if (level == 2) return "h3";
  return "h4";
}

// Tables shown coloured as a heatmap (by id), with the heatmap chart they stand in for.
using HeatTables = std::map<std::string, const ChartSpec*>;

// Every block becomes an object with exactly one of these keys set, so the template picks the
// partial with {{#table_block}}{{> table}}{{/table_block}} etc. The keys differ from the partial
// names: a partial is looked up like a value, and the block's own object would shadow it. All
// keys are always present (false when unused): mustache looks names up in enclosing objects
// too, and must never find another block's.
mstch::data block_view(const Block& block, const Report& report,
                       const std::filesystem::path& resources_dir, const HeatTables& heat_tables,
                       int& counter, const ListTags& list) {
  mstch::data view = view_object();
  const Lang lang = report.meta.lang;
  ++counter;

  if (const auto* h = std::get_if<Heading>(&block)) {
    mstch::data v = view_object();
    put(v, "tag", heading_tag(h->level));
    put(v, "heading_text", h->text);
    put(v, "heading_id", h->anchor.empty() ? "block-" + std::to_string(counter) : h->anchor);
    put(view, "heading_block", std::move(v));
  } else if (const auto* p = std::get_if<Paragraph>(&block)) {
    mstch::data v = view_object();
    put(v, "paragraph_text", p->text);
    put(v, "paragraph_class", paragraph_class(p->style));
    put(v, "text_lang", text_lang(p->text, lang));
    put(view, "paragraph_block", std::move(v));
  } else if (const auto* rp = std::get_if<RichParagraph>(&block)) {
    // Every run is a plain string the template escapes; only the tags around it are markup.
    mstch::data runs = view_list();
    for (const TextRun& r : rp->runs) {
      mstch::data run = view_object();
      put(run, "run_text", r.text);
      put(run, "run_strong", r.strong);
      put(run, "run_em", r.emphasis);
      put(run, "run_link", r.link.empty() ? mstch::data(false) : mstch::data(r.link));
      append(runs, std::move(run));
    }
    mstch::data v = view_object();
    put(v, "rich_runs", std::move(runs));
    // A list item is an <li> of a real list (rich_lists.h): the list draws its marker.
    mstch::data opens = view_list(), closes = view_list();
    for (const ListStart& o : list.open) {
      mstch::data tag = view_object();
      put(tag, "open_tag", o.numbered ? "ol" : "ul");
      put(tag, "open_start",
          o.numbered && o.start != 1 ? mstch::data(std::to_string(o.start)) : mstch::data(false));
      append(opens, std::move(tag));
    }
    for (const ListEnd end : list.close) {
      mstch::data tag = view_object();
      put(tag, "close_tag",
          end == ListEnd::Item           ? "li"
          : end == ListEnd::NumberedList ? "ol"
                                         : "ul");
      append(closes, std::move(tag));
    }
    put(v, "list_open", std::move(opens));
    put(v, "list_close", std::move(closes));
    put(v, "rich_item", list.item);
    put(v, "rich_class", rp->heading ? "rich rich-heading" : "rich");
    put(view, "rich_block", std::move(v));
  } else if (const auto* f = std::get_if<FieldList>(&block)) {
    mstch::data items = view_list();
    for (size_t i = 0; i < f->fields.size(); ++i) {
      const auto& [label, value] = f->fields[i];
      mstch::data item = view_object();
      put(item, "field_label", label);
      put(item, "field_value", value);
      put(item, "text_lang", text_lang(value, lang));
      // Links to the other reports of the set: the HTML file beside this one.
      mstch::data links = view_list();
      if (i < f->links.size())
        for (size_t k = 0; k < f->links[i].size(); ++k) {
          mstch::data link = view_object();
          put(link, "link_text", f->links[i][k].text);
          // "stem#anchor" opens that section of the other report.
          const std::string& stem = f->links[i][k].stem;
          const size_t hash = stem.find('#');
          put(link, "link_target",
              stem.substr(0, hash) + ".html" +
                  (hash == std::string::npos ? "" : stem.substr(hash)));
          put(link, "link_sep", std::string(k == 0 ? "" : ", "));
          append(links, std::move(link));
        }
      put(item, "has_links", !links.list_value().empty());
      put(item, "field_links", std::move(links));
      append(items, std::move(item));
    }
    mstch::data v = view_object();
    put(v, "field_items", std::move(items));
    put(view, "fields_block", std::move(v));
  } else if (const auto* k = std::get_if<KeyFigures>(&block)) {
    mstch::data items = view_list();
    for (const auto& figure : k->figures) {
      mstch::data item = view_object();
      put(item, "figure_label", figure.label);
      put(item, "figure_value", format_value(figure.value, lang));
      put(item, "figure_detail", figure.detail);
      put(item, "has_detail", !figure.detail.empty());
      put(item, "figure_class", figure.value.suppressed() ? "suppressed" : "");
      append(items, std::move(item));
    }
    mstch::data v = view_object();
    put(v, "figure_items", std::move(items));
    // The notes come from the document (doc::explain_withheld_values), like a table's.
    std::string note;
    for (const auto& n : k->notes) note += (note.empty() ? "" : " ") + n;
    put(v, "has_figures_note", !note.empty());
    put(v, "figures_note", note);
    put(view, "key_figures_block", std::move(v));
  } else if (const auto* t = std::get_if<Table>(&block)) {
    const std::string id = "table-" + (t->id.empty() ? std::to_string(counter) : t->id);
    const auto heat = t->id.empty() ? heat_tables.end() : heat_tables.find(t->id);
    if (heat != heat_tables.end()) {
      const TableColouring colouring = heat_colouring(*t, *heat->second, lang);
      put(view, "table_block", html_table_view(*t, id, report, &colouring));
    } else {
      put(view, "table_block", html_table_view(*t, id, report));
    }
  } else if (const auto* c = std::get_if<Chart>(&block)) {
    // A heatmap of a table in the report is that table, coloured (above): nothing more here.
    const bool shown_as_table =
        c->spec.kind == ChartKind::Heatmap && heat_tables.count(c->spec.source_table) > 0;
    if (!shown_as_table)
      put(view, "chart_block",
          html_chart_view(c->spec, "chart-" + std::to_string(counter), report, resources_dir));
  }
  // data::set never replaces a key, so the unused ones are filled in last.
  for (const char* key : {"heading_block", "paragraph_block", "fields_block", "key_figures_block",
                          "table_block", "chart_block", "rich_block"})
    if (!view.get(key)) put(view, key, false);
  return view;
}

}  // namespace

mstch::data html_table_view(const Table& table, const std::string& id, const Report& report,
                            const TableColouring* colouring) {
  const Lang lang = report.meta.lang;
  const size_t width = table.columns.size();
  const Column fallback_column;
  auto column = [&](size_t i) -> const Column& {
    return i < width ? table.columns[i] : fallback_column;
  };

  mstch::data view = view_object();
  put(view, "table_id", id);
  put(view, "caption", table.caption);

  mstch::data columns = view_list();
  for (const auto& c : table.columns) {
    mstch::data col = view_object();
    put(col, "header", c.header);
    put(col, "header_class", text_class(c.align, c.header));
    append(columns, std::move(col));
  }
  put(view, "columns", std::move(columns));

  static const std::string none;
  auto colour = [&](size_t row, size_t column) -> const std::string& {
    if (!colouring || row >= colouring->cell_classes.size()) return none;
    const auto& classes = colouring->cell_classes[row];
    return column < classes.size() ? classes[column] : none;
  };
  mstch::data rows = view_list();
  for (size_t row_index = 0; row_index < table.rows.size(); ++row_index) {
    const Row& row = table.rows[row_index];
    mstch::data r = view_object();
    const bool group = row.style == RowStyle::Group;
    put(r, "is_group", group);
    put(r, "row_class", group ? "group" : row.style == RowStyle::Total ? "total" : "data");
    put(r, "span", std::to_string(std::max<size_t>(width, 1)));
    // What a cell without them reads (cell_view). Set here, not left out: the partial asks
    // every cell for both, and a name not found is looked for in each enclosing object up to
    // the page's.
    put(r, "text_lang", false);
    put(r, "cell_link", false);
    const Value empty;
    const Value& first = row.cells.empty() ? empty : row.cells.front();
    put(r, "head", cell_view(column(0), first, lang, colour(row_index, 0)));
    mstch::data cells = view_list();
    // One cell per column, as in the XLSX sheet (a row without columns shows what it has).
    const size_t shown = width > 0 ? width : row.cells.size();
    if (!group)
      for (size_t i = 1; i < shown; ++i)
        append(cells, cell_view(column(i), i < row.cells.size() ? row.cells[i] : empty, lang,
                                colour(row_index, i)));
    put(r, "cells", std::move(cells));
    append(rows, std::move(r));
  }
  put(view, "rows", std::move(rows));

  const std::vector<std::string>& footnotes = table.footnotes;
  mstch::data notes = view_list();
  for (const auto& f : footnotes) {
    mstch::data n = view_object();
    put(n, "footnote", f);
    append(notes, std::move(n));
  }
  put(view, "has_footnotes", !notes.list_value().empty());
  put(view, "footnotes", std::move(notes));

  // A section tag is true for any string, even an empty one: no class is `false`.
  if (colouring)
    put(view, "table_class", "heatmap");
  else
    put(view, "table_class", false);
  put(view, "has_key", colouring != nullptr && !colouring->key.empty());
  put(view, "key_label", colouring ? colouring->key_label : "");
  mstch::data key = view_list();
  if (colouring)
    for (const auto& [css_class, label] : colouring->key) {
      mstch::data entry = view_object();
      put(entry, "key_class", css_class);
      put(entry, "key_value", label);
      append(key, std::move(entry));
    }
  put(view, "key", std::move(key));
  return view;
}

mstch::data html_view(const Report& report, const std::filesystem::path& resources_dir) {
  const auto& meta = report.meta;
  mstch::data view = view_object();
  put(view, "lang", meta.lang == Lang::En ? "en" : "nb");
  put(view, "kind", meta.kind);
  put(view, "title", meta.title);
  put(view, "document_title", document_title(meta));
  put(view, "subtitle", meta.subtitle);
  put(view, "has_subtitle", !meta.subtitle.empty());
  put(view, "date_label", meta.date_label);
  put(view, "author", meta.author);
  put(view, "subject", meta.subject);
  put(view, "keywords", meta.keywords);
  put(view, "running_head", meta.running_head);
  put(view, "contents_label", report.words.contents);

  mstch::data toc = view_list();
  mstch::data sections = view_list();
  std::set<std::string> used_anchors;
  HeatTables heat_tables;
  for (const Section& section : report.sections)
    for (const Block& block : section.blocks)
      if (const auto* c = std::get_if<Chart>(&block); c && heatmap_source(c->spec, report))
        heat_tables.emplace(c->spec.source_table, &c->spec);
  int counter = 0;
  for (size_t s = 0; s < report.sections.size(); ++s) {
    const Section& section = report.sections[s];
    std::string anchor = section.anchor.empty()
                             ? std::string("section-").append(std::to_string(s + 1))
                             : section.anchor;
    // Links must land on exactly one place even if the builder reused an anchor.
    if (!used_anchors.insert(anchor).second) anchor.append("-").append(std::to_string(s + 1));

    mstch::data entry = view_object();
    put(entry, "section_title", section.title);
    put(entry, "section_anchor", anchor);
    put(entry, "appendix", section.appendix);
    // The section's object is the table of contents entry and its blocks.
    mstch::data sec = entry;
    append(toc, std::move(entry));

    mstch::data blocks = view_list();
    const std::vector<ListTags> lists = rich_list_tags(section.blocks);
    for (size_t b = 0; b < section.blocks.size(); ++b)
      append(blocks,
             block_view(section.blocks[b], report, resources_dir, heat_tables, counter, lists[b]));
    put(sec, "blocks", std::move(blocks));
    append(sections, std::move(sec));
  }
  put(view, "has_toc", report.sections.size() > 1);
  put(view, "toc", std::move(toc));
  put(view, "sections", std::move(sections));
  return view;
}

}  // namespace ips::render
