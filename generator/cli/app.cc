#include "cli/app.h"

#include <unistd.h>
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/config.h"
#include "cli/exit_codes.h"
#include "cli/pipeline.h"
#include "model/build_info.h"
#include "publish/output_folder.h"
#include "report/wording.h"
#include "template/input_templates.h"

namespace fs = std::filesystem;

namespace ips {

namespace {

/// Flags shared by `run` and `check`, written into the config after the config file is read.
struct CommandLine {
  std::vector<std::string> inputs;
  std::string config;
  std::string out;
  std::string period;
  std::string lang;
  std::string formats;
  int min_cell = -1;
  bool force = false;
  bool timings = false;
  bool verbose = false;
  unsigned jobs = 0;
};

RunConfig resolve(const CommandLine& cl) {
  RunConfig config;
  if (!cl.config.empty()) {
    if (!fs::exists(cl.config)) throw ConfigError("config file not found: " + cl.config);
    config = load_config_file(cl.config);
  } else if (cl.inputs.empty() && fs::exists("ipsreport.toml")) {
    config = load_config_file("ipsreport.toml");
  }
  if (!cl.inputs.empty()) config.inputs = cl.inputs;
  if (!cl.out.empty()) config.out = cl.out;
  if (!cl.period.empty()) {
    if (cl.period != "auto" && !Period::parse(cl.period))
      throw ConfigError("--period must be auto or like 2016-H2, not " + cl.period);
    config.period = cl.period;
  }
  if (!cl.lang.empty()) config.lang = parse_lang(cl.lang);
  if (!cl.formats.empty()) config.formats = parse_formats(cl.formats);
  if (cl.min_cell >= 0) config.min_cell = cl.min_cell;
  config.force = config.force || cl.force;
  config.timings = config.timings || cl.timings;
  config.jobs = cl.jobs;
  config.progress = ::isatty(STDERR_FILENO);
  return config;
}

void add_input_options(CLI::App* cmd, CommandLine& cl) {
  cmd->add_option("INPUT", cl.inputs, "Input files or globs (.xlsx, .ods, .csv)");
  cmd->add_option("--config", cl.config,
                  "Config file (default: ./ipsreport.toml when no INPUT is given)");
}

bool is_command(const std::string& a) {
  return a == "run" || a == "check" || a == "template" || a == "-h" || a == "--help" ||
         a == "--version";
}

/// `ipsreport template --out DIR`: the blank data-entry workbooks.
int write_templates(const std::string& out_dir, const std::string& lang_flag) {
  RunConfig config;
  if (!lang_flag.empty()) config.lang = parse_lang(lang_flag);
  const fs::path res = resources_dir(config);
  const ScaleCatalog scales = load_scale_catalog(res / "data");
  const Wording words = Wording::load(res / "templates", config.lang);
  std::vector<fs::path> written;
  try {
    written = write_input_templates(out_dir, scales, words);
  } catch (const std::runtime_error& e) {
    std::cerr << "ipsreport: " << e.what() << "\n";
    return exit_code::kOutputError;
  }
  for (const auto& path : written)
    std::cout << words.format("template.cli_wrote", {path.string()}) << "\n";
  std::cout << words.format("template.cli_check", {(fs::path(out_dir) / "*.xlsx").string()})
            << "\n";
  return exit_code::kSuccess;
}

}  // namespace

int run_app(int argc, char** argv) {
  // `run` is the default command: "ipsreport data.xlsx" means "ipsreport run data.xlsx".
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || !is_command(args[0])) args.insert(args.begin(), "run");
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments in reverse order

  CLI::App app{
      "ipsreport: IPS fidelity and outcome reports (HTML, PDF, XLSX) from spreadsheet exports",
      "ipsreport"};
  app.set_version_flag("--version", std::string("ipsreport ") + build_info::version());
  const std::string exit_codes_help = exit_code::help_text();
  app.footer(exit_codes_help);
  app.require_subcommand(1);

  CommandLine cl;
  CLI::App* run =
      app.add_subcommand("run", "Render the report set for a period (the default command)");
  add_input_options(run, cl);
  run->add_option("--out", cl.out, "Output folder (default: out)");
  run->add_option("--period", cl.period, "auto (latest half-year with data) or YYYY-H1 / YYYY-H2");
  run->add_option("--lang", cl.lang, "Report language: nb (default) or en");
  run->add_option("--formats", cl.formats, "Comma-separated: html,pdf,xlsx (default: all)");
  run->add_option("--min-cell", cl.min_cell,
                  "Counts below this are suppressed (default 5; 0 disables)")
      ->check(CLI::Range(0, 1000));
  run->add_flag("--force", cl.force, "Render even when nothing changed since the last run");
  run->add_flag("--timings", cl.timings, "Print the time each stage took");
  run->add_flag("-v,--verbose", cl.verbose, "Say what was written even when all went well");
  run->add_option("--jobs", cl.jobs,
                  "Render threads (default: one per core); output is the same for any number")
      ->check(CLI::Range(0, 256));
  run->footer(exit_codes_help);

  CLI::App* check = app.add_subcommand(
      "check", "Read and validate the inputs, print the problems, write nothing");
  add_input_options(check, cl);
  check->add_option("--lang", cl.lang, "Language of the messages: nb (default) or en");

  std::string template_out;
  CLI::App* tmpl = app.add_subcommand(
      "template", "Write blank data-entry workbooks (reviews; participants and jobs)");
  tmpl->add_option("--out", template_out, "Folder for the workbooks")->required();
  tmpl->add_option("--lang", cl.lang,
                   "Language of the headers and instructions: nb (default) or en");

  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? exit_code::kSuccess : exit_code::kConfigError;
  }

  try {
    if (*tmpl) return write_templates(template_out, cl.lang);
    const RunConfig config = resolve(cl);
    if (*check) return check_inputs(config, std::cerr);
    return run_reports(config, std::cerr, cl.verbose || ::isatty(STDERR_FILENO));
  } catch (const ConfigError& e) {
    std::cerr << "ipsreport: " << e.what() << "\n";
    return exit_code::kConfigError;
  } catch (const PublishError& e) {
    std::cerr << "ipsreport: the reports could not be written, the previous reports are kept: "
              << e.what() << "\n";
    return exit_code::kOutputError;
  } catch (const std::exception& e) {
    // Resources (scales, wording, templates) missing or broken: an installation problem.
    std::cerr << "ipsreport: " << e.what() << "\n";
    return exit_code::kConfigError;
  }
}

}  // namespace ips
