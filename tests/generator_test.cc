// The synthetic-export generator and the committed example workbook: the example holds the six
// pilots and the published Bodø baseline exactly, regenerates byte for byte, and scaled exports
// are deterministic, readable by liborcus and free of national identity numbers.
#include <catch2/catch.hpp>

#include <ixion/address.hpp>
#include <ixion/model_context.hpp>
#include <ixion/types.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/sheet.hpp>
#include <orcus/spreadsheet/styles.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>

#include "model/date.h"
#include "support/test_support.h"

namespace {

namespace ss = orcus::spreadsheet;

/// A workbook loaded with liborcus, with cell access by sheet name, row and column.
class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& path)
      : doc_(std::make_unique<ss::document>(ss::range_size_t{1048576, 16384})) {
    ss::import_factory factory(*doc_);
    orcus::orcus_xlsx loader(&factory);
    loader.read_file(path.string());
  }
  bool has_sheet(std::string_view name) const { return doc_->get_sheet(name) != nullptr; }
  /// Rows in use (header included).
  int rows(std::string_view sheet) const {
    return doc_->get_sheet(sheet)->get_data_range().last.row + 1;
  }
  std::string text(std::string_view sheet, int row, int col) const {
    const ixion::abs_address_t at(index(sheet), row, col);
    const auto& cx = doc_->get_model_context();
    if (cx.get_celltype(at) != ixion::celltype_t::string) return {};
    return std::string(cx.get_string_value(at));
  }
  std::optional<double> number(std::string_view sheet, int row, int col) const {
    const ixion::abs_address_t at(index(sheet), row, col);
    const auto& cx = doc_->get_model_context();
    if (cx.get_celltype(at) != ixion::celltype_t::numeric) return std::nullopt;
    return cx.get_numeric_value(at);
  }
  /// The number format string of a cell ("dd.mm.yyyy" for the generator's dates).
  std::string number_format(std::string_view sheet, int row, int col) const {
    const size_t xf = doc_->get_sheet(sheet)->get_cell_format(row, col);
    const ss::cell_format_t* format = doc_->get_styles().get_cell_format(xf);
    if (!format) return {};
    // cell_format_t holds the numFmtId; the list of custom formats is searched by that id.
    const ss::styles& styles = doc_->get_styles();
    for (size_t i = 0; i < styles.get_number_format_count(); ++i) {
      const ss::number_format_t* nf = styles.get_number_format(i);
      if (nf && nf->identifier == format->number_format) return std::string(nf->format_string);
    }
    return {};
  }
  /// The first data row (1-based header excluded) whose columns match all given texts.
  int find_row(std::string_view sheet,
               std::initializer_list<std::pair<int, std::string>> match) const {
    for (int r = 1; r < rows(sheet); ++r) {
      bool all = true;
      for (const auto& [col, value] : match) all = all && text(sheet, r, col) == value;
      if (all) return r;
    }
    return -1;
  }

 private:
  ixion::sheet_t index(std::string_view sheet) const { return doc_->get_sheet_index(sheet); }
  std::unique_ptr<ss::document> doc_;
};

std::filesystem::path example_workbook() {
  return ips::test::source_dir() / "examples" / "ips-eksempel.xlsx";
}

std::string generator() {
  return ips::test::generator_binary();
}

}  // namespace

TEST_CASE("the example workbook holds the six pilots in every contract sheet") {
  REQUIRE(std::filesystem::exists(example_workbook()));
  CHECK(std::filesystem::file_size(example_workbook()) < 300 * 1024);
  const Workbook book(example_workbook());
  for (const char* sheet : {"Enheter", "Kvalitetsmålinger", "Gjennomganger", "Deltakere", "Jobber"})
    CHECK(book.has_sheet(sheet));
  CHECK(book.text("Enheter", 0, 0) == "Enhet");
  CHECK(book.text("Enheter", 0, 6) == "Årsverk");
  REQUIRE(book.rows("Enheter") == 7);
  const std::array<std::string, 6> keys = {"Bodø", "Oppland",  "Akershus",
                                           "Oslo", "Vestfold", "Hordaland"};
  for (size_t i = 0; i < keys.size(); ++i)
    CHECK(book.text("Enheter", static_cast<int>(i) + 1, 0) == keys[i]);
  const int bodo = book.find_row("Enheter", {{0, "Bodø"}});
  CHECK(book.text("Enheter", bodo, 2) == "Nordland");
  CHECK(book.text("Enheter", bodo, 3) == "NAV Bodø");
  // Every pilot but Oslo (the missed round) was reviewed in 2016-H2; Oppland twice.
  const double h2_start = ips::Date::from_ymd(2016, 7, 1).spreadsheet_serial();
  for (const std::string& key : keys) {
    int reviewed = 0;
    for (int r = 1; r < book.rows("Gjennomganger"); ++r)
      if (book.text("Gjennomganger", r, 0) == key &&
          book.number("Gjennomganger", r, 1).value_or(0) >= h2_start)
        ++reviewed;
    INFO(key);
    CHECK(reviewed == (key == "Oslo" ? 0 : key == "Oppland" ? 2 : 1));
  }
  CHECK(book.rows("Deltakere") > 6 * 60);
}

