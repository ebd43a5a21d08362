// The ingest stage's entry point: input files in, a Dataset with its diagnostics out.
//
// Layers (one concept per file):
//   workbook_reader / csv_reader  any file → RawWorkbook (typed cells, merges, hidden flags)
//   table_schema                  the tables of docs/input.md: names, columns, aliases
//   table_reader                  recognises each sheet's table, parses cells (value_parse),
//                                 reports what it cannot use → RecordSet (records.h)
//   model_builder                 duplicates/conflicts across files, score resolution,
//                                 reviews, site register, row accounting → Dataset
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "ingest/raw_workbook.h"
#include "model/dataset.h"
#include "model/scale.h"

namespace ips {

/// Limits that keep hostile or broken inputs from exhausting memory or time.
struct IngestLimits {
  uintmax_t max_file_bytes = 200u << 20;
  uintmax_t max_uncompressed_bytes = 1024u << 20;
  double max_zip_ratio = 200;
  size_t max_rows_per_sheet = 2'000'000;
  size_t max_cell_chars = 32'767;
  size_t max_cell_bytes = kMaxCellBytesPerWorkbook;  // expanded cells per file (raw_workbook.h)
  // Dates after this are reported (date.in_future) and do not choose the period; unset: the
  // run date (model/run_date.h).
  std::optional<Date> latest_allowed_date;
};

/// Reads every file, recognises tables, builds the Dataset; never throws for bad input (problems
/// become Diagnostics).
Dataset ingest_files(const std::vector<std::filesystem::path>& files, const ScaleCatalog& scales,
                     const IngestLimits& limits = {});

}  // namespace ips
