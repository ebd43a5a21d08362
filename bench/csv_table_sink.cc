#include "csv_table_sink.h"

#include <stdexcept>

namespace ips::bench {

std::string decimal_comma(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", value);
  std::string s(text);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

CsvTableSink::CsvTableSink(std::filesystem::path folder) : folder_(std::move(folder)) {}

CsvTableSink::~CsvTableSink() {
  if (file_) std::fclose(file_);
}

std::string CsvTableSink::file_name(std::string_view table_name) {
  return table_file_stem(table_name) + ".csv";
}

void CsvTableSink::close_current() {
  if (!file_) return;
  const bool failed = std::ferror(file_) != 0;
  const bool close_failed = std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed || close_failed) throw std::runtime_error("cannot write " + current_path_.string());
}

void CsvTableSink::write_field(std::string_view text) {
  const bool quote = text.find_first_of(";\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) {
    line_ += text;
    return;
  }
  line_ += '"';
  for (char c : text) {
    if (c == '"') line_ += '"';
    line_ += c;
  }
  line_ += '"';
}

void CsvTableSink::begin_table(std::string_view name, std::span<const std::string_view> headers) {
  close_current();
  current_path_ = folder_ / file_name(name);
  file_ = std::fopen(current_path_.c_str(), "wb");
  if (!file_) throw std::runtime_error("cannot create " + current_path_.string());
  line_ = "\xEF\xBB\xBF";  // BOM, as Excel writes it
  for (size_t c = 0; c < headers.size(); ++c) {
    if (c) line_ += ';';
    write_field(headers[c]);
  }
  line_ += "\r\n";
  std::fwrite(line_.data(), 1, line_.size(), file_);
}

void CsvTableSink::add_row(std::span<const Cell> cells) {
  line_.clear();
  for (size_t c = 0; c < cells.size(); ++c) {
    if (c) line_ += ';';
    const Cell& cell = cells[c];
    if (const auto* s = std::get_if<std::string_view>(&cell))
      write_field(*s);
    else if (const auto* n = std::get_if<double>(&cell))
      line_ += decimal_comma(*n);
    else if (const auto* d = std::get_if<Date>(&cell))
      line_ += d->norwegian();
  }
  line_ += "\r\n";
  std::fwrite(line_.data(), 1, line_.size(), file_);
}

void CsvTableSink::finish() {
  close_current();
}

}  // namespace ips::bench
