// Text cells stored in the cell itself (<c t="inlineStr"><is><t>…</t></is></c>) instead of in
// the shared string table, as libxlsxwriter's constant-memory mode, openpyxl-style writers and
// many web exporters write them. liborcus 0.17 drops such cells without a word; the reader must
// give the same records as from the shared-string version, never empty cells.
#include <xlsxwriter.h>
#include <catch2/catch.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

#include <cstdlib>
#include <vector>

#include "ingest/workbook_reader.h"
#include "ingest_test_helpers.h"

using namespace ips;

namespace {

struct SheetRows {
  const char* name;
  std::vector<std::vector<std::string>> rows;  // "@2013-01-07" date, "34" number, else text
};

const std::vector<SheetRows> kSitesAndParticipants = {
    {"Enheter",
     {{"Enhet", "Navn", "Fylke", "NAV-kontor", "Helsetjeneste", "Oppstart", "Årsverk"},
      {"Bodø", "Psykoseteamet, Salten DPS", "Nordland", "NAV Bodø", "Nordlandssykehuset",
       "@2012-09-01", "2"},
      {"Hamar", " IPS Hamar & <Co> ", "Innlandet", "NAV Hamar", "Sykehuset Innlandet",
       "@2012-10-15", "1.5"}}},
    {"Deltakere",
     {{"Deltaker", "Enhet", "Inntak", "I arbeid ved inntak", "Første arbeidsgiverkontakt",
       "Avsluttet", "Avslutningsårsak", "Alder"},
      {"P001", "Bodø", "@2013-01-07", "nei", "@2013-01-20", "", "", "34"},
      {"P002", "Bodø", "@2013-02-11", "ja", "", "@2013-12-01", "Flyttet", "28"},
      {"P003", "Hamar", "@2013-03-04", "nei", "", "", "", "41"}}},
};

// Writes the sheets with libxlsxwriter; in constant-memory mode it stores every text cell as an
// inline string, otherwise in the shared string table (as Excel does).
void write_workbook(const std::filesystem::path& path, const std::vector<SheetRows>& sheets,
                    bool inline_strings) {
  lxw_workbook_options options = {};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.string().c_str(), &options);
  REQUIRE(wb != nullptr);
  lxw_format* date_format = workbook_add_format(wb);
  format_set_num_format(date_format, "dd.mm.yyyy");
  for (const SheetRows& sheet : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name);
    for (size_t r = 0; r < sheet.rows.size(); ++r)
      for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const std::string& v = sheet.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r);
        const auto col = static_cast<lxw_col_t>(c);
        char* end = nullptr;
        const double number = std::strtod(v.c_str(), &end);
        if (v.empty()) continue;
        if (v[0] == '@') {
          lxw_datetime dt = {std::stoi(v.substr(1, 4)),
                             std::stoi(v.substr(6, 2)),
                             std::stoi(v.substr(9, 2)),
                             0,
                             0,
                             0};
          worksheet_write_datetime(ws, row, col, &dt, date_format);
        } else if (*end == '\0') {
          worksheet_write_number(ws, row, col, number, nullptr);
        } else {
          worksheet_write_string(ws, row, col, v.c_str(), nullptr);
        }
      }
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

// One part of a zip package, or nothing when the package has no such entry.
std::optional<std::string> package_part(const std::filesystem::path& file,
                                        const std::string& name) {
  const std::string bytes = test::read_file(file);
  orcus::zip_archive_stream_blob stream(reinterpret_cast<const uint8_t*>(bytes.data()),
                                        bytes.size());
  orcus::zip_archive archive(&stream);
  archive.load();
  std::vector<unsigned char> part;
  if (!archive.read_file_entry(name, part)) return std::nullopt;
  return std::string(part.begin(), part.end());
}

RawWorkbook read_xlsx(const std::filesystem::path& file, ReadFailure& failure) {
  RawWorkbook book;
  read_zip_workbook(test::read_file(file), "xlsx", WorkbookReadLimits{}, book, failure);
  return book;
}

}  // namespace

TEST_CASE("Enheter and Deltakere stored as inline strings give the same records as shared strings",
          "[ingest][xlsx]") {
  test::ScratchDir dir("ingest_inline_strings");
  const auto shared = dir.path / "shared.xlsx";
  const auto inline_ = dir.path / "inline.xlsx";
  write_workbook(shared, kSitesAndParticipants, false);
  write_workbook(inline_, kSitesAndParticipants, true);
  // The two files really differ in how they store text.
  const auto deltakere_xml = package_part(inline_, "xl/worksheets/sheet2.xml");
  REQUIRE(deltakere_xml);
  CHECK(deltakere_xml->find("<c r=\"A2\" t=\"inlineStr\"><is><t>P001</t></is></c>") !=
        std::string::npos);
  CHECK_FALSE(package_part(inline_, "xl/sharedStrings.xml"));
  CHECK(package_part(shared, "xl/sharedStrings.xml"));

  const Dataset from_shared = ingest_files({shared}, test::scale_catalog());
  const Dataset from_inline = ingest_files({inline_}, test::scale_catalog());
  INFO(test::describe(from_inline.diagnostics));
  CHECK(from_inline.diagnostics.count(Severity::Error) == 0);
  CHECK(from_shared.diagnostics.count(Severity::Error) == 0);
  REQUIRE(from_inline.sites.size() == 2);
  CHECK(from_inline.sites[1].name.find("IPS Hamar & <Co>") != std::string::npos);
  REQUIRE(from_inline.participants.size() == 3);
  CHECK(from_inline.participants[0].id == "P001");
  CHECK(from_inline.participants[1].end_reason == "Flyttet");
  CHECK(test::dump_model(from_inline) == test::dump_model(from_shared));
  test::check_accounting(from_inline);
}

