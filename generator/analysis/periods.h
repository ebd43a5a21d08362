// Which half-year a run reports on.
#pragma once

#include <optional>

#include "model/dataset.h"

namespace ips {

/// The latest half-year that has any dated record (review, intake, contact, end, job start or
/// end) up to the data set's latest allowed date, or nullopt for a data set without such dates.
std::optional<Period> latest_period_with_data(const Dataset& data);

}  // namespace ips
