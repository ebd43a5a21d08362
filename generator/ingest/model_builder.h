// Merges parsed rows from all files into the Dataset: duplicates and conflicts, score
// resolution, reviews, site register, and the row accounting of every table.
#pragma once

#include "ingest/records.h"
#include "model/dataset.h"
#include "model/scale.h"

namespace ips {

/// Builds sites, reviews, participants and jobs from `records` into `dataset` (whose
/// diagnostics already hold the tables read), adding the diagnostics found while merging.
/// The item facts are moved into the reviews (`records.items` is left empty).
void build_dataset(RecordSet& records, const ScaleCatalog& scales, Dataset& dataset);

}  // namespace ips
