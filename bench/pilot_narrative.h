// The example's project-leader texts (Tekster) and action plans (Tiltak) for the six pilots:
// a text per site for 2016-H2 and a national one, and an action plan after each site's last two
// reviews, tied to those reviews' recommendations (docs/narrative.md).
#pragma once

#include "export_data.h"

namespace ips::bench {

/// Adds texts and action plans to the example, from its sites and reviews (call after both).
void add_pilot_narrative(ExportData& data);

}  // namespace ips::bench
