#include "support/published_run.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "ingest/workbook_reader.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace ips::test {

namespace {

std::string unescape(std::string s) {
  static const std::vector<std::pair<std::string, std::string>> entities = {
      {"&lt;", "<"},   {"&gt;", ">"},        {"&quot;", "\""}, {"&#39;", "'"},
      {"&#x27;", "'"}, {"&nbsp;", "\u00A0"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  return s;
}

// The text of an element's content: tags dropped, entities decoded, outer whitespace trimmed.
std::string text_of(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      out += c;
  }
  out = unescape(out);
  const size_t b = out.find_first_not_of(" \n\t\r");
  const size_t e = out.find_last_not_of(" \n\t\r");
  return b == std::string::npos ? "" : out.substr(b, e - b + 1);
}

// The contents of every <tag ...>…</tag> inside `html`, in order (no nesting of the same tag).
std::vector<std::string> elements(const std::string& html, const std::string& tag) {
  std::vector<std::string> out;
  const std::string open = "<" + tag, close = "</" + tag + ">";
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at)) {
    const char next = html[at + open.size()];
    if (next != '>' && next != ' ') {
      at += open.size();
      continue;
    }
    const size_t body = html.find('>', at) + 1;
    const size_t end = html.find(close, body);
    if (end == std::string::npos) break;
    out.push_back(html.substr(body, end - body));
    at = end + close.size();
  }
  return out;
}

std::vector<PublishedCell> cells_of(const std::string& row_html) {
  std::vector<PublishedCell> cells;
  for (size_t at = row_html.find("<t"); at != std::string::npos; at = row_html.find("<t", at)) {
    const char kind = row_html[at + 2];
    if (kind != 'h' && kind != 'd') {
      at += 2;
      continue;
    }
    const std::string close = std::string("</t") + kind + ">";
    const size_t body = row_html.find('>', at) + 1;
    const size_t end = row_html.find(close, body);
    cells.push_back({text_of(row_html.substr(body, end - body)), std::nullopt});
    at = end + close.size();
  }
  return cells;
}

}  // namespace

std::vector<PublishedTable> read_html_tables(const fs::path& file, const std::string& relative) {
  std::vector<PublishedTable> out;
  for (const std::string& table : elements(read_file(file), "table")) {
    PublishedTable t;
    t.file = relative;
    const size_t cap = table.find("<caption");
    if (cap == std::string::npos) continue;
    const size_t id_at = table.find("id=\"", cap);
    const size_t id_end = table.find('"', id_at + 4);
    const std::string caption_id =
        table.substr(id_at + 4, id_end - id_at - 4);   // table-<id>-caption
    if (caption_id.rfind("table-", 0) != 0) continue;  // a chart's data table
    t.id = caption_id.substr(6, caption_id.size() - 6 - std::string("-caption").size());
    t.caption = text_of(elements(table, "caption").front());
    const std::vector<std::string> rows = elements(table, "tr");
    if (rows.empty()) continue;
    t.header = cells_of(rows.front());
    for (size_t r = 1; r < rows.size(); ++r) t.rows.push_back(cells_of(rows[r]));
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<PublishedTable> read_xlsx_tables(const fs::path& file, const std::string& relative,
                                             const std::vector<PublishedTable>& html_tables) {
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(read_file(file), "xlsx", WorkbookReadLimits{}, book, failure);
  std::vector<PublishedTable> out;
  if (failure.failed()) return out;
  auto cell_of = [](const RawCell& c) {
    if (c.kind == RawCell::Kind::Number) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", c.number);
      return PublishedCell{buf, c.number};
    }
    return PublishedCell{c.kind == RawCell::Kind::Text ? c.text : "", std::nullopt};
  };
  for (const RawSheet& sheet : book.sheets) {
    if (sheet.rows.size() < 2 || sheet.rows[0].empty()) continue;
    const std::string caption = sheet.rows[0][0].text;
    auto same = std::find_if(html_tables.begin(), html_tables.end(),
                             [&](const PublishedTable& h) { return h.caption == caption; });
    if (same == html_tables.end()) continue;
    PublishedTable t;
    t.file = relative;
    t.id = same->id;
    t.caption = caption;
    t.from_xlsx = true;
    for (const RawCell& c : sheet.rows[1]) t.header.push_back(cell_of(c));
    for (size_t r = 2; r < sheet.rows.size(); ++r) {
      const RawRow& row = sheet.rows[r];
      if (std::all_of(row.begin(), row.end(), [](const RawCell& c) { return c.is_blank(); })) break;
      std::vector<PublishedCell> cells;
      for (const RawCell& c : row) cells.push_back(cell_of(c));
      t.rows.push_back(std::move(cells));
    }
    out.push_back(std::move(t));
  }
  return out;
}

namespace {

std::string json_text(const std::string& line, const std::string& key) {
  const std::string k = "\"" + key + "\": \"";
  const size_t at = line.find(k);
  if (at == std::string::npos) return "";
  const size_t start = at + k.size();
  return line.substr(start, line.find('"', start) - start);
}

}  // namespace

PublishedRun read_published_run(const fs::path& out) {
  PublishedRun run;
  const std::string summary = read_file(out / "run-summary.json");
  run.period = json_text(summary, "period");
  run.lang = json_text(summary, "lang");
  // The "tables" entries are one object a line: {"file": …, "table": …, "rows_read": 6, …}.
  const size_t tables = summary.find("\"tables\": [");
  const size_t tables_end = summary.find(']', tables);
  size_t line_start = summary.find('\n', tables);
  while (line_start != std::string::npos && line_start < tables_end) {
    const size_t line_end = summary.find('\n', line_start + 1);
    const std::string line = summary.substr(line_start + 1, line_end - line_start - 1);
    line_start = line_end;
    if (line.find("\"table\"") == std::string::npos) continue;
    SummaryTableCounts t{json_text(line, "file"), json_text(line, "table"), {}};
    for (const char* key : {"rows_read", "rows_used", "rows_excluded", "duplicates"}) {
      const std::string k = std::string("\"") + key + "\": ";
      const size_t at = line.find(k);
      // A withheld count is a string marker ("<5"); only numbers are counts.
      if (at != std::string::npos && std::isdigit(static_cast<unsigned char>(line[at + k.size()])))
        t.counts.emplace_back(key, std::stol(line.substr(at + k.size())));
    }
    run.summary_tables.push_back(std::move(t));
  }

  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(out))
    if (e.is_regular_file() && e.path().extension() == ".html") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& html : files) {
    const std::string relative = fs::relative(html, out).string();
    std::vector<PublishedTable> tables = read_html_tables(html, relative);
    fs::path xlsx = html;
    xlsx.replace_extension(".xlsx");
    std::vector<PublishedTable> cells;
    if (fs::exists(xlsx)) cells = read_xlsx_tables(xlsx, fs::relative(xlsx, out).string(), tables);
    for (auto& t : tables) run.tables.push_back(std::move(t));
    for (auto& t : cells) run.tables.push_back(std::move(t));
  }
  return run;
}

}  // namespace ips::test
