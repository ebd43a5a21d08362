// The Tekster and Tiltak rows checked against the sites and reviews read, and moved into the
// Dataset (docs/narrative.md).
#pragma once

#include <vector>

#include "ingest/records.h"
#include "model/dataset.h"

namespace ips {

/// Moves the texts and actions that name a known site (and, for an action, a known review)
/// into `dataset`; the others are reported and their rows excluded. `used_facts` counts the
/// facts each row gave (model_builder's row accounting). Needs dataset.sites and reviews.
void merge_narrative_facts(RecordSet& records, Dataset& dataset, std::vector<int>& used_facts);

}  // namespace ips
