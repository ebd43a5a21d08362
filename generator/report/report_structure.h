// The order of a report's sections, from templates/structure/<kind>.toml (docs/narrative.md:
// section order lives in templates/), so a project leader can move or remove a section, or place a
// narrative text, without recompiling. The default files give the national pilot format.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/scale.h"
#include "report/document.h"

namespace ips {

/// A structure file that cannot be used: the message names the file and line (exit code 2).
struct StructureError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// One line of a structure file: a built-in section, or a slot for a narrative text field.
struct StructureEntry {
  std::string section;     // a section id ("summary", "items", ...); empty for a text slot
  std::string text_field;  // "vurdering", "mal", "merknad" for "text:<field>"; else empty
  int line = 0;            // where it stands in the file
};

struct ReportStructure {
  std::string kind;  // "halvarsrapport", "kvalitetsrapport", "nasjonal-sammenstilling"
  std::filesystem::path file;
  std::vector<StructureEntry> entries;
};

/// The structure of every report kind of a run.
struct ReportStructures {
  std::map<std::string, ReportStructure> by_kind;
  /// The structure of a kind, or null when none was loaded for it.
  const ReportStructure* find(const std::string& kind) const;
};

/// The report kinds that have a structure file.
const std::vector<std::string>& structured_report_kinds();
/// The section ids a structure file of `kind` may list, in the default order.
const std::vector<std::string>& known_sections(const std::string& kind);
/// The narrative text fields a "text:<field>" slot may name.
const std::vector<std::string>& known_text_fields();

/// Parses a structure file's text; throws StructureError naming `file` and the line on a syntax
/// error, an unknown section or text field, or a section listed twice.
ReportStructure parse_report_structure(const std::string& text, const std::string& kind,
                                       const std::filesystem::path& file);

/// Loads <dir>/<kind>.toml for every kind; a kind without a file in `dir` takes the one in
/// `fallback_dir` (the built-in templates/structure). Throws StructureError.
ReportStructures load_report_structures(const std::filesystem::path& dir,
                                        const std::filesystem::path& fallback_dir);

/// The structure id of a built section ("section-B" of the IPS-25 → "items"; GOI → "goi-items";
/// others their anchor).
std::string section_structure_id(const doc::Section& section, const ScaleCatalog& scales);

/// Builds the section a structure entry adds (a text slot, an action-plan section); nullopt when
/// it has nothing to show.
using ExtraSectionFn = std::function<std::optional<doc::Section>(const StructureEntry&)>;

/// Puts the report's sections in the structure's order: sections it does not list are removed,
/// listed sections the report lacks are skipped, and entries the builder does not make are asked
/// of `extra`. Section anchors stay unique.
void arrange_sections(doc::Report& report, const ReportStructure& structure,
                      const ScaleCatalog& scales, const ExtraSectionFn& extra);

}  // namespace ips
