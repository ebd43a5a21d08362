#include "ingest/raw_workbook.h"

#include "ingest/text_normalize.h"

namespace ips {

bool RawCell::is_blank() const {
  return kind == Kind::Empty || (kind == Kind::Text && trim(text).empty());
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

}  // namespace ips