TEST_CASE("the example workbook reproduces the published Bodø baseline of 3 December 2012") {
  const Workbook book(example_workbook());
  const double baseline = ips::Date::from_ymd(2012, 12, 3).spreadsheet_serial();
  const std::string sheet = "Kvalitetsmålinger";
  auto item_row = [&](const std::string& code) {
    for (int r = 1; r < book.rows(sheet); ++r)
      if (book.text(sheet, r, 0) == "Bodø" && book.number(sheet, r, 1) == baseline &&
          book.text(sheet, r, 3) == code)
        return r;
    return -1;
  };
  const std::array<std::pair<const char*, int>, 11> scored = {{{"B1", 5},
                                                               {"B2", 5},
                                                               {"B3", 5},
                                                               {"O1", 5},
                                                               {"O2", 4},
                                                               {"O3", 5},
                                                               {"O4", 4},
                                                               {"O5", 5},
                                                               {"O6", 4},
                                                               {"O7", 4},
                                                               {"O8", 5}}};
  for (const auto& [code, score] : scored) {
    INFO(code);
    const int r = item_row(code);
    REQUIRE(r > 0);
    CHECK(book.text(sheet, r, 2) == "IPS-25");
    CHECK(book.number(sheet, r, 4) == score);           // evaluator 1
    CHECK_FALSE(book.number(sheet, r, 5).has_value());  // one evaluator only
    CHECK(book.number(sheet, r, 6) == score);           // consensus
  }
  CHECK(book.number_format(sheet, item_row("B1"), 1) == "dd.mm.yyyy");
  for (int t = 1; t <= 14; ++t) {
    const std::string code = std::string("T").append(std::to_string(t));
    INFO(code);
    const int r = item_row(code);
    REQUIRE(r > 0);
    CHECK_FALSE(book.number(sheet, r, 4).has_value());
    CHECK_FALSE(book.number(sheet, r, 5).has_value());
    CHECK_FALSE(book.number(sheet, r, 6).has_value());
  }
  const std::array<int, 12> goi = {2, 3, 3, 3, 5, 5, 5, 5, 5, 4, 5, 5};
  for (size_t g = 0; g < goi.size(); ++g) {
    const std::string code = std::string("G").append(std::to_string(g + 1));
    INFO(code);
    const int r = item_row(code);
    REQUIRE(r > 0);
    CHECK(book.text(sheet, r, 2) == "GOI");
    CHECK(book.number(sheet, r, 4) == goi[g]);
    CHECK(book.number(sheet, r, 6) == goi[g]);
  }
  const int review = book.find_row("Gjennomganger", {{0, "Bodø"}});
  REQUIRE(review > 0);
  CHECK(book.number("Gjennomganger", review, 1) == baseline);
  CHECK(book.text("Gjennomganger", review, 2) == "Evaluator");
  CHECK(book.text("Gjennomganger", review, 3) == "Psykoseteamet, Salten DPS");
  CHECK(book.number("Gjennomganger", review, 7) == 51);
}

