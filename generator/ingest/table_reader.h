// Turns the sheets of a RawWorkbook into parsed rows: recognises each sheet's table, maps its
// header to columns, parses every cell, and reports what it could not use.
#pragma once

#include <string>

#include "ingest/ingest.h"
#include "ingest/raw_workbook.h"
#include "ingest/records.h"
#include "model/diagnostic.h"
#include "model/scale.h"

namespace ips {

/// Reads all sheets of one file into `records`; `file` is the path as the user gave it, and
/// `name_hint` the file stem (a CSV's table may be named by its file). The data rows of `book`
/// are released as they are read (emptied), so rows and records are not all held at once.
void read_workbook_tables(RawWorkbook& book, const std::string& file, const std::string& name_hint,
                          const ScaleCatalog& scales, const IngestLimits& limits,
                          RecordSet& records, Diagnostics& diagnostics);

}  // namespace ips
