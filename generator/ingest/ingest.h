// The ingest stage's entry point: input files in, a Dataset with its diagnostics out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "model/dataset.h"
#include "model/scale.h"

namespace ips {

/// Limits that keep hostile or broken inputs from exhausting memory or time.
struct IngestLimits {
  uintmax_t max_file_bytes = 200u << 20;
  uintmax_t max_uncompressed_bytes = 1024u << 20;
  double max_zip_ratio = 200;
  size_t max_rows_per_sheet = 2'000'000;
  // Rows are stored as wide as their rightmost cell: a 16 KB xlsx with one cell in column XFD
  // on each of 3000 rows would otherwise take 3 GB (found by fuzz_workbook).
  size_t max_cells_per_sheet = 8'000'000;
  size_t max_cell_chars = 32'767;
};

/// Reads every file, recognises tables, builds the Dataset; never throws for bad input (problems become Diagnostics).
Dataset ingest_files(const std::vector<std::filesystem::path>& files, const ScaleCatalog& scales,
                     const IngestLimits& limits = {});

}  // namespace ips
