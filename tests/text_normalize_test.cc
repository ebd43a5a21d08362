#include <catch2/catch.hpp>

#include "ingest/raw_workbook.h"
#include "ingest/text_normalize.h"

using namespace ips;

TEST_CASE("header keys ignore case, spaces, punctuation and diacritics") {
  CHECK(normalize_key("Årsverk") == "arsverk");
  CHECK(normalize_key("NAV-kontor") == "navkontor");
  CHECK(normalize_key(" Første arbeidsgiverkontakt ") == "forstearbeidsgiverkontakt");
  CHECK(normalize_key("Kvalitetsmålinger") == "kvalitetsmalinger");
  CHECK(normalize_key("Avslutningsårsak") == "avslutningsarsak");
  CHECK(normalize_key("ÆRESORD") == "aeresord");
  CHECK(normalize_key("Evaluator 1") == "evaluator1");
  CHECK(normalize_key("Timer/uke") == "timeruke");
}

TEST_CASE("trim removes spaces, tabs, line breaks and no-break spaces at both ends only") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim("\xC2\xA0"
             "Bodø"
             "\xC2\xA0") == "Bodø");
  CHECK(trim("") == "");
  CHECK(trim(" \xC2\xA0 ") == "");
}

TEST_CASE("UTF-8 validation and Windows-1252 conversion") {
  CHECK(is_valid_utf8("Bodø"));
  CHECK_FALSE(is_valid_utf8("Bod\xF8"));
  CHECK_FALSE(is_valid_utf8("\xC3"));
  CHECK(windows1252_to_utf8("Bod\xF8 \xE6\xE5 \x80") == std::string("Bodø æå €"));
}

TEST_CASE("column letters as spreadsheets show them") {
  CHECK(column_letter(0) == "A");
  CHECK(column_letter(25) == "Z");
  CHECK(column_letter(26) == "AA");
  CHECK(column_letter(701) == "ZZ");
  CHECK(column_letter(702) == "AAA");
}