TEST_CASE("every form of text liborcus skips arrives with its cell, in place", "[ingest][xlsx]") {
  ReadFailure failure;
  const RawWorkbook book = read_xlsx(test::ingest_fixture("skipped_cells.xlsx"), failure);
  INFO(failure.code << ": " << failure.detail);
  REQUIRE_FALSE(failure.failed());
  REQUIRE(book.sheets.size() == 2);
  const auto& rows = book.sheets[0].rows;
  CHECK(book.sheets[0].name == "Deltakere");
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[0].size() == 4);
  CHECK(rows[0][0].text == "Deltaker");  // <is><t>
  CHECK(rows[0][1].text == "Enhet");     // rich text runs joined, the phonetic run left out
  CHECK(rows[0][2].text == "Inntak");    // t="str" without a formula
  CHECK(rows[0][3].text == "Alder");     // t="inlineStr" with <v>
  for (const RawCell& c : rows[0]) CHECK(c.kind == RawCell::Kind::Text);
  // Cells without an address follow each other.
  REQUIRE(rows[1].size() == 4);
  CHECK(rows[1][0].text == " P001 ");
  CHECK(rows[1][1].text == "Bodø");
  CHECK(rows[1][2].kind == RawCell::Kind::Number);  // ISO date cell
  CHECK(rows[1][2].is_date);
  CHECK(rows[1][2].number == Approx(Date::from_ymd(2013, 1, 7).spreadsheet_serial() + 0.5));
  CHECK(rows[1][3].number == 34);
  // A row without an address follows the previous one.
  REQUIRE(rows[2].size() == 5);
  CHECK(rows[2][0].text == "P002 & co");
  CHECK(rows[2][2].kind == RawCell::Kind::Text);  // a t="d" cell that is no date keeps its text
  CHECK(rows[2][2].text == "ikke en dato");
  CHECK(rows[2][4].text == "P002 & co");  // a formula's cached text, from liborcus itself
  CHECK(rows[2][4].from_formula);
  // Namespace-prefixed elements, sheet part linked by an absolute path.
  const auto& sites = book.sheets[1].rows;
  CHECK(book.sheets[1].name == "Enheter");
  REQUIRE(sites.size() == 2);
  REQUIRE(sites[1].size() == 1);
  CHECK(sites[0][0].text == "Enhet");
  CHECK(sites[1][0].text == "Bodø");
}

TEST_CASE("an inline-string sheet that cannot be parsed fails the file, naming sheet and part",
          "[ingest][xlsx]") {
  const std::string bytes = test::read_file(test::ingest_fixture("skipped_cells_broken.xlsx"));
  RawWorkbook book;
  ReadFailure failure;
  read_zip_workbook(bytes, "xlsx", WorkbookReadLimits{}, book, failure);
  CHECK(failure.code == "file.corrupt");
  CHECK_THAT(failure.detail, Catch::StartsWith("sheet 'Deltakere' (xl/worksheets/sheet1.xml): "));
  CHECK(book.sheets.empty());
  // Through the reader the file is refused as damaged, with advice to save it again; never read
  // as a sheet with empty cells.
  const Dataset ds =
      ingest_files({test::ingest_fixture("skipped_cells_broken.xlsx")}, test::scale_catalog());
  REQUIRE(ds.diagnostics.items.size() == 1);
  CHECK(ds.diagnostics.items[0].code == "file.corrupt");
  CHECK(ds.diagnostics.items[0].severity == Severity::Error);
  CHECK(ds.diagnostics.items[0].file.find("skipped_cells_broken.xlsx") != std::string::npos);
}

TEST_CASE("inline-string cells obey the same column limit as other cells", "[ingest][xlsx]") {
  test::ScratchDir dir("ingest_inline_strings_wide");
  const auto wide = dir.path / "wide.xlsx";
  std::vector<std::string> header(kMaxRawColumns + 10);
  header[0] = "Deltaker";
  header.back() = "langt til høyre";
  write_workbook(wide, {{"Deltakere", {header}}}, true);
  ReadFailure failure;
  const RawWorkbook book = read_xlsx(wide, failure);
  REQUIRE_FALSE(failure.failed());
  REQUIRE(book.sheets.size() == 1);
  CHECK(book.sheets[0].columns_cut);
  REQUIRE(book.sheets[0].rows.size() == 1);
  CHECK(book.sheets[0].rows[0][0].text == "Deltaker");
  CHECK(book.sheets[0].rows[0].size() <= kMaxRawColumns);
}
