// What a reader holding every file of a run sees: the tables of the HTML reports as their text,
// the same tables' cells from the XLSX files (read back with liborcus, numbers as stored), and
// run-summary.json's per-file row counts. Nothing here looks at the program's own structures,
// so a test built on it attacks the published reports exactly as an outsider could.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ips::test {

/// One published cell: its text as shown, and for an XLSX number cell the number as stored.
struct PublishedCell {
  std::string text;
  std::optional<double> number;
};

/// One table of one published file.
struct PublishedTable {
  std::string file;  // path below the output folder
  std::string id;  // the table's id in the HTML ("outcomes"); XLSX: the HTML table with its caption
  std::string caption;
  bool from_xlsx = false;
  std::vector<PublishedCell> header;
  std::vector<std::vector<PublishedCell>> rows;  // first cell is the row's label
};

/// One entry of run-summary.json's "tables" (file, sheet, table, rows_read, rows_used, ...).
struct SummaryTableCounts {
  std::string file, table;
  std::vector<std::pair<std::string, long>> counts;
};

struct PublishedRun {
  std::string period;  // run-summary.json "period"
  std::string lang;    // run-summary.json "lang"
  std::vector<PublishedTable> tables;
  std::vector<SummaryTableCounts> summary_tables;
};

/// The tables of one HTML file (chart data tables, which repeat a table, are left out).
std::vector<PublishedTable> read_html_tables(const std::filesystem::path& file,
                                             const std::string& relative);

/// The sheets of one XLSX file laid out as tables (caption in row 1, header in row 2, rows until
/// the first empty row); `ids` maps captions to HTML table ids so both formats meet as one table.
std::vector<PublishedTable> read_xlsx_tables(const std::filesystem::path& file,
                                             const std::string& relative,
                                             const std::vector<PublishedTable>& html_tables);

/// Every HTML and XLSX report and run-summary.json below `out`, in a stable order.
PublishedRun read_published_run(const std::filesystem::path& out);

}  // namespace ips::test
