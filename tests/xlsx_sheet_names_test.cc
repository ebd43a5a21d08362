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

TEST_CASE("sheet names are at most 31 characters, cut at the end of a word") {
  SheetNames names;
  // Issue 17: "Andel i ordinært arbeid sammen" was cut mid-word.
  CHECK(names.claim("Andel i ordinært arbeid sammenlignet med alle enheter") ==
        "Andel i ordinært arbeid");
  // Nothing dangling: the comma before the cut goes too.
  CHECK(names.claim("Punkter med skår 1–3, med endring fra forrige") ==
        "Punkter med skår 1–3, med");
  CHECK(names.claim("Øvrige opplysninger om deltakere") == "Øvrige opplysninger om");
  // A word longer than half the room is cut where the room ends (31 characters; "Ø" is 2 bytes).
  const std::string name = names.claim("Øv Deltakeropplysningerpåtversavalleår");
  CHECK(name == "Øv Deltakeropplysningerpåtversa");
  CHECK(name.size() == 33);
  // Unique names are cut at a word too, to leave room for the number.
  CHECK(names.claim("Andel i ordinært arbeid sammenlignet over tid") ==
        "Andel i ordinært arbeid (2)");
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
