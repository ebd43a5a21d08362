#include "model/date.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace ips {

namespace {
namespace chr = std::chrono;

chr::year_month_day to_ymd(Date d) {
  return chr::year_month_day{chr::sys_days{chr::days{d.days}}};
}

// Serial 25569 is 1970-01-01 in the 1900 date system (which counts the fictitious 1900-02-29).
constexpr int32_t kSerialOfUnixEpoch = 25569;
}  // namespace

Date Date::from_ymd(int y, unsigned m, unsigned d) {
  const chr::sys_days sd{chr::year{y} / chr::month{m} / chr::day{d}};
  return Date{static_cast<int32_t>(sd.time_since_epoch().count())};
}

bool Date::valid_ymd(int y, unsigned m, unsigned d) {
  return (chr::year{y} / chr::month{m} / chr::day{d}).ok();
}

Date Date::from_spreadsheet_serial(double serial) {
  return Date{static_cast<int32_t>(std::floor(serial)) - kSerialOfUnixEpoch};
}

double Date::spreadsheet_serial() const {
  return days + kSerialOfUnixEpoch;
}

int Date::year() const {
  return static_cast<int>(to_ymd(*this).year());
}
unsigned Date::month() const {
  return static_cast<unsigned>(to_ymd(*this).month());
}
unsigned Date::day() const {
  return static_cast<unsigned>(to_ymd(*this).day());
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

std::string Date::norwegian() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", day(), month(), year());
  return buf;
}

Period Period::containing(Date d) {
  return Period{d.year(), d.month() <= 6 ? 1 : 2};
}

std::optional<Period> Period::parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-' || (text[5] != 'H' && text[5] != 'h')) return std::nullopt;
  int y = 0;
  for (int i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    y = y * 10 + (text[i] - '0');
  }
  if (text[6] != '1' && text[6] != '2') return std::nullopt;
  return Period{y, text[6] - '0'};
}

Date Period::first_day() const {
  return Date::from_ymd(year, half == 1 ? 1 : 7, 1);
}
Date Period::last_day() const {
  return half == 1 ? Date::from_ymd(year, 6, 30) : Date::from_ymd(year, 12, 31);
}
Period Period::next() const {
  return half == 1 ? Period{year, 2} : Period{year + 1, 1};
}
Period Period::previous() const {
  return half == 2 ? Period{year, 1} : Period{year - 1, 2};
}

std::string Period::key() const {
  return std::to_string(year) + "-H" + std::to_string(half);
}

}  // namespace ips
