#include <catch2/catch.hpp>

#include "ingest_test_helpers.h"

using namespace ips;

namespace {

using test::check_accounting;
using test::describe;
const ScaleCatalog& catalog() {
  return test::scale_catalog();
}
std::filesystem::path fixture(const std::string& name) {
  return test::ingest_fixture(name);
}

const Review* find_review(const Dataset& ds, const std::string& site, Date date) {
  for (const auto& r : ds.reviews)
    if (r.site == site && r.date == date) return &r;
  return nullptr;
}

// The published Bodø baseline (docs/figures.md, "A worked example") and the Hamar review, as the
// fixture holds them.
void check_valid_fidelity(const Dataset& ds) {
  INFO(describe(ds.diagnostics));
  CHECK(ds.diagnostics.count(Severity::Error) == 0);
  CHECK(ds.diagnostics.count(Severity::Warning) == 0);
  check_accounting(ds);
  REQUIRE(ds.sites.size() == 2);
  CHECK(ds.sites[0].key == "Bodø");
  CHECK(ds.sites[0].name == "Psykoseteamet, Salten DPS");
  CHECK(ds.sites[0].county == "Nordland");
  CHECK(ds.sites[0].start == Date::from_ymd(2012, 9, 1));
  CHECK(ds.sites[0].fte == Approx(2));
  CHECK(ds.sites[1].key == "Hamar");
  CHECK(ds.sites[1].fte == Approx(1.5));

  REQUIRE(ds.reviews.size() == 2);
  const Review* bodo = find_review(ds, "Bodø", Date::from_ymd(2012, 12, 3));
  REQUIRE(bodo);
  REQUIRE(bodo->scales.size() == 2);
  const auto& ips = bodo->scales[ScaleCatalog::kIps25].items;
  REQUIRE(ips.size() == 25);
  const int expected[] = {5, 5, 5, 5, 4, 5, 4, 5, 4, 4, 5};
  int total = 0;
  for (size_t i = 0; i < 11; ++i) {
    CHECK(ips[i].score == expected[i]);
    CHECK(ips[i].evaluator1 == expected[i]);
    CHECK_FALSE(ips[i].evaluator2);
    total += ips[i].score.value_or(0);
  }
  for (size_t i = 11; i < 25; ++i) {
    CHECK_FALSE(ips[i].score);
    CHECK(ips[i].comment == "Tjenesten var ikke startet");
  }
  CHECK(total == 51);
  CHECK(bodo->info.stated_total == 51);
  CHECK(bodo->info.evaluators == "Eva Evaluator");
  CHECK(bodo->info.recipient == "Prosjektleder IPS Bodø");
  const auto& goi = bodo->scales[ScaleCatalog::kGoi].items;
  REQUIRE(goi.size() == 12);
  const int goi_expected[] = {2, 3, 3, 3, 5, 5, 5, 5, 5, 4, 5, 5};
  for (size_t i = 0; i < 12; ++i) CHECK(goi[i].score == goi_expected[i]);

  const Review* hamar = find_review(ds, "Hamar", Date::from_ymd(2013, 6, 10));
  REQUIRE(hamar);
  const auto& h = hamar->scales[ScaleCatalog::kIps25].items;
  int hamar_total = 0;
  for (const auto& r : h) {
    REQUIRE(r.score);
    hamar_total += *r.score;
  }
  CHECK(hamar_total == 101);
  CHECK(h[2].evaluator1 == 5);
  CHECK(h[2].evaluator2 == 4);
  CHECK(h[2].consensus == 4);
  CHECK(h[2].score == 4);
  CHECK(h[2].comment == "Jobbspesialistene overlater jobbstøtte til NAV");
  CHECK(h[2].recommendation == "La jobbspesialistene følge opp etter oppstart");
  CHECK(hamar->info.evaluators == "Eva Evaluator, Ola Olsen");
}

}  // namespace

