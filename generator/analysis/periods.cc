#include "analysis/periods.h"

namespace ips {

std::optional<Period> latest_period_with_data(const Dataset& data) {
  std::optional<Date> latest;
  // A date after the run date is a typing error (01.03.2061), reported by ingest: it must not
  // move the report to a half-year that has not begun.
  const std::optional<Date> limit = data.latest_allowed_date;
  auto see = [&latest, &limit](const std::optional<Date>& d) {
    if (d && (!limit || *d <= *limit) && (!latest || *d > *latest)) latest = d;
  };
  for (const auto& r : data.reviews) see(r.date);
  for (const auto& p : data.participants) {
    see(p.intake);
    see(p.first_employer_contact);
    see(p.ended);
  }
  for (const auto& j : data.jobs) {
    see(j.start);
    see(j.end);
  }
  if (!latest) return std::nullopt;
  return Period::containing(*latest);
}

}  // namespace ips
