#include "report/report_structure.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace ips {

namespace {

[[noreturn]] void fail(const fs::path& file, int line, const std::string& why) {
  throw StructureError(file.string() + ":" + std::to_string(line) + ": " + why);
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

const ReportStructure* ReportStructures::find(const std::string& kind) const {
  const auto it = by_kind.find(kind);
  return it == by_kind.end() ? nullptr : &it->second;
}

const std::vector<std::string>& structured_report_kinds() {
  static const std::vector<std::string> kinds = {"halvarsrapport", "kvalitetsrapport",
                                                 "nasjonal-sammenstilling"};
  return kinds;
}

const std::vector<std::string>& known_sections(const std::string& kind) {
  static const std::map<std::string, std::vector<std::string>> sections = {
      {"halvarsrapport",
       {"summary", "fidelity", "latest-review", "outcomes", "trend", "evidence", "action-plan",
        "agreement", "data-quality", "definitions"}},
      {"kvalitetsrapport",
       {"about", "summary", "follow-up", "items", "goi-items", "score-sheet", "goi-sheet",
        "agreement", "data-quality", "definitions"}},
      {"nasjonal-sammenstilling",
       {"summary", "fidelity", "standing", "heatmap", "improvement-areas", "action-plans",
        "outcomes", "scatter", "agreement", "data-quality", "definitions"}}};
  static const std::vector<std::string> none;
  const auto it = sections.find(kind);
  return it == sections.end() ? none : it->second;
}

const std::vector<std::string>& known_text_fields() {
  static const std::vector<std::string> fields = {"vurdering", "mal", "merknad"};
  return fields;
}

ReportStructure parse_report_structure(const std::string& text, const std::string& kind,
                                       const fs::path& file) {
  ReportStructure s;
  s.kind = kind;
  s.file = file;
  toml::table root;
  try {
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    fail(file, static_cast<int>(e.source().begin.line), std::string(e.description()));
  }
  for (const auto& [key, node] : root)
    if (key.str() != "sections")
      fail(file, static_cast<int>(node.source().begin.line),
           "'" + std::string(key.str()) + "' is not a setting here (only 'sections')");
  const toml::node* sections = root.get("sections");
  if (!sections || !sections->is_array())
    fail(file, sections ? static_cast<int>(sections->source().begin.line) : 1,
         "'sections' must be a list of section names, e.g. sections = [\"summary\", ...]");
  const std::vector<std::string>& known = known_sections(kind);
  std::set<std::string> seen;
  for (const toml::node& item : *sections->as_array()) {
    const int line = static_cast<int>(item.source().begin.line);
    const std::optional<std::string> name = item.value<std::string>();
    if (!name) fail(file, line, "every entry of 'sections' must be a name in quotes");
    if (!seen.insert(*name).second) fail(file, line, "'" + *name + "' is listed twice");
    StructureEntry e;
    e.line = line;
    if (name->rfind("text:", 0) == 0) {
      e.text_field = name->substr(5);
      const auto& fields = known_text_fields();
      if (std::find(fields.begin(), fields.end(), e.text_field) == fields.end())
        fail(file, line, "'" + *name + "' names no text field (use text:" + listed(fields) + ")");
    } else if (std::find(known.begin(), known.end(), *name) != known.end()) {
      e.section = *name;
    } else {
      fail(file, line,
           "'" + *name + "' is not a section of the " + kind + " (known: " + listed(known) +
               ", or text:<field>)");
    }
    s.entries.push_back(std::move(e));
  }
  return s;
}

ReportStructures load_report_structures(const fs::path& dir, const fs::path& fallback_dir) {
  ReportStructures out;
  for (const std::string& kind : structured_report_kinds()) {
    fs::path file = dir / (kind + ".toml");
    std::error_code ec;
    if (!fs::exists(file, ec)) file = fallback_dir / (kind + ".toml");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw StructureError(file.string() + ": the report structure file cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    out.by_kind.emplace(kind, parse_report_structure(text.str(), kind, file));
  }
  return out;
}

std::string section_structure_id(const doc::Section& section, const ScaleCatalog& scales) {
  const std::string prefix = "section-";
  if (section.anchor.rfind(prefix, 0) != 0) return section.anchor;
  const std::string id = section.anchor.substr(prefix.size());
  for (const ScaleSection& s : scales.goi().sections)
    if (s.id == id) return "goi-items";
  return "items";
}

void arrange_sections(doc::Report& report, const ReportStructure& structure,
                      const ScaleCatalog& scales, const ExtraSectionFn& extra) {
  std::vector<doc::Section> built = std::move(report.sections);
  std::vector<bool> placed(built.size(), false);
  report.sections.clear();
  for (const StructureEntry& entry : structure.entries) {
    bool found = false;
    if (!entry.section.empty())
      for (size_t i = 0; i < built.size(); ++i)
        if (!placed[i] && section_structure_id(built[i], scales) == entry.section) {
          report.sections.push_back(std::move(built[i]));
          placed[i] = true;
          found = true;
        }
    if (found || !extra) continue;
    if (std::optional<doc::Section> s = extra(entry)) report.sections.push_back(std::move(*s));
  }
}

}  // namespace ips
