// libFuzzer target: a zip-packaged workbook (xlsx or ods) from bytes, with the zip limits,
// then the whole in-memory ingest path: tables recognised, rows parsed, Dataset built.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include "ingest/workbook_reader.h"
#include "ingest_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ips;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const IngestLimits limits = fuzz::fuzz_limits();
  // As ingest_files decides for a zip with an unexpected extension: OpenDocument if it says so.
  const std::string format =
      bytes.find("application/vnd.oasis.opendocument.spreadsheet") != std::string_view::npos
          ? "ods"
          : "xlsx";

  RawWorkbook book;
  ReadFailure failure;
  try {
    const WorkbookReadLimits read_limits{limits.max_uncompressed_bytes, limits.max_zip_ratio,
                                         limits.max_rows_per_sheet,
                                         /*contain_parse=*/false};
    read_zip_workbook(bytes, format, read_limits, book, failure);
  } catch (const std::exception&) {
    return 0;  // ingest_files reports this as file.unreadable
  }
  if (failure.failed()) {
    fuzz::require(book.sheets.empty(), "a failed read leaves no sheets");
    return 0;
  }
  fuzz::require(book.format == format, "format kept");
  size_t cells = 0;
  for (const auto& sheet : book.sheets) {
    fuzz::require(sheet.rows.size() <= limits.max_rows_per_sheet, "row limit kept");
    for (const auto& row : sheet.rows) {
      fuzz::require(row.size() <= kMaxRawColumns, "column limit kept");
      cells += row.size();
    }
  }
  fuzz::require(cells <= kMaxRawCellsPerWorkbook, "workbook cell budget kept");
  fuzz::require(fuzz::all_text_is_utf8(book), "workbook text is UTF-8");
  (void)fuzz::build_from_workbook(book, "fuzz." + format, "fuzz");
  return 0;
}
