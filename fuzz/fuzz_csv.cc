// libFuzzer target: CSV bytes (encoding detection, delimiter detection, quoting) through the
// rest of ingest. A form feed splits the input into several CSV files of one run, so tables
// from different files meet in the model builder as they do in a real run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/csv_reader.h"
#include "ingest_pipeline.h"

namespace {

constexpr size_t kMaxFiles = 4;

bool has_content(const ips::RawWorkbook& book) {
  for (const auto& sheet : book.sheets)
    for (const auto& row : sheet.rows)
      for (const auto& cell : row)
        if (!cell.is_blank()) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ips;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const IngestLimits limits = fuzz::fuzz_limits();

  std::vector<std::string_view> parts;
  for (size_t start = 0; parts.size() < kMaxFiles;) {
    const size_t end =
        parts.size() + 1 == kMaxFiles ? std::string_view::npos : input.find('\f', start);
    parts.push_back(
        input.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }

  Dataset dataset;
  RecordSet records;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string_view bytes = parts[i];
    const char delimiter = detect_csv_delimiter(bytes.substr(0, bytes.find('\n')));
    fuzz::require(delimiter == ';' || delimiter == ',' || delimiter == '\t',
                  "delimiter is ; , or tab");

    RawWorkbook book = read_csv(std::string(bytes), limits.max_rows_per_sheet);
    fuzz::require(book.format == "csv" && book.sheets.size() == 1, "one csv sheet");
    fuzz::require(book.sheets[0].rows.size() <= limits.max_rows_per_sheet, "row limit kept");
    // ingest_files refuses bytes with NUL (not a text file) and empty files before this point.
    if (bytes.find('\0') != std::string_view::npos || !has_content(book)) continue;
    fuzz::require(fuzz::all_text_is_utf8(book), "csv cells are UTF-8");
    const std::string file = "fil" + std::to_string(i + 1) + ".csv";
    read_workbook_tables(book, file, "fil", fuzz::scale_catalog(), limits, records,
                         dataset.diagnostics);
  }
  build_dataset(records, fuzz::scale_catalog(), dataset);
  for (const auto& table : dataset.diagnostics.tables)
    fuzz::require(table.rows_read == table.rows_used + table.rows_excluded,
                  "rows_read == used + excluded");
  return 0;
}
