// The date a run takes as "today": a date after it in the input is a typing error, not data.
#pragma once

#include "model/date.h"

namespace ips {

/// IPS_TODAY (yyyy-mm-dd; for tests and for re-running an old export as of its day), else
/// SOURCE_DATE_EPOCH (the reproducible-builds convention, also used for document dates), else
/// the system clock's date in UTC.
Date run_date();

}  // namespace ips
