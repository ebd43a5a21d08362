// Splits the reading of one xlsx workbook between processes: each reader gets a copy of the
// package in which the worksheets of the others are empty, so liborcus parses only its own.
// liborcus 0.17 reads the sheets of a package one after another, and they are independent.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/xlsx_skipped_cells.h"

namespace ips {

/// The worksheets of the package in `bytes` shared out into `groups` groups of about equal
/// unpacked size (largest first, each to the lightest group; ties to the earlier group), each
/// group a list of indexes into `parts`. Deterministic: depends on the package alone.
std::vector<std::vector<size_t>> share_out_worksheets(std::string_view bytes,
                                                      const std::vector<WorksheetPart>& parts,
                                                      size_t groups);

/// The package in `bytes` with every zip entry named in `emptied` replaced by a worksheet
/// without cells; every other entry copied as it is (still compressed). Nothing when libzip
/// cannot open or write the package.
std::optional<std::string> xlsx_with_empty_worksheets(std::string_view bytes,
                                                      const std::set<std::string>& emptied);

}  // namespace ips
