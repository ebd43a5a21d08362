// ipsreport-bench-disclosure: the CPU time of the disclosure-control stage on real input files,
// without rendering any report (a full `ipsreport run` at 500 sites takes over a minute of CPU,
// most of it in the PDF renderer). It reads the files as `ipsreport run` does, then times, as
// CPU seconds of this process, what the stage costs: the outcome index the figures are computed
// from and every half-year's decision (disclosure/disclosure_control.h). Repeated, it prints the
// least and the median time: on a loaded machine the least is the one to compare.
#include <CLI/CLI.hpp>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <vector>

#include "analysis/outcomes.h"
#include "analysis/periods.h"
#include "disclosure/disclosure_control.h"
#include "ingest/ingest.h"
#include "model/build_info.h"
#include "model/scale.h"

namespace fs = std::filesystem;

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times the disclosure-control stage on input files (see bench/README.md)."};
  std::vector<std::string> inputs;
  std::string period_text = "auto";
  int min_cell = 5;
  int repeat = 3;
  app.add_option("inputs", inputs, "Input files (xlsx, ods or csv)")->required();
  app.add_option("--period", period_text, "Half-year reported on (YYYY-H1/H2), or auto");
  app.add_option("--min-cell", min_cell, "Small-number threshold")->check(CLI::Range(1, 100));
  app.add_option("--repeat", repeat, "How often the stage is timed")->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);

  std::vector<fs::path> files(inputs.begin(), inputs.end());
  const ips::ScaleCatalog scales =
      ips::load_scale_catalog(fs::path(ips::build_info::source_dir()) / "data");
  const ips::Dataset data = ips::ingest_files(files, scales);
  const std::optional<ips::Period> period =
      period_text == "auto" ? ips::latest_period_with_data(data) : ips::Period::parse(period_text);
  if (!period) {
    std::fprintf(stderr, "ipsreport-bench-disclosure: no half-year to report on\n");
    return 2;
  }

  std::vector<double> index_cpu, decide_cpu, total_cpu;
  size_t small = 0, protecting = 0, half_years = 0;
  for (int r = 0; r < repeat; ++r) {
    const double t0 = cpu_seconds();
    const ips::OutcomeIndex outcomes(data);
    const double t1 = cpu_seconds();
    const ips::DisclosureControl disclosure(outcomes, data.sites.size(), *period, min_cell);
    const double t2 = cpu_seconds();
    index_cpu.push_back(t1 - t0);
    decide_cpu.push_back(t2 - t1);
    total_cpu.push_back(t2 - t0);
    small = disclosure.withheld_small();
    protecting = disclosure.withheld_protecting();
    const std::optional<ips::Period> first = outcomes.first_period();
    half_years = 0;
    for (ips::Period p = first ? std::min(*first, *period) : *period; p <= *period; p = p.next())
      ++half_years;
  }
  std::printf("disclosure bench: %zu sites, %zu participants, %zu jobs, %zu half-years up to %s\n",
              data.sites.size(), data.participants.size(), data.jobs.size(), half_years,
              period->key().c_str());
  std::printf("withheld cells: %zu small, %zu protecting another\n", small, protecting);
  std::printf(
      "cpu seconds over %d runs (least / median): outcome index %.3f / %.3f, "
      "decisions %.3f / %.3f, stage %.3f / %.3f\n",
      repeat, *std::min_element(index_cpu.begin(), index_cpu.end()), median(index_cpu),
      *std::min_element(decide_cpu.begin(), decide_cpu.end()), median(decide_cpu),
      *std::min_element(total_cpu.begin(), total_cpu.end()), median(total_cpu));
  return 0;
}
