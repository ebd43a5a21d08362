// The project leaders' texts as Markdown files in the folder the config names (`texts`):
// <site>-<period>.md (e.g. bodo-2016-H2.md) or nasjonal-<period>.md, one section per heading
// naming a text field (docs/narrative.md).
#pragma once

#include <filesystem>

#include "model/dataset.h"

namespace ips {

/// The largest Markdown file read (a text is a few pages; anything bigger is not one).
constexpr uintmax_t kMaxTextFileBytes = 1u << 20;

/// Reads every .md file of `folder` into data.texts, after the workbooks (the site names must be
/// known); each file is accounted as a table whose rows are its sections. Problems become
/// diagnostics; a text already given in a Tekster sheet is a conflict and neither is used.
void read_text_folder(const std::filesystem::path& folder, Dataset& data);

}  // namespace ips
