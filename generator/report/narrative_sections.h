// The sections that show a project leader's own text (a "text:<field>" slot of a structure
// file, report_structure.h), from the Tekster sheet or a Markdown file (docs/narrative.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// The text's blocks as the document's rich paragraphs (list items marked "•" or "n.").
std::vector<doc::Block> narrative_blocks(const std::vector<RichBlock>& blocks);

/// The section showing `field` of `site` (empty: the national text) in `period`; nullopt when
/// there is no such text.
std::optional<doc::Section> narrative_section(const Dataset& data, const std::string& site,
                                              Period period, const std::string& field,
                                              const ReportContext& ctx);

}  // namespace ips
