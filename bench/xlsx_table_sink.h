// Writes tables as sheets of one xlsx workbook with real date cells.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>

#include "table_sink.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ips::bench {

/// An xlsx workbook; `constant_memory` streams rows to disk (needed for very large exports);
/// `created` fixes the document's creation time so equal data gives byte-identical files.
class XlsxTableSink : public TableSink {
 public:
  XlsxTableSink(const std::filesystem::path& path, bool constant_memory, std::time_t created);
  ~XlsxTableSink() override;
  void begin_table(std::string_view name, std::span<const std::string_view> headers) override;
  void add_row(std::span<const Cell> cells) override;
  void finish() override;

 private:
  void check(int error, std::string_view what) const;
  std::string path_;
  std::string title_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* header_format_ = nullptr;
  lxw_format* date_format_ = nullptr;
  unsigned row_ = 0;
};

}  // namespace ips::bench
