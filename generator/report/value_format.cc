#include "report/value_format.h"

#include <cmath>
#include <cstdio>

#include "model/date.h"

namespace ips::doc {

namespace {
constexpr const char* kNoBreakSpace = "\u00A0";
constexpr const char* kMinus = "\u2212";
constexpr const char* kEnDash = "\u2013";
}  // namespace

std::string rounded_digits(double x, int decimals) {
  // Half away from zero, as Excel and LibreOffice display a number (4,125 → 4,13; 4,55 → 4,6):
  // they round the decimal number of 15 significant digits, so a binary 4.5499999999999998
  // counts as 4,55. The relative nudge of 1e-13 stands for that; printf would round half to even
  // on the binary value (4,12; 4,5).
  const long double scaled = std::fabs(static_cast<long double>(x)) * std::pow(10.0L, decimals);
  const long double whole = std::floor(scaled + 0.5L + scaled * 1e-13L);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0Lf", whole);
  std::string digits = buf;
  if (decimals <= 0) return digits;
  if (digits.size() <= static_cast<size_t>(decimals))
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  digits.insert(digits.end() - decimals,
                '.');  // a char: GCC 12 -O2 misreads the string form (-Wrestrict)
  return digits;
}

std::string format_number(double x, int decimals, Lang lang) {
  const std::string buf = rounded_digits(x, decimals);
  std::string digits = buf;
  const size_t dot = digits.find('.');
  std::string whole = digits.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);

  const std::string group = lang == Lang::Nb ? kNoBreakSpace : ",";
  std::string grouped;
  // Norwegian style groups from four digits (1 234); English from four too (1,234).
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0 && whole.size() >= 4) grouped += group;
    grouped += whole[i];
  }
  std::string out;
  // "-0" and "-0,0" read as zero.
  const bool negative = x < 0 && buf.find_first_not_of("0.") != std::string::npos;
  if (negative) out += kMinus;
  out += grouped;
  if (!frac.empty()) out += (lang == Lang::Nb ? "," : ".") + frac;
  return out;
}

namespace {

// Decimals as the text shows them: a rate's are of the percentage.
int shown_decimals(const Value& v) {
  switch (v.type) {
    case ValueType::Number:
    case ValueType::Rate:
    case ValueType::Change:
      return v.decimals;
    default:
      return 0;
  }
}

bool shows_as_zero(double x, int decimals) {
  return rounded_digits(x, decimals).find_first_not_of("0.") == std::string::npos;
}

}  // namespace

std::string percent_sign(Lang lang) {
  return lang == Lang::Nb ? std::string(kNoBreakSpace) + "%" : std::string("%");
}

std::string format_percent(double percent, int decimals, Lang lang) {
  return format_number(percent, decimals, lang) + percent_sign(lang);
}

std::string interval_bounds(const Value& v, Lang lang) {
  if (v.type != ValueType::Rate || v.suppressed() || !v.interval) return "";
  return format_number(v.interval->low * 100.0, v.decimals, lang) + kEnDash +
         format_number(v.interval->high * 100.0, v.decimals, lang);
}

std::string interval_suffix(const Value& v, Lang lang) {
  if (v.type != ValueType::Rate || v.suppressed()) return "";
  // The bounds in percentage points with the rate's decimals: "40,0 % (21,9–61,3)".
  if (v.interval) return " (" + interval_bounds(v, lang) + ")";
  if (v.interval_withheld) return std::string(" (") + kEnDash + ")";
  return "";
}

std::string spreadsheet_format(const Value& v, Lang lang) {
  const std::string digits =
      v.decimals > 0 ? "0." + std::string(static_cast<size_t>(v.decimals), '0') : "0";
  // Literals quoted: U+2212 minus and the no-break space are not format characters.
  const std::string minus = std::string("\"") + kMinus + "\"";
  switch (v.type) {
    case ValueType::Count:
    case ValueType::Score:
      return "#,##0;" + minus + "#,##0";
    case ValueType::Number:
      return "#,##" + digits + ";" + minus + "#,##" + digits;
    case ValueType::Rate: {
      // percent_sign, with the no-break space quoted.
      const std::string percent =
          lang == Lang::Nb ? std::string("\"") + kNoBreakSpace + "\"%" : std::string("%");
      return digits + percent + ";" + minus + digits + percent;
    }
    case ValueType::Change:
      return "\"+\"" + digits + ";" + minus + digits + ";" + digits;
    case ValueType::Date:
      return lang == Lang::En ? "yyyy-mm-dd" : "dd.mm.yyyy";
    case ValueType::Empty:
    case ValueType::Text:
      break;
  }
  return "";
}

double spreadsheet_number(const Value& v) {
  const double shown = v.type == ValueType::Rate ? v.number * 100.0 : v.number;
  if (v.type != ValueType::Date && shows_as_zero(shown, shown_decimals(v))) return 0;
  return v.number;
}

int decimals_for_step(double step) {
  for (int d = 0; d < 3; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) return d;
  }
  return 3;
}

std::string format_value(const Value& v, Lang lang) {
  if (v.suppression == Suppression::SmallCount)
    return std::string("<").append(std::to_string(v.min_cell));
  if (v.suppression == Suppression::Withheld) return kEnDash;
  switch (v.type) {
    case ValueType::Empty:
      return "";
    case ValueType::Text:
      return v.text;
    case ValueType::Count:
    case ValueType::Score:
      return format_number(v.number, 0, lang);
    case ValueType::Number:
      return format_number(v.number, v.decimals, lang);
    case ValueType::Rate: {
      return format_percent(v.number * 100.0, v.decimals, lang) + interval_suffix(v, lang);
    }
    case ValueType::Date: {
      const Date d{static_cast<int32_t>(v.number)};
      return lang == Lang::Nb ? d.norwegian() : d.iso();
    }
    case ValueType::Change: {
      // "+" only on a change that shows as one: +0,04 reads "0,0", as in the spreadsheet.
      const std::string n = format_number(v.number, v.decimals, lang);
      return v.number > 0 && !shows_as_zero(v.number, v.decimals) ? "+" + n : n;
    }
  }
  return "";
}

}  // namespace ips::doc
