// CSV bytes to cells: delimiters, quoting, encodings and limits, including what fuzz_csv found at
// the edges of quoting and encodings. Every cell must come out as valid UTF-8 holding exactly
// the file's text.
#include <catch2/catch.hpp>

#include "ingest/csv_reader.h"
#include "ingest/text_normalize.h"

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

const RawRow& row(const RawWorkbook& book, size_t index) {
  REQUIRE(book.sheets.size() == 1);
  REQUIRE(book.sheets[0].rows.size() > index);
  return book.sheets[0].rows[index];
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

TEST_CASE("UTF-16 text with a byte-order mark, as Excel saves Unicode text, is read") {
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

TEST_CASE("a last quoted field without its closing quote keeps its text and nothing more") {
  // orcus 0.17 read one byte past the end into this cell (a NUL in the text).
  const RawWorkbook book = read_csv("Enhet;Kommentar\nBodø;\"god start, men\nkort", 100);
  REQUIRE(book.sheets[0].rows.size() == 2);
  REQUIRE(row(book, 1).size() == 2);
  CHECK(row(book, 1)[1].text == "god start, men\nkort");
  CHECK_FALSE(book.sheets[0].truncated);
}

TEST_CASE("an unclosed quoted field with an escaped quote keeps the row") {
  const RawWorkbook book = read_csv("x;\"ab\"\"c", 100);
  REQUIRE(row(book, 0).size() == 2);
  CHECK(row(book, 0)[1].text == "ab\"c");
}

TEST_CASE("closed quotes and quotes inside unquoted fields are left as they are") {
  const RawWorkbook book = read_csv("a;b\"c;\"d;e\"\n\"f\"\"\";g\n", 100);
  REQUIRE(row(book, 0).size() == 3);
  CHECK(row(book, 0)[1].text == "b\"c");
  CHECK(row(book, 0)[2].text == "d;e");
  CHECK(row(book, 1)[0].text == "f\"");
}

TEST_CASE("bytes Windows-1252 leaves undefined become replacement characters, not invalid UTF-8") {
  const RawWorkbook book = read_csv(
      "Enhet;Navn\nBod\xf8;A\x81"
      "B\n",
      100);
  CHECK(book.csv_encoding == "Windows-1252");
  CHECK(row(book, 1)[0].text == "Bodø");
  CHECK(row(book, 1)[1].text ==
        "A\xEF\xBF\xBD"
        "B");
  CHECK(is_valid_utf8(row(book, 1)[1].text));
}

TEST_CASE("byte sequences that only look like UTF-8 are read as Windows-1252") {
  // A UTF-16 surrogate (ED A0 80) and an overlong slash (E0 80 AF): not UTF-8 for Pango either.
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));
  CHECK_FALSE(is_valid_utf8("\xe0\x80\xaf"));
  CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  CHECK(is_valid_utf8("Bodø \xe2\x80\xaf \xf0\x9f\x98\x80"));
  const RawWorkbook book = read_csv("Enhet\nA\xed\xa0\x80\n", 100);
  CHECK(book.csv_encoding == "Windows-1252");
  CHECK(is_valid_utf8(row(book, 1)[0].text));
}
