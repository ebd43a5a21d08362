#include "cli/pipeline.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>

#include "analysis/evaluator_agreement.h"
#include "analysis/fidelity.h"
#include "analysis/periods.h"
#include "cli/exit_codes.h"
#include "cli/failure_text.h"
#include "cli/parallel_render.h"
#include "disclosure/disclosure_control.h"
#include "ingest/file_hash.h"
#include "ingest/ingest.h"
#include "ingest/narrative_reader.h"
#include "model/build_info.h"
#include "publish/output_folder.h"
#include "publish/run_changes.h"
#include "publish/run_state.h"
#include "publish/run_summary.h"
#include "render/renderer.h"
#include "report/index_report.h"
#include "report/report_set.h"
#include "report/report_structure.h"

namespace fs = std::filesystem;

namespace ips {

namespace {

// CPU seconds (user + system) of this process and of its children that have ended (the
// contained workbook readers): on a busy machine the wall time of a stage mostly measures
// waiting for a core.
double process_cpu_seconds() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage u{};
    getrusage(who, &u);
    total += static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
             static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  }
  return total;
}

class StageTimer {
 public:
  void start() {
    t0_ = std::chrono::steady_clock::now();
    cpu0_ = process_cpu_seconds();
  }
  void stop(const std::string& stage) {
    const auto t1 = std::chrono::steady_clock::now();
    const double cpu1 = process_cpu_seconds();
    timings_.emplace_back(stage, std::chrono::duration<double>(t1 - t0_).count());
    cpu_[stage] = cpu1 - cpu0_;
    t0_ = t1;
    cpu0_ = cpu1;
  }
  const std::vector<std::pair<std::string, double>>& timings() const { return timings_; }
  /// CPU seconds the stage took, all threads and readers together.
  double cpu(const std::string& stage) const {
    auto it = cpu_.find(stage);
    return it == cpu_.end() ? 0 : it->second;
  }

 private:
  std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
  double cpu0_ = process_cpu_seconds();
  std::vector<std::pair<std::string, double>> timings_;
  std::map<std::string, double> cpu_;
};

/// Everything both commands need before any report: inputs read and checked.
struct Loaded {
  ScaleCatalog scales;
  Wording words;
  Dataset data;
};

Loaded load(const RunConfig& config, const std::vector<fs::path>& inputs) {
  const fs::path res = resources_dir(config);
  Loaded l{load_scale_catalog(res / "data"), Wording::load(res / "templates", config.lang), {}};
  l.data = ingest_files(inputs, l.scales);
  if (!config.texts.empty()) read_text_folder(config.texts, l.data);
  return l;
}

bool any_unreadable(const Dataset& data) {
  for (const auto& f : data.diagnostics.files)
    if (!f.readable) return true;
  return false;
}

bool anything_excluded(const Dataset& data) {
  return data.diagnostics.rows_excluded() > 0 || data.diagnostics.count(Severity::Error) > 0 ||
         data.diagnostics.count(Severity::Warning) > 0;
}

/// Metadata time: SOURCE_DATE_EPOCH when set (reproducible builds convention), else the last
/// day of the period, so that the same input always gives the same bytes.
int64_t document_time(Period period) {
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    char* end = nullptr;
    const long long v = std::strtoll(sde, &end, 10);
    if (end && *end == '\0' && v >= 0) return v;
  }
  return static_cast<int64_t>(period.last_day().days) * 86400;
}

const char* lang_code(Lang l) {
  return l == Lang::En ? "en" : "nb";
}

