// Problems found in the input, kept as data: they flow to the run summary and the reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"

namespace ips {

enum class Severity { Note, Warning, Error };

/// One problem with the input. Every field that is known is filled, so that a project leader
/// can find the cell: file, sheet, the row number the spreadsheet shows, the column letter and
/// header, the value found, and why it could not be used.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;           // as given by the user (path), empty when not about a file
  std::string sheet;          // empty for CSV
  int row = 0;                // 1-based row as the spreadsheet shows it; 0 = not about a row
  std::string column;         // column letter ("C"); empty = not about a column
  std::string column_header;  // the header text found in that column
  std::string value;          // the offending value as text (already trimmed)
  // A value only the operator may see (a participant's key): printed on the terminal by `run`
  // and `check`, never written to a published file (reports, run-summary.json).
  std::string private_value;
  std::string code;  // message id, e.g. "score.out_of_range"; see templates/messages.*.toml
  std::vector<std::string> args;  // parameters for the message text ({0}, {1}, ...)
  // What the problem concerns, so each report can show its own problems.
  std::string site;
  std::optional<Date> review_date;
};

/// Rows of one input table, accounted for: read = used + excluded, always.
struct TableAccount {
  std::string file;
  std::string sheet;
  std::string table;  // "Enheter", "Kvalitetsmålinger", ...
  int rows_read = 0;
  int rows_used = 0;
  int rows_excluded = 0;
  int duplicates = 0;  // exact duplicate rows (counted among rows_excluded)
};

/// One input file as read.
struct FileAccount {
  std::string path;
  std::string format;  // "xlsx", "ods", "csv"
  uintmax_t bytes = 0;
  std::string sha256;    // content hash, for the run summary
  bool readable = true;  // false: the whole file was refused (see its Diagnostic)
};

struct Diagnostics {
  std::vector<Diagnostic> items;
  std::vector<TableAccount> tables;
  std::vector<FileAccount> files;

  void add(Diagnostic d) { items.push_back(std::move(d)); }
  size_t count(Severity s) const;
  int rows_excluded() const;
};

}  // namespace ips
