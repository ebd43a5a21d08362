#include "report/index_report.h"

#include "report/data_quality.h"
#include "report/report_common.h"

namespace ips {

doc::Report build_index(const std::vector<PlannedReport>& plan, const Formats& formats,
                        Period period, const ReportContext& ctx, const std::vector<bool>& written) {
  const Wording& w = ctx.words;
  doc::Report report;
  report.meta.kind = "index";
  report.meta.title = w.get("index.title");
  report.meta.subtitle = w.get("index.subtitle");
  report.meta.date_label = period_label(period, w);
  report.meta.running_head = w.get("index.title");
  report.meta.subject = w.format("index.subject", {period_label(period, w)});
  report.meta.author = ctx.author.empty() ? w.get("common.author") : ctx.author;
  report.meta.lang = ctx.lang();
  report.meta.output_stem = "index";
  report.words = render_words(w, ctx.min_cell);

  doc::Section section{w.get("index.reports"), "reports", false, {}};
  section.blocks.push_back(doc::Paragraph{w.get("index.intro"), doc::ParagraphStyle::Lead});
  doc::Table t;
  t.id = "reports";
  t.caption = w.format("index.table", {period_label(period, w)});
  t.sheet_name = w.get("index.reports");
  t.columns = {{w.get("index.report"), doc::Align::Left, 4}};
  struct Format {
    bool wanted;
    const char* ext;
    const char* label;
  };
  const Format all[] = {{formats.html, ".html", "HTML"},
                        {formats.pdf, ".pdf", "PDF"},
                        {formats.xlsx, ".xlsx", "XLSX"}};
  for (const Format& f : all)
    if (f.wanted) t.columns.push_back({f.label, doc::Align::Center, 0.8});
  std::string not_written;
  for (size_t i = 0; i < plan.size(); ++i) {
    const PlannedReport& p = plan[i];
    if (i < written.size() && !written[i]) {
      not_written.append(not_written.empty() ? "" : ", ").append(p.label);
      continue;
    }
    doc::Row row{doc::RowStyle::Data, {doc::Value::of_text(p.label)}};
    for (const Format& f : all)
      if (f.wanted) row.cells.push_back(doc::Value::link_to(f.label, p.output_stem + f.ext));
    t.rows.push_back(std::move(row));
  }
  section.blocks.push_back(std::move(t));
  if (!not_written.empty())
    section.blocks.push_back(doc::Paragraph{w.format("index.not_written", {not_written})});
  report.sections.push_back(std::move(section));
  return report;
}

doc::Report build_index(const std::vector<PlannedReport>& plan, const Formats& formats,
                        Period period, const ReportContext& ctx, const std::vector<bool>& written,
                        const IndexChanges& changes) {
  doc::Report report = build_index(plan, formats, period, ctx, written);
  const Wording& w = ctx.words;
  doc::Section section{w.get("changes.title"), "changes", false, {}};
  if (!changes.sites) {
    section.blocks.push_back(doc::Paragraph{w.get("changes.first_run")});
  } else if (changes.sites->empty()) {
    section.blocks.push_back(doc::Paragraph{w.get("changes.none")});
  } else {
    section.blocks.push_back(doc::Paragraph{w.get("changes.intro")});
    doc::Table t;
    t.id = "changes";
    t.caption = w.get("changes.title");
    t.sheet_name = w.get("changes.what");
    t.columns = {{w.get("changes.site"), doc::Align::Left, 1.2},
                 {w.get("changes.what"), doc::Align::Left, 4}};
    for (const auto& [site, what] : *changes.sites)
      t.rows.push_back(
          doc::Row{doc::RowStyle::Data, {doc::Value::of_text(site), doc::Value::of_text(what)}});
    section.blocks.push_back(std::move(t));
  }
  report.sections.push_back(std::move(section));
  return report;
}

}  // namespace ips
