#include "ingest/narrative_reader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "ingest/identity_number.h"
#include "ingest/markdown_text.h"
#include "ingest/narrative_values.h"
#include "report/site_file_names.h"

namespace fs = std::filesystem;

namespace ips {

namespace {

Diagnostic file_problem(const std::string& file, int line, Severity sev, std::string code) {
  Diagnostic d;
  d.severity = sev;
  d.file = file;
  d.row = line;
  d.code = std::move(code);
  return d;
}

// "bodo-2016-H2" → ("bodo", 2016-H2).
std::optional<std::pair<std::string, Period>> split_stem(const std::string& stem) {
  constexpr size_t kPeriodChars = 7;  // "2016-H2"
  if (stem.size() < kPeriodChars + 2 || stem[stem.size() - kPeriodChars - 1] != '-')
    return std::nullopt;
  std::string period = stem.substr(stem.size() - kPeriodChars);
  if (period[5] == 'h') period[5] = 'H';
  const std::optional<Period> p = Period::parse(period);
  if (!p) return std::nullopt;
  return std::make_pair(stem.substr(0, stem.size() - kPeriodChars - 1), *p);
}

struct SiteMatch {
  std::vector<std::string> keys;  // the sites the name stands for: one, or none, or a clash
  std::string file_names;         // for a clash: the names that tell the sites apart
};

// The site a file name's first part names: the site's report file name (site_file_names: with
// its suffix when keys clash as file names), or else the plain file-name form of its key, as
// long as that form is one site's only (else each site must be named by its own suffixed form).
SiteMatch match_site(const std::string& name, const std::map<std::string, std::string>& names) {
  SiteMatch out;
  for (const auto& [key, file_name] : names)
    if (file_name == name) return {{key}, ""};
  for (const auto& [key, file_name] : names)
    if (site_slug(key) == name) {
      out.keys.push_back(key);
      out.file_names += (out.file_names.empty() ? "" : ", ") + file_name;
    }
  return out;
}

void read_one(const fs::path& path, const std::map<std::string, std::string>& file_names,
              Dataset& data) {
  const std::string file = path.string();
  Diagnostics& diags = data.diagnostics;
  std::error_code ec;
  const uintmax_t bytes = fs::file_size(path, ec);
  diags.files.push_back({file, "md", ec ? 0 : bytes, "", true});
  const auto name = split_stem(path.stem().string());
  if (!name) {
    diags.add(file_problem(file, 0, Severity::Error, "text.file_name"));
    return;
  }
  std::string site;
  if (name->first != "nasjonal" && name->first != "national") {
    const SiteMatch match = match_site(name->first, file_names);
    if (match.keys.size() > 1) {
      Diagnostic d = file_problem(file, 0, Severity::Error, "text.ambiguous_site");
      d.args = {name->first, match.file_names};
      diags.add(std::move(d));
      return;
    }
    if (match.keys.empty()) {
      Diagnostic d = file_problem(file, 0, Severity::Error, "text.unknown_site");
      d.args = {name->first};
      diags.add(std::move(d));
      return;
    }
    site = match.keys.front();
  }
  if (ec || bytes > kMaxTextFileBytes) {
    Diagnostic d = file_problem(file, 0, Severity::Error, "text.file_too_large");
    d.args = {std::to_string(kMaxTextFileBytes / 1024)};
    diags.add(std::move(d));
    diags.files.back().readable = !ec;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const ParsedMarkdown md = parse_markdown_sections(text.str());
  for (const MarkdownProblem& p : md.problems) {
    Diagnostic d = file_problem(file, p.line, Severity::Warning, "text.unsupported_markdown");
    d.args = {p.construct, std::to_string(p.line)};
    d.site = site;
    diags.add(std::move(d));
  }
  // Each section is one row of the file's account: read = used + excluded.
  const size_t table = diags.tables.size();
  diags.tables.push_back({file, "", "Tekster", 0, 0, 0, 0});
  std::vector<std::string> seen;
  for (const MarkdownSection& sec : md.sections) {
    if (sec.heading.empty() && sec.blocks.empty()) continue;
    TableAccount& account = diags.tables[table];
    ++account.rows_read;
    auto exclude = [&](std::string code, std::vector<std::string> args) {
      Diagnostic d = file_problem(file, sec.line, Severity::Error, std::move(code));
      d.args = std::move(args);
      d.site = site;
      diags.add(std::move(d));
      ++diags.tables[table].rows_excluded;
    };
    if (sec.heading.empty()) {
      exclude("text.before_heading", {});
      continue;
    }
    const std::optional<std::string> field = text_field_key(sec.heading);
    if (!field) {
      exclude("text.unknown_heading", {sec.heading});
      continue;
    }
    if (std::find(seen.begin(), seen.end(), *field) != seen.end()) {
      exclude("text.heading_twice", {sec.heading});
      continue;
    }
    seen.push_back(*field);
    if (contains_identity_number(shown_text(sec.blocks))) {
      exclude("text.identity_number", {});
      continue;
    }
    const bool in_sheet = std::any_of(data.texts.begin(), data.texts.end(), [&](const auto& t) {
      return t.site == site && t.period == name->second && t.field == *field;
    });
    if (in_sheet) {
      exclude("text.also_in_sheet", {sec.heading});
      continue;
    }
    if (const size_t chars = utf8_length(plain_text(sec.blocks)); chars > kNarrativePageChars) {
      Diagnostic d = file_problem(file, sec.line, Severity::Warning, "text.too_long_for_page");
      d.args = {std::to_string(chars), std::to_string(kNarrativePageChars)};
      d.site = site;
      diags.add(std::move(d));
    }
    data.texts.push_back(
        {site, name->second, *field, sec.blocks, file + ":" + std::to_string(sec.line)});
    ++account.rows_used;
  }
}

}  // namespace

void read_text_folder(const fs::path& folder, Dataset& data) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    Diagnostic d = file_problem(folder.string(), 0, Severity::Error, "text.no_folder");
    data.diagnostics.add(std::move(d));
    return;
  }
  std::vector<fs::path> files;
  for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    if (it->path().extension() == ".md" && it->is_regular_file()) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> keys;
  for (const Site& s : data.sites) keys.push_back(s.key);
  const std::map<std::string, std::string> file_names = site_file_names(keys);
  for (const fs::path& f : files) read_one(f, file_names, data);
  std::stable_sort(
      data.texts.begin(), data.texts.end(), [](const NarrativeText& x, const NarrativeText& y) {
        return std::tie(x.site, x.period, x.field) < std::tie(y.site, y.period, y.field);
      });
}

}  // namespace ips
