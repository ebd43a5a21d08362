// Fidelity scales (IPS-25, GOI) as data: items, sections, names and bands, loaded from data/.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ips {

/// Report languages. Norwegian bokmål is the default.
enum class Lang { Nb, En };

/// A text in both report languages.
struct LocalText {
  std::string nb;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::En && !en.empty() ? en : nb; }
};

struct ScaleSection {
  std::string id;  // "B", "O", "T" (IPS-25) or "G" (GOI)
  LocalText name;
};

struct ScaleItem {
  std::string code;     // "B1", "T14", "G3"
  int number = 0;       // position in the scale, 1-based
  std::string section;  // ScaleSection::id
  LocalText name;
  LocalText criterion;  // what a score of 5 looks like, in a sentence
  // Items that placement data can estimate (B1, T4): the measure ("caseload_per_fte",
  // "days_to_first_contact") and the upper bounds of the scores 5, 4, 3, 2 (above the last: 1).
  std::string evidence_measure;
  std::vector<double> evidence_upper_bounds;

  /// The score the measured value points to, comparing with each band's upper bound
  /// (docs/figures.md: 20.5 per FTE → B1 = 4); nullopt when the item has no evidence bands.
  std::optional<int> evidence_score(double measured) const;
};

/// A fidelity band (only for complete reviews).
struct ScaleBand {
  int min_total = 0;
  int max_total = 0;
  LocalText label;
};

struct Scale {
  std::string id;  // "IPS-25" or "GOI"
  LocalText name;
  int min_score = 1;
  int max_score = 5;
  std::vector<ScaleSection> sections;
  std::vector<ScaleItem> items;
  std::vector<ScaleBand> bands;  // empty: the scale has no bands

  /// Index of the item with this code (case-insensitive), or nullopt.
  std::optional<size_t> item_index(std::string_view code) const;
  /// The band a complete review's total falls in, or nullptr.
  const ScaleBand* band_for(int total) const;
  const ScaleSection* section(std::string_view id) const;
};

/// All scales the program knows; index 0 is IPS-25, index 1 is GOI.
struct ScaleCatalog {
  std::vector<Scale> scales;

  static constexpr size_t kIps25 = 0;
  static constexpr size_t kGoi = 1;
  const Scale& ips25() const { return scales.at(kIps25); }
  const Scale& goi() const { return scales.at(kGoi); }
  std::optional<size_t> index_of(std::string_view scale_id) const;
};

/// Loads data/ips-25.toml and data/goi.toml; throws std::runtime_error naming the file on error.
ScaleCatalog load_scale_catalog(const std::filesystem::path& data_dir);
/// Parses one scale definition (TOML text); `origin` names it in errors.
Scale parse_scale(std::string_view toml_text, const std::string& origin);

}  // namespace ips
