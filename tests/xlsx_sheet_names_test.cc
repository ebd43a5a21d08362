#include <catch2/catch.hpp>

#include "render/xlsx_sheet_names.h"

using ips::render::SheetNames;

TEST_CASE("sheet names drop characters Excel forbids and keep æøå") {
  SheetNames names;
  CHECK(names.claim("Skår: [runde] 2016/H1*?") == "Skår runde 2016-H1");
  CHECK(names.claim("'Sitert'") == "Sitert");
  CHECK(names.claim("") == "Tabell");
  CHECK(names.claim("History") == "History-");
}

TEST_CASE("sheet names are at most 31 characters, cut on a character boundary") {
  SheetNames names;
  const std::string name = names.claim("Øvrige opplysninger om deltakerne på tvers av år");
  CHECK(name == "Øvrige opplysninger om deltaker");
  CHECK(name.size() == 32);  // 31 characters, "Ø" is two bytes
}

TEST_CASE("sheet names are unique regardless of case") {
  SheetNames names;
  CHECK(names.claim("Resultater") == "Resultater");
  CHECK(names.claim("RESULTATER") == "RESULTATER (2)");
  CHECK(names.claim("Resultater") == "Resultater (3)");
  const std::string long_name(40, 'x');
  CHECK(names.claim(long_name) == std::string(31, 'x'));
  CHECK(names.claim(long_name) == std::string(27, 'x') + " (2)");
}
