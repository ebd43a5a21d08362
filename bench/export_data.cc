#include "export_data.h"

namespace ips::bench {

std::string_view job_kind_text(JobKind kind) {
  switch (kind) {
    case JobKind::ordinary:
      return "ordinær";
    case JobKind::wage_subsidy:
      return "lønnstilskudd";
    case JobKind::work_practice:
      return "arbeidspraksis";
    case JobKind::education:
      return "utdanning";
    case JobKind::other:
      return "annet";
  }
  return "annet";
}

std::string ips_item_code(int position) {
  // Staffing has 3 items, organisation 8, services 14.
  if (position < 3) return std::string("B").append(std::to_string(position + 1));
  if (position < 11) return std::string("O").append(std::to_string(position - 2));
  return std::string("T").append(std::to_string(position - 10));
}

}  // namespace ips::bench
