#include "report/report_set.h"

#include "report/kvalitetsrapport.h"
#include "report/value_format.h"

namespace ips {

std::vector<PlannedReport> plan_reports(const Dataset& data, const std::vector<ReviewScore>& scores,
                                        Period period, const ReportContext& ctx) {
  std::vector<PlannedReport> plan;
  for (const ReviewScore& rs : scores) {
    if (!period.contains(rs.review->date)) continue;
    const Site* site = data.find_site(rs.review->site);
    PlannedReport p;
    p.kind = "kvalitetsrapport";
    p.site = rs.review->site;
    p.output_stem = kvalitetsrapport_stem(*rs.review);
    p.label = ctx.words.get("kvalitetsrapport.short_title") + " " + (site ? site->name : rs.review->site) + " " +
              doc::format_value(doc::Value::date(rs.review->date.days), ctx.lang());
    const ReviewScore* score = &rs;
    p.build = [score, &data, &ctx] { return build_kvalitetsrapport(*score, data, ctx); };
    plan.push_back(std::move(p));
  }
  return plan;
}

}  // namespace ips
