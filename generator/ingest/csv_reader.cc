#include "ingest/csv_reader.h"

#include <orcus/csv_parser.hpp>

#include <algorithm>
#include <array>
#include <new>
#include <optional>

#include "ingest/formula_error.h"
#include "ingest/text_normalize.h"

namespace ips {

namespace {

// Collects orcus' csv_parser callbacks into RawSheet rows, charging the budget with the memory
// the rows really take: each RawCell, the heap block of every text too long to sit inside its
// string, each row's block and its slot in the sheet (charged up front by the caller).
class CsvCollector {
 public:
  bool over_budget = false;  // kMaxCellBytesPerWorkbook ran out (or memory did)
  CsvCollector(RawSheet& sheet, size_t max_rows, size_t max_cell_bytes, size_t already_charged)
      : sheet_(sheet),
        max_rows_(max_rows),
        max_cell_bytes_(max_cell_bytes),
        bytes_(already_charged) {}
  void begin_parse() {}
  void end_parse() {}
  void begin_row() {
    row_.clear();
    row_.reserve(width_);
  }
  void end_row() {
    if (over_budget) return;
    if (sheet_.rows.size() >= max_rows_) {
      sheet_.truncated = true;
      return;
    }
    // The cells were charged one by one; the row's block may hold more than it uses.
    if (!charge((row_.capacity() - row_.size()) * sizeof(RawCell) + kRowAllocationOverhead)) return;
    width_ = std::max(width_, row_.size());
    sheet_.rows.push_back(std::move(row_));
    row_ = RawRow();
  }
  void cell(const char* p, size_t n, bool /*transient*/) {
    if (over_budget) return;
    if (row_.size() >= kMaxRawColumns) {
      sheet_.columns_cut = true;
      return;
    }
    // A CSV's cells take far more memory than its bytes (a cell of one character is a whole
    // RawCell): counted as they are held, and the file refused past the budget.
    if (!charge(sizeof(RawCell) + cell_text_heap_bytes(n))) return;
    RawCell c;
    if (n > 0) {
      c.kind = RawCell::Kind::Text;
      c.text.assign(p, n);
      // A CSV export writes an error cell as the error's text: the same cell as in a workbook.
      if (is_formula_error_text(c.text)) {
        c.kind = RawCell::Kind::Error;
        c.text = trim(c.text);
      }
    }
    row_.push_back(std::move(c));
  }

 private:
  bool charge(size_t bytes) {
    bytes_ += bytes;
    if (bytes_ > max_cell_bytes_) over_budget = true;
    return !over_budget;
  }

  RawSheet& sheet_;
  size_t max_rows_;
  size_t max_cell_bytes_;
  size_t width_ = 0;
  size_t bytes_ = 0;
  RawRow row_;
};

// Rewrites CRLF and lone CR as LF where the text lies (the result is never longer), so the
// parser, which splits rows on LF only, reads the file's own buffer and not a copy of it.
void normalize_line_ends(std::string& text, size_t from) {
  size_t out = from;
  for (size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\r') {
      text[out++] = '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      text[out++] = text[i];
    }
  }
  text.resize(out);
}

// True when the text ends inside a quoted field (RFC 4180: a quote opens a field only at its
// start; "" inside quotes is a literal quote).
bool ends_inside_quotes(std::string_view text, char delimiter) {
  bool field_start = true, quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') continue;
      if (i + 1 < text.size() && text[i + 1] == '"') {
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == delimiter || c == '\n') {
      field_start = true;
      continue;
    } else if (c == '"' && field_start) {
      quoted = true;
    }
    field_start = false;
  }
  return quoted;
}

}  // namespace

char detect_csv_delimiter(std::string_view line) {
  std::array<int, 3> counts{};  // ';' ',' '\t'
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ';') ++counts[0];
    if (c == ',') ++counts[1];
    if (c == '\t') ++counts[2];
  }
  if (counts[2] > counts[0] && counts[2] > counts[1]) return '\t';
  if (counts[1] > counts[0]) return ',';
  return ';';
}

