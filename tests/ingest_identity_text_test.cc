// Identity numbers typed into free text are found, named by place, and kept out of the model.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>

#include "ingest/identity_number.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

// Valid fødselsnumre and D-numbers (mod-11 check digits), and how they may be written.
const std::vector<std::pair<std::string, std::string>> kHits = {
    {"alone", "15057612336"},
    {"in a sentence", "Deltakeren (15057612417) fikk jobb."},
    {"space after six digits", "Se 150576 12336 i journalen"},
    {"no-break space",
     "150576\xC2\xA0"
     "12417"},
    {"D-number", "D-nr 55057612400, ring"},
    {"leading zero", "01018000136"},
};
// Not identity numbers: the text must be kept as written.
const std::vector<std::pair<std::string, std::string>> kMisses = {
    {"wrong check digits", "15057612345"},
    {"phone with country code", "+47 91234567"},
    {"phone with 0047", "004791234567"},
    {"phone in groups", "Tlf. 91 23 45 67"},
    {"12 digits around a valid number", "150576123360"},
    {"a valid number with a digit before", "915057612336"},
    {"impossible date", "32137612336"},
    {"two spaces", "150576  12336"},
};

// A distinct date per row, so no two rows are duplicates once a text is withheld.
std::string day(size_t n) {
  return Date{Date::from_ymd(2013, 1, 1).days + static_cast<int32_t>(n)}.norwegian();
}

struct Table {
  std::string file;
  std::string header;                      // ';'-separated
  std::vector<std::string> text_columns;   // headers of the free-text columns
  std::function<std::string(size_t)> row;  // the cells before the text columns, for row n
};

const std::vector<Table>& tables() {
  static const std::vector<Table> t = {
      {"enheter.csv",
       "Enhet;Navn;Fylke;NAV-kontor;Helsetjeneste",
       {"Navn", "Fylke", "NAV-kontor", "Helsetjeneste"},
       [](size_t n) { return "Site" + std::to_string(n); }},
      {"kvalitetsmalinger.csv",
       "Enhet;Dato;Punkt;Konsensus;Kommentar;Anbefaling",
       {"Kommentar", "Anbefaling"},
       [](size_t n) { return "Bodø;" + day(n) + ";G1;3"; }},
      {"gjennomganger.csv",
       "Enhet;Dato;Evaluatorer;Til;Formål;Metode;Oppsummering",
       {"Evaluatorer", "Til", "Formål", "Metode", "Oppsummering"},
       [](size_t n) { return "Bodø;" + day(n); }},
      {"deltakere.csv",
       "Deltaker;Enhet;Inntak;Avslutningsårsak",
       {"Avslutningsårsak"},
       [](size_t n) { return "P" + std::to_string(n) + ";Bodø;07.01.2013"; }},
      {"jobber.csv",
       "Deltaker;Type;Start;Arbeidsgiver;Yrke",
       {"Arbeidsgiver", "Yrke"},
       [](size_t n) { return "P" + std::to_string(n % 3) + ";ordinær;" + day(n); }},
  };
  return t;
}

struct Expected {
  std::string file, column;
  int row;
};

}  // namespace

TEST_CASE("Identity numbers are recognised by their check digits", "[ingest][identity]") {
  CHECK(is_identity_number("15057612336"));
  CHECK(is_identity_number("55057612400"));  // D-number
  CHECK(is_identity_number("01018000136"));
  CHECK_FALSE(is_identity_number("15057612345"));
  CHECK_FALSE(is_identity_number("15057612337"));
  CHECK_FALSE(is_identity_number("1505761233"));
  for (const auto& [what, text] : kHits) {
    INFO(what);
    CHECK(contains_identity_number(text));
  }
  for (const auto& [what, text] : kMisses) {
    INFO(what);
    CHECK_FALSE(contains_identity_number(text));
  }
}

