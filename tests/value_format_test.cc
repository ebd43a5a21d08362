#include <catch2/catch.hpp>

#include "model/date.h"
#include "report/value_format.h"

using namespace ips;
using namespace ips::doc;

TEST_CASE("values read the Norwegian way by default and the English way with en") {
  CHECK(format_value(Value::rate(0.412), Lang::Nb) == "41,2\u00A0%");
  CHECK(format_value(Value::rate(0.412), Lang::En) == "41.2%");
  CHECK(format_value(Value::count(1234), Lang::Nb) == "1\u00A0234");
  CHECK(format_value(Value::count(1234), Lang::En) == "1,234");
  CHECK(format_value(Value::count(999), Lang::Nb) == "999");
  CHECK(format_value(Value::change(-2), Lang::Nb) == "\u22122");
  CHECK(format_value(Value::change(3), Lang::Nb) == "+3");
  CHECK(format_value(Value::change(0), Lang::Nb) == "0");
  CHECK(format_value(Value::number_of(4.1667, 2), Lang::Nb) == "4,17");
  CHECK(format_value(Value::date(Date::from_ymd(2012, 12, 3).days), Lang::Nb) == "03.12.2012");
}

TEST_CASE("suppressed values show only their marker") {
  CHECK(format_value(Value::small_count(5), Lang::Nb) == "<5");
  CHECK(format_value(Value::withheld(), Lang::En) == "\u2013");
  CHECK(Value::small_count(5).number == 0);
}

TEST_CASE("numbers round half away from zero, as Excel and LibreOffice show them") {
  // printf rounds the binary value half to even: 4,125 → "4,12" and 4,55 → "4,5", while an XLSX
  // cell with the number format 0.00 / +0.0 shows 4,13 and +4,6.
  CHECK(format_value(Value::number_of(4.125, 2), Lang::Nb) == "4,13");
  CHECK(format_value(Value::change(4.55, 1), Lang::Nb) == "+4,6");
  CHECK(format_value(Value::change(-4.55, 1), Lang::Nb) == "\u22124,6");
  CHECK(format_value(Value::number_of(0.125, 2), Lang::En) == "0.13");
  CHECK(format_value(Value::number_of(2.5, 0), Lang::Nb) == "3");
  CHECK(format_value(Value::rate(0.41245), Lang::Nb) ==
        "41,2\u00A0%");  // below the half stays down
  CHECK(format_value(Value::rate(0.41250), Lang::Nb) == "41,3\u00A0%");
  CHECK(format_value(Value::number_of(1234.5, 0), Lang::Nb) == "1\u00A0235");
  CHECK(format_value(Value::number_of(-0.04, 1), Lang::Nb) == "0,0");  // no "−0,0"
  CHECK(format_value(Value::number_of(0.05, 1), Lang::Nb) == "0,1");
}

TEST_CASE("a change that shows as zero has no sign", "[value-format]") {
  CHECK(format_value(Value::change(0.04, 1), Lang::Nb) == "0,0");
  CHECK(format_value(Value::change(-0.04, 1), Lang::Nb) == "0,0");
  CHECK(format_value(Value::change(0.05, 1), Lang::Nb) == "+0,1");
}

TEST_CASE("the spreadsheet number format shows the same text as the report", "[value-format]") {
  // The literals a spreadsheet needs to show −, + and "41,2 %" as format_value writes them;
  // grouping and the decimal comma come from the reader's locale (tests/golden checks the cells
  // as displayed against HTML and PDF on the whole example).
  CHECK(spreadsheet_format(Value::rate(0.412), Lang::Nb) ==
        "0.0\"\u00A0\"%;\"\u2212\"0.0\"\u00A0\"%");
  CHECK(spreadsheet_format(Value::rate(0.412), Lang::En) == "0.0%;\"\u2212\"0.0%");
  CHECK(spreadsheet_format(Value::change(-2), Lang::Nb) == "\"+\"0;\"\u2212\"0;0");
  CHECK(spreadsheet_format(Value::number_of(48.6, 1), Lang::Nb) == "#,##0.0;\"\u2212\"#,##0.0");
  CHECK(spreadsheet_format(Value::count(1234), Lang::Nb) == "#,##0;\"\u2212\"#,##0");
  CHECK(spreadsheet_format(Value::of_text("x"), Lang::Nb).empty());
}

TEST_CASE("a spreadsheet stores 0 for a value that shows as zero, else the value",
          "[value-format]") {
  // A spreadsheet picks the − section by the unrounded sign: −0,04 would read "−0,0".
  CHECK(spreadsheet_number(Value::change(-0.04, 1)) == 0);
  CHECK(spreadsheet_number(Value::number_of(-0.004, 2)) == 0);
  CHECK(spreadsheet_number(Value::rate(0.0004, 1)) == 0);
  CHECK(spreadsheet_number(Value::rate(0.0006, 1)) == 0.0006);
  CHECK(spreadsheet_number(Value::change(-0.05, 1)) == -0.05);
}

TEST_CASE("Percent sign follows the language: a no-break space in Norwegian, none in English",
          "[value-format]") {
  // One rule for cells, intervals, key figures and axis ticks (docs/report-wording.md).
  CHECK(percent_sign(Lang::Nb) == "\u00A0%");
  CHECK(percent_sign(Lang::En) == "%");
  CHECK(format_percent(25, 0, Lang::Nb) == "25\u00A0%");
  CHECK(format_percent(25, 0, Lang::En) == "25%");
  Value v = Value::rate(0.4);
  v.interval = Interval{0.218807, 0.613419};
  CHECK(format_value(v, Lang::Nb) == "40,0\u00A0% (21,9\u201361,3)");
  CHECK(format_value(v, Lang::En) == "40.0% (21.9\u201361.3)");
  CHECK(interval_suffix(v, Lang::En) == " (21.9\u201361.3)");
  Value withheld_interval = Value::rate(0.4);
  withheld_interval.interval_withheld = true;
  CHECK(format_value(withheld_interval, Lang::Nb) == "40,0\u00A0% (\u2013)");
  // A withheld rate shows only its marker, never an interval.
  Value withheld = Value::withheld();
  withheld.interval = Interval{0.2, 0.6};
  CHECK(format_value(withheld, Lang::Nb) == "\u2013");
  CHECK(interval_suffix(withheld, Lang::Nb).empty());
}

TEST_CASE("A rate's interval bounds in the report's style", "[value-format]") {
  Value v = Value::rate(0.4);
  v.interval = Interval{0.218807, 0.613419};
  CHECK(interval_bounds(v, Lang::Nb) == "21,9\u201361,3");
  CHECK(interval_bounds(v, Lang::En) == "21.9\u201361.3");
  CHECK(interval_bounds(Value::rate(0.4), Lang::Nb).empty());
  Value withheld = Value::withheld();
  withheld.interval = Interval{0.2, 0.6};
  CHECK(interval_bounds(withheld, Lang::Nb).empty());
}