RawWorkbook read_csv(std::string bytes, size_t max_rows, size_t max_cell_bytes) {
  RawWorkbook book;
  book.format = "csv";
  // The file's bytes are the parser's text: UTF-8 is read where it lies, and only text that had
  // to be converted replaces them (a 126 MB file held twice over, as bytes and as a copy with
  // one line-ending convention, took 250 MB the budget did not see).
  std::string text;
  size_t begin = 0;  // where the text starts in `text` (after a UTF-8 byte-order mark)
  std::optional<std::string> utf16;
  if (has_utf16_bom(bytes) && (utf16 = convert_to_utf8(bytes, "UTF-16"))) {
    // iconv's UTF-16 reads the byte-order mark and keeps it as U+FEFF; drop it.
    text = std::move(*utf16);
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) begin = 3;
    book.csv_encoding = "UTF-16";
  } else if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 &&
             is_valid_utf8(std::string_view(bytes).substr(3))) {
    text = std::move(bytes);
    begin = 3;
    book.csv_encoding = "UTF-8 (BOM)";
  } else if (is_valid_utf8(bytes)) {
    text = std::move(bytes);
    book.csv_encoding = "UTF-8";
  } else if (auto cp1252 = windows1252_to_utf8(bytes)) {
    text = std::move(*cp1252);
    book.csv_encoding = "Windows-1252";
  } else {
    text = repair_utf8(bytes);  // no iconv: undecodable bytes become U+FFFD
    book.csv_encoding = "unknown";
  }
  utf16.reset();
  std::string().swap(bytes);  // converted: the original bytes are no longer needed
  normalize_line_ends(text, begin);
  std::string_view view = std::string_view(text).substr(begin);
  // The header line is the first non-blank line.
  size_t start = 0;
  std::string_view first_line;
  while (start < view.size()) {
    size_t end = view.find('\n', start);
    if (end == std::string::npos) end = view.size();
    first_line = view.substr(start, end - start);
    if (!trim(first_line).empty()) break;
    start = end + 1;
  }
  const char delimiter = detect_csv_delimiter(first_line);
  // A last field whose closing quote is missing keeps its text to the end of the file: orcus
  // 0.17 would otherwise read one byte past the end into that cell (or drop the row).
  if (ends_inside_quotes(view, delimiter)) {
    text += '"';
    view = std::string_view(text).substr(begin);  // the append may have moved the text
  }
  orcus::csv::parser_config config;
  config.delimiters = std::string(1, delimiter);
  config.text_qualifier = '"';
  config.trim_cell_value = false;
  RawSheet sheet;
  // Held while the rows are made, so charged with them: the text, and one row slot per line
  // (reserved at once, so the sheet's row list never holds two copies while it grows).
  const size_t lines =
      std::min<size_t>(max_rows, static_cast<size_t>(std::count(view.begin(), view.end(), '\n'))) +
      1;
  const size_t held = text.capacity() + lines * sizeof(RawRow);
  CsvCollector collector(sheet, max_rows, max_cell_bytes, held);
  if (held > max_cell_bytes) {
    collector.over_budget = true;
  } else {
    try {
      sheet.rows.reserve(lines);
      orcus::csv_parser<CsvCollector> parser(text.data() + begin, text.size() - begin, collector,
                                             config);
      parser.parse();
    } catch (const std::bad_alloc&) {
      collector.over_budget = true;  // memory ran out: not a quoting error, and not a partial read
    } catch (const std::exception&) {
      // orcus stops at broken quoting; the rows read so far are kept and the stop is reported.
      sheet.malformed = true;
    }
  }
  if (collector.over_budget) {
    book.over_cell_budget = true;
    return book;  // no rows: a partial read is never used
  }
  book.sheets.push_back(std::move(sheet));
  return book;
}

}  // namespace ips
