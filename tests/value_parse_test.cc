// Cell values to dates, numbers, scores and displayed text, including the edges fuzz_values
// explored: a date cell must never be turned into a Date it cannot hold.
#include <catch2/catch.hpp>

#include <limits>

#include "ingest/value_parse.h"

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
RawCell date_cell(double serial) {
  RawCell cell;
  cell.kind = RawCell::Kind::Number;
  cell.is_date = true;
  cell.number = serial;
  return cell;
}
}  // namespace

TEST_CASE("dates: Norwegian and ISO text forms, serial numbers, and the errors") {
  CHECK(parse_date(text("03.12.2012")).value == Date::from_ymd(2012, 12, 3));
  CHECK(parse_date(text("3.12.2012")).value == Date::from_ymd(2012, 12, 3));
  CHECK(parse_date(text(" 2012-12-03 ")).value == Date::from_ymd(2012, 12, 3));
  CHECK(parse_date(text("2012-12-03 00:00:00")).value == Date::from_ymd(2012, 12, 3));
  CHECK(parse_date(number(41246)).value == Date::from_ymd(2012, 12, 3));
  CHECK(parse_date(number(41246.75)).value ==
        Date::from_ymd(2012, 12, 3));  // a time of day is dropped
  CHECK(parse_date(text("31.02.2015")).error == "date.invalid");
  CHECK(parse_date(text("03/04/13")).error == "date.ambiguous");
  CHECK(parse_date(text("03/04/2013")).error == "date.ambiguous");
  CHECK(parse_date(text("03.04.13")).error == "date.ambiguous");
  CHECK(parse_date(text("03-04-13")).error == "date.ambiguous");
  CHECK(parse_date(text("desember 2012")).error == "date.unreadable");
  CHECK(parse_date(number(5)).error == "date.out_of_range");  // 1900-01-05: not a review date
  CHECK(parse_date(text("01.01.1899")).error == "date.out_of_range");
  CHECK(parse_date(text("")).blank());
  CHECK(parse_date(text("   ")).blank());
}

TEST_CASE("numbers: decimal comma or point, space and no-break-space thousands separators") {
  CHECK(parse_number(text("1,5")).value == Approx(1.5));
  CHECK(parse_number(text("1.5")).value == Approx(1.5));
  CHECK(parse_number(text("1 000,5")).value == Approx(1000.5));
  CHECK(parse_number(text("1\xC2\xA0"
                          "000"))
            .value == Approx(1000));
  CHECK(parse_number(text("-2")).value == Approx(-2));
  CHECK(parse_number(number(37.5)).value == Approx(37.5));
  CHECK(parse_number(text("1.000,5")).error == "number.unreadable");  // mixed marks are ambiguous
  CHECK(parse_number(text("tolv")).error == "number.unreadable");
  CHECK(parse_number(text("12 timer")).error == "number.unreadable");
  CHECK(parse_integer(text("34")).value == 34);
  CHECK(parse_integer(text("34,5")).error == "number.not_integer");
}

TEST_CASE("scores: 1-5, the not-scored spellings, and the three kinds of error") {
  CHECK(parse_score(number(1)).value == 1);
  CHECK(parse_score(number(5)).value == 5);
  CHECK(parse_score(text(" 4 ")).value == 4);
  CHECK(parse_score(text("4,0")).value == 4);
  for (const char* not_scored :
       {"", "-", "\xE2\x80\x93", "ikke skåret", "Ikke skåret", "IKKE SKÅRET", "n/a", "N/A"}) {
    INFO(not_scored);
    CHECK(parse_score(text(not_scored)).blank());
  }
  CHECK(parse_score(number(0)).error == "score.out_of_range");
  CHECK(parse_score(number(6)).error == "score.out_of_range");
  CHECK(parse_score(number(3.5)).error == "score.not_integer");
  CHECK(parse_score(text("3,5")).error == "score.not_integer");
  CHECK(parse_score(text("fire")).error == "score.not_a_number");
}

TEST_CASE("yes/no in the spellings people use") {
  for (const char* yes : {"ja", "Ja", "J", "x", "X", "1", "yes"})
    CHECK(parse_yes_no(text(yes)).value == true);
  for (const char* no : {"nei", "Nei", "n", "0", "no"})
    CHECK(parse_yes_no(text(no)).value == false);
  RawCell b;
  b.kind = RawCell::Kind::Bool;
  b.number = 1;
  CHECK(parse_yes_no(b).value == true);
  CHECK(parse_yes_no(number(1)).value == true);
  CHECK(parse_yes_no(text("")).blank());
  CHECK(parse_yes_no(text("kanskje")).error == "yesno.unreadable");
}

TEST_CASE("11-digit values look like national identity numbers - other ids do not") {
  CHECK(looks_like_identity_number(text("01017012345")));
  CHECK(looks_like_identity_number(text("010170 12345")));
  CHECK(looks_like_identity_number(number(15128523456.0)));
  CHECK(looks_like_identity_number(number(1017012345.0)));  // leading zero lost in a number cell
  CHECK_FALSE(looks_like_identity_number(text("P001")));
  CHECK_FALSE(looks_like_identity_number(text("1234")));
  CHECK_FALSE(looks_like_identity_number(number(41246)));
}

TEST_CASE("cells are shown as a user sees them") {
  CHECK(cell_display(number(3)) == "3");
  CHECK(cell_display(number(3.5)) == "3.5");
  CHECK(cell_display(text("  Bodø \xC2\xA0")) == "Bodø");
}

TEST_CASE("a date cell shows as a Norwegian date") {
  CHECK(cell_display(date_cell(41246)) == "03.12.2012");
}

TEST_CASE("a date cell whose serial no date can have shows its number, without overflow") {
  // -2.45e174 came from fuzz_values: converting it to a day count was undefined behaviour.
  CHECK(cell_display(date_cell(-2.45013e174)) == "-2.45013e+174");
  CHECK(cell_display(date_cell(1e300)) == "1e+300");
  CHECK(cell_display(date_cell(std::numeric_limits<double>::infinity())) == "inf");
  CHECK(cell_display(date_cell(0)) == "0");
  CHECK(parse_date(date_cell(-2.45013e174)).error == "date.out_of_range");
  CHECK(parse_date(date_cell(std::numeric_limits<double>::infinity())).error ==
        "date.out_of_range");
}

TEST_CASE("a date cell holding NaN is out of range, not a date") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(parse_date(date_cell(nan)).error == "date.out_of_range");
  CHECK(cell_display(date_cell(nan)) == "nan");
}