std::string run_fingerprint(const RunConfig& config, const std::vector<fs::path>& inputs) {
  Fingerprint fp;
  fp.add("version", build_info::version());
  for (const auto& f : inputs) fp.add("input " + f.string(), file_sha256(f));
  fp.add("period", config.period);
  fp.add("lang", lang_code(config.lang));
  fp.add("formats", std::string(config.formats.html ? "h" : "") + (config.formats.pdf ? "p" : "") +
                        (config.formats.xlsx ? "x" : ""));
  fp.add("min_cell", std::to_string(config.min_cell));
  fp.add("author", config.author);
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  fp.add("source_date_epoch", sde ? sde : "");
  const fs::path res = resources_dir(config);
  for (const char* dir : {"data", "templates", "fonts"}) fp.add_tree(res / dir);
  if (!config.structure.empty()) fp.add_tree(config.structure);
  if (!config.texts.empty()) fp.add_tree(config.texts);
  return fp.hex();
}

ReportStructures load_structures(const RunConfig& config) {
  const fs::path built_in = resources_dir(config) / "templates" / "structure";
  return load_report_structures(config.structure.empty() ? built_in : config.structure, built_in);
}

/// A message with the staging folder's paths written as the paths they would have in the output
/// folder, which is what a person looks for.
std::string published_paths(std::string message, const fs::path& staging, const fs::path& out) {
  const std::string from = staging.string(), to = out.string();
  for (size_t at = message.find(from); at != std::string::npos;
       at = message.find(from, at + to.size()))
    message.replace(at, from.size(), to);
  return message;
}

/// "rendering 12/36" on one terminal line, rewritten as reports finish.
ProgressFn terminal_progress(std::ostream& err, bool enabled) {
  if (!enabled) return {};
  return [&err](size_t done, size_t total) {
    err << "\r" << done << "/" << total << (done == total ? "\n" : "") << std::flush;
  };
}

}  // namespace