TEST_CASE("An identity number in any free-text column is reported and withheld",
          "[ingest][identity]") {
  test::ScratchDir dir("identity-text");
  std::vector<std::filesystem::path> files;
  std::vector<Expected> expected;
  std::vector<std::string> kept;
  // Deltakere rows P0–P2 for the jobs; every other row is one text cell filled per variant.
  for (const Table& t : tables()) {
    std::ofstream out(dir.path / t.file);
    out << t.header << '\n';
    int line = 1;
    size_t n = 0;
    if (t.file == "deltakere.csv")
      for (; n < 3; ++n, ++line) out << t.row(n) << ";\n";
    for (size_t col = 0; col < t.text_columns.size(); ++col) {
      for (const auto* set : {&kHits, &kMisses})
        for (const auto& [what, text] : *set) {
          out << t.row(n++);
          for (size_t k = 0; k < t.text_columns.size(); ++k) out << ';' << (k == col ? text : "");
          out << '\n';
          ++line;
          if (set == &kHits)
            expected.push_back({(dir.path / t.file).string(), t.text_columns[col], line});
          else
            kept.push_back(text);
        }
    }
    files.push_back(dir.path / t.file);
  }
  const Dataset ds = ingest_files(files, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  test::check_accounting(ds);
  std::vector<Expected> found;
  for (const auto& d : ds.diagnostics.items) {
    if (d.code != "cell.identity_number") continue;
    CHECK(d.severity == Severity::Warning);
    CHECK(d.value.empty());  // the message never shows the number
    CHECK_FALSE(d.column.empty());
    found.push_back({d.file, d.column_header, d.row});
  }
  REQUIRE(found.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO(expected[i].file << " row " << expected[i].row << " " << expected[i].column);
    CHECK(found[i].file == expected[i].file);
    CHECK(found[i].row == expected[i].row);
    CHECK(found[i].column == expected[i].column);
  }
  // Nothing of any hit is left anywhere in the model or the diagnostics (once the misses,
  // which contain some of the same digits, are taken out); every miss is kept.
  std::string everything = test::dump_model(ds) + test::describe(ds.diagnostics);
  for (const auto& [what, text] : kMisses)
    for (size_t at; (at = everything.find(text)) != std::string::npos;)
      everything.erase(at, text.size());
  for (const char* digits :
       {"15057612336", "15057612417", "150576 12336", "12417", "55057612400", "01018000136"}) {
    INFO(digits);
    CHECK(everything.find(digits) == std::string::npos);
  }
  const std::string model = test::dump_model(ds);
  for (const auto& text : kept) {
    INFO(text);
    CHECK(model.find(text) != std::string::npos);
  }
  // The rows themselves are used: only the text is withheld.
  for (const auto& t : ds.diagnostics.tables) CHECK(t.rows_excluded == 0);
}

TEST_CASE("An identity number in a required text column excludes the row", "[ingest][identity]") {
  test::ScratchDir dir("identity-required");
  {
    std::ofstream out(dir.path / "kvalitetsmalinger.csv");
    out << "Enhet;Dato;Punkt;Konsensus\nBodø 15057612336;03.12.2012;B1;4\nBodø;03.12.2012;B2;4\n";
  }
  const Dataset ds = ingest_files({dir.path / "kvalitetsmalinger.csv"}, test::scale_catalog());
  INFO(test::describe(ds.diagnostics));
  REQUIRE(ds.diagnostics.tables.size() == 1);
  CHECK(ds.diagnostics.tables[0].rows_excluded == 1);
  CHECK(ds.diagnostics.tables[0].rows_used == 1);
  size_t reported = 0;
  for (const auto& d : ds.diagnostics.items) {
    if (d.code == "cell.identity_number_required") {
      ++reported;
      CHECK(d.row == 2);
      CHECK(d.column == "A");
      CHECK(d.severity == Severity::Error);
    }
    CHECK(d.site.find("15057612336") == std::string::npos);
  }
  CHECK(reported == 1);
  CHECK(test::describe(ds.diagnostics).find("15057612336") == std::string::npos);
}

TEST_CASE("An identity number in free text reaches no report", "[ingest][identity][cli]") {
  test::ScratchDir dir("identity-reports");
  const auto in = test::ingest_fixture("identity_in_text");
  int code = -1;
  const std::string err = test::run_command(
      test::ipsreport_binary() + " run '" + (in / "enheter.csv").string() + "' '" +
          (in / "kvalitetsmalinger.csv").string() + "' '" + (in / "gjennomganger.csv").string() +
          "' --out '" + (dir.path / "out").string() + "' --lang en 2>&1",
      &code);
  CHECK(code == 1);
  // Each place named (file, row, column), never the number.
  CHECK(err.find("kvalitetsmalinger.csv:39:H (Kommentar)") != std::string::npos);
  CHECK(err.find("kvalitetsmalinger.csv:40:I (Anbefaling)") != std::string::npos);
  CHECK(err.find("kvalitetsmalinger.csv:41:H (Kommentar)") != std::string::npos);
  CHECK(err.find("gjennomganger.csv:3:C (Evaluatorer)") != std::string::npos);
  CHECK(err.find("gjennomganger.csv:3:G (Oppsummering)") != std::string::npos);
  CHECK(err.find("enheter.csv:3:B (Navn)") != std::string::npos);
  // Every file of the report set as text: HTML and the run summary as they are, PDF through
  // pdftotext, XLSX as its XML parts.
  std::string all = err;
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path / "out")) {
    if (!e.is_regular_file()) continue;
    const auto p = e.path().string();
    const auto ext = e.path().extension();
    if (ext == ".pdf")
      all += test::run_command("pdftotext -q '" + p + "' -");
    else if (ext == ".xlsx")
      all += test::run_command("unzip -p '" + p + "'");
    else
      all += test::read_file(e.path());
    ++files;
  }
  CHECK(files >= 10);
  CHECK(all.find("Hamar") != std::string::npos);  // the reports are there and searchable
  CHECK(all.find("La jobbspesialistene") != std::string::npos);  // other text is kept
  for (const char* digits : {"15057612336", "150576 12417", "15057612417", "12417", "55057612400",
                             "01018000136", "311299 45616", "45616", "41019012474"}) {
    INFO(digits);
    CHECK(all.find(digits) == std::string::npos);
  }
}
