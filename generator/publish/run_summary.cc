#include "publish/run_summary.h"

#include <cstdio>
#include <sstream>

#include "disclosure/disclosure_control.h"
#include "report/data_quality.h"

namespace ips {

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Note:
      return "note";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "";
}

/// "file.xlsx, ark Kvalitetsmålinger, rad 12, kolonne E (Konsensus): " — the place of a problem.
/// Built with append(): GCC 12 at -O2 reports a false -Wrestrict on `"x" + std::string`.
std::string place(const Diagnostic& d) {
  std::string out = d.file;
  if (!d.sheet.empty()) out.append(" [").append(d.sheet).append("]");
  if (d.row > 0) out.append(":").append(std::to_string(d.row));
  if (!d.column.empty()) {
    out.append(":").append(d.column);
    if (!d.column_header.empty()) out.append(" (").append(d.column_header).append(")");
  }
  return out;
}

// A row count, or the report's marker ("<5", "–") where the participant register's counts of a
// file are withheld as small numbers of people (the file is published beside the reports).
std::string row_count(const TableAccount& t, int n, int min_cell) {
  if (!withhold_row_counts(t, min_cell)) return std::to_string(n);
  return n >= 1 && n < min_cell ? json_string("<" + std::to_string(min_cell))
                                : json_string("\u2013");
}

}  // namespace

std::string run_summary_json(const RunSummary& s, const Wording& words) {
  std::ostringstream j;
  j << "{\n  \"program\": \"ipsreport\",\n  \"version\": " << json_string(s.version)
    << ",\n  \"period\": " << json_string(s.period) << ",\n  \"lang\": " << json_string(s.lang)
    << ",\n  \"fingerprint\": " << json_string(s.fingerprint)
    << ",\n  \"exit_code\": " << s.exit_code << ",\n  \"inputs\": [";
  const Diagnostics empty;
  const Diagnostics& d = s.diagnostics ? *s.diagnostics : empty;
  for (size_t i = 0; i < d.files.size(); ++i) {
    const auto& f = d.files[i];
    j << (i ? "," : "") << "\n    {\"path\": " << json_string(f.path)
      << ", \"format\": " << json_string(f.format) << ", \"bytes\": " << f.bytes
      << ", \"sha256\": " << json_string(f.sha256)
      << ", \"readable\": " << (f.readable ? "true" : "false") << "}";
  }
  j << "\n  ],\n  \"tables\": [";
  for (size_t i = 0; i < d.tables.size(); ++i) {
    const auto& t = d.tables[i];
    j << (i ? "," : "") << "\n    {\"file\": " << json_string(t.file)
      << ", \"sheet\": " << json_string(t.sheet) << ", \"table\": " << json_string(t.table)
      << ", \"rows_read\": " << row_count(t, t.rows_read, s.min_cell)
      << ", \"rows_used\": " << row_count(t, t.rows_used, s.min_cell)
      << ", \"rows_excluded\": " << row_count(t, t.rows_excluded, s.min_cell)
      << ", \"duplicates\": " << row_count(t, t.duplicates, s.min_cell) << "}";
  }
  j << "\n  ],\n  \"problems\": {\"errors\": " << d.count(Severity::Error)
    << ", \"warnings\": " << d.count(Severity::Warning)
    << ", \"notes\": " << d.count(Severity::Note) << ", \"items\": [";
  for (size_t i = 0; i < d.items.size(); ++i) {
    const auto& p = d.items[i];
    j << (i ? "," : "") << "\n    {\"severity\": \"" << severity_name(p.severity)
      << "\", \"code\": " << json_string(p.code) << ", \"file\": " << json_string(p.file)
      << ", \"sheet\": " << json_string(p.sheet) << ", \"row\": " << p.row
      << ", \"column\": " << json_string(p.column)
      << ", \"header\": " << json_string(p.column_header) << ", \"value\": " << json_string(p.value)
      << ", \"message\": " << json_string(describe(p, words)) << "}";
  }
  j << "\n  ]},\n  \"reports\": [";
  for (size_t i = 0; i < s.reports_written.size(); ++i)
    j << (i ? "," : "") << "\n    " << json_string(s.reports_written[i]);
  j << "\n  ],\n  \"reports_failed\": [";
  for (size_t i = 0; i < s.reports_failed.size(); ++i) {
    const auto& f = s.reports_failed[i];
    j << (i ? "," : "") << "\n    {\"report\": " << json_string(f.report)
      << ", \"site\": " << json_string(f.site) << ", \"reason\": " << json_string(f.reason) << "}";
  }
  j << (s.reports_failed.empty() ? "]" : "\n  ]");
  if (!s.changes_json.empty()) j << ",\n  \"changes_since_last_run\": " << s.changes_json;
  if (!s.timings.empty()) {
    j << ",\n  \"timings_seconds\": {";
    for (size_t i = 0; i < s.timings.size(); ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4f", s.timings[i].second);
      j << (i ? ", " : "") << json_string(s.timings[i].first) << ": " << buf;
    }
    j << "}";
  }
  j << "\n}\n";
  return j.str();
}

std::string fingerprint_in_summary(const std::string& json) {
  const std::string key = "\"fingerprint\": \"";
  const size_t at = json.find(key);
  if (at == std::string::npos) return "";
  const size_t start = at + key.size();
  const size_t end = json.find('"', start);
  return end == std::string::npos ? "" : json.substr(start, end - start);
}

std::string run_summary_text(const RunSummary& s, const Wording& words) {
  std::ostringstream out;
  if (!s.diagnostics) return "";
  for (const auto& p : s.diagnostics->items) {
    out << place(p) << ": " << words.get(std::string("severity.") + severity_name(p.severity))
        << ": " << describe(p, words);
    if (!p.value.empty()) out << " [" << p.value << "]";
    if (!p.private_value.empty())
      out << " [" << words.format("summary.private_value", {p.private_value}) << "]";
    out << "\n";
  }
  for (const auto& t : s.diagnostics->tables) {
    if (t.rows_excluded == 0) continue;
    out << words.format("summary.table_line",
                        {t.file, t.sheet, t.table, std::to_string(t.rows_read),
                         std::to_string(t.rows_used), std::to_string(t.rows_excluded)})
        << "\n";
  }
  return out.str();
}

}  // namespace ips
