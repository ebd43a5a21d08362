// Splits the reading of one xlsx workbook between processes: each reader reads only its share
// of the worksheets (read_xlsx_package's `not_read` names the others). The sheets of a package
// are independent.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/xlsx_reader.h"

namespace ips {

/// The worksheets of the package in `bytes` shared out into `groups` groups of about equal
/// unpacked size (largest first, each to the lightest group; ties to the earlier group), each
/// group a list of indexes into `parts`. Deterministic: depends on the package alone.
std::vector<std::vector<size_t>> share_out_worksheets(std::string_view bytes,
                                                      const std::vector<WorksheetPart>& parts,
                                                      size_t groups);

}  // namespace ips
