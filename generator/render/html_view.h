// The document model as a mustache view: plain strings, lists and flags that the HTML templates
// place. Values are formatted here (report/value_format.h); the templates escape every string.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "report/document.h"

namespace ips::render {

/// The whole report as the view for templates/html/report.mustache (see that file for names);
/// `resources_dir` holds the fonts the charts are drawn with.
kainjow::mustache::data html_view(const doc::Report& report,
                                  const std::filesystem::path& resources_dir);

/// A table whose cells are coloured by value (a heatmap): the class of each cell and the key
/// shown under the table.
struct TableColouring {
  /// Per row of the table, per column (0 = the row head): the cell's colour class, or "".
  std::vector<std::vector<std::string>> cell_classes;
  std::string key_label;
  /// The key's entries: a CSS class and the value it stands for.
  std::vector<std::pair<std::string, std::string>> key;
};

/// One table as a view for the "table" partial; `id` becomes the HTML id of its figure.
kainjow::mustache::data html_table_view(const doc::Table& table, const std::string& id,
                                        const doc::Report& report,
                                        const TableColouring* colouring = nullptr);

}  // namespace ips::render
