#include "cli/config.h"

#include <glob.h>
#include <toml++/toml.h>
#include <algorithm>
#include <cstdlib>
#include <sstream>
#include "model/build_info.h"

namespace fs = std::filesystem;

namespace ips {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string relative_to(const fs::path& base, const std::string& p) {
  if (p.empty() || fs::path(p).is_absolute()) return p;
  return (base / p).lexically_normal().string();
}

[[noreturn]] void bad_key(const fs::path& file, const toml::node& node, const std::string& key,
                          const std::string& why) {
  std::ostringstream msg;
  msg << file.string() << ":" << node.source().begin.line << ": '" << key << "' " << why;
  throw ConfigError(msg.str());
}

bool has_glob_chars(const std::string& s) {
  return s.find_first_of("*?[") != std::string::npos;
}

}  // namespace

Lang parse_lang(const std::string& text) {
  const std::string t = lower(text);
  if (t == "nb" || t == "no" || t == "nob") return Lang::Nb;
  if (t == "en") return Lang::En;
  throw ConfigError("unknown language '" + text + "' (use nb or en)");
}

Formats parse_formats(const std::string& text) {
  Formats f{false, false, false};
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    item = lower(item);
    item.erase(std::remove_if(item.begin(), item.end(), ::isspace), item.end());
    if (item == "html")
      f.html = true;
    else if (item == "pdf")
      f.pdf = true;
    else if (item == "xlsx")
      f.xlsx = true;
    else if (!item.empty())
      throw ConfigError("unknown format '" + item + "' (use html, pdf, xlsx)");
  }
  if (!f.html && !f.pdf && !f.xlsx)
    throw ConfigError("no output format chosen (use html, pdf, xlsx)");
  return f;
}

RunConfig load_config_file(const fs::path& path, RunConfig c) {
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << path.string() << ":" << e.source().begin.line << ": " << e.description();
    throw ConfigError(msg.str());
  }
  const fs::path base = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  for (const auto& [k, node] : root) {
    const std::string key(k.str());
    if (key == "inputs") {
      c.inputs.clear();
      if (auto s = node.value<std::string>()) {
        c.inputs.push_back(relative_to(base, *s));
      } else if (const auto* arr = node.as_array()) {
        for (const auto& item : *arr) {
          auto s = item.value<std::string>();
          if (!s) bad_key(path, item, key, "must list file names or globs as strings");
          c.inputs.push_back(relative_to(base, *s));
        }
      } else {
        bad_key(path, node, key, "must be a string or a list of strings");
      }
    } else if (key == "out") {
      auto s = node.value<std::string>();
      if (!s || s->empty()) bad_key(path, node, key, "must be a folder name");
      c.out = relative_to(base, *s);
    } else if (key == "period") {
      auto s = node.value<std::string>();
      if (!s) bad_key(path, node, key, "must be \"auto\" or like \"2016-H2\"");
      c.period = *s;
    } else if (key == "lang") {
      auto s = node.value<std::string>();
      if (!s) bad_key(path, node, key, "must be \"nb\" or \"en\"");
      try {
        c.lang = parse_lang(*s);
      } catch (const ConfigError& e) {
        bad_key(path, node, key, e.what());
      }
    } else if (key == "formats") {
      std::string joined;
      if (auto s = node.value<std::string>())
        joined = *s;
      else if (const auto* arr = node.as_array())
        for (const auto& item : *arr) joined += item.value_or(std::string("?")) + ",";
      try {
        c.formats = parse_formats(joined);
      } catch (const ConfigError& e) {
        bad_key(path, node, key, e.what());
      }
    } else if (key == "min_cell") {
      auto n = node.value<int64_t>();
      if (!n || *n < 0 || *n > 1000)
        bad_key(path, node, key, "must be a whole number from 0 to 1000");
      c.min_cell = static_cast<int>(*n);
    } else if (key == "author") {
      c.author = node.value_or(std::string{});
    } else if (key == "resources") {
      c.resources = relative_to(base, node.value_or(std::string{}));
    } else if (key == "structure" || key == "texts") {
      auto s = node.value<std::string>();
      if (!s || s->empty()) bad_key(path, node, key, "must be a folder name");
      (key == "structure" ? c.structure : c.texts) = relative_to(base, *s);
    } else {
      bad_key(path, node, key,
              "is not a setting ipsreport knows (inputs, out, period, lang, formats, min_cell, "
              "author, resources, structure, texts)");
    }
  }
  if (c.period != "auto" && !Period::parse(c.period))
    throw ConfigError(path.string() + ": 'period' must be \"auto\" or like \"2016-H2\", not \"" +
                      c.period + "\"");
  return c;
}

std::vector<fs::path> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<fs::path> files;
  for (const auto& pattern : inputs) {
    if (!has_glob_chars(pattern)) {
      if (!fs::exists(pattern)) throw ConfigError("input file not found: " + pattern);
      files.emplace_back(pattern);
      continue;
    }
    glob_t g{};
    const int rc = ::glob(pattern.c_str(), 0, nullptr, &g);
    if (rc == 0)
      for (size_t i = 0; i < g.gl_pathc; ++i) files.emplace_back(g.gl_pathv[i]);
    ::globfree(&g);
    if (rc == GLOB_NOMATCH) throw ConfigError("no input file matches " + pattern);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  if (files.empty())
    throw ConfigError("no input files given (name them, or set 'inputs' in ipsreport.toml)");
  return files;
}

fs::path resources_dir(const RunConfig& config) {
  if (!config.resources.empty()) return config.resources;
  if (const char* home = std::getenv("IPSREPORT_HOME"); home && *home) return home;
  // An installed program: <prefix>/bin/ipsreport with <prefix>/share/ipsreport beside it.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share/ipsreport";
    if (fs::exists(installed / "data/ips-25.toml", ec)) return installed;
  }
  return build_info::source_dir();
}

}  // namespace ips
