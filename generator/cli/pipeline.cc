#include "cli/pipeline.h"

#include <chrono>
#include <cstdlib>

#include "analysis/fidelity.h"
#include "analysis/periods.h"
#include "cli/exit_codes.h"
#include "ingest/ingest.h"
#include "publish/output_folder.h"
#include "publish/run_summary.h"
#include "render/renderer.h"
#include "report/report_set.h"

namespace fs = std::filesystem;

namespace ips {

namespace {

class StageTimer {
 public:
  void start() { t0_ = std::chrono::steady_clock::now(); }
  void stop(const std::string& stage) {
    const auto t1 = std::chrono::steady_clock::now();
    timings_.emplace_back(stage, std::chrono::duration<double>(t1 - t0_).count());
    t0_ = t1;
  }
  const std::vector<std::pair<std::string, double>>& timings() const { return timings_; }

 private:
  std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> timings_;
};

/// Everything both commands need before any report: inputs read and checked.
struct Loaded {
  ScaleCatalog scales;
  Wording words;
  Dataset data;
};

Loaded load(const RunConfig& config) {
  const fs::path res = resources_dir(config);
  Loaded l{load_scale_catalog(res / "data"), Wording::load(res / "templates", config.lang), {}};
  l.data = ingest_files(expand_inputs(config.inputs), l.scales);
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

const char* lang_code(Lang l) { return l == Lang::En ? "en" : "nb"; }

}  // namespace

int run_reports(const RunConfig& config, std::ostream& err, bool verbose) {
  StageTimer timer;
  auto lock = OutputLock::try_acquire(config.out);
  if (!lock) {
    err << "ipsreport: another run is writing " << config.out.string() << " (lock "
        << OutputLock::lock_path(config.out).string() << "); try again when it has finished\n";
    return exit_code::kLocked;
  }
  Loaded l = load(config);
  timer.stop("ingest");

  RunSummary summary;
  summary.version = IPS_VERSION;
  summary.lang = lang_code(config.lang);
  summary.diagnostics = &l.data.diagnostics;
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
  const ReportContext ctx{l.scales, l.words, config.author, config.min_cell};
  const OutcomeIndex outcomes(l.data);
  const std::vector<PlannedReport> plan = plan_reports(l.data, scores, outcomes, *period, ctx);
  timer.stop("analysis");

  render::RenderOptions options{resources_dir(config), document_time(*period)};
  try {
    StagedOutput staged(config.out);
    double build_s = 0, html_s = 0, pdf_s = 0, xlsx_s = 0;
    for (const PlannedReport& planned : plan) {
      auto t = std::chrono::steady_clock::now();
      auto lap = [&t](double& acc) {
        const auto now = std::chrono::steady_clock::now();
        acc += std::chrono::duration<double>(now - t).count();
        t = now;
      };
      const doc::Report report = planned.build();
      lap(build_s);
      if (config.formats.html) {
        render::render_html(report, options, staged.path_for(planned.output_stem + ".html"));
        summary.reports_written.push_back(planned.output_stem + ".html");
        lap(html_s);
      }
      if (config.formats.pdf) {
        render::render_pdf(report, options, staged.path_for(planned.output_stem + ".pdf"));
        summary.reports_written.push_back(planned.output_stem + ".pdf");
        lap(pdf_s);
      }
      if (config.formats.xlsx) {
        render::render_xlsx(report, options, staged.path_for(planned.output_stem + ".xlsx"));
        summary.reports_written.push_back(planned.output_stem + ".xlsx");
        lap(xlsx_s);
      }
    }
    timer.stop("render");
    summary.timings = config.timings ? timer.timings() : decltype(summary.timings){};
    if (config.timings) {
      summary.timings.emplace_back("build_documents", build_s);
      summary.timings.emplace_back("render_html", html_s);
      summary.timings.emplace_back("render_pdf", pdf_s);
      summary.timings.emplace_back("render_xlsx", xlsx_s);
    }
    summary.exit_code = anything_excluded(l.data) ? exit_code::kSuccessWithExclusions : exit_code::kSuccess;
    staged.write_file("run-summary.json", run_summary_json(summary, l.words));
    staged.commit();
  } catch (const render::RenderError& e) {
    err << "ipsreport: a report could not be written, the previous reports are kept: " << e.what() << "\n";
    return exit_code::kOutputError;
  } catch (const PublishError& e) {
    err << "ipsreport: the reports could not be published, the previous reports are kept: " << e.what() << "\n";
    return exit_code::kOutputError;
  } catch (const fs::filesystem_error& e) {
    err << "ipsreport: the reports could not be written, the previous reports are kept: " << e.what() << "\n";
    return exit_code::kOutputError;
  }
  timer.stop("publish");

  err << run_summary_text(summary, l.words);
  if (verbose)
    err << l.words.format("summary.written", {std::to_string(summary.reports_written.size()),
                                              config.out.string(), period->key()})
        << "\n";
  if (config.timings)
    for (const auto& [stage, seconds] : timer.timings()) err << "timing " << stage << ": " << seconds << " s\n";
  return summary.exit_code;
}

int check_inputs(const RunConfig& config, std::ostream& err) {
  Loaded l = load(config);
  RunSummary summary;
  summary.diagnostics = &l.data.diagnostics;
  err << run_summary_text(summary, l.words);
  for (const auto& t : l.data.diagnostics.tables)
    if (t.rows_excluded == 0)
      err << l.words.format("summary.table_line", {t.file, t.sheet, t.table, std::to_string(t.rows_read),
                                                   std::to_string(t.rows_used), std::to_string(t.rows_excluded)})
          << "\n";
  if (any_unreadable(l.data)) return exit_code::kInputError;
  return anything_excluded(l.data) ? exit_code::kSuccessWithExclusions : exit_code::kSuccess;
}

}  // namespace ips
