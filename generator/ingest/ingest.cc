#include "ingest/ingest.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <new>
#include <system_error>

#include "ingest/csv_reader.h"
#include "ingest/model_builder.h"
#include "ingest/package_values.h"
#include "ingest/records.h"
#include "ingest/table_reader.h"
#include "ingest/text_normalize.h"
#include "ingest/workbook_reader.h"
#include "model/run_date.h"

namespace ips {

namespace {

std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext.empty() ? ext : ext.substr(1);
}

void file_failure(Dataset& ds, FileAccount& account, const std::string& code,
                  std::vector<std::string> args = {}) {
  account.readable = false;
  Diagnostic d;
  d.severity = Severity::Error;
  d.file = account.path;
  d.code = code;
  d.args = std::move(args);
  ds.diagnostics.add(std::move(d));
}

bool starts_with(const std::string& bytes, std::string_view magic) {
  return bytes.compare(0, magic.size(), magic) == 0;
}

bool has_nul_byte(const std::string& bytes) {
  return bytes.find('\0') != std::string::npos;
}

bool workbook_has_content(const RawWorkbook& book) {
  for (const auto& s : book.sheets)
    for (const auto& r : s.rows)
      for (const auto& c : r)
        if (!c.is_blank()) return true;
  return false;
}

// A workbook none of whose values were read because all lay beyond the limits (right of
// column AMJ, below the row limit, past the cell budget): reported as such, not as empty.
bool values_left_out(Dataset& ds, FileAccount& account, const RawWorkbook& book,
                     const IngestLimits& limits) {
  for (const auto& s : book.sheets)
    if (s.truncated || s.columns_cut || s.cells_cut) {
      file_failure(ds, account, "file.values_left_out",
                   {column_letter(kMaxRawColumns - 1), std::to_string(limits.max_rows_per_sheet)});
      return true;
    }
  return false;
}

// Reads one file into `book`; on failure reports it and returns false.
bool read_one(const std::filesystem::path& path, const IngestLimits& limits, Dataset& ds,
              FileAccount& account, RawWorkbook& book) {
  account.format = lower_extension(path);  // refined below from the content
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    file_failure(ds, account, "file.not_found");
    return false;
  }
  if (!std::filesystem::is_regular_file(status)) {
    // A FIFO or a device (/dev/zero) would block or never end: refused unopened.
    file_failure(ds, account,
                 std::filesystem::is_directory(status) ? "file.is_directory" : "file.not_regular");
    return false;
  }
  account.bytes = std::filesystem::file_size(path, ec);
  if (ec) {
    file_failure(ds, account, "file.unreadable", {ec.message()});
    return false;
  }
  if (account.bytes > limits.max_file_bytes) {
    file_failure(
        ds, account, "file.too_large",
        {std::to_string(account.bytes >> 20), std::to_string(limits.max_file_bytes >> 20)});
    return false;
  }
  if (account.bytes == 0) {
    file_failure(ds, account, "file.empty");
    return false;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    file_failure(ds, account, "file.unreadable", {std::strerror(errno ? errno : EIO)});
    return false;
  }
  // Read into one block of the file's size: a string grown while reading would hold up to
  // twice the file, and copy it each time it grows.
  std::string bytes(account.bytes, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in.bad() || bytes.size() != account.bytes || in.peek() != std::ifstream::traits_type::eof()) {
    // A read error, or a file that changed size while being read: never half a file.
    file_failure(ds, account, "file.unreadable",
                 {errno ? std::strerror(errno)
                        : "read " + std::to_string(bytes.size()) + " of " +
                              std::to_string(account.bytes) + " bytes"});
    return false;
  }
  const std::string ext = lower_extension(path);
  // The content decides the format; the extension only tells the two zip formats apart.
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06")) {
    account.format = ext == "ods" ? "ods" : "xlsx";
    if (ext != "ods" && ext != "xlsx" && ext != "xlsm") {
      // An unexpected extension: xlsx unless the package says it is OpenDocument.
      if (bytes.find("application/vnd.oasis.opendocument.spreadsheet") != std::string::npos)
        account.format = "ods";
    }
    ReadFailure failure;
    WorkbookReadLimits wl{limits.max_uncompressed_bytes, limits.max_zip_ratio,
                          limits.max_rows_per_sheet, limits.max_cell_bytes};
    read_zip_workbook(bytes, account.format, wl, book, failure);
    if (failure.failed()) {
      file_failure(ds, account, failure.code, {failure.detail});
      return false;
    }
    if (!workbook_has_content(book)) {
      if (values_left_out(ds, account, book, limits)) return false;
      if (package_holds_values(bytes, account.format)) {
        // Values are stored but none arrived: not an empty file, a workbook we could not read.
        file_failure(ds, account, "file.values_not_read");
        return false;
      }
    }
    return true;
  }
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    // An OLE compound file: a password-protected xlsx/ods is stored this way, as is old .xls.
    account.format = ext;
    file_failure(ds, account, ext == "xls" ? "file.old_excel" : "file.encrypted");
    return false;
  }
  // UTF-16 text (Excel's "Unicode text" export) is full of NUL bytes but is still a table.
  if ((has_nul_byte(bytes) && !has_utf16_bom(bytes)) ||
      (ext != "csv" && ext != "txt" && ext != "tsv")) {
    account.format = ext;
    file_failure(ds, account, "file.not_spreadsheet", {ext});
    return false;
  }
  account.format = "csv";
  book = read_csv(std::move(bytes), limits.max_rows_per_sheet, limits.max_cell_bytes);
  if (book.over_cell_budget) {
    file_failure(ds, account, "file.too_large_cells",
                 {std::to_string(limits.max_cell_bytes >> 20)});
    return false;
  }
  return workbook_has_content(book) || !values_left_out(ds, account, book, limits);
}

}  // namespace

