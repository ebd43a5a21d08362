// A spreadsheet as read from any file format: sheets of rows of typed cells, before meaning.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ips {

/// One cell as the file stores it. Dates stay serial numbers (the column decides they are
/// dates); formula cells hold their cached result. A cell showing a formula error (#N/A) is
/// an Error cell: read as empty everywhere, but the table reader names it (formula_error.h).
struct RawCell {
  // One byte, next to the flags: a national export holds millions of cells (48 bytes each).
  enum class Kind : unsigned char { Empty, Number, Text, Bool, Error };
  Kind kind = Kind::Empty;
  bool is_date = false;  // the file marked the cell as a date (ods date cells)
  bool from_formula = false;
  double number = 0;  // Number; Bool as 0/1
  std::string text;   // Text (UTF-8, untrimmed); Error: the error as shown ("#N/A")

  /// True when the cell holds nothing but whitespace, or a formula error (no data either).
  bool is_blank() const;
  /// True when the cell shows a formula error.
  bool is_formula_error() const { return kind == Kind::Error; }
};

using RawRow = std::vector<RawCell>;  // index = 0-based column

/// No input table has more than a few dozen columns; cells further right are left out (and the
/// sheet flagged) so a hostile file cannot make every row thousands of cells wide.
constexpr size_t kMaxRawColumns = 1024;
/// Cells stored per workbook at most (about 1 GB), whatever the file claims to repeat.
constexpr size_t kMaxRawCellsPerWorkbook = 20'000'000;
/// Memory the cells of one file may take once expanded: each stored cell and every byte of
/// its text, counted per use (a shared string used 100 000 times counts 100 000 times; a
/// 289 KB xlsx repeating one long string took 6 GB). A file past it is refused whole
/// (file.too_large_cells), like a zip bomb.
constexpr size_t kMaxCellBytesPerWorkbook = size_t{768} << 20;

/// The heap memory a cell's text of `n` bytes takes beyond the RawCell itself: nothing for a
/// text short enough to sit inside the string (libstdc++ keeps up to 15 bytes there), else
/// glibc's allocation (the bytes, the terminating NUL and an 8-byte header, in 16-byte steps).
constexpr size_t cell_text_heap_bytes(size_t n) {
  return n <= 15 ? 0 : (n + 1 + 8 + 15) / 16 * 16;
}
/// What the allocator adds to each row's block of cells (its header and rounding).
constexpr size_t kRowAllocationOverhead = 16;

/// A merged cell range (0-based, inclusive).
struct MergedRange {
  size_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct RawSheet {
  std::string name;          // empty for CSV
  std::vector<RawRow> rows;  // index = 0-based row; rows may be shorter than others
  std::vector<MergedRange> merged;
  bool hidden = false;
  bool truncated = false;    // more rows than IngestLimits::max_rows_per_sheet
  bool malformed = false;    // the parser stopped early (CSV quoting); rows before that are kept
  bool columns_cut = false;  // cells beyond column 1024 (AMJ) were left out
  bool cells_cut = false;    // the workbook's cell budget (kMaxRawCellsPerWorkbook) ran out here
};

struct RawWorkbook {
  std::string format;  // "xlsx", "ods", "csv"
  std::vector<RawSheet> sheets;
  std::string csv_encoding;       // "UTF-8", "UTF-8 (BOM)", "Windows-1252" for CSV
  bool over_cell_budget = false;  // kMaxCellBytesPerWorkbook ran out: the file is refused
};

/// Spreadsheet column letters for a 0-based column: 0 → "A", 26 → "AA".
std::string column_letter(size_t column);

/// A 0-based cell position.
struct CellAddress {
  size_t row = 0, column = 0;
};
/// The cell an A1 reference names ("B3", "$B$3" → row 2, column 1); nothing when the text is
/// not one or lies outside the largest xlsx sheet (1048576 rows, 16384 columns).
std::optional<CellAddress> parse_cell_address(std::string_view a1);

}  // namespace ips
