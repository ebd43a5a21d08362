#include "ingest/raw_workbook.h"

#include <cctype>

#include "ingest/text_normalize.h"

namespace ips {

bool RawCell::is_blank() const {
  return kind == Kind::Empty || kind == Kind::Error || (kind == Kind::Text && is_blank_text(text));
}

std::string column_letter(size_t column) {
  std::string out;
  size_t n = column + 1;
  while (n > 0) {
    const size_t rem = (n - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return out;
}

std::optional<CellAddress> parse_cell_address(std::string_view a1) {
  size_t i = 0;
  if (i < a1.size() && a1[i] == '$') ++i;
  size_t column = 0;
  const size_t letters = i;
  while (i < a1.size() && std::isalpha(static_cast<unsigned char>(a1[i]))) {
    column = column * 26 +
             static_cast<size_t>(std::toupper(static_cast<unsigned char>(a1[i])) - 'A' + 1);
    if (column > 16384) return std::nullopt;
    ++i;
  }
  if (i == letters) return std::nullopt;
  if (i < a1.size() && a1[i] == '$') ++i;
  size_t row = 0;
  const size_t digits = i;
  while (i < a1.size() && std::isdigit(static_cast<unsigned char>(a1[i]))) {
    row = row * 10 + static_cast<size_t>(a1[i] - '0');
    if (row > 1048576) return std::nullopt;
    ++i;
  }
  if (i == digits || i != a1.size() || row == 0) return std::nullopt;
  return CellAddress{row - 1, column - 1};
}

}  // namespace ips
