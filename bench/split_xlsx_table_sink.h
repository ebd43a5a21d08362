// Writes each table to its own xlsx workbook (`<base>-<table>.xlsx`), as when reviews and the
// participant register are kept in separate files; also caps the writer's memory at the
// largest table instead of the whole export.
#pragma once

#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

#include "xlsx_table_sink.h"

namespace ips::bench {

/// One single-sheet workbook per table in `folder`.
class SplitXlsxTableSink : public TableSink {
 public:
  SplitXlsxTableSink(std::filesystem::path folder, std::string base_name, bool constant_memory,
                     std::time_t created);
  void begin_table(std::string_view name, std::span<const std::string_view> headers) override;
  void add_row(std::span<const Cell> cells) override;
  void finish() override;

 private:
  std::filesystem::path folder_;
  std::string base_name_;
  bool constant_memory_;
  std::time_t created_;
  std::unique_ptr<XlsxTableSink> current_;
};

}  // namespace ips::bench
