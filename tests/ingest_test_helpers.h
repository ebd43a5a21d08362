// Shared helpers for the ingest tests: the scale catalog, fixture paths, readable dumps.
#pragma once

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "ingest/ingest.h"
#include "support/test_support.h"

namespace ips::test {

inline const ScaleCatalog& scale_catalog() {
  static const ScaleCatalog c = load_scale_catalog(source_dir() / "data");
  return c;
}

/// tests/fixtures/ingest/<name>.
inline std::filesystem::path ingest_fixture(const std::string& name) {
  return fixture("ingest/" + name);
}

/// Every diagnostic on one line, for failure messages.
inline std::string describe(const Diagnostics& d) {
  std::ostringstream out;
  for (const auto& x : d.items) {
    out << static_cast<int>(x.severity) << ' ' << x.file << " [" << x.sheet << "] r" << x.row << ' '
        << x.column << " (" << x.column_header << ") '" << x.value << "' " << x.code;
    for (const auto& a : x.args) out << " {" << a << "}";
    out << '\n';
  }
  return out.str();
}

/// The model part of a Dataset (not its diagnostics) as text, to compare datasets.
inline std::string dump_model(const Dataset& ds) {
  std::ostringstream out;
  auto opt = [](const auto& v) {
    std::ostringstream s;
    if (v)
      s << *v;
    else
      s << '-';
    return s.str();
  };
  for (const auto& s : ds.sites)
    out << "site " << s.key << '|' << s.name << '|' << s.county << '|' << s.nav_office << '|'
        << s.health_service << '|' << (s.start ? s.start->iso() : "-") << '|' << opt(s.fte) << '\n';
  for (const auto& r : ds.reviews) {
    out << "review " << r.site << ' ' << r.date.iso() << '|' << r.info.evaluators << '|'
        << r.info.recipient << '|' << r.info.purpose << '|' << r.info.method << '|'
        << r.info.summary << '|' << opt(r.info.stated_total) << '\n';
    for (size_t s = 0; s < r.scales.size(); ++s)
      for (size_t i = 0; i < r.scales[s].items.size(); ++i) {
        const auto& it = r.scales[s].items[i];
        out << "  " << s << '.' << i << ' ' << opt(it.evaluator1) << ' ' << opt(it.evaluator2)
            << ' ' << opt(it.consensus) << ' ' << opt(it.score) << '|' << it.comment << '|'
            << it.recommendation << '\n';
      }
  }
  for (const auto& p : ds.participants)
    out << "participant " << p.id << '|' << p.site << '|' << p.intake.iso() << '|'
        << (p.employed_at_intake ? (*p.employed_at_intake ? "yes" : "no") : "-") << '|'
        << (p.first_employer_contact ? p.first_employer_contact->iso() : "-") << '|'
        << (p.ended ? p.ended->iso() : "-") << '|' << p.end_reason << '|' << opt(p.age) << '\n';
  for (const auto& j : ds.jobs)
    out << "job " << j.participant << '|' << static_cast<int>(j.kind) << '|' << j.start.iso() << '|'
        << (j.end ? j.end->iso() : "-") << '|' << opt(j.hours_per_week) << '|' << j.employer << '|'
        << j.occupation << '\n';
  return out.str();
}

/// read = used + excluded for every table, and duplicates among the excluded.
inline void check_accounting(const Dataset& ds) {
  for (const auto& t : ds.diagnostics.tables) {
    INFO(t.file << " / " << t.sheet << " / " << t.table);
    CHECK(t.rows_read == t.rows_used + t.rows_excluded);
    CHECK(t.duplicates <= t.rows_excluded);
    CHECK(t.rows_read >= 0);
  }
}

/// The CSV files of a fixture folder, in name order.
inline std::vector<std::filesystem::path> csv_files(const std::string& folder) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(ingest_fixture(folder)))
    if (e.path().extension() == ".csv") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ips::test
