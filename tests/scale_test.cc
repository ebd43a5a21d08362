#include <catch2/catch.hpp>

#include "model/scale.h"
#include "support/test_support.h"

using namespace ips;

TEST_CASE("the bundled scales load with 25 IPS items and 12 GOI items") {
  const auto catalog = load_scale_catalog(test::source_dir() / "data");
  const Scale& ips = catalog.ips25();
  REQUIRE(ips.items.size() == 25);
  REQUIRE(catalog.goi().items.size() == 12);
  CHECK(ips.items[0].code == "B1");
  CHECK(ips.items[3].code == "O1");
  CHECK(ips.items[24].code == "T14");
  CHECK(ips.items[24].number == 25);
  CHECK(ips.item_index("t4") == 14);
  CHECK(ips.section("O")->name.in(Lang::En) == "Organisation");
}

TEST_CASE("fidelity bands change exactly at 73/74, 99/100 and 114/115") {
  const auto catalog = load_scale_catalog(test::source_dir() / "data");
  const Scale& ips = catalog.ips25();
  CHECK(ips.band_for(73)->label.nb == "IPS-program benyttes ikke");
  CHECK(ips.band_for(74)->label.nb == "Godkjent kvalitet");
  CHECK(ips.band_for(99)->label.nb == "Godkjent kvalitet");
  CHECK(ips.band_for(100)->label.nb == "Bra kvalitet");
  CHECK(ips.band_for(114)->label.en == "Good fidelity");
  CHECK(ips.band_for(115)->label.en == "Exemplary fidelity");
  CHECK(ips.band_for(125)->label.nb == "Meget bra kvalitet");
  CHECK(catalog.goi().band_for(50) == nullptr);
}

TEST_CASE("a scale file with an unknown section is refused with the file name") {
  const char* text = R"(id = "X"
name = { nb = "X" }
[[sections]]
id = "A"
name = { nb = "A" }
[[items]]
code = "A1"
section = "Z"
name = { nb = "a" }
criterion = { nb = "c" }
)";
  REQUIRE_THROWS_WITH(parse_scale(text, "bad.toml"),
                      Catch::Contains("bad.toml") && Catch::Contains("unknown section"));
}

TEST_CASE("data-derived evidence for B1 and T4 compares with each band's upper bound") {
  const auto catalog = load_scale_catalog(test::source_dir() / "data");
  const ScaleItem& b1 = catalog.ips25().items[0];
  const ScaleItem& t4 = catalog.ips25().items[*catalog.ips25().item_index("T4")];
  CHECK(b1.evidence_measure == "caseload_per_fte");
  CHECK(b1.evidence_score(20.0) == 5);
  CHECK(b1.evidence_score(20.5) == 4);  // docs/figures.md's own example
  CHECK(b1.evidence_score(25.0) == 4);
  CHECK(b1.evidence_score(30.0) == 3);
  CHECK(b1.evidence_score(40.0) == 2);
  CHECK(b1.evidence_score(40.1) == 1);
  CHECK(t4.evidence_score(30.4) == 4);  // docs/figures.md's own example
  CHECK(t4.evidence_score(30.0) == 5);
  CHECK(t4.evidence_score(271) == 1);
  CHECK_FALSE(catalog.ips25().items[1].evidence_score(10).has_value());
}