Dataset ingest_files(const std::vector<std::filesystem::path>& files, const ScaleCatalog& scales,
                     const IngestLimits& given_limits) {
  IngestLimits limits = given_limits;
  if (!limits.latest_allowed_date) limits.latest_allowed_date = run_date();
  Dataset ds;
  ds.latest_allowed_date = limits.latest_allowed_date;
  RecordSet records;
  for (const auto& path : files) {
    FileAccount account;
    account.path = path.string();
    RawWorkbook book;
    bool ok = false;
    try {
      ok = read_one(path, limits, ds, account, book);
    } catch (const std::bad_alloc&) {
      throw;  // not this file's fault, and no run may go on with part of the input
    } catch (const std::exception& e) {
      // Anything a library throws on hostile input ends as an error for this file alone.
      file_failure(ds, account, "file.unreadable", {e.what()});
      ok = false;
    }
    if (ok && !workbook_has_content(book)) {
      file_failure(ds, account, "file.empty");
      ok = false;
    }
    if (ok && book.format == "csv" && book.csv_encoding == "Windows-1252") {
      Diagnostic d;
      d.severity = Severity::Note;
      d.file = account.path;
      d.code = "csv.windows1252";
      ds.diagnostics.add(std::move(d));
    }
    if (ok) {
      try {
        read_workbook_tables(book, account.path, path.stem().string(), scales, limits, records,
                             ds.diagnostics);
      } catch (const std::bad_alloc&) {
        throw;  // memory ran out: the caller says so, and nothing of a partial read is used
      } catch (const std::exception& e) {
        // Not expected (e.g. out of memory on a huge sheet): the rows read so far stay counted.
        Diagnostic d;
        d.file = account.path;
        d.code = "file.read_stopped";
        d.args = {e.what()};
        ds.diagnostics.add(std::move(d));
      }
    }
    ds.diagnostics.files.push_back(std::move(account));
  }
  build_dataset(records, scales, ds);
  return ds;
}

}  // namespace ips
