// Which half-year a run reports on.
#pragma once

#include <optional>

#include "model/dataset.h"

namespace ips {

/// The latest half-year that has any dated record (review, intake, contact, end, job start or
/// end), or nullopt for a data set without dates.
std::optional<Period> latest_period_with_data(const Dataset& data);

}  // namespace ips
