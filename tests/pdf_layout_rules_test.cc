// The PDF layout measured instead of looked at: the layout engine knows every chunk it put on a
// page and the chart engine every text box, bar, marker and line segment it placed. Over the
// example's reports and a generated 200-site set: no text box overlaps another or a data mark,
// nothing leaves its box or the page's text area, and the pagination rules hold (an item's
// heading kept with its text, short tables unsplit, three rows or more of a table on a page, no
// page holding only a short section).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include <cairo-pdf.h>

#include "analysis/fidelity.h"
#include "analysis/outcomes.h"
#include "analysis/periods.h"
#include "fixtures/render/sample_report.h"
#include "ingest/ingest.h"
#include "render/chart.h"
#include "render/fonts.h"
#include "render/pdf_flow.h"
#include "render/pdf_layout.h"
#include "render/pdf_style.h"
#include "report/data_quality.h"
#include "report/report_set.h"
#include "report/value_format.h"
#include "support/document_lookup.h"
#include "support/test_support.h"

using namespace ips;
using namespace ips::render;
namespace fs = std::filesystem;

namespace {

// How far two convex shapes (a segment is one with two corners) reach into each other, in points,
// by separating axes; 0 when they are apart or only touch.
double overlap_depth(std::vector<Point> a, std::vector<Point> b) {
  // A segment as a rectangle a fifth of a point wide, so that it has an inside to overlap.
  for (auto* shape : {&a, &b}) {
    if (shape->size() != 2) continue;
    const Point p = (*shape)[0], q = (*shape)[1];
    const double len = std::max(1e-9, std::hypot(q.x - p.x, q.y - p.y));
    const double nx = (p.y - q.y) / len * 0.1, ny = (q.x - p.x) / len * 0.1;
    *shape = {
        {p.x + nx, p.y + ny}, {q.x + nx, q.y + ny}, {q.x - nx, q.y - ny}, {p.x - nx, p.y - ny}};
  }
  double least = std::numeric_limits<double>::infinity();
  for (const auto* shape : {&a, &b}) {
    const size_t n = shape->size();
    for (size_t i = 0; i < n; ++i) {
      const Point p = (*shape)[i], q = (*shape)[(i + 1) % n];
      double nx = p.y - q.y, ny = q.x - p.x;
      const double len = std::hypot(nx, ny);
      if (len < 1e-9) continue;
      nx /= len;
      ny /= len;
      auto span = [&](const std::vector<Point>& s) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (const Point& c : s) {
          lo = std::min(lo, c.x * nx + c.y * ny);
          hi = std::max(hi, c.x * nx + c.y * ny);
        }
        return std::pair{lo, hi};
      };
      const auto [alo, ahi] = span(a);
      const auto [blo, bhi] = span(b);
      least = std::min(least, std::min(ahi, bhi) - std::max(alo, blo));
      if (least <= 0) return 0;
    }
  }
  return least;
}

// Overlaps smaller than this are two boxes touching (lines of text set edge to edge).
constexpr double kTolerance = 0.6;

std::string describe(const ChartBox& b) {
  std::ostringstream out;
  out << (b.kind == ChartBoxKind::Text   ? "text '" + b.text + "'"
          : b.kind == ChartBoxKind::Mark ? std::string("mark")
                                         : std::string("line"))
      << " at (" << b.corners[0].x << ", " << b.corners[0].y << ")";
  return out.str();
}

// A page of contents lines only (the contents' second page).
bool only_contents_page(const std::vector<PlacedChunk>& placed) {
  return !placed.empty() && std::all_of(placed.begin(), placed.end(), [](const PlacedChunk& pc) {
    return pc.chunk->kind == ChunkKind::Contents;
  });
}

