// Which text in an English report is Norwegian: comments, recommendations, purposes and
// summaries come from the input as the evaluators wrote them. The PDF marks such elements
// /Lang nb so that a screen reader reads them with a Norwegian voice.
#pragma once

#include <string_view>

namespace ips::render {

/// True when `text` reads as Norwegian (bokmål or nynorsk): more common Norwegian words (and
/// lower-case words with æ, ø or å) than common English words, and at least one.
bool looks_norwegian(std::string_view text);

}  // namespace ips::render
