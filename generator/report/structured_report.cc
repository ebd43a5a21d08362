#include "report/structured_report.h"

#include "report/action_plan_sections.h"
#include "report/narrative_sections.h"
#include "report/report_structure.h"

namespace ips {

void apply_report_structure(doc::Report& report, const ReportSubject& subject, const Dataset& data,
                            const ReportContext& ctx) {
  if (!ctx.structures) return;
  const ReportStructure* structure = ctx.structures->find(subject.kind);
  if (!structure) return;
  arrange_sections(
      report, *structure, ctx.scales, [&](const StructureEntry& e) -> std::optional<doc::Section> {
        if (!e.text_field.empty())
          return narrative_section(data, subject.site, subject.period, e.text_field, ctx);
        if (e.section == "action-plan")
          return action_plan_section(data, subject.site, subject.period, ctx);
        if (e.section == "follow-up" && subject.review)
          return follow_up_section(*subject.review, data, ctx);
        if (e.section == "action-plans") return action_plans_section(data, subject.period, ctx);
        return std::nullopt;
      });
}

}  // namespace ips
