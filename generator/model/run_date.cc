#include "model/run_date.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace ips {

Date run_date() {
  if (const char* t = std::getenv("IPS_TODAY"); t && *t) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(t, "%4d-%2u-%2u%c", &y, &m, &d, &tail) == 3 && Date::valid_ymd(y, m, d))
      return Date::from_ymd(y, m, d);
  }
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    char* end = nullptr;
    const long long v = std::strtoll(sde, &end, 10);
    if (end && *end == '\0' && v >= 0) return Date{static_cast<int32_t>(v / 86400)};
  }
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date{static_cast<int32_t>(now.time_since_epoch().count())};
}

}  // namespace ips
