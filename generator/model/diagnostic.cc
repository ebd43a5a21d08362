#include "model/diagnostic.h"

#include <algorithm>

namespace ips {

size_t Diagnostics::count(Severity s) const {
  return static_cast<size_t>(std::count_if(items.begin(), items.end(),
                                           [s](const Diagnostic& d) { return d.severity == s; }));
}

int Diagnostics::rows_excluded() const {
  int n = 0;
  for (const auto& t : tables) n += t.rows_excluded;
  return n;
}

}  // namespace ips
