#include "ingest/identity_number.h"

#include <string>

namespace ips {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The check digit for weights `w` over the first n digits; -1 when the number cannot have one
// (remainder 1: no valid number is issued with it).
int check_digit(std::string_view d, const int* w, size_t n) {
  int sum = 0;
  for (size_t i = 0; i < n; ++i) sum += w[i] * (d[i] - '0');
  const int k = 11 - sum % 11;
  if (k == 11) return 0;
  return k == 10 ? -1 : k;
}

}  // namespace

bool is_identity_number(std::string_view d) {
  if (d.size() != 11) return false;
  for (char c : d)
    if (!is_digit(c)) return false;
  int day = (d[0] - '0') * 10 + (d[1] - '0');
  int month = (d[2] - '0') * 10 + (d[3] - '0');
  if (day > 40) day -= 40;      // D-number
  if (month > 80) month -= 80;  // synthetic test numbers (Skatteetaten's Tenor)
  if (month > 40) month -= 40;  // H-number
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  static const int k1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static const int k2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  return check_digit(d, k1, 9) == d[9] - '0' && check_digit(d, k2, 10) == d[10] - '0';
}

bool contains_identity_number(std::string_view text) {
  const auto run_end = [&](size_t from) {
    while (from < text.size() && is_digit(text[from])) ++from;
    return from;
  };
  size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    const size_t end = run_end(i);  // a maximal run of digits: nothing runs on before it
    if (end - i == 11 && is_identity_number(text.substr(i, 11))) return true;
    if (end - i == 6) {
      // Written "DDMMYY NNNNN": one space, or a no-break space, after the sixth digit.
      size_t gap = 0;
      if (end < text.size() && text[end] == ' ')
        gap = 1;
      else if (text.substr(end, 2) == "\xC2\xA0")
        gap = 2;
      if (gap && run_end(end + gap) - (end + gap) == 5 &&
          is_identity_number(std::string(text.substr(i, 6)) +
                             std::string(text.substr(end + gap, 5))))
        return true;
    }
    i = end;  // the next run starts after a non-digit, so it is examined on its own
  }
  return false;
}

}  // namespace ips
