#include <catch2/catch.hpp>

#include "ingest/csv_reader.h"

using namespace ips;

namespace {
std::vector<std::vector<std::string>> cells(const RawWorkbook& book) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : book.sheets.at(0).rows) {
    out.emplace_back();
    for (const auto& c : row) out.back().push_back(c.text);
  }
  return out;
}
}  // namespace

TEST_CASE("the delimiter is found from the header line") {
  CHECK(detect_csv_delimiter("Enhet;Dato;Punkt") == ';');
  CHECK(detect_csv_delimiter("Enhet,Dato,Punkt") == ',');
  CHECK(detect_csv_delimiter("Enhet\tDato\tPunkt") == '\t');
  CHECK(detect_csv_delimiter("\"Navn, fullt\";Dato") == ';');  // commas inside quotes do not count
  CHECK(detect_csv_delimiter("Enhet") == ';');
}

TEST_CASE("RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes") {
  const RawWorkbook book =
      read_csv("a;b;c\r\n\"x;y\";\"he said \"\"hi\"\"\";\"two\nlines\"\r\n", 100);
  CHECK(book.csv_encoding == "UTF-8");
  const auto rows = cells(book);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == std::vector<std::string>{"a", "b", "c"});
  CHECK(rows[1] == std::vector<std::string>{"x;y", "he said \"hi\"", "two\nlines"});
}

TEST_CASE("encodings: BOM is dropped, Windows-1252 is converted") {
  CHECK(read_csv("\xEF\xBB\xBF"
                 "Enhet\nBodø\n",
                 100)
            .csv_encoding == "UTF-8 (BOM)");
  CHECK(cells(read_csv("\xEF\xBB\xBF"
                       "Enhet\nBodø\n",
                       100))[0][0] == "Enhet");
  const RawWorkbook cp = read_csv("Enhet\r\nBod\xF8\r\n", 100);
  CHECK(cp.csv_encoding == "Windows-1252");
  CHECK(cells(cp)[1][0] == "Bodø");
}

TEST_CASE("empty cells stay empty, and rows beyond the limit are cut and flagged") {
  const RawWorkbook book = read_csv("a;;c\n1;2;3\n4;5;6\n", 2);
  const auto& sheet = book.sheets.at(0);
  REQUIRE(sheet.rows.size() == 2);
  CHECK(sheet.rows[0][1].kind == RawCell::Kind::Empty);
  CHECK(sheet.truncated);
}

TEST_CASE("broken quoting keeps the rows before it and flags the sheet") {
  const RawWorkbook book = read_csv("a;b\n1;2\n\"x\"y;3\n", 100);
  CHECK(book.sheets.at(0).malformed);
  CHECK(book.sheets.at(0).rows.size() >= 2);
}

TEST_CASE("UTF-16 text with a byte-order mark (Excel's Unicode text) is read") {
  const std::string utf16le(
      "\xFF\xFE"
      "E\0n\0h\0e\0t\0\t\0D\0a\0t\0o\0\n\0B\0o\0d\0\xF8\0\t\0"
      "0\0"
      "1\0\n\0",
      2 + 2 * 19);
  const RawWorkbook book = read_csv(utf16le, 100);
  CHECK(book.csv_encoding == "UTF-16");
  const auto rows = cells(book);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == std::vector<std::string>{"Enhet", "Dato"});
  CHECK(rows[1] == std::vector<std::string>{"Bodø", "01"});
}

TEST_CASE("a line with thousands of delimiters keeps 1024 cells and flags the sheet") {
  const RawWorkbook book = read_csv("a;b\n" + std::string(100'000, ';') + "\n", 100);
  const auto& sheet = book.sheets.at(0);
  REQUIRE(sheet.rows.size() == 2);
  CHECK(sheet.rows[1].size() == kMaxRawColumns);
  CHECK(sheet.columns_cut);
}
