// Whether a workbook package holds cell values, looked at without liborcus, so that a workbook
// from which nothing could be read is not called empty when it is not ("empty" is said only
// of files with no cells).
#pragma once

#include <string>
#include <string_view>

namespace ips {

/// True when the xlsx or ods package in `bytes` stores at least one cell value: an xlsx sheet
/// part with a <v> or inline-string cell, an ods content.xml with a typed cell (text cells
/// are typed "string"). A package that cannot be opened counts as holding none.
bool package_holds_values(std::string_view bytes, const std::string& format);

}  // namespace ips
