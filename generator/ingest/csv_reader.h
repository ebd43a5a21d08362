// Reads a CSV file as Norwegian Excel/LibreOffice write it into a one-sheet RawWorkbook.
#pragma once

#include <string>
#include <string_view>

#include "ingest/raw_workbook.h"

namespace ips {

/// The field delimiter a CSV header line uses: ';', ',' or tab (most frequent outside quotes;
/// ';' on a tie, as Norwegian Excel writes it).
char detect_csv_delimiter(std::string_view first_line);
/// Parses CSV bytes: UTF-16 with BOM, UTF-8 with or without BOM, else Windows-1252; RFC 4180
/// quoting. All cells come out as text. Sets RawWorkbook::csv_encoding. At most `max_rows` rows are
/// kept. The bytes are taken over and parsed in place; they and the rows count against
/// `max_cell_bytes` (RawWorkbook::over_cell_budget, no rows, past it).
RawWorkbook read_csv(std::string bytes, size_t max_rows,
                     size_t max_cell_bytes = kMaxCellBytesPerWorkbook);

}  // namespace ips
