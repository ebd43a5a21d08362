// The project leader's own words (narrative texts per site and period) and the action plan
// (tiltaksplan) made after a fidelity review: docs/narrative.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"

namespace ips {

/// A run of text with one look; `link` is an http(s) or mailto address, else empty.
struct RichSpan {
  std::string text;
  bool strong = false;
  bool emphasis = false;
  bool code = false;
  std::string link;
};

/// A paragraph or list item of a narrative text.
struct RichBlock {
  enum class Kind { Paragraph, Heading, BulletItem, NumberedItem };
  Kind kind = Kind::Paragraph;
  int number = 0;  // a numbered item's number
  int depth = 0;   // nesting of list items, 0 = top level
  std::vector<RichSpan> spans;
};

/// One text field (vurdering, mal, merknad) for a site, or the national summary (site empty), in
/// one half-year.
struct NarrativeText {
  std::string site;
  Period period;
  std::string field;  // a key of known_text_fields(): "vurdering", "mal", "merknad"
  std::vector<RichBlock> blocks;
  std::string source;  // "file [sheet]:row" or "file.md:line", for messages
};

enum class ActionStatus { NotStarted, InProgress, Done };

/// One action of a site's action plan after a review: what is done about a recommendation.
struct PlannedAction {
  std::string site;
  Date review;            // the review whose recommendation it answers
  std::string item_code;  // "B1", "T4", "G3": the item the recommendation concerns
  std::string action;
  std::string responsible;
  std::optional<Date> deadline;
  ActionStatus status = ActionStatus::NotStarted;
  std::string comment;
};

/// About what one A4 page of body text holds: a longer text is shown whole, across pages, with a
/// warning that it will not fit on one.
constexpr size_t kNarrativePageChars = 3000;

/// Characters (code points) of UTF-8 text.
size_t utf8_length(const std::string& text);

/// The plain text of a narrative (spans joined, blocks on separate lines): for length and
/// identity-number checks.
std::string plain_text(const std::vector<RichBlock>& blocks);
/// Everything a report shows of a narrative: its plain text and its link addresses.
std::string shown_text(const std::vector<RichBlock>& blocks);

}  // namespace ips
