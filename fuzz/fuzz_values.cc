// libFuzzer target: the cell value parsers (dates, numbers, integers, scores, yes/no,
// identity numbers, display text). The first byte chooses the cell's kind and flags; the rest
// is the cell's text, or for a number cell the 8 bytes of its double.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include "ingest/value_parse.h"
#include "ingest_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ips;
  if (size == 0) return 0;
  const uint8_t selector = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);

  RawCell cell;
  switch (selector & 3) {
    case 0:
      cell.kind = RawCell::Kind::Text;
      break;
    case 1:
      cell.kind = RawCell::Kind::Number;
      break;
    case 2:
      cell.kind = RawCell::Kind::Bool;
      break;
    default:
      cell.kind = (selector & 16) ? RawCell::Kind::Error : RawCell::Kind::Empty;
      break;
  }
  cell.is_date = (selector & 4) != 0;
  cell.from_formula = (selector & 8) != 0;
  if (cell.kind == RawCell::Kind::Text || cell.kind == RawCell::Kind::Error) {
    cell.text = std::string(rest);
  } else if (cell.kind == RawCell::Kind::Number) {
    double number = 0;
    std::memcpy(&number, rest.data(), rest.size() < sizeof number ? rest.size() : sizeof number);
    cell.number = number;
  } else if (cell.kind == RawCell::Kind::Bool) {
    cell.number = !rest.empty() && rest[0] != 0 ? 1 : 0;
  }

  (void)cell_display(cell);
  (void)looks_like_identity_number(cell);

  const Parsed<Date> date = parse_date(cell);
  fuzz::require(!(date.value && !date.error.empty()), "date: value or error, not both");
  if (date.value)
    fuzz::require(date.value->year() >= 1990 && date.value->year() <= 2100,
                  "date within 1990-2100");

  const Parsed<double> number = parse_number(cell);
  fuzz::require(!(number.value && !number.error.empty()), "number: value or error, not both");
  if (number.value && cell.kind == RawCell::Kind::Text)
    fuzz::require(std::isfinite(*number.value), "text number finite");

  const Parsed<int> integer = parse_integer(cell);
  fuzz::require(!(integer.value && !integer.error.empty()), "integer: value or error, not both");

  // The IPS-25 and GOI range, and a range chosen by the selector's high bits.
  const int low = (selector >> 4) & 3, high = low + ((selector >> 6) & 3) + 1;
  for (auto [min_score, max_score] : {std::pair{1, 5}, std::pair{low, high}}) {
    const Parsed<int> score = parse_score(cell, min_score, max_score);
    fuzz::require(!(score.value && !score.error.empty()), "score: value or error, not both");
    if (score.value)
      fuzz::require(*score.value >= min_score && *score.value <= max_score, "score within range");
  }

  const Parsed<bool> yes_no = parse_yes_no(cell);
  fuzz::require(!(yes_no.value && !yes_no.error.empty()), "yes/no: value or error, not both");
  return 0;
}
