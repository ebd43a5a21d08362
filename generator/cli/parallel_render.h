// Renders the planned reports on several threads. Each report is built and rendered whole by
// one thread, into its own files, so the output is byte-identical to a serial run.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cli/config.h"
#include "publish/output_folder.h"
#include "render/renderer.h"
#include "report/report_set.h"

namespace ips {

/// CPU seconds spent per stage, summed over all threads.
struct RenderTimings {
  double build = 0, html = 0, pdf = 0, xlsx = 0;
  int64_t pdf_pages = 0;  // pages in the PDFs written
};

/// A planned report none of whose files could be written (its partial files are removed).
struct ReportFailure {
  size_t plan_index = 0;
  std::string reason;      // English, as the renderer said it
  FailureMessage message;  // the same in the run's language (empty key: only `reason`)
};

struct RenderOutcome {
  std::vector<std::string> files_written;  // relative paths, in plan order
  std::vector<bool> written;               // per planned report: all its files were written
  std::vector<ReportFailure> failures;     // in plan order
  RenderTimings timings;
};

/// Called after each report with (done, total); from worker threads, one call at a time.
using ProgressFn = std::function<void(size_t done, size_t total)>;

/// Builds and renders every planned report into the staging folder with `threads` workers
/// (0 = one per core). A report that cannot be built or written is listed in `failures` and
/// the others go on; running out of memory stops the run and is rethrown (std::bad_alloc).
RenderOutcome render_all(const std::vector<PlannedReport>& plan, const Formats& formats,
                         const render::RenderOptions& options, const StagedOutput& staged,
                         unsigned threads, const ProgressFn& progress);

}  // namespace ips
