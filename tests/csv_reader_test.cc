// CSV bytes to cells: what fuzz_csv found at the edges of quoting and encodings. Every cell
// must come out as valid UTF-8 holding exactly the file's text.
#include <catch2/catch.hpp>

#include "ingest/csv_reader.h"
#include "ingest/text_normalize.h"

using namespace ips;

namespace {

const RawRow& row(const RawWorkbook& book, size_t index) {
  REQUIRE(book.sheets.size() == 1);
  REQUIRE(book.sheets[0].rows.size() > index);
  return book.sheets[0].rows[index];
}

}  // namespace

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
  const RawWorkbook book = read_csv("Enhet;Navn\nBod\xf8;A\x81" "B\n", 100);
  CHECK(book.csv_encoding == "Windows-1252");
  CHECK(row(book, 1)[0].text == "Bodø");
  CHECK(row(book, 1)[1].text == "A\xEF\xBF\xBD" "B");
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
