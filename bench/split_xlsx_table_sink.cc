#include "split_xlsx_table_sink.h"

namespace ips::bench {

SplitXlsxTableSink::SplitXlsxTableSink(std::filesystem::path folder, std::string base_name,
                                       bool constant_memory, std::time_t created)
    : folder_(std::move(folder)),
      base_name_(std::move(base_name)),
      constant_memory_(constant_memory),
      created_(created) {}

void SplitXlsxTableSink::begin_table(std::string_view name,
                                     std::span<const std::string_view> headers) {
  finish();
  const std::filesystem::path path = folder_ / (base_name_ + "-" + table_file_stem(name) + ".xlsx");
  current_ = std::make_unique<XlsxTableSink>(path, constant_memory_, created_);
  current_->begin_table(name, headers);
}

void SplitXlsxTableSink::add_row(std::span<const Cell> cells) {
  current_->add_row(cells);
}

void SplitXlsxTableSink::finish() {
  if (!current_) return;
  current_->finish();
  current_.reset();
}

}  // namespace ips::bench
