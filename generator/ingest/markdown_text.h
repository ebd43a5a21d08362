// Narrative text written in Markdown (a Tekster cell or a file in the texts folder), parsed with
// libcmark: paragraphs, lists, emphasis and links become rich text; anything else (raw HTML,
// images, code, quotes, tables) is reported and shown as its text.
#pragma once

#include <string>
#include <vector>

#include "model/narrative.h"

namespace ips {

/// Markdown the reports do not draw: where it is (1-based line in the text) and what it is.
struct MarkdownProblem {
  int line = 0;
  std::string construct;  // "raw HTML", "image", "code", "block quote", ...
};

/// One part of a Markdown text: the blocks under a heading (or before the first heading).
struct MarkdownSection {
  std::string heading;  // the heading's text; empty for the blocks before the first heading
  int line = 0;         // the heading's line (1 for the part before any heading)
  std::vector<RichBlock> blocks;
};

struct ParsedMarkdown {
  std::vector<MarkdownSection> sections;
  std::vector<MarkdownProblem> problems;
};

/// Parses a whole text as one field (headings inside it become heading blocks).
ParsedMarkdown parse_markdown(const std::string& text);
/// Parses a file whose level-1 and level-2 headings divide it into sections.
ParsedMarkdown parse_markdown_sections(const std::string& text);

}  // namespace ips
