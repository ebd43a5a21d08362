#include "cli/parallel_render.h"

#include <atomic>
#include <ctime>
#include <exception>
#include <mutex>
#include <thread>

#include "cli/failure_text.h"
#include "render/pdf_page_count.h"

namespace ips {

namespace {

struct Slot {
  std::vector<std::string> files;
  RenderTimings timings;
  std::exception_ptr fatal;  // stops the run: nothing is published
  std::string failure;       // this report alone could not be written
  FailureMessage message;    // the same, for the run's language
  bool failed = false;
};

/// Removes whatever a failed report left in the staging folder, so no half-written file is
/// published.
void remove_partial_files(const PlannedReport& planned, const StagedOutput& staged) {
  std::error_code ec;
  for (const char* ext : {".html", ".pdf", ".xlsx"})
    std::filesystem::remove(staged.staging_dir() / (planned.output_stem + ext), ec);
}

// CPU time of the calling thread: on a busy machine wall time mostly measures waiting for a
// core, which says nothing about the cost of a stage.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

class Lap {
 public:
  double next() {
    const double now = thread_cpu_seconds();
    const double s = now - t_;
    t_ = now;
    return s;
  }

 private:
  double t_ = thread_cpu_seconds();
};

void render_one(const PlannedReport& planned, const Formats& formats,
                const render::RenderOptions& options, const StagedOutput& staged, Slot& slot) {
  Lap lap;
  const doc::Report report = planned.build();
  slot.timings.build += lap.next();
  struct Format {
    bool wanted;
    const char* ext;
    void (*render)(const doc::Report&, const render::RenderOptions&, const std::filesystem::path&);
    double RenderTimings::*seconds;
  };
  const Format all[] = {{formats.html, ".html", render::render_html, &RenderTimings::html},
                        {formats.pdf, ".pdf", render::render_pdf, &RenderTimings::pdf},
                        {formats.xlsx, ".xlsx", render::render_xlsx, &RenderTimings::xlsx}};
  for (const Format& f : all) {
    if (!f.wanted) continue;
    const std::string relative = planned.output_stem + f.ext;
    const int64_t pages_before = render::pdf_pages_rendered_on_this_thread();
    f.render(report, options, staged.path_for(relative));
    slot.timings.pdf_pages += render::pdf_pages_rendered_on_this_thread() - pages_before;
    slot.files.push_back(relative);
    slot.timings.*f.seconds += lap.next();
  }
}

}  // namespace

RenderOutcome render_all(const std::vector<PlannedReport>& plan, const Formats& formats,
                         const render::RenderOptions& options, const StagedOutput& staged,
                         unsigned threads, const ProgressFn& progress) {
  std::vector<Slot> slots(plan.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex progress_mutex;
  size_t done = 0;
  auto worker = [&] {
    for (size_t i = next++; i < plan.size() && !stop; i = next++) {
      try {
        render_one(plan[i], formats, options, staged, slots[i]);
      } catch (const std::bad_alloc&) {
        slots[i].fatal = std::current_exception();
        stop = true;  // the run will not publish: stop starting new reports
      } catch (const std::exception& e) {
        // One report (one site's, usually) that cannot be written does not hold back the others.
        slots[i].failed = true;
        slots[i].failure = e.what();
        slots[i].message = failure_message_of(e);
        slots[i].files.clear();
        remove_partial_files(plan[i], staged);
      }
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress(++done, plan.size());
      }
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(plan.size(), 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();

  RenderOutcome out;
  for (size_t i = 0; i < slots.size(); ++i) {
    Slot& slot = slots[i];
    if (slot.fatal) std::rethrow_exception(slot.fatal);
    out.written.push_back(!slot.failed);
    if (slot.failed) out.failures.push_back({i, slot.failure, slot.message});
    out.files_written.insert(out.files_written.end(), slot.files.begin(), slot.files.end());
    out.timings.build += slot.timings.build;
    out.timings.html += slot.timings.html;
    out.timings.pdf += slot.timings.pdf;
    out.timings.xlsx += slot.timings.xlsx;
    out.timings.pdf_pages += slot.timings.pdf_pages;
  }
  return out;
}

}  // namespace ips
