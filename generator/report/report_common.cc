#include "report/report_common.h"

#include "report/data_quality.h"
#include "report/value_format.h"

namespace ips {

std::string site_display_name(const Dataset& data, const std::string& key) {
  const Site* s = data.find_site(key);
  return s && !s->name.empty() ? s->name : key;
}

std::string date_text(Date d, Lang lang) { return doc::format_value(doc::Value::date(d.days), lang); }

std::string period_label(Period p, const Wording& words) {
  return words.format(p.half == 1 ? "common.period_h1" : "common.period_h2", {std::to_string(p.year)});
}

doc::Section data_quality_section(const std::vector<const Diagnostic*>& problems, const ReportContext& ctx,
                                  const std::string& none_key) {
  doc::Section s{ctx.words.get("common.data_quality"), "data-quality", true, {}};
  if (problems.empty()) s.blocks.push_back(doc::Paragraph{ctx.words.get(none_key), doc::ParagraphStyle::Note});
  else s.blocks.push_back(diagnostics_table(problems, ctx.words, "data-quality"));
  return s;
}

doc::Section definitions_section(const std::vector<std::string>& keys, const ReportContext& ctx) {
  doc::Section s{ctx.words.get("common.definitions"), "definitions", true, {}};
  for (const auto& key : keys) s.blocks.push_back(doc::Paragraph{ctx.words.get(key), doc::ParagraphStyle::Body});
  return s;
}

}  // namespace ips
