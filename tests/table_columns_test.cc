// Planning PDF table columns: shares kept when they suffice, widened where a header word or a
// number would break, headers turned upright when 25 item codes cannot stand side by side.
#include <catch2/catch.hpp>

#include <numeric>

#include "render/table_columns.h"

using ips::render::ColumnNeed;
using ips::render::plan_columns;

namespace {

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

}  // namespace

TEST_CASE("columns keep their shares when every word fits") {
  const auto plan = plan_columns({{1, 20, 10, 10}, {3, 30, 0, 10}}, 400);
  CHECK(plan.widths[0] == Approx(100));
  CHECK(plan.widths[1] == Approx(300));
  CHECK(plan.upright == std::vector<bool>{false, false});
}

TEST_CASE("a narrow column is widened to its longest word, from the others' spare room") {
  // "Plass" needs 30 pt but its share is 20; the wide columns give up 10 between them, in
  // proportion to what they can spare (80 and 180 over their needs of 20).
  const auto plan = plan_columns({{1, 30, 10, 10}, {4, 0, 0, 10}, {5, 20, 0, 10}}, 200);
  CHECK(plan.widths[0] == Approx(30));
  CHECK(plan.widths[1] == Approx(80 - 10.0 * 80 / 160));
  CHECK(plan.widths[2] == Approx(100 - 10.0 * 80 / 160));
  CHECK(sum(plan.widths) == Approx(200));
  CHECK(plan.upright == std::vector<bool>{false, false, false});
}

TEST_CASE("headers too wide for side by side stand upright when the values fit") {
  // A site column and 25 item columns: "T10" needs 23 pt, 25 × 23 does not fit in 450.
  std::vector<ColumnNeed> columns{{3.2, 34, 60, 12}};
  for (int i = 0; i < 25; ++i) columns.push_back({0.62, 23, 14, 12});
  const auto plan = plan_columns(columns, 450);
  CHECK(sum(plan.widths) == Approx(450));
  CHECK_FALSE(plan.upright[0]);
  for (size_t c = 1; c < columns.size(); ++c) {
    CHECK(plan.upright[c]);
    CHECK(plan.widths[c] >= 14);
  }
  CHECK(plan.widths[0] >= 60);
}

TEST_CASE("when nothing fits, the shares stand and text wraps") {
  const auto plan = plan_columns({{1, 300, 300, 12}, {1, 300, 300, 12}}, 200);
  CHECK(plan.widths[0] == Approx(100));
  CHECK(plan.widths[1] == Approx(100));
  CHECK(plan.upright == std::vector<bool>{false, false});
  CHECK(plan_columns({}, 100).widths.empty());
}
