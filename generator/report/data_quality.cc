#include "report/data_quality.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <string>
#include <tuple>

#include "report/report_common.h"

namespace ips {

namespace {

// A date among a message's details, as ingest writes it (dd.mm.yyyy), in the report's language:
// ingest words its details once, before any report is rendered, and an English report should
// not print "on 06.05.2014" (6 May or 5 June?).
std::string localised_detail(const std::string& arg, Lang lang) {
  if (lang == Lang::Nb || arg.size() != 10 || arg[2] != '.' || arg[5] != '.') return arg;
  int day = 0, month = 0, year = 0;
  for (const auto& [from, length, target] :
       {std::tuple{0, 2, &day}, std::tuple{3, 2, &month}, std::tuple{6, 4, &year}}) {
    const char* begin = arg.data() + from;
    const auto [end, error] = std::from_chars(begin, begin + length, *target);
    if (error != std::errc() || end != begin + length) return arg;
  }
  if (!Date::valid_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) return arg;
  return date_text(Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day)),
                   lang);
}

}  // namespace

std::string describe(const Diagnostic& d, const Wording& words) {
  std::vector<std::string> args;
  args.reserve(d.args.size());
  for (const std::string& arg : d.args) args.push_back(localised_detail(arg, words.lang()));
  const std::string key = "messages." + d.code;
  if (words.has(key)) return words.format(key, args);
  if (words.has(d.code)) return words.format(d.code, args);
  return d.code;  // an unknown code still says what it is
}

std::string describe_reason(const std::string& code, const Wording& words) {
  if (words.has("reason." + code)) return words.get("reason." + code);
  const std::string key = "messages." + code;
  // A message without details reads the same for every case.
  if (words.has(key) && words.get(key).find('{') == std::string::npos) return words.get(key);
  return code;  // a message with details but no reason text: a gap the wording test catches
}

namespace {
std::string severity_word(Severity s, const Wording& w) {
  switch (s) {
    case Severity::Note:
      return w.get("severity.note");
    case Severity::Warning:
      return w.get("severity.warning");
    case Severity::Error:
      return w.get("severity.error");
  }
  return "";
}
}  // namespace

doc::Table diagnostics_table(const std::vector<const Diagnostic*>& problems, const Wording& w,
                             const std::string& id) {
  auto file_name = [](const Diagnostic* d) {
    return std::filesystem::path(d->file).filename().string();
  };
  // A run of one input file (the usual case) names it in the caption instead of in every row,
  // which leaves the problem's text the room it needs. One file is one path: two files of the
  // same name in different folders keep the column.
  const bool one_file = !problems.empty() && !problems.front()->file.empty() &&
                        std::all_of(problems.begin(), problems.end(), [&](const Diagnostic* d) {
                          return d->file == problems.front()->file;
                        });
  doc::Table t;
  t.id = id;
  // Not the section's heading again.
  t.caption = one_file ? w.format("common.data_quality_caption_file", {file_name(problems.front())})
                       : w.get("common.data_quality_caption");
  t.sheet_name = w.get("common.data_quality");
  // The problem's text is the longest by far; a column is usually a letter and its header
  // ("G (Konsensus)", usually kept on one line), a value a few characters, a row four digits.
  t.columns = {{w.get("columns.severity"), doc::Align::Left, 0.9},
               {w.get("columns.file"), doc::Align::Left, 1.6},
               {w.get("columns.sheet"), doc::Align::Left, 1.2},
               {w.get("columns.row"), doc::Align::Right, 0.5},
               {w.get("columns.column"), doc::Align::Left, 1.4},
               {w.get("columns.value"), doc::Align::Left, 0.9},
               {w.get("columns.problem"), doc::Align::Left, 3.5}};
  constexpr size_t kFileColumn = 1;
  if (one_file) {  // its share goes to the problem's text
    t.columns.back().width += t.columns[kFileColumn].width;
    t.columns.erase(t.columns.begin() + kFileColumn);
  }
  for (const Diagnostic* d : problems) {
    doc::Row row;
    const std::string column = d->column.empty() ? d->column_header
                               : d->column_header.empty()
                                   ? d->column
                                   : d->column + " (" + d->column_header + ")";
    row.cells = {doc::Value::of_text(severity_word(d->severity, w)),
                 doc::Value::of_text(file_name(d)), doc::Value::of_text(d->sheet),
                 // A spreadsheet row is a place, not a quantity: "1165", never "1 165".
                 d->row > 0 ? doc::Value::of_text(std::to_string(d->row)) : doc::Value::empty(),
                 doc::Value::of_text(column), doc::Value::of_text(d->value),
                 doc::Value::of_text(describe(*d, w))};
    if (one_file) row.cells.erase(row.cells.begin() + kFileColumn);
    t.rows.push_back(std::move(row));
  }
  return t;
}

doc::RenderWords render_words(const Wording& w, int min_cell) {
  doc::RenderWords r;
  r.page_of = w.get("common.page_of");
  r.contents = w.get("common.contents");
  r.chart_data = w.get("common.chart_data");
  r.continued = w.get("common.continued");
  r.suppressed_note =
      w.format("common.suppressed_note", {std::to_string(min_cell), std::to_string(min_cell - 1)});
  return r;
}

}  // namespace ips
