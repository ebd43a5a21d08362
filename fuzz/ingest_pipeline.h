// What the fuzz targets share: the rest of the ingest path after a file's bytes became a
// RawWorkbook (tables → records → Dataset), done in memory as ingest_files does it from paths,
// plus the invariants every run must keep. Any failed check aborts, which libFuzzer reports.
#pragma once

#include <glib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/ingest.h"
#include "ingest/model_builder.h"
#include "ingest/raw_workbook.h"
#include "ingest/records.h"
#include "ingest/table_reader.h"
#include "ingest/text_normalize.h"
#include "model/scale.h"

namespace ips::fuzz {

/// Limits small enough that one input cannot stall the fuzzer, yet large for the inputs it makes.
inline IngestLimits fuzz_limits() {
  IngestLimits limits;
  limits.max_file_bytes = 1u << 20;
  limits.max_uncompressed_bytes = 16u << 20;
  limits.max_zip_ratio = 200;
  limits.max_rows_per_sheet = 20'000;
  limits.max_cell_chars = 32'767;
  return limits;
}

/// The scale catalog from the source tree's data/ (loaded once per process).
inline const ScaleCatalog& scale_catalog() {
  static const ScaleCatalog catalog = load_scale_catalog(std::string(IPS_SOURCE_DIR) + "/data");
  return catalog;
}

/// Aborts with a message when `ok` is false (an invariant of the ingest stage broke).
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

/// True when Pango would take the text: UTF-8 as GLib validates it (no surrogates, overlong
/// forms or NUL), which is stricter than, and independent of, the program's own check.
inline bool pango_accepts(const std::string& text) {
  return g_utf8_validate_len(text.data(), text.size(), nullptr);
}

/// Every sheet name and cell text of the workbook is text Pango accepts (invalid UTF-8 puts
/// cairo in a sticky error state and the report fails; docs/architecture.md).
inline bool all_text_is_utf8(const RawWorkbook& book) {
  for (const auto& sheet : book.sheets) {
    if (!pango_accepts(sheet.name)) return false;
    for (const auto& row : sheet.rows)
      for (const auto& cell : row)
        if (!pango_accepts(cell.text)) return false;
  }
  return true;
}

/// Recognises tables in `book` (a copy: its rows are released as they are read) and builds the
/// Dataset, as ingest_files does after reading a file.
inline Dataset build_from_workbook(RawWorkbook book, const std::string& file,
                                   const std::string& name_hint) {
  const IngestLimits limits = fuzz_limits();
  Dataset dataset;
  RecordSet records;
  read_workbook_tables(book, file, name_hint, scale_catalog(), limits, records,
                       dataset.diagnostics);
  build_dataset(records, scale_catalog(), dataset);
  // The row accounting of every table adds up (spec: read = used + excluded).
  for (const auto& table : dataset.diagnostics.tables) {
    require(table.rows_read == table.rows_used + table.rows_excluded,
            "rows_read == rows_used + rows_excluded");
    require(table.duplicates <= table.rows_excluded, "duplicates <= rows_excluded");
  }
  return dataset;
}

}  // namespace ips::fuzz
