#include "report/wording.h"

#include <toml++/toml.h>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ips {

namespace {

void flatten(const toml::table& table, const std::string& prefix,
             std::map<std::string, std::string>& out) {
  for (const auto& [key, node] : table) {
    const std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* sub = node.as_table())
      flatten(*sub, name, out);
    else if (const auto* s = node.as_string())
      out[name] = s->get();
  }
}

}  // namespace

std::string substitute(const std::string& pattern, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() &&
        std::isdigit(static_cast<unsigned char>(pattern[i + 1])) && pattern[i + 2] == '}') {
      const size_t n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < args.size()) out += args[n];
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

void Wording::merge_toml(const std::string& text, const std::string& origin) {
  try {
    flatten(toml::parse(text, origin), "", texts_);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << origin << ":" << e.source().begin.line << ": " << e.description();
    throw std::runtime_error(msg.str());
  }
}

Wording Wording::load(const std::filesystem::path& templates_dir, Lang lang) {
  Wording w;
  w.lang_ = lang;
  const std::string suffix = lang == Lang::En ? ".en.toml" : ".nb.toml";
  for (const char* base : {"wording", "messages"}) {
    const auto path = templates_dir / (std::string(base) + suffix);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot read the template wording");
    std::stringstream buf;
    buf << in.rdbuf();
    w.merge_toml(buf.str(), path.string());
  }
  return w;
}

Wording Wording::from_toml(const std::string& text, Lang lang) {
  Wording w;
  w.lang_ = lang;
  w.merge_toml(text, "<text>");
  return w;
}

std::string Wording::get(const std::string& key) const {
  auto it = texts_.find(key);
  return it == texts_.end() ? "[" + key + "]" : it->second;
}

std::string Wording::format(const std::string& key, const std::vector<std::string>& args) const {
  return substitute(get(key), args);
}

}  // namespace ips