TEST_CASE("a valid xlsx fidelity workbook gives the Bodø baseline and the Hamar review") {
  const Dataset ds = ingest_files({fixture("valid_fidelity.xlsx")}, catalog());
  check_valid_fidelity(ds);
  REQUIRE(ds.diagnostics.files.size() == 1);
  CHECK(ds.diagnostics.files[0].format == "xlsx");
  CHECK(ds.diagnostics.files[0].readable);
  REQUIRE(ds.diagnostics.tables.size() == 3);
  CHECK(ds.diagnostics.tables[0].table == "Enheter");
  CHECK(ds.diagnostics.tables[0].rows_used == 2);
  CHECK(ds.diagnostics.tables[1].table == "Kvalitetsmålinger");
  CHECK(ds.diagnostics.tables[1].rows_read == 25 + 12 + 25 + 12);
  CHECK(ds.diagnostics.tables[1].rows_used == 74);
  CHECK(ds.diagnostics.tables[2].rows_used == 2);
}

TEST_CASE("the same workbook saved as ods gives the same data") {
  const Dataset ds = ingest_files({fixture("valid_fidelity.ods")}, catalog());
  check_valid_fidelity(ds);
  CHECK(ds.diagnostics.files[0].format == "ods");
}

TEST_CASE("a fidelity sheet without the item column is refused with a clear error, rows counted") {
  const Dataset ds = ingest_files({fixture("missing_item_column.xlsx")}, catalog());
  INFO(describe(ds.diagnostics));
  REQUIRE(ds.diagnostics.count(Severity::Error) == 1);
  const Diagnostic* d = nullptr;
  for (const auto& x : ds.diagnostics.items)
    if (x.severity == Severity::Error) d = &x;
  REQUIRE(d);
  CHECK(d->code == "table.missing_column");
  CHECK(d->sheet == "Kvalitetsmålinger");
  CHECK(d->row == 1);
  CHECK(d->args == std::vector<std::string>{"Punkt", "Kvalitetsmålinger"});
  REQUIRE(ds.diagnostics.tables.size() == 1);
  CHECK(ds.diagnostics.tables[0].rows_read == 2);
  CHECK(ds.diagnostics.tables[0].rows_excluded == 2);
  CHECK(ds.reviews.empty());
  check_accounting(ds);
}

TEST_CASE("xlsx, ods and CSV in UTF-8, UTF-8 with BOM and Windows-1252 give identical datasets") {
  const Dataset xlsx = ingest_files({fixture("valid_fidelity.xlsx")}, catalog());
  const std::string expected = test::dump_model(xlsx);
  for (const std::string folder : {"csv_utf8", "csv_bom", "csv_cp1252"}) {
    INFO(folder);
    const Dataset csv = ingest_files(test::csv_files(folder), catalog());
    {
      INFO(describe(csv.diagnostics));
      CHECK(csv.diagnostics.count(Severity::Error) == 0);
      CHECK(csv.diagnostics.count(Severity::Warning) == 0);
    }
    CHECK(test::dump_model(csv) == expected);
    check_accounting(csv);
    REQUIRE(csv.diagnostics.tables.size() == 3);
    for (const auto& t : csv.diagnostics.tables) CHECK(t.sheet.empty());
  }
  CHECK(test::dump_model(ingest_files({fixture("valid_fidelity.ods")}, catalog())) == expected);
}

TEST_CASE("a Windows-1252 CSV is converted and noted") {
  const Dataset ds = ingest_files(test::csv_files("csv_cp1252"), catalog());
  REQUIRE(ds.diagnostics.count(Severity::Note) == 3);
  CHECK(ds.diagnostics.items[0].code == "csv.windows1252");
  CHECK(ds.sites[0].key == "Bodø");
}

TEST_CASE("ingesting twice gives the same dataset and the same diagnostics") {
  const auto files = std::vector<std::filesystem::path>{fixture("valid_fidelity.xlsx"),
                                                        fixture("missing_item_column.xlsx")};
  const Dataset a = ingest_files(files, catalog());
  const Dataset b = ingest_files(files, catalog());
  CHECK(test::dump_model(a) == test::dump_model(b));
  CHECK(describe(a.diagnostics) == describe(b.diagnostics));
}
