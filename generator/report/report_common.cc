#include "report/report_common.h"

#include <algorithm>

#include "report/data_quality.h"
#include "report/value_format.h"

namespace ips {

std::string site_display_name(const Dataset& data, const std::string& key) {
  const Site* s = data.find_site(key);
  return s && !s->name.empty() ? s->name : key;
}

std::string date_text(Date d, Lang lang) {
  return doc::format_value(doc::Value::date(d.days), lang);
}

std::string period_label(Period p, const Wording& words) {
  return words.format(p.half == 1 ? "common.period_h1" : "common.period_h2",
                      {std::to_string(p.year)});
}

doc::Section data_quality_section(const std::vector<const Diagnostic*>& problems,
                                  const ReportContext& ctx, const std::string& none_key) {
  doc::Section s{ctx.words.get("common.data_quality"), "data-quality", true, {}};
  if (problems.empty())
    s.blocks.push_back(doc::Paragraph{ctx.words.get(none_key), doc::ParagraphStyle::Note});
  else
    s.blocks.push_back(diagnostics_table(problems, ctx.words, "data-quality"));
  return s;
}

std::vector<std::string> definition_keys(const std::vector<FigureId>& figures) {
  std::vector<std::string> keys;
  for (FigureId id : figures) {
    const std::string key = figure(id).definition_key;
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  return keys;
}

doc::Section definitions_section(const std::vector<std::string>& keys, const ReportContext& ctx) {
  const Wording& w = ctx.words;
  doc::Section s{w.get("common.definitions"), "definitions", true, {}};
  // A table, so that the XLSX file gets a sheet of its own with every definition.
  doc::Table t;
  t.id = "definitions";
  t.caption = w.get("common.definitions_caption");
  t.sheet_name = w.get("common.definitions");
  t.columns = {{w.get("common.term"), doc::Align::Left, 1.3},
               {w.get("common.definition"), doc::Align::Left, 5}};
  for (const auto& key : keys) {
    // Each definition's wording is "Term: what it means".
    const std::string text = w.get(key);
    const size_t colon = text.find(": ");
    const std::string term = colon == std::string::npos ? "" : text.substr(0, colon);
    const std::string body = colon == std::string::npos ? text : text.substr(colon + 2);
    t.rows.push_back({doc::RowStyle::Data, {doc::Value::of_text(term), doc::Value::of_text(body)}});
  }
  s.blocks.push_back(std::move(t));
  return s;
}

}  // namespace ips
