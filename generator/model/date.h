// Calendar dates and half-year periods, the time units every figure is defined in.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ips {

/// A civil date, stored as days since 1970-01-01 so that differences are day counts.
struct Date {
  int32_t days = 0;

  /// The date for year/month/day; the caller guarantees a valid calendar date.
  static Date from_ymd(int year, unsigned month, unsigned day);
  /// The date for a spreadsheet serial number (1900 date system, 1 = 1900-01-01).
  static Date from_spreadsheet_serial(double serial);
  /// True when year/month/day name a real calendar date.
  static bool valid_ymd(int year, unsigned month, unsigned day);

  int year() const;
  unsigned month() const;
  unsigned day() const;
  /// yyyy-mm-dd.
  std::string iso() const;
  /// dd.mm.yyyy, as Norwegian readers write dates.
  std::string norwegian() const;
  /// The spreadsheet serial number of this date (inverse of from_spreadsheet_serial).
  double spreadsheet_serial() const;

  auto operator<=>(const Date&) const = default;
};

/// Calendar days from a to b (negative when b is earlier).
inline int days_between(Date a, Date b) {
  return b.days - a.days;
}

/// A half-year: H1 = 1 Jan–30 Jun, H2 = 1 Jul–31 Dec.
struct Period {
  int year = 0;
  int half = 1;  // 1 or 2

  static Period containing(Date d);
  /// Parses "YYYY-H1" / "YYYY-H2"; nullopt when the text is not a period.
  static std::optional<Period> parse(std::string_view text);

  Date first_day() const;
  Date last_day() const;
  Period next() const;
  Period previous() const;
  /// Half-years since 2013-H1 (2013-H1 = 0), the x axis of fidelity trend slopes.
  int index() const { return (year - 2013) * 2 + (half - 1); }
  /// "2016-H2", the form used in file names and on the command line.
  std::string key() const;
  bool contains(Date d) const { return first_day() <= d && d <= last_day(); }

  auto operator<=>(const Period&) const = default;
};

}  // namespace ips
