// Finding things in a built report document (doc::Report), for tests that check its content
// without rendering it.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <variant>

#include "report/document.h"

namespace ips::test {

/// The report's table with `id`, or null.
inline const doc::Table* find_table(const doc::Report& r, const std::string& id) {
  for (const auto& s : r.sections)
    for (const auto& b : s.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b); t && t->id == id) return t;
  return nullptr;
}

/// The index of the column headed `header`; fails the test when the table has none. Tests look
/// columns up by header because a table may leave one out (a run of one file, the file column).
inline size_t column_of(const doc::Table& t, const std::string& header) {
  for (size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].header == header) return c;
  FAIL("no column headed " << header << " in table " << t.id);
  return t.columns.size();
}

}  // namespace ips::test