int run_reports(const RunConfig& config, std::ostream& err, bool verbose) {
  StageTimer timer;
  const fs::path res = resources_dir(config);
  // Every message of the run is said in its language, failures too.
  const Wording words = Wording::load(res / "templates", config.lang);
  // Symlinks are resolved once: the lock, the check and the publishing all use the real folder.
  fs::path out;
  try {
    out = resolve_output_folder(config.out);
    check_output_folder_replaceable(out);
  } catch (const OutputFolderRefused& e) {
    err << "ipsreport: " << failure_text(words, e.message, e.what()) << "\n";
    return exit_code::kConfigError;
  }
  std::optional<OutputLock> lock;
  try {
    if (auto acquired = OutputLock::try_acquire(out)) lock.emplace(std::move(*acquired));
  } catch (const PublishError& e) {
    err << "ipsreport: "
        << words.format("run.not_written", {failure_text(words, e.message, e.what())}) << "\n";
    return exit_code::kOutputError;
  }
  if (!lock) {
    err << "ipsreport: "
        << words.format("run.locked", {config.out.string(), OutputLock::lock_path(out).string()})
        << "\n";
    return exit_code::kLocked;
  }
  const std::vector<fs::path> inputs = expand_inputs(config.inputs);
  // A wrong structure file stops the run before anything is read or written.
  ReportStructures structures;
  try {
    structures = load_structures(config);
  } catch (const StructureError& e) {
    err << "ipsreport: " << e.what() << "\n";
    return exit_code::kConfigError;
  }
  const std::string fingerprint = run_fingerprint(config, inputs);
  if (!config.force &&
      fingerprint == fingerprint_in_summary(read_published_file(out, "run-summary.json"))) {
    if (verbose) err << words.get("summary.unchanged") << "\n";
    return exit_code::kSuccess;
  }
  timer.stop("fingerprint");

  Loaded l;
  try {
    l = load(config, inputs);
  } catch (const std::bad_alloc&) {
    // A read that stopped part-way never publishes.
    err << "ipsreport: " << words.get("run.out_of_memory_reading") << "\n";
    return exit_code::kInputError;
  }
  timer.stop("ingest");

  RunSummary summary;
  summary.version = build_info::version();
  summary.lang = lang_code(config.lang);
  summary.fingerprint = fingerprint;
  summary.min_cell = config.min_cell;
  summary.diagnostics = &l.data.diagnostics;
  for (auto& f : l.data.diagnostics.files) f.sha256 = file_sha256(f.path);
  if (any_unreadable(l.data)) {
    summary.exit_code = exit_code::kInputError;
    err << run_summary_text(summary, l.words);
    return exit_code::kInputError;
  }

  std::optional<Period> period =
      config.period == "auto" ? latest_period_with_data(l.data) : Period::parse(config.period);
  if (!period) {
    err << "ipsreport: " << l.words.get("summary.no_period") << "\n";
    return exit_code::kInputError;
  }
  summary.period = period->key();

  const std::vector<ReviewScore> scores = score_reviews(l.data, l.scales);
  const OutcomeIndex outcomes(l.data);
  const ReportContext ctx{l.scales,
                          l.words,
                          config.author,
                          config.min_cell,
                          Date{static_cast<int32_t>(document_time(*period) / 86400)},
                          &structures};
  // What changed since the previous published run, from the small state file it kept.
  const RunState state = capture_run_state(l.data, l.scales, outcomes, *period, config.min_cell);
  const RunChanges changes =
      compare_run_states(parse_run_state(read_published_file(out, "run-state.toml")), state);
  summary.changes_json = changes_json(changes, l.words, config.min_cell);
  IndexChanges index_changes;
  if (changes.compared) index_changes.sites = change_texts(changes, l.words, config.min_cell);
  std::string change_list;
  for (const std::string& line : change_lines(changes, l.words, config.min_cell))
    change_list.append(line).append("\n");
  timer.stop("analysis");
  // Disclosure control: every outcome cell of the report set decided once, before any report.
  const DisclosureControl disclosure(outcomes, l.data.sites.size(), *period, config.min_cell);
  timer.stop("disclosure");
  const std::vector<PlannedReport> plan =
      plan_reports(l.data, scores, outcomes, *period, ctx, &disclosure);

  const render::RenderOptions options{res, document_time(*period)};
  RenderTimings cpu;
  try {
    StagedOutput staged(out);
    const RenderOutcome rendered = render_all(plan, config.formats, options, staged, config.jobs,
                                              terminal_progress(err, config.progress));
    timer.stop("render");
    summary.reports_written = rendered.files_written;
    cpu = rendered.timings;
    if (config.timings) {
      summary.timings = timer.timings();
      summary.timings.emplace_back("cpu_build_documents", cpu.build);
      summary.timings.emplace_back("cpu_render_html", cpu.html);
      summary.timings.emplace_back("cpu_render_pdf", cpu.pdf);
      summary.timings.emplace_back("cpu_render_xlsx", cpu.xlsx);
      summary.timings.emplace_back("pdf_pages", static_cast<double>(cpu.pdf_pages));
    }
    summary.exit_code =
        anything_excluded(l.data) ? exit_code::kSuccessWithExclusions : exit_code::kSuccess;
    // Why a report failed, in the run's language, with the paths it will have once published.
    const auto reason_of = [&](const ReportFailure& f) {
      const std::string text = f.message.key.empty()
                                   ? words.format("run.internal_error", {f.reason})
                                   : failure_text(words, f.message, f.reason);
      return published_paths(text, staged.staging_dir(), out);
    };
    if (!rendered.failures.empty()) {
      if (rendered.failures.size() == plan.size()) {
        err << "ipsreport: "
            << words.format("run.no_report_written", {reason_of(rendered.failures.front())})
            << "\n";
        return exit_code::kOutputError;
      }
      // The others are published; the reports that failed are named, and without a fingerprint
      // the next run renders again instead of finding nothing changed.
      for (const ReportFailure& f : rendered.failures) {
        const PlannedReport& p = plan[f.plan_index];
        const std::string reason = reason_of(f);
        summary.reports_failed.push_back({p.output_stem, p.site, reason});
        err << "ipsreport: " << l.words.format("summary.report_failed", {p.label, reason}) << "\n";
      }
      summary.fingerprint.clear();
      summary.exit_code = exit_code::kSuccessWithExclusions;
    }
    render::render_html(
        build_index(plan, config.formats, *period, ctx, rendered.written, index_changes), options,
        staged.path_for("index.html"));
    staged.write_file("run-state.toml", run_state_toml(state));
    staged.write_file("changes.txt", change_list);
    staged.write_file("run-summary.json", run_summary_json(summary, l.words));
    staged.commit();
  } catch (const render::RenderError& e) {
    const std::string reason = e.message.key.empty()
                                   ? words.format("run.internal_error", {e.what()})
                                   : failure_text(words, e.message, e.what());
    err << "ipsreport: " << words.format("run.report_not_written", {reason}) << "\n";
    return exit_code::kOutputError;
  } catch (const PublishError& e) {
    err << "ipsreport: "
        << words.format("run.not_published", {failure_text(words, e.message, e.what())}) << "\n";
    return exit_code::kOutputError;
  } catch (const fs::filesystem_error& e) {
    // The path and the system's reason, in the run's language.
    err << "ipsreport: "
        << words.format("run.not_written", {failure_text(words, failure_message_of(e), e.what())})
        << "\n";
    return exit_code::kOutputError;
  } catch (const std::bad_alloc&) {
    // Nothing half-made is published: the staging folder is removed on the way out.
    err << "ipsreport: " << words.get("run.out_of_memory_writing") << "\n";
    return exit_code::kOutputError;
  }
  timer.stop("publish");

  err << run_summary_text(summary, l.words);
  if (verbose)
    err << l.words.format("summary.written", {std::to_string(summary.reports_written.size()),
                                              config.out.string(), period->key()})
        << "\n";
  if (config.timings) {
    double input_mb = 0;
    for (const auto& f : l.data.diagnostics.files) input_mb += static_cast<double>(f.bytes) / 1e6;
    for (const auto& [stage, seconds] : timer.timings()) {
      err << "timing " << stage << ": " << seconds << " s";
      if (stage == "ingest" && seconds > 0)
        err << " (" << input_mb << " MB, " << input_mb / seconds << " MB/s)";
      err << ", cpu " << timer.cpu(stage) << " s\n";
    }
    err << "timing cpu (all threads): build " << cpu.build << " s, html " << cpu.html << " s, pdf "
        << cpu.pdf << " s, xlsx " << cpu.xlsx << " s\n";
    if (cpu.pdf_pages > 0)
      err << "timing pdf pages: " << cpu.pdf_pages << " ("
          << cpu.pdf_pages / std::max(cpu.pdf, 1e-9) << " pages per CPU second of pdf)\n";
  }
  return summary.exit_code;
}

int check_inputs(const RunConfig& config, std::ostream& err) {
  try {
    load_structures(config);
  } catch (const StructureError& e) {
    err << "ipsreport: " << e.what() << "\n";
    return exit_code::kConfigError;
  }
  Loaded l;
  try {
    l = load(config, expand_inputs(config.inputs));
  } catch (const std::bad_alloc&) {
    err << "ipsreport: "
        << Wording::load(resources_dir(config) / "templates", config.lang)
               .get("run.out_of_memory_reading")
        << "\n";
    return exit_code::kInputError;
  }
  RunSummary summary;
  summary.diagnostics = &l.data.diagnostics;
  err << run_summary_text(summary, l.words);
  for (const auto& t : l.data.diagnostics.tables)
    if (t.rows_excluded == 0)
      err << l.words.format("summary.table_line",
                            {t.file, t.sheet, t.table, std::to_string(t.rows_read),
                             std::to_string(t.rows_used), std::to_string(t.rows_excluded)})
          << "\n";
  if (any_unreadable(l.data)) return exit_code::kInputError;
  return anything_excluded(l.data) ? exit_code::kSuccessWithExclusions : exit_code::kSuccess;
}

}  // namespace ips
