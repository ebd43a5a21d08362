// Writes each table as a CSV file the way Norwegian Excel saves "CSV UTF-8": BOM, `;` between
// fields, decimal comma, dd.mm.yyyy dates, RFC 4180 quoting.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

#include "table_sink.h"

namespace ips::bench {

/// CSV files in `folder`, named from the table name (`Kvalitetsmålinger` → kvalitetsmalinger.csv).
class CsvTableSink : public TableSink {
 public:
  explicit CsvTableSink(std::filesystem::path folder);
  ~CsvTableSink() override;
  void begin_table(std::string_view name, std::span<const std::string_view> headers) override;
  void add_row(std::span<const Cell> cells) override;
  void finish() override;

  /// The file name used for a table (table_file_stem + ".csv").
  static std::string file_name(std::string_view table_name);

 private:
  void close_current();
  void write_field(std::string_view text);
  std::filesystem::path folder_;
  std::filesystem::path current_path_;
  std::FILE* file_ = nullptr;
  std::string line_;
};

/// `value` with a decimal comma and no trailing zeros ("37,5", "2", "0,25").
std::string decimal_comma(double value);

}  // namespace ips::bench
