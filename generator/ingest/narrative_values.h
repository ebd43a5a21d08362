// Values of the Tekster and Tiltak sheets (docs/narrative.md): which text field a "Felt" names,
// which status a "Status" cell names.
#pragma once

#include <optional>
#include <string>

#include "model/narrative.h"

namespace ips {

/// The text field key a "Felt" value or Markdown heading names ("Vurdering", "Mål for neste
/// halvår", "Goals" → "mal"), if any.
std::optional<std::string> text_field_key(const std::string& felt);
/// The status a cell names ("ikke startet", "pågår", "fullført"; English "not started",
/// "in progress", "done"), if any.
std::optional<ActionStatus> parse_action_status(const std::string& text);

}  // namespace ips
