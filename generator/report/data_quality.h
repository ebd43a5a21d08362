// Data-quality blocks shared by the reports: problems with the input, where and why.
#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "report/document.h"
#include "report/wording.h"

namespace ips {

/// The problem in a project leader's words, from templates/messages.<lang>.toml.
std::string describe(const Diagnostic& d, const Wording& words);

/// The reason for a kind of problem without one case's details (templates/messages: reason.*),
/// for tables that count the cases of each kind.
std::string describe_reason(const std::string& code, const Wording& words);

/// A table of problems (file, sheet, row, column, value, problem) with the given id.
doc::Table diagnostics_table(const std::vector<const Diagnostic*>& problems, const Wording& words,
                             const std::string& id);

/// The RenderWords every report carries (page labels, suppression footnote).
doc::RenderWords render_words(const Wording& words, int min_cell);

}  // namespace ips
