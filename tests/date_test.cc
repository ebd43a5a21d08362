#include <catch2/catch.hpp>

#include "model/date.h"

using namespace ips;

TEST_CASE("dates convert to and from spreadsheet serial numbers") {
  CHECK(Date::from_spreadsheet_serial(41246).iso() == "2012-12-03");
  CHECK(Date::from_ymd(2012, 12, 3).spreadsheet_serial() == 41246);
  CHECK(Date::from_ymd(2016, 2, 29).norwegian() == "29.02.2016");
  CHECK_FALSE(Date::valid_ymd(2015, 2, 29));
}

TEST_CASE("half-year periods cover 1 Jan–30 Jun and 1 Jul–31 Dec") {
  const Period h2 = Period::containing(Date::from_ymd(2016, 7, 1));
  CHECK(h2.key() == "2016-H2");
  CHECK(Period::containing(Date::from_ymd(2016, 6, 30)).key() == "2016-H1");
  CHECK(h2.last_day().iso() == "2016-12-31");
  CHECK(h2.next().key() == "2017-H1");
  CHECK(Period{2013, 1}.index() == 0);
  CHECK(Period{2014, 2}.index() == 3);
  CHECK(Period::parse("2016-H2") == h2);
  CHECK_FALSE(Period::parse("2016-H3"));
}
