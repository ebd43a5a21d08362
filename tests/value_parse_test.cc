// Cell values at the edges fuzz_values explored: a date cell must never be turned into a Date
// it cannot hold.
#include <catch2/catch.hpp>

#include <limits>

#include "ingest/value_parse.h"

using namespace ips;

namespace {

RawCell date_cell(double serial) {
  RawCell cell;
  cell.kind = RawCell::Kind::Number;
  cell.is_date = true;
  cell.number = serial;
  return cell;
}

}  // namespace

TEST_CASE("a date cell shows as a Norwegian date") { CHECK(cell_display(date_cell(41246)) == "03.12.2012"); }

TEST_CASE("a date cell whose serial no date can have shows its number, without overflow") {
  // -2.45e174 came from fuzz_values: converting it to a day count was undefined behaviour.
  CHECK(cell_display(date_cell(-2.45013e174)) == "-2.45013e+174");
  CHECK(cell_display(date_cell(1e300)) == "1e+300");
  CHECK(cell_display(date_cell(std::numeric_limits<double>::infinity())) == "inf");
  CHECK(cell_display(date_cell(0)) == "0");
  CHECK(parse_date(date_cell(-2.45013e174)).error == "date.out_of_range");
  CHECK(parse_date(date_cell(std::numeric_limits<double>::infinity())).error == "date.out_of_range");
}

TEST_CASE("a date cell holding NaN is out of range, not a date") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(parse_date(date_cell(nan)).error == "date.out_of_range");
  CHECK(cell_display(date_cell(nan)) == "nan");
}