TEST_CASE("the example's reviews cover every band and one stated total is wrong") {
  const Workbook book(example_workbook());
  const std::string items = "Kvalitetsmålinger";
  std::map<std::pair<std::string, double>, std::pair<int, int>> ips;  // (site, date) → sum, count
  for (int r = 1; r < book.rows(items); ++r) {
    if (book.text(items, r, 2) != "IPS-25") continue;
    auto& [sum, count] = ips[{book.text(items, r, 0), book.number(items, r, 1).value_or(0)}];
    if (const auto score = book.number(items, r, 6)) sum += static_cast<int>(*score), ++count;
  }
  std::set<std::string> bands;
  int partial = 0, wrong_totals = 0;
  for (int r = 1; r < book.rows("Gjennomganger"); ++r) {
    const auto key = std::make_pair(book.text("Gjennomganger", r, 0),
                                    book.number("Gjennomganger", r, 1).value_or(0));
    REQUIRE(ips.count(key) == 1);
    const auto [sum, count] = ips[key];
    if (count < 25)
      ++partial;
    else
      bands.insert(sum >= 115   ? "meget bra"
                   : sum >= 100 ? "bra"
                   : sum >= 74  ? "godkjent"
                                : "ikke IPS");
    if (const auto stated = book.number("Gjennomganger", r, 7); stated && *stated != sum)
      ++wrong_totals;
  }
  CHECK(ips.size() == static_cast<size_t>(book.rows("Gjennomganger") - 1));
  CHECK(bands.size() == 4);
  CHECK(partial == 2);  // the Bodø baseline and Hordaland's latest review
  CHECK(wrong_totals == 1);
}

TEST_CASE("the generator regenerates the committed example byte for byte") {
  ips::test::ScratchDir out("generator-example");
  int code = -1;
  ips::test::run_command(generator() + " --example --out " + out.path.string(), &code);
  REQUIRE(code == 0);
  const std::string fresh = ips::test::read_file(out.path / "ips-eksempel.xlsx");
  REQUIRE_FALSE(fresh.empty());
  CHECK(fresh == ips::test::read_file(example_workbook()));
}

TEST_CASE("scaled exports are deterministic per seed, readable and carry only pseudonyms") {
  ips::test::ScratchDir out("generator-scaled");
  const std::string size = " --sites 3 --half-years 2 --participants 40 --format both";
  int code = -1;
  ips::test::run_command(generator() + size + " --seed 7 --out " + (out.path / "a").string(),
                         &code);
  REQUIRE(code == 0);
  ips::test::run_command(generator() + size + " --seed 7 --out " + (out.path / "b").string(),
                         &code);
  REQUIRE(code == 0);
  ips::test::run_command(
      generator() + size + " --seed 8 --memory constant --out " + (out.path / "c").string(), &code);
  REQUIRE(code == 0);
  for (const char* file : {"ips-export.xlsx", "enheter.csv", "kvalitetsmalinger.csv",
                           "gjennomganger.csv", "deltakere.csv", "jobber.csv"}) {
    INFO(file);
    const std::string a = ips::test::read_file(out.path / "a" / file);
    REQUIRE_FALSE(a.empty());
    CHECK(a == ips::test::read_file(out.path / "b" / file));
  }
  CHECK(ips::test::read_file(out.path / "a" / "deltakere.csv") !=
        ips::test::read_file(out.path / "c" / "deltakere.csv"));

  const std::string participants = ips::test::read_file(out.path / "a" / "deltakere.csv");
  CHECK(participants.rfind("\xEF\xBB\xBF"
                           "Deltaker;Enhet;Inntak;",
                           0) == 0);
  CHECK(std::regex_search(participants,
                          std::regex("\r\nP0000[0-9]{2};E00[1-3];[0-9]{2}\\.[0-9]{2}\\.20")));
  CHECK_FALSE(std::regex_search(participants, std::regex("[0-9]{11}")));

  // 2 rounds × 3 sites × (25 + 12) item rows, header, 40 participants, real date cells.
  const Workbook book(out.path / "a" / "ips-export.xlsx");
  CHECK(book.text("Enheter", 1, 0) == "E001");
  CHECK(book.rows("Kvalitetsmålinger") == 1 + 2 * 3 * 37);
  CHECK(book.rows("Gjennomganger") == 1 + 2 * 3);
  CHECK(book.rows("Deltakere") == 41);
  CHECK(book.number_format("Deltakere", 1, 2) == "dd.mm.yyyy");
  // The streamed workbook has the same shape (its inline strings are what liborcus 0.17 drops,
  // which is why the generator writes shared strings unless told otherwise).
  const Workbook streamed(out.path / "c" / "ips-export.xlsx");
  CHECK(streamed.rows("Gjennomganger") == 1 + 2 * 3);
  CHECK(streamed.number_format("Deltakere", 1, 2) == "dd.mm.yyyy");
}