// What a laid-out report breaks of the rules; empty when it keeps them all.
std::vector<std::string> layout_problems(const doc::Report& report) {
  std::vector<std::string> problems;
  const PdfStyle style = load_pdf_style(test::source_dir() / "templates" / "pdf.toml");
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(nullptr, nullptr, style.page_width, style.page_height);
  cairo_t* cr = cairo_create(surface);
  {
    ContextPtr text = bundled_text_context(cr, fonts_dir_of(test::source_dir()));
    PdfLayout layout(report, style, text.get());
    const Pagination pagination = paginate(layout.chunks(), style.margin_top, style.body_height());
    const double top = style.margin_top, bottom = top + style.body_height();
    const double left = style.margin_left, width = style.body_width();
    auto problem = [&](size_t page, const std::string& what) {
      problems.push_back(report.meta.output_stem + " p" + std::to_string(page + 1) + ": " + what);
    };
    std::map<const Chunk*, size_t> page_of;
    for (size_t p = 0; p < pagination.pages.size(); ++p) {
      const auto& placed = pagination.pages[p];
      double end = top;
      double content = 0;
      for (const PlacedChunk& pc : placed) {
        const Chunk& c = *pc.chunk;
        if (!pc.repeat) page_of[&c] = p;
        content += c.height;
        // Chunks follow each other down the page and stay in its text area.
        if (pc.y < end - 0.01) problem(p, "a chunk overlaps the one above it");
        if (pc.y + c.height > bottom + 0.01 && c.height <= style.body_height())
          problem(p, "a chunk runs past the foot of the text area");
        end = pc.y + c.height;
        // Texts inside the chunk (table cells, key figures, fields): each whole, inside its
        // room, the room inside the chunk, and no two texts on top of each other.
        for (size_t i = 0; i < c.texts.size(); ++i) {
          const PlacedText& t = c.texts[i];
          const std::string what = "'" + t.text.substr(0, 40) + "'";
          if (t.cut) problem(p, what + " is cut short");
          if (t.x < t.room_x - kTolerance || t.x + t.w > t.room_x + t.room_w + kTolerance ||
              t.y < t.room_y - kTolerance || t.y + t.h > t.room_y + t.room_h + kTolerance)
            problem(p, what + " runs out of its cell");
          if (t.room_x < -kTolerance || t.room_x + t.room_w > width + kTolerance ||
              t.room_y < -kTolerance || t.room_y + t.room_h > c.height + kTolerance)
            problem(p, "the cell of " + what + " runs out of its row");
          for (size_t j = i + 1; j < c.texts.size(); ++j) {
            const PlacedText& o = c.texts[j];
            const double across = std::min(t.x + t.w, o.x + o.w) - std::max(t.x, o.x);
            const double down = std::min(t.y + t.h, o.y + o.h) - std::max(t.y, o.y);
            if (across > kTolerance && down > kTolerance)
              problem(p, what + " covers '" + o.text.substr(0, 40) + "'");
          }
        }
        if (!c.chart_boxes) continue;
        // Inside a chart: every text inside the chart's box, clear of other texts and the data.
        const std::vector<ChartBox> boxes = c.chart_boxes(left, pc.y);
        for (size_t i = 0; i < boxes.size(); ++i) {
          const ChartBox& b = boxes[i];
          if (b.kind != ChartBoxKind::Text) continue;
          for (const Point& corner : b.corners)
            if (corner.x < left - 0.5 || corner.x > left + width + 0.5 || corner.y < pc.y - 0.5 ||
                corner.y > pc.y + c.height + 0.5) {
              problem(p, describe(b) + " leaves its chart");
              break;
            }
          for (size_t j = 0; j < boxes.size(); ++j)
            if (j != i && (boxes[j].kind != ChartBoxKind::Text || j > i) &&
                overlap_depth(b.corners, boxes[j].corners) > kTolerance)
              problem(p, describe(b) + " covers " + describe(boxes[j]));
        }
      }
      // A page that holds one short section alone (it begins with a forced break and the next
      // page does too): the section should have followed the one before.
      // (The contents are a page of their own by design.)
      const bool contents = placed.size() > 1 && placed[1].chunk->kind == ChunkKind::Contents;
      const bool starts_section =
          p > 0 && !contents && !placed.empty() && placed.front().chunk->page_break_before;
      const bool next_breaks = p + 1 == pagination.pages.size() ||
                               (!pagination.pages[p + 1].empty() &&
                                pagination.pages[p + 1].front().chunk->page_break_before);
      if (starts_section && next_breaks && placed.front().chunk->kind == ChunkKind::Heading &&
          content < style.body_height() * 0.3)
        problem(p, "a page holds only a short section");
      // No page (but the title page) left nearly empty by a page break after it: the few rows
      // of a table's end alone before an appendix.
      if (p > 0 && !only_contents_page(placed) && next_breaks && p + 1 < pagination.pages.size() &&
          content < style.body_height() * 0.2)
        problem(p, "a page is left nearly empty before a page break");
      // Nor the last few lines of the contents alone: the first section follows them.
      const bool only_contents = only_contents_page(placed);
      if (only_contents && content < style.body_height() * 0.5)
        problem(p, "a page holds only the last " + std::to_string(placed.size()) +
                       " lines of the contents");
    }

    const auto& chunks = layout.chunks();
    // Pages on which an appendix began below the end of the section before, the page being
    // nearly empty (a soft break dropped): the appendix's table may split from there rather
    // than leave that page three-quarters blank.
    std::set<size_t> appendix_let_on;
    for (size_t p = 0; p < pagination.pages.size(); ++p)
      for (size_t k = 1; k < pagination.pages[p].size(); ++k)
        if (pagination.pages[p][k].chunk->page_break_before &&
            pagination.pages[p][k].chunk->soft_break)
          appendix_let_on.insert(p);
    // Tables: a table of up to ten rows on one page; a longer one at least three on each.
    std::map<int, std::map<size_t, int>> rows;  // table block → page → rows
    std::map<int, double> table_height;
    std::map<int, double> whole_height;  // caption, header, rows and notes
    for (const auto& c : chunks) {
      if (c->kind == ChunkKind::TableRow) {
        ++rows[c->block][page_of.at(c.get())];
        table_height[c->block] += c->height;
      }
      if (c->kind == ChunkKind::TableCaption || c->kind == ChunkKind::TableHeader ||
          c->kind == ChunkKind::TableRow || c->kind == ChunkKind::TableNote)
        whole_height[c->block] += c->space_before + c->height;
    }
    for (const auto& [block, pages] : rows) {
      int total = 0;
      for (const auto& [page, n] : pages) total += n;
      const bool may_split = appendix_let_on.count(pages.begin()->first) > 0;
      if (total <= 10 && table_height[block] < style.body_height() * 0.8 && pages.size() > 1 &&
          !may_split)
        problem(pages.begin()->first,
                "a table of " + std::to_string(total) + " rows is split over pages");
      if (total > 10)
        for (const auto& [page, n] : pages)
          if (n < 3) problem(page, std::to_string(n) + " rows of a table alone on a page");
      // A table that fits on a page starts with at least half its rows when it splits; with
      // fewer ("4 + 14") it should have gone to the next page whole.
      const int first = pages.begin()->second;
      if (pages.size() > 1 && whole_height[block] <= style.body_height() * 0.85 &&
          2 * first < total && !may_split)
        problem(pages.begin()->first, "a table that fits on a page is split " +
                                          std::to_string(first) + " + " +
                                          std::to_string(total - first));
    }
    // A heading and the text under it (an item's heading, score, criterion, comment and
    // recommendation) on one page when together they take at most 60 % of it.
    for (size_t i = 0; i < chunks.size(); ++i) {
      if (chunks[i]->kind != ChunkKind::Heading) continue;
      size_t j = i + 1;
      double height = chunks[i]->height;
      while (j < chunks.size() && chunks[j]->kind == ChunkKind::Text) {
        height += chunks[j]->space_before + chunks[j]->height;
        ++j;
      }
      if (j == i + 1 || height > style.body_height() * 0.6) continue;
      if (page_of.at(chunks[i].get()) != page_of.at(chunks[j - 1].get()))
        problem(page_of.at(chunks[i].get()), "a heading is parted from the text under it");
      // A short text under a heading stays with the table or chart it introduces.
      if (height <= style.body_height() * 0.2 && j < chunks.size() &&
          chunks[j]->kind != ChunkKind::Heading &&
          page_of.at(chunks[j - 1].get()) != page_of.at(chunks[j].get()))
        problem(page_of.at(chunks[i].get()), "a heading and its lead-in end a page alone");
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return problems;
}

struct ReportSet {
  ScaleCatalog scales = load_scale_catalog(test::source_dir() / "data");
  Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Dataset data;
  std::vector<ReviewScore> scores;
  std::unique_ptr<OutcomeIndex> outcomes;
  std::unique_ptr<ReportContext> ctx;
  std::vector<PlannedReport> plan;

  explicit ReportSet(const fs::path& input) {
    data = ingest_files({input}, scales);
    scores = score_reviews(data, scales);
    outcomes = std::make_unique<OutcomeIndex>(data);
    ctx = std::make_unique<ReportContext>(ReportContext{scales, words, "", 5});
    const auto period = latest_period_with_data(data);
    REQUIRE(period);
    plan = plan_reports(data, scores, *outcomes, *period, *ctx);
  }
};

void check_reports(const ReportSet& set, size_t per_kind) {
  std::map<std::string, size_t> done;
  for (const PlannedReport& p : set.plan) {
    if (done[p.kind]++ >= per_kind) continue;
    INFO(p.output_stem);
    const auto problems = layout_problems(p.build());
    // The first few are enough to see what is wrong.
    for (size_t i = 0; i < std::min<size_t>(problems.size(), 6); ++i) UNSCOPED_INFO(problems[i]);
    if (problems.size() > 6) UNSCOPED_INFO("… " << problems.size() - 6 << " more");
    CHECK(problems.empty());
  }
  CHECK(done.size() == 3);  // each kind of report was checked
}

}  // namespace

TEST_CASE("overlap is measured on turned boxes and segments", "[pdf-layout]") {
  const std::vector<Point> square{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  CHECK(overlap_depth(square, {{5, 5}, {15, 5}, {15, 15}, {5, 15}}) == Approx(5));
  CHECK(overlap_depth(square, {{10, 0}, {20, 0}, {20, 10}, {10, 10}}) == 0);  // touching
  // A diamond beside the square's corner: its upright box would overlap, the shape does not.
  CHECK(overlap_depth(square, {{14, 10}, {18, 14}, {14, 18}, {10, 14}}) == 0);
  CHECK(overlap_depth(square, {{-5, 5}, {15, 5}}) > 0.1);   // a segment across it
  CHECK(overlap_depth(square, {{-5, 15}, {15, 15}}) == 0);  // a segment under it
}

TEST_CASE("every example report keeps the layout rules", "[pdf-layout]") {
  const ReportSet set(test::source_dir() / "examples" / "ips-eksempel.xlsx");
  check_reports(set, 100);
}

TEST_CASE("a 200-site report set keeps the layout rules", "[pdf-layout]") {
  test::ScratchDir dir("layout-200");
  int rc = -1;
  test::run_command(test::generator_binary() +
                        " --sites 200 --half-years 4 --participants 2400 --seed 11 --out " +
                        dir.path.string() + " >/dev/null 2>&1",
                    &rc);
  REQUIRE(rc == 0);
  const ReportSet set(dir.path / "ips-export.xlsx");
  check_reports(set, 2);
}

TEST_CASE("a chart's benchmark labels stand outside its plot, clear of every bar and point",
          "[pdf-layout]") {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(nullptr, nullptr, 595, 842);
  cairo_t* cr = cairo_create(surface);
  {
    ContextPtr text = bundled_text_context(cr, fonts_dir_of(test::source_dir()));
    doc::ChartSpec spec;
    spec.kind = doc::ChartKind::Line;
    spec.categories = {"2016-H1", "2016-H2"};
    // The all-sites line runs at the 31 % benchmark, where its label used to sit.
    spec.series = {{"Enheten", {0.45, 0.41}, {}, {}}, {"Alle enheter", {0.31, 0.31}, {}, {}}};
    spec.y_axis = doc::Axis{"Andel", 0, 1, 0.25, true};
    spec.benchmarks = {
        {"Minimum 31 %", 0.31}, {"Gjennomsnitt 41 %", 0.41}, {"Svært bra 50 %", 0.5}};
    const auto boxes = chart_boxes(text.get(), spec, 0, 0, 450, 220, Lang::Nb);
    double plot_right = 0;
    for (const auto& b : boxes)
      if (b.kind != ChartBoxKind::Text)
        for (const Point& c : b.corners) plot_right = std::max(plot_right, c.x);
    int labels = 0;
    double top_tick = 0;
    for (const auto& b : boxes) {
      if (b.kind != ChartBoxKind::Text) continue;
      if (b.text.rfind("Minimum", 0) == 0 || b.text.rfind("Gjennomsnitt", 0) == 0 ||
          b.text.rfind("Svært", 0) == 0) {
        ++labels;
        CHECK(b.corners[0].x > plot_right);  // right of every mark
      }
      for (const auto& o : boxes)
        if (&o != &b) CHECK(overlap_depth(b.corners, o.corners) <= kTolerance);
      if (b.text == "60\u00A0%") top_tick = 1;
      CHECK(b.text != "100\u00A0%");  // the rate axis ends above the data, not at 100 %
    }
    CHECK(labels == 3);
    CHECK(top_tick == 1);  // 50 % is the highest: the axis ends at the next round step
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
}

TEST_CASE("an item profile starts at 0, so a score of 1 has a bar", "[pdf-layout]") {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(nullptr, nullptr, 595, 842);
  cairo_t* cr = cairo_create(surface);
  {
    ContextPtr text = bundled_text_context(cr, fonts_dir_of(test::source_dir()));
    doc::ChartSpec spec;
    spec.kind = doc::ChartKind::Profile;
    spec.categories = {"B1", "B2"};
    spec.series = {{"Denne", {1.0, 5.0}, {}, {}}};
    spec.y_axis = doc::Axis{"Skår", 1, 5, 1, false};
    std::vector<double> heights;
    for (const auto& b : chart_boxes(text.get(), spec, 0, 0, 450, 220, Lang::Nb))
      if (b.kind == ChartBoxKind::Mark) {
        heights.push_back(b.corners[2].y - b.corners[0].y);
        CHECK(b.corners[1].x - b.corners[0].x <= 28.01);  // bar width capped
      }
    REQUIRE(heights.size() == 2);
    CHECK(heights[0] / heights[1] == Approx(0.2).margin(0.01));
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
}

TEST_CASE("a data-quality table gives the spreadsheet's row number as the sheet shows it",
          "[pdf-layout]") {
  const Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Diagnostic d;
  d.severity = Severity::Warning;
  d.file = "Kvalitetsmålinger.csv";
  d.row = 1165;
  d.code = "score.out_of_range";
  const doc::Table t = diagnostics_table({&d}, words, "data-quality");
  REQUIRE(t.rows.size() == 1);
  const size_t row_column = test::column_of(t, words.get("columns.row"));
  CHECK(doc::format_value(t.rows[0].cells.at(row_column), Lang::Nb) == "1165");  // not "1 165"
}

TEST_CASE("a data-quality table names a run's one input file in its caption, not in every row",
          "[pdf-layout]") {
  // The file column repeated one name down the page while the problem's text beside it wrapped
  // to five lines.
  const Wording words = Wording::load(test::source_dir() / "templates", Lang::Nb);
  Diagnostic a, b;
  a.file = "/data/eksport/ips-2016.xlsx";
  a.sheet = b.sheet = "Kvalitetsmålinger";
  a.row = 12;
  a.code = b.code = "score.out_of_range";
  b.file = "/data/eksport/ips-2016.xlsx";
  b.row = 14;
  auto headers = [](const doc::Table& t) {
    std::vector<std::string> h;
    for (const doc::Column& c : t.columns) h.push_back(c.header);
    return h;
  };
  const doc::Table one = diagnostics_table({&a, &b}, words, "data-quality");
  CHECK(one.caption == words.format("common.data_quality_caption_file", {"ips-2016.xlsx"}));
  const std::vector<std::string> one_headers = headers(one);
  CHECK(std::find(one_headers.begin(), one_headers.end(), words.get("columns.file")) ==
        one_headers.end());
  for (const doc::Row& r : one.rows) CHECK(r.cells.size() == one.columns.size());
  CHECK(one.rows[0].cells[1].text == "Kvalitetsmålinger");

  // Two files of one name in two folders are two files: the caption must not say one.
  b.file = "/data/eksport/2015/ips-2016.xlsx";
  const doc::Table same_name = diagnostics_table({&a, &b}, words, "data-quality");
  CHECK(same_name.caption == words.get("common.data_quality_caption"));
  CHECK(same_name.columns.size() == one.columns.size() + 1);

  // Two files: each row says which.
  b.file = "/data/eksport/deltakere.csv";
  const doc::Table two = diagnostics_table({&a, &b}, words, "data-quality");
  CHECK(two.caption == words.get("common.data_quality_caption"));
  REQUIRE(two.columns.size() == one.columns.size() + 1);
  CHECK(two.columns[1].header == words.get("columns.file"));
  CHECK(two.rows[1].cells[1].text == "deltakere.csv");
  for (const doc::Row& r : two.rows) CHECK(r.cells.size() == two.columns.size());
}

namespace {
// A page of `filler` points of text, then a heading and a table of `rows` rows of 10 points.
std::vector<std::shared_ptr<Chunk>> text_then_table(double filler, int rows) {
  std::vector<std::shared_ptr<Chunk>> chunks;
  auto add = [&](ChunkKind kind, int block, double height) {
    auto c = std::make_shared<Chunk>();
    c->kind = kind;
    c->block = block;
    c->height = height;
    chunks.push_back(c);
    return c;
  };
  add(ChunkKind::Text, 0, filler);
  add(ChunkKind::Heading, 1, 12)->keep_with_next = true;
  add(ChunkKind::TableCaption, 2, 10)->keep_with_next = true;
  add(ChunkKind::TableHeader, 2, 10)->keep_with_next = true;
  for (int r = 0; r < rows; ++r) {
    auto row = add(ChunkKind::TableRow, 2, 10);
    row->keep_with_next = r < 2 || r >= rows - 3;  // three rows at least at either end
  }
  return chunks;
}

// Rows of the table (block 2) on each page.
std::vector<int> table_rows_per_page(const Pagination& p) {
  std::vector<int> out;
  for (const auto& page : p.pages) {
    int n = 0;
    for (const PlacedChunk& pc : page)
      if (pc.chunk->kind == ChunkKind::TableRow && !pc.repeat) ++n;
    if (n > 0) out.push_back(n);
  }
  return out;
}
}  // namespace

TEST_CASE("a table that fits on a page splits only when half its rows fit on the first",
          "[pdf-layout]") {
  // A page of 400 points. 18 rows: after 330 points of text, 4 rows fit (12 + 20 + 40 = 72):
  // the table goes to the next page whole.
  CHECK(table_rows_per_page(paginate(text_then_table(326, 18), 0, 400)) == std::vector<int>{18});
  // After 230 points, 13 rows fit: the split (13 + 5) wastes less than moving the table.
  CHECK(table_rows_per_page(paginate(text_then_table(230, 18), 0, 400)) == std::vector<int>{13, 5});
  // A table longer than a page splits where the page ends, whatever the first part.
  const auto long_table = table_rows_per_page(paginate(text_then_table(326, 45), 0, 400));
  REQUIRE(long_table.size() == 3);
  CHECK(long_table[0] == 4);
}

TEST_CASE("a narrow chart of many items thins its upright labels instead of overlapping them",
          "[pdf-layout]") {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(nullptr, nullptr, 595, 842);
  cairo_t* cr = cairo_create(surface);
  {
    ContextPtr text = bundled_text_context(cr, fonts_dir_of(test::source_dir()));
    doc::ChartSpec spec;
    spec.kind = doc::ChartKind::Profile;
    doc::Series s{"Denne", {}, {}, {}};
    for (int i = 1; i <= 25; ++i) {
      spec.categories.push_back("T" + std::to_string(i));
      s.values.push_back(double(1 + i % 5));
    }
    spec.series = {s};
    spec.y_axis = doc::Axis{"Skår", 1, 5, 1, false};
    // As wide as the phone drawing of an item profile (slots of about 6 points).
    const auto boxes = chart_boxes(text.get(), spec, 0, 0, 170, 220, Lang::Nb);
    int labels = 0;
    for (size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].kind != ChartBoxKind::Text) continue;
      if (boxes[i].text.rfind("T", 0) == 0) ++labels;
      for (size_t j = i + 1; j < boxes.size(); ++j)
        if (boxes[j].kind == ChartBoxKind::Text) {
          INFO(describe(boxes[i]) << " / " << describe(boxes[j]));
          CHECK(overlap_depth(boxes[i].corners, boxes[j].corners) <= kTolerance);
        }
    }
    CHECK(labels > 5);   // some labels are shown …
    CHECK(labels < 25);  // … not all of them
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
}

TEST_CASE("the layout test sees a table cell's text cut short", "[pdf-layout]") {
  // A group row is set in at most three lines: one far longer is cut with "…", which the
  // measured cell texts must show (the rules above would pass a report that hides it).
  using namespace ips::doc;
  Report report = test::sample_report();
  report.sections.clear();
  Table t;
  t.caption = "Punkter";
  t.columns = {{"Kode", Align::Left, 1}, {"Punkt", Align::Left, 3}};
  std::string long_text;
  for (int i = 0; i < 120; ++i) long_text += "langt ord ";
  t.rows = {{RowStyle::Group, {Value::of_text(long_text)}},
            {RowStyle::Data, {Value::of_text("B1"), Value::of_text("Deltakerportefølje")}}};
  report.sections.push_back(Section{"Punkter", "items", false, {t}});
  const auto problems = layout_problems(report);
  CHECK(std::any_of(problems.begin(), problems.end(), [](const std::string& p) {
    return p.find("is cut short") != std::string::npos;
  }));
}
