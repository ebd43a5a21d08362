#include "ingest/value_parse.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "ingest/text_normalize.h"

namespace ips {

namespace {

constexpr int kMinYear = 1990;
constexpr int kMaxYear = 2100;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

Parsed<Date> checked_date(int y, int m, int d) {
  if (!Date::valid_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))
    return {std::nullopt, "date.invalid"};
  if (y < kMinYear || y > kMaxYear) return {std::nullopt, "date.out_of_range"};
  return {Date::from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d)), ""};
}

// Splits "a<sep>b<sep>c" into exactly three parts.
bool split3(std::string_view s, char sep, std::string_view parts[3]) {
  const size_t p1 = s.find(sep);
  if (p1 == std::string_view::npos) return false;
  const size_t p2 = s.find(sep, p1 + 1);
  if (p2 == std::string_view::npos || s.find(sep, p2 + 1) != std::string_view::npos) return false;
  parts[0] = s.substr(0, p1);
  parts[1] = s.substr(p1 + 1, p2 - p1 - 1);
  parts[2] = s.substr(p2 + 1);
  return true;
}

// "hh:mm", "hh:mm:ss" or "hh:mm:ss.fff" (an optional "Z" or offset is not written by any
// spreadsheet's text export): hours 0–23, minutes and seconds 0–59.
bool is_time_of_day(std::string_view t) {
  if (!t.empty() && t.back() == 'Z') t.remove_suffix(1);
  const auto two = [&](size_t at, int max) {
    return at + 2 <= t.size() && all_digits(t.substr(at, 2)) && to_int(t.substr(at, 2)) <= max;
  };
  if (!two(0, 23) || t.size() < 5 || t[2] != ':' || !two(3, 59)) return false;
  if (t.size() == 5) return true;
  if (t[5] != ':' || !two(6, 59)) return false;
  if (t.size() == 8) return true;
  return t[8] == '.' && all_digits(t.substr(9));
}

// True when `t` holds only ASCII punctuation and spaces, en and em dashes ("-", "–", "/").
bool only_dashes_and_punctuation(std::string_view t) {
  for (size_t i = 0; i < t.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) return false;
      continue;
    }
    if (t.substr(i, 3) == "\u2013" || t.substr(i, 3) == "\u2014") {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

// Beyond any count or measure the tables hold; such a value (1e308) is a slip, and would
// print as a 300-digit figure.
constexpr double kLargestNumber = 1e9;

}  // namespace

std::string cell_display(const RawCell& cell) {
  switch (cell.kind) {
    case RawCell::Kind::Empty:
    case RawCell::Kind::Error:  // read as empty; the table reader reports it
      return "";
    case RawCell::Kind::Text:
      return trim(cell.text);
    case RawCell::Kind::Bool:
      return cell.number != 0 ? "TRUE" : "FALSE";
    case RawCell::Kind::Number: {
      // Only serial numbers of real dates (year 1900 to 9999) show as dates; any other value
      // would not fit a Date.
      if (cell.is_date && std::floor(cell.number) == cell.number && cell.number >= 1 &&
          cell.number <= 2958465) {
        return Date::from_spreadsheet_serial(cell.number).norwegian();
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.15g", cell.number);
      return buf;
    }
  }
  return "";
}

Parsed<Date> parse_date(const RawCell& cell) {
  if (cell.is_blank()) return {};
  if (cell.kind == RawCell::Kind::Number) {
    const double serial = std::floor(cell.number);
    // Serial numbers of the years the program accepts; anything else is not a date here.
    // Written as "not inside" so NaN is refused too (it compares false both ways).
    if (!(serial >= Date::from_ymd(kMinYear, 1, 1).spreadsheet_serial() &&
          serial <= Date::from_ymd(kMaxYear, 12, 31).spreadsheet_serial()))
      return {std::nullopt, "date.out_of_range"};
    return {Date::from_spreadsheet_serial(serial), ""};
  }
  if (cell.kind != RawCell::Kind::Text) return {std::nullopt, "date.unreadable"};
  std::string text = trim(cell.text);
  // A time of day after the date ("2012-12-03 00:00:00", "2012-12-03T00:00") is ignored, once
  // it is a real time: 2016-02-29T25:00 is no moment at all, so the date is not trusted.
  if (const size_t cut = text.find_first_of(" T"); cut != std::string::npos && cut >= 8) {
    const std::string time = trim(text.substr(cut + 1));
    const bool looks_like_time =
        !time.empty() && time[0] >= '0' && time[0] <= '9' && time.find(':') != std::string::npos;
    if (looks_like_time && !is_time_of_day(time)) return {std::nullopt, "date.invalid_time"};
    text = trim(text.substr(0, cut));
  }
  std::string_view parts[3];
  if (split3(text, '.', parts) && all_digits(parts[0]) && all_digits(parts[1]) &&
      all_digits(parts[2]) && parts[0].size() <= 2 && parts[1].size() <= 2) {
    if (parts[2].size() == 2) return {std::nullopt, "date.ambiguous"};
    if (parts[2].size() != 4) return {std::nullopt, "date.unreadable"};
    return checked_date(to_int(parts[2]), to_int(parts[1]), to_int(parts[0]));
  }
  if (split3(text, '-', parts) && all_digits(parts[0]) && all_digits(parts[1]) &&
      all_digits(parts[2])) {
    if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2)
      return checked_date(to_int(parts[0]), to_int(parts[1]), to_int(parts[2]));
    return {std::nullopt, "date.ambiguous"};  // 03-04-13 and the like
  }
  if (split3(text, '/', parts)) return {std::nullopt, "date.ambiguous"};
  return {std::nullopt, "date.unreadable"};
}

