// Reads .xlsx and .ods workbooks into a RawWorkbook through liborcus' import interface.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/raw_workbook.h"

namespace ips {

/// Why a file could not be read as a whole, or empty when it could.
struct ReadFailure {
  std::string code;  // "file.corrupt", "file.encrypted", "file.too_large", ...
  std::string detail;
  bool failed() const { return !code.empty(); }
};

struct WorkbookReadLimits {
  uintmax_t max_uncompressed_bytes = 1024u << 20;
  double max_zip_ratio = 200;
  size_t max_rows_per_sheet = 2'000'000;
  size_t max_cell_bytes = kMaxCellBytesPerWorkbook;  // see raw_workbook.h
  // Parse in a child process (run_contained). Off only where a crash should surface and speed
  // matters: the fuzzers, which run the parse in their own process.
  bool contain_parse = true;
};

/// Parses a zip-packaged workbook held in memory ("xlsx" or "ods"); fills `out` or `failure`.
void read_zip_workbook(std::string_view bytes, const std::string& format,
                       const WorkbookReadLimits& limits, RawWorkbook& out, ReadFailure& failure);

}  // namespace ips
