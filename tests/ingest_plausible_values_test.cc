// Values that parse but cannot be right are refused with a message naming the cell.
#include <catch2/catch.hpp>

#include <limits>
#include <map>

#include "ingest/value_parse.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

RawCell text(const std::string& t) {
  RawCell c;
  c.kind = RawCell::Kind::Text;
  c.text = t;
  return c;
}
RawCell number(double v) {
  RawCell c;
  c.kind = RawCell::Kind::Number;
  c.number = v;
  return c;
}

}  // namespace

TEST_CASE("Scores are ASCII digits 1-5 only", "[ingest][plausible]") {
  CHECK(parse_score(text("3")).value == 3);
  CHECK(parse_score(text(" 4 ")).value == 4);
  CHECK(parse_score(text("-")).blank());
  CHECK(parse_score(text("\u2013")).blank());
  CHECK(parse_score(text("ikke skåret")).blank());
  for (const char* bad : {"\u0663", "\uFF14", "1e0", "1E0", "+3", "0x3", "inf", "nan"}) {
    INFO(bad);
    CHECK(parse_score(text(bad)).error == "score.not_a_number");
  }
  CHECK(parse_score(text("3,5")).error == "score.not_integer");
  CHECK(parse_score(number(std::numeric_limits<double>::infinity())).error == "score.not_a_number");
  CHECK(parse_score(number(std::numeric_limits<double>::quiet_NaN())).error ==
        "score.not_a_number");
}

TEST_CASE("Numbers: no exponent, nothing non-finite or huge", "[ingest][plausible]") {
  CHECK(parse_number(text("37,5")).value == 37.5);
  CHECK(parse_number(text("1 000,5")).value == 1000.5);
  CHECK(parse_number(text("-10")).value == -10);
  for (const char* bad : {"1e308", "1E3", "inf", "-inf", "nan", "infinity"}) {
    INFO(bad);
    CHECK(parse_number(text(bad)).error == "number.unreadable");
  }
  CHECK(parse_number(text("10000000000")).error == "number.too_large");
  CHECK(parse_number(number(1e308)).error == "number.too_large");
  CHECK(parse_number(number(-1e308)).error == "number.too_large");
  CHECK(parse_number(number(std::numeric_limits<double>::infinity())).error == "number.unreadable");
  CHECK(parse_number(number(std::numeric_limits<double>::quiet_NaN())).error ==
        "number.unreadable");
}

TEST_CASE("A date with an impossible time of day is refused", "[ingest][plausible]") {
  CHECK(parse_date(text("2016-02-29T25:00")).error == "date.invalid_time");
  CHECK(parse_date(text("2016-02-29 12:60")).error == "date.invalid_time");
  CHECK(parse_date(text("2016-02-29T23:59:60")).error == "date.invalid_time");
  CHECK(parse_date(text("2016-02-29T23:59")).value == Date::from_ymd(2016, 2, 29));
  CHECK(parse_date(text("2016-02-29 00:00:00")).value == Date::from_ymd(2016, 2, 29));
  CHECK(parse_date(text("2016-02-29T08:30:15.250")).value == Date::from_ymd(2016, 2, 29));
}

TEST_CASE("Implausible ages, hours, scores and times are named by cell", "[ingest][plausible]") {
  const Dataset ds =
      ingest_files({test::ingest_fixture("plausible/implausible.xlsx")}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  test::check_accounting(ds);
  std::map<std::string, std::string> found;  // "sheet!cell" → code
  for (const auto& d : ds.diagnostics.items)
    if (d.severity == Severity::Error) {
      CHECK_FALSE(d.file.empty());
      found[d.sheet + "!" + d.column + std::to_string(d.row)] = d.code + " " + d.value;
    }
  const std::map<std::string, std::string> expected = {
      {"Kvalitetsmålinger!D3", "score.not_a_number \u0663"},
      {"Kvalitetsmålinger!D4", "score.not_a_number \uFF14"},
      {"Kvalitetsmålinger!D5", "score.not_a_number 1e0"},
      {"Kvalitetsmålinger!B8", "date.invalid_time 2016-02-29T25:00"},
      {"Deltakere!D3", "participant.age_out_of_range -5"},
      {"Deltakere!D4", "participant.age_out_of_range 150"},
      {"Deltakere!D7", "participant.age_out_of_range 14"},
      {"Jobber!D3", "job.hours_out_of_range -10"},
      {"Jobber!D4", "number.too_large 1e+308"},
      {"Jobber!D7", "job.hours_out_of_range 81"},
  };
  CHECK(found == expected);
  // The limits themselves are plausible: ages 15 and 100, 0 and 80 hours.
  CHECK(ds.participants.size() == 3);
  CHECK(ds.jobs.size() == 3);
}
