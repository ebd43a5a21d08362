// Turns ExportData into the five tables of the input contract (docs/input.md), in its column order.
#pragma once

#include "export_data.h"
#include "table_sink.h"

namespace ips::bench {

/// Writes Enheter, Kvalitetsmålinger, Gjennomganger, Deltakere and Jobber to `sink`, then
/// finishes it.
void write_export_tables(const ExportData& data, TableSink& sink);

}  // namespace ips::bench
