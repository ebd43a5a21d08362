#include "ingest/narrative_values.h"

#include "ingest/text_normalize.h"

namespace ips {

std::optional<std::string> text_field_key(const std::string& felt) {
  const std::string k = normalize_key(felt);
  auto starts = [&k](std::string_view p) { return k.rfind(p, 0) == 0; };
  // Prefixes, so "Vurdering", "Prosjektleders vurdering" and "Vurdering av halvåret" all match.
  auto has = [&k](std::string_view p) { return k.find(p) != std::string::npos; };
  // The report's own section titles read back too ("Prosjektleders vurdering", "The project
  // leader's assessment": the template's list offers them).
  if (has("vurdering") || has("assessment")) return "vurdering";
  if (k == "mal" || starts("malfor") || starts("maletfor") || starts("nasjonalemal") ||
      starts("goal") || starts("nationalgoal"))
    return "mal";
  if (starts("merknad") || starts("kommentartilresult") || starts("commenton") ||
      starts("noteon") || starts("remark"))
    return "merknad";
  return std::nullopt;
}

std::optional<ActionStatus> parse_action_status(const std::string& text) {
  const std::string k = normalize_key(text);
  if (k == "ikkestartet" || k == "ikkepabegynt" || k == "notstarted")
    return ActionStatus::NotStarted;
  if (k == "pagar" || k == "igang" || k == "underarbeid" || k == "inprogress" || k == "started")
    return ActionStatus::InProgress;
  if (k == "fullfort" || k == "ferdig" || k == "utfort" || k == "done" || k == "completed" ||
      k == "complete")
    return ActionStatus::Done;
  return std::nullopt;
}

}  // namespace ips
