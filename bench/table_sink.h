// Where export tables go: an xlsx workbook (one sheet per table) or CSV files (one per table).
// Rows arrive strictly in order, which is what libxlsxwriter's constant-memory mode needs.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "model/date.h"

namespace ips::bench {

/// One cell: empty, text, number or date.
using Cell = std::variant<std::monostate, std::string_view, double, Date>;

/// Receives tables one after another; throws std::runtime_error when writing fails.
class TableSink {
 public:
  virtual ~TableSink() = default;
  /// Starts a table named `name` with these column headers.
  virtual void begin_table(std::string_view name, std::span<const std::string_view> headers) = 0;
  /// Appends one row to the current table.
  virtual void add_row(std::span<const Cell> cells) = 0;
  /// Flushes and closes everything written.
  virtual void finish() = 0;
};

/// A table name as a file-name stem: lower case ASCII, å→a, ø→o, æ→ae
/// (`Kvalitetsmålinger` → `kvalitetsmalinger`), the rule the report file names follow too.
std::string table_file_stem(std::string_view table_name);

}  // namespace ips::bench
