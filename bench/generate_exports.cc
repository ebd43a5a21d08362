// ipsreport-generate: writes synthetic IPS exports (xlsx and/or CSV) following docs/input.md,
// either the curated six-pilot example or a scaled data set for benchmarks.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>

#include "csv_table_sink.h"
#include "export_tables.h"
#include "pilot_example.h"
#include "split_xlsx_table_sink.h"
#include "synthetic_exports.h"
#include "xlsx_table_sink.h"

namespace {

/// 2017-01-16 08:00 UTC: a fixed creation time, so the same data gives byte-identical xlsx.
constexpr std::time_t kFixedCreationTime = 1484553600;

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes synthetic IPS fidelity and placement exports (see bench/README.md)."};
  ips::bench::SyntheticOptions options;
  std::string out = ".";
  std::string format = "xlsx";
  std::string memory = "normal";
  std::string name;
  std::string from = "2013-H1";
  bool example = false;
  bool split = false;
  app.add_option("--sites", options.sites, "Number of sites")->check(CLI::Range(1, 100000));
  app.add_option("--half-years", options.half_years, "Review rounds (one review per site each)")
      ->check(CLI::Range(1, 200));
  app.add_option("--participants", options.participants, "Participants in total")
      ->check(CLI::Range(0, 9000000));
  app.add_option("--seed", options.seed, "Random seed (same seed, same files)");
  app.add_option("--from", from, "First half-year of the scaled data (YYYY-H1 or YYYY-H2)")
      ->check([](const std::string& text) {
        return ips::Period::parse(text) ? std::string()
                                        : "expected YYYY-H1 or YYYY-H2, got " + text;
      });
  app.add_option("--out", out, "Output folder (created if missing)");
  app.add_option("--format", format, "xlsx, csv or both")
      ->check(CLI::IsMember({"xlsx", "csv", "both"}));
  app.add_option("--name", name, "Base name of the xlsx file (default ips-export or ips-eksempel)");
  // Constant-memory mode writes inline strings, which liborcus 0.17 does not read (the text
  // cells come back empty), so shared strings are the default even for very large files.
  app.add_option("--memory", memory,
                 "xlsx writing: normal (shared strings, default) or constant (streams rows, "
                 "inline strings; liborcus 0.17 cannot read their text)")
      ->check(CLI::IsMember({"constant", "normal"}));
  app.add_flag("--split", split, "One xlsx workbook per table (<name>-<table>.xlsx)");
  app.add_flag("--example", example, "Write the curated six-pilot example instead");
  CLI11_PARSE(app, argc, argv);

  options.first_period = *ips::Period::parse(from);
  try {
    const auto started = std::chrono::steady_clock::now();
    const ips::bench::ExportData data =
        example ? ips::bench::pilot_example() : ips::bench::generate_synthetic(options);
    const std::filesystem::path folder(out);
    std::filesystem::create_directories(folder);
    if (name.empty()) name = example ? "ips-eksempel" : "ips-export";

    if (format != "csv" && split) {
      ips::bench::SplitXlsxTableSink sink(folder, name, memory == "constant", kFixedCreationTime);
      ips::bench::write_export_tables(data, sink);
    } else if (format != "csv") {
      ips::bench::XlsxTableSink sink(folder / (name + ".xlsx"), memory == "constant",
                                     kFixedCreationTime);
      ips::bench::write_export_tables(data, sink);
    }
    if (format != "xlsx") {
      ips::bench::CsvTableSink sink(folder);
      ips::bench::write_export_tables(data, sink);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("wrote %zu sites, %zu reviews, %zu participants, %zu jobs to %s in %.2f s\n",
                data.sites.size(), data.reviews.size(), data.participants.size(), data.jobs.size(),
                folder.string().c_str(), seconds);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "ipsreport-generate: " << e.what() << "\n";
    return 1;
  }
}
