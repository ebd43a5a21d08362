// Runs a workbook parse in a child process, so that liborcus aborting or crashing on damaged
// content (assertions, exceptions escaping its parser thread, reads past its buffer — all found
// by fuzz_workbook) fails that one file instead of ending the whole run.
#pragma once

#include <functional>
#include <vector>

#include "ingest/raw_workbook.h"
#include "ingest/workbook_reader.h"

namespace ips {

/// Calls `read` in a forked child and hands its RawWorkbook and ReadFailure back through a pipe;
/// a child that dies or exits abnormally becomes `file.corrupt`. Runs `read` in this process
/// when fork is unavailable.
void run_contained(const std::function<void(RawWorkbook&, ReadFailure&)>& read, RawWorkbook& out,
                   ReadFailure& failure);

/// Runs every `reads[i]` in its own forked child, all at once, starting each from `out[i]`;
/// fills `out[i]` and `failures[i]` as run_contained does.
void run_contained_all(const std::vector<std::function<void(RawWorkbook&, ReadFailure&)>>& reads,
                       std::vector<RawWorkbook>& out, std::vector<ReadFailure>& failures);

}  // namespace ips
