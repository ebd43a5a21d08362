#include "xlsx_table_sink.h"

#include <xlsxwriter.h>

#include <stdexcept>

namespace ips::bench {

XlsxTableSink::XlsxTableSink(const std::filesystem::path& path, bool constant_memory,
                             std::time_t created)
    : path_(path.string()), title_("Eksport av IPS-data (syntetisk)") {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  workbook_ = workbook_new_opt(path_.c_str(), &options);
  if (!workbook_) throw std::runtime_error("cannot create " + path_);
  lxw_doc_properties properties{};
  properties.title = title_.data();
  properties.created = created;
  check(workbook_set_properties(workbook_, &properties), "set workbook properties");
  header_format_ = workbook_add_format(workbook_);
  format_set_bold(header_format_);
  date_format_ = workbook_add_format(workbook_);
  format_set_num_format(date_format_, "dd.mm.yyyy");
}

XlsxTableSink::~XlsxTableSink() {
  // Reached only when finish() was not (an exception unwound): release without a useful file.
  if (workbook_) workbook_close(workbook_);
}

void XlsxTableSink::check(int error, std::string_view what) const {
  if (error != LXW_NO_ERROR)
    throw std::runtime_error(path_ + ": " + std::string(what) + ": " +
                             lxw_strerror(static_cast<lxw_error>(error)));
}

void XlsxTableSink::begin_table(std::string_view name, std::span<const std::string_view> headers) {
  const std::string sheet_name(name);
  sheet_ = workbook_add_worksheet(workbook_, sheet_name.c_str());
  if (!sheet_) throw std::runtime_error(path_ + ": cannot add sheet " + sheet_name);
  row_ = 0;
  for (size_t c = 0; c < headers.size(); ++c) {
    const std::string header(headers[c]);
    const auto col = static_cast<lxw_col_t>(c);
    check(worksheet_write_string(sheet_, 0, col, header.c_str(), header_format_), "write header");
    worksheet_set_column(sheet_, col, col, header.size() < 10 ? 12 : 4.0 + header.size(), nullptr);
  }
  worksheet_freeze_panes(sheet_, 1, 0);
  row_ = 1;
}

void XlsxTableSink::add_row(std::span<const Cell> cells) {
  std::string text;
  for (size_t c = 0; c < cells.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    const Cell& cell = cells[c];
    if (const auto* s = std::get_if<std::string_view>(&cell)) {
      if (s->empty()) continue;
      text.assign(*s);
      check(worksheet_write_string(sheet_, row_, col, text.c_str(), nullptr), "write text");
    } else if (const auto* n = std::get_if<double>(&cell)) {
      check(worksheet_write_number(sheet_, row_, col, *n, nullptr), "write number");
    } else if (const auto* d = std::get_if<Date>(&cell)) {
      check(worksheet_write_number(sheet_, row_, col, d->spreadsheet_serial(), date_format_),
            "write date");
    }
  }
  ++row_;
}

void XlsxTableSink::finish() {
  lxw_workbook* workbook = workbook_;
  workbook_ = nullptr;
  check(workbook_close(workbook), "close workbook");
}

}  // namespace ips::bench
