#include "render/pdf_flow.h"

#include <algorithm>

namespace ips::render {

namespace {
// A soft page break is dropped on a page filled less than this share of its text area.
constexpr double kNearlyEmpty = 0.25;

// When a run of chunks that belong together is taller than a page, the most chunks after its
// first that still go with it: a heading, its caption or lead-in, a table's header and a row.
constexpr size_t kMinKept = 4;

bool is_table_part(const Chunk& c) {
  return c.kind == ChunkKind::TableCaption || c.kind == ChunkKind::TableHeader ||
         c.kind == ChunkKind::TableRow || c.kind == ChunkKind::TableNote;
}

// One table's chunks (caption, header, rows, notes: one block), for judging where it may split.
struct TableSpan {
  size_t first = 0, first_row = 0, end = 0;  // chunk indices; `end` is one past its last
  int rows = 0;
};

std::vector<TableSpan> table_spans(const std::vector<std::shared_ptr<Chunk>>& chunks) {
  std::vector<TableSpan> spans;
  for (size_t i = 0; i < chunks.size(); ++i) {
    if (!is_table_part(*chunks[i])) continue;
    TableSpan t;
    t.first = i;
    t.first_row = chunks.size();
    size_t j = i;
    for (; j < chunks.size() && is_table_part(*chunks[j]) && chunks[j]->block == chunks[i]->block;
         ++j)
      if (chunks[j]->kind == ChunkKind::TableRow) {
        t.first_row = std::min(t.first_row, j);
        ++t.rows;
      }
    t.end = j;
    if (t.rows > 0) spans.push_back(t);
    i = j - 1;
  }
  return spans;
}
}  // namespace

Pagination paginate(const std::vector<std::shared_ptr<Chunk>>& chunks, double top, double height) {
  Pagination out;
  out.pages.emplace_back();
  const double bottom = top + height;
  double y = top;
  size_t together_end = 0;  // the end of the last run of chunks kept together that was judged
  size_t loosened_end = 0;  // chunks before it are not kept together (an appendix's split run)
  // Which table, if any, each chunk leads into or belongs to (index into `tables`).
  const std::vector<TableSpan> tables = table_spans(chunks);
  std::vector<int> table_at(chunks.size(), -1);
  for (size_t t = 0; t < tables.size(); ++t) table_at[tables[t].first] = static_cast<int>(t);
  auto holds_on = [&](size_t j) {
    return chunks[j]->keep_with_next || chunks[j]->keep_together_with_next;
  };
  // A table that fits on one page but not in what is left of this one goes to the next page
  // whole, unless at least half its rows fit here: moving it then costs less than the space
  // of half a table, and it spares the reader a short start ("4 + 14 rows") at a page's foot.
  // Judged at the first chunk of the run that leads into it (a heading, a lead-in, the caption).
  auto short_start_of_table = [&](size_t i) {
    if (i > 0 && holds_on(i - 1)) return false;  // inside a run: judged at its start
    size_t j = i;
    while (j < chunks.size() && j < i + 40 && !is_table_part(*chunks[j]) && holds_on(j)) ++j;
    if (j >= chunks.size() || table_at[j] < 0) return false;
    const TableSpan& t = tables[table_at[j]];
    double lead = chunks[i]->space_before + chunks[i]->height;
    for (size_t k = i + 1; k < t.first_row; ++k)
      lead += chunks[k]->space_before + chunks[k]->height;
    double whole = lead - chunks[i]->space_before;
    for (size_t k = t.first_row; k < t.end; ++k)
      whole += chunks[k]->space_before + chunks[k]->height;
    if (whole > height) return false;  // longer than a page: it splits in any case
    if (y + chunks[i]->space_before + whole <= bottom + 0.01) return false;  // fits here
    double at = y + lead;
    int fit = 0;
    for (size_t k = t.first_row; k < t.end && chunks[k]->kind == ChunkKind::TableRow; ++k) {
      at += chunks[k]->space_before + chunks[k]->height;
      if (at > bottom + 0.01) break;
      ++fit;
    }
    return 2 * fit < t.rows;
  };
  auto new_page = [&] {
    out.pages.emplace_back();
    y = top;
  };
  auto place = [&](const Chunk& c, double space, bool repeat = false) {
    out.pages.back().push_back({&c, y + space, repeat});
    if (!c.anchor.empty() && !out.anchors.count(c.anchor))
      out.anchors[c.anchor] = {static_cast<int>(out.pages.size()), y + space};
    y += space + c.height;
  };

  for (size_t i = 0; i < chunks.size(); ++i) {
    const Chunk& c = *chunks[i];
    bool empty = out.pages.back().empty();
    const bool breaks = c.page_break_before && !(c.soft_break && y - top < height * kNearlyEmpty);
    // An appendix let onto a nearly empty page starts there even when its table then goes on to
    // the next page: a short start costs the reader less than a page left three-quarters blank.
    const bool soft_kept = c.page_break_before && !breaks;
    if (!empty && (breaks || (!soft_kept && short_start_of_table(i)))) {
      new_page();
      empty = true;
    }
    // The height of this chunk and every chunk it must stay with: first the whole run kept
    // together (when it fits on a page), else the chunks it may never be parted from. A run
    // is judged once, at its first chunk: one that does not fit is not tried again from inside.
    const double own = (empty ? 0 : c.space_before) + c.height;
    // Past its own chunk a run also takes in the chunks the next one keeps together (a heading
    // goes with its table's kept rows, not only with the caption).
    auto joined = [&](size_t j, bool together) {
      return chunks[j]->keep_with_next ||
             ((together || j > i) && j >= loosened_end && chunks[j]->keep_together_with_next);
    };
    auto run_height = [&](bool together) {
      double need = own;
      size_t j = i;
      for (; j + 1 < chunks.size() && joined(j, together); ++j) {
        need += chunks[j + 1]->space_before + chunks[j + 1]->height;
        if (need > height) break;
      }
      if (together) {
        while (j + 1 < chunks.size() && joined(j, true)) ++j;
        together_end = j + 1;
      }
      return need;
    };
    double need = height + 1;
    if (soft_kept) {
      // The run the appendix's heading leads into may split: it is judged here, once, and only
      // a heading's minimum stays with it.
      loosened_end = 0;
      run_height(true);
      loosened_end = together_end;
    } else {
      if (i >= together_end && c.keep_together_with_next) need = run_height(true);
      if (need > height) need = run_height(false);
    }
    if (need > height) {
      // The whole run cannot stay on one page: keep at least a heading (and a caption or lead-in
      // it holds on to) with the first lines after it, so no heading ends a page alone.
      need = own;
      for (size_t j = i; j + 1 < chunks.size() && j < i + kMinKept && chunks[j]->keep_with_next;
           ++j)
        need += chunks[j + 1]->space_before + chunks[j + 1]->height;
      if (need > height) need = own;  // cannot keep: just fit
    }
    if (y + need > bottom + 0.01 && !empty) {
      new_page();
      if (c.repeat_on_break) place(*c.repeat_on_break, 0, true);
    }
    place(c, out.pages.back().empty() ? 0 : c.space_before);
  }
  return out;
}

}  // namespace ips::render
