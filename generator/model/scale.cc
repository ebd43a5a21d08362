#include "model/scale.h"

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ips {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

[[noreturn]] void fail(const std::string& origin, const std::string& what) {
  throw std::runtime_error(origin + ": " + what);
}

template <typename View>
LocalText local_text(const View& node, const std::string& origin, const std::string& where) {
  LocalText t;
  t.nb = node["nb"].value_or(std::string{});
  t.en = node["en"].value_or(std::string{});
  if (t.nb.empty()) fail(origin, where + " needs a Norwegian text (nb)");
  return t;
}

}  // namespace

std::optional<int> ScaleItem::evidence_score(double measured) const {
  if (evidence_upper_bounds.empty()) return std::nullopt;
  int score = 5;
  for (double bound : evidence_upper_bounds) {
    if (measured <= bound) return score;
    --score;
  }
  return score;
}

std::optional<size_t> Scale::item_index(std::string_view code) const {
  for (size_t i = 0; i < items.size(); ++i)
    if (iequals(items[i].code, code)) return i;
  return std::nullopt;
}

const ScaleBand* Scale::band_for(int total) const {
  for (const auto& b : bands)
    if (total >= b.min_total && total <= b.max_total) return &b;
  return nullptr;
}

const ScaleSection* Scale::section(std::string_view id) const {
  for (const auto& s : sections)
    if (s.id == id) return &s;
  return nullptr;
}

std::optional<size_t> ScaleCatalog::index_of(std::string_view scale_id) const {
  for (size_t i = 0; i < scales.size(); ++i)
    if (iequals(scales[i].id, scale_id)) return i;
  return std::nullopt;
}

Scale parse_scale(std::string_view toml_text, const std::string& origin) {
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << e.source().begin.line << ": " << e.description();
    fail(origin, msg.str());
  }
  Scale s;
  s.id = root["id"].value_or(std::string{});
  if (s.id.empty()) fail(origin, "missing 'id'");
  s.name = local_text(root["name"], origin, "'name'");
  s.min_score = root["min_score"].value_or(1);
  s.max_score = root["max_score"].value_or(5);

  if (auto* sections = root["sections"].as_array()) {
    for (auto& node : *sections) {
      toml::node_view<const toml::node> v{node};
      ScaleSection sec{v["id"].value_or(std::string{}), local_text(v["name"], origin, "a section")};
      if (sec.id.empty()) fail(origin, "a section has no 'id'");
      s.sections.push_back(std::move(sec));
    }
  }
  if (auto* items = root["items"].as_array()) {
    for (auto& node : *items) {
      toml::node_view<const toml::node> v{node};
      ScaleItem item;
      item.code = v["code"].value_or(std::string{});
      if (item.code.empty()) fail(origin, "an item has no 'code'");
      item.number = static_cast<int>(s.items.size()) + 1;
      item.section = v["section"].value_or(std::string{});
      if (!s.section(item.section))
        fail(origin, "item " + item.code + " names unknown section '" + item.section + "'");
      item.name = local_text(v["name"], origin, "item " + item.code + " 'name'");
      item.criterion = local_text(v["criterion"], origin, "item " + item.code + " 'criterion'");
      if (auto* evidence = v["evidence"].as_table()) {
        item.evidence_measure = (*evidence)["measure"].value_or(std::string{});
        if (auto* bounds = (*evidence)["upper_bounds"].as_array())
          for (auto& b : *bounds) item.evidence_upper_bounds.push_back(b.value_or(0.0));
        if (item.evidence_measure.empty() || item.evidence_upper_bounds.size() != 4)
          fail(origin,
               "item " + item.code +
                   ": 'evidence' needs a measure and four upper bounds (scores 5, 4, 3, 2)");
      }
      s.items.push_back(std::move(item));
    }
  }
  if (s.items.empty()) fail(origin, "the scale has no items");
  if (auto* bands = root["bands"].as_array()) {
    for (auto& node : *bands) {
      toml::node_view<const toml::node> v{node};
      ScaleBand b{v["min"].value_or(0), v["max"].value_or(0),
                  local_text(v["label"], origin, "a band")};
      if (b.min_total > b.max_total) fail(origin, "a band has min > max");
      s.bands.push_back(std::move(b));
    }
  }
  return s;
}

ScaleCatalog load_scale_catalog(const std::filesystem::path& data_dir) {
  ScaleCatalog catalog;
  for (const char* name : {"ips-25.toml", "goi.toml"}) {
    const auto path = data_dir / name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot read the scale definition");
    std::stringstream buf;
    buf << in.rdbuf();
    catalog.scales.push_back(parse_scale(buf.str(), path.string()));
  }
  if (catalog.ips25().items.size() != 25 || catalog.goi().items.size() != 12)
    throw std::runtime_error(data_dir.string() + ": expected 25 IPS items and 12 GOI items");
  return catalog;
}

}  // namespace ips
