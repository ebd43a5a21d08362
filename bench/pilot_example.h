// The curated example export: the six national IPS pilots 2012–2016 with synthetic data, except
// for the published Bodø baseline review of 3 December 2012, which is reproduced exactly.
#pragma once

#include "export_data.h"

namespace ips::bench {

/// The six-pilot example (sites Bodø, Oppland, Akershus, Oslo, Vestfold, Hordaland).
ExportData pilot_example();

}  // namespace ips::bench