Parsed<double> parse_number(const RawCell& cell) {
  if (cell.is_blank()) return {};
  if (cell.kind == RawCell::Kind::Number) {
    if (!std::isfinite(cell.number)) return {std::nullopt, "number.unreadable"};
    if (std::fabs(cell.number) >= kLargestNumber) return {std::nullopt, "number.too_large"};
    return {cell.number, ""};
  }
  if (cell.kind == RawCell::Kind::Bool) return {std::nullopt, "number.unreadable"};
  const std::string text = trim(cell.text);
  std::string compact;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ') continue;  // thousands separator
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;  // no-break space
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0xAF) {
      i += 2;  // narrow no-break space (U+202F), used by some locales
      continue;
    }
    compact += static_cast<char>(c == ',' ? '.' : c);
  }
  if (text.find(',') != std::string::npos && text.find('.') != std::string::npos)
    return {std::nullopt, "number.unreadable"};
  if (!compact.empty() && compact[0] == '+') compact.erase(0, 1);
  // Written numbers only: digits, one sign, one decimal point. No exponent ("1e308"), no
  // "inf" or "nan", which from_chars would take.
  if (compact.find_first_not_of("0123456789.-") != std::string::npos)
    return {std::nullopt, "number.unreadable"};
  double v = 0;
  const auto [ptr, ec] =
      std::from_chars(compact.data(), compact.data() + compact.size(), v, std::chars_format::fixed);
  if (ec != std::errc() || ptr != compact.data() + compact.size() || compact.empty() ||
      !std::isfinite(v))
    return {std::nullopt, "number.unreadable"};
  if (std::fabs(v) >= kLargestNumber) return {std::nullopt, "number.too_large"};
  return {v, ""};
}

Parsed<int> parse_integer(const RawCell& cell) {
  const Parsed<double> n = parse_number(cell);
  if (!n.value) return {std::nullopt, n.error};
  if (std::floor(*n.value) != *n.value || std::fabs(*n.value) > 1e9)
    return {std::nullopt, "number.not_integer"};
  return {static_cast<int>(*n.value), ""};
}

Parsed<int> parse_score(const RawCell& cell, int min_score, int max_score) {
  if (cell.is_blank()) return {};
  if (cell.kind == RawCell::Kind::Text) {
    // "-", "–", "ikke skåret", "n/a": compared without case, spaces and punctuation.
    const std::string t = normalize_key(cell.text);
    // The key drops what is not a Latin letter or digit, so "٣" or "４" would key as "" like
    // "-": only dashes and ASCII punctuation mean not scored.
    if (t.empty() && !only_dashes_and_punctuation(trim(cell.text)))
      return {std::nullopt, "score.not_a_number"};
    static const char* const kNotScored[] = {
        "",          "na",           "ia", "ikkeskaret", "ikkescoret", "ikkevurdert", "ikkeaktuelt",
        "notscored", "notapplicable"};
    for (const char* s : kNotScored)
      if (t == s) return {};
  }
  // A score is written with the ASCII digits 1–5: not "٣" or "４" (other scripts' digits),
  // not "1e0". "3.5" and "3,5" are numbers, but not whole ones (score.not_integer).
  if (cell.kind == RawCell::Kind::Text &&
      trim(cell.text).find_first_not_of("0123456789.,") != std::string::npos)
    return {std::nullopt, "score.not_a_number"};
  const Parsed<double> n = parse_number(cell);
  if (!n.value) return {std::nullopt, "score.not_a_number"};
  if (std::floor(*n.value) != *n.value) return {std::nullopt, "score.not_integer"};
  if (*n.value < min_score || *n.value > max_score) return {std::nullopt, "score.out_of_range"};
  return {static_cast<int>(*n.value), ""};
}

Parsed<bool> parse_yes_no(const RawCell& cell) {
  if (cell.is_blank()) return {};
  if (cell.kind == RawCell::Kind::Bool || cell.kind == RawCell::Kind::Number) {
    if (cell.number == 1) return {true, ""};
    if (cell.number == 0) return {false, ""};
    return {std::nullopt, "yesno.unreadable"};
  }
  const std::string t = normalize_key(cell.text);
  if (t == "ja" || t == "j" || t == "yes" || t == "y" || t == "x" || t == "1" || t == "true" ||
      t == "sann")
    return {true, ""};
  if (t == "nei" || t == "n" || t == "no" || t == "0" || t == "false" || t == "usann")
    return {false, ""};
  return {std::nullopt, "yesno.unreadable"};
}

bool looks_like_identity_number(const RawCell& cell) {
  if (cell.kind == RawCell::Kind::Number) {
    // 10 digits too: a number cell drops the leading zero of a birth day 01–09.
    return cell.number >= 1e9 && cell.number < 1e11 && std::floor(cell.number) == cell.number;
  }
  if (cell.kind != RawCell::Kind::Text) return false;
  // Trimming takes no digit away, so a text without exactly 11 digits is none; most texts
  // (names, comments, codes) leave here without a copy being made.
  if (std::count_if(cell.text.begin(), cell.text.end(),
                    [](char c) { return c >= '0' && c <= '9'; }) != 11)
    return false;
  std::string digits;
  for (char c : trim(cell.text)) {
    if (c == ' ') continue;
    digits += c;
  }
  return digits.size() == 11 && all_digits(digits);
}

}  // namespace ips
