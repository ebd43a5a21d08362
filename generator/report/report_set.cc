#include "report/report_set.h"

#include <memory>

#include "report/halvarsrapport.h"
#include "report/kvalitetsrapport.h"
#include "report/nasjonal_sammenstilling.h"
#include "report/report_common.h"
#include "report/site_file_names.h"
#include "report/structured_report.h"

namespace ips {

std::vector<PlannedReport> plan_reports(const Dataset& data, const std::vector<ReviewScore>& scores,
                                        const OutcomeIndex& outcomes, Period period,
                                        const ReportContext& ctx,
                                        const DisclosureControl* disclosure) {
  std::vector<PlannedReport> plan;
  // Disclosure control decides every outcome cell of the report set once, shared by every report.
  std::shared_ptr<const DisclosureControl> complements(disclosure, [](const DisclosureControl*) {});
  if (!disclosure)
    complements = std::make_shared<const DisclosureControl>(outcomes, data.sites.size(), period,
                                                            ctx.min_cell);
  PlannedReport national;
  national.kind = "nasjonal-sammenstilling";
  national.output_stem = nasjonal_sammenstilling_stem(period);
  national.label = ctx.words.get("nasjonal.short_title") + " " + period_label(period, ctx.words);
  national.build = [period, &data, &scores, &outcomes, &ctx, complements] {
    doc::Report report =
        build_nasjonal_sammenstilling(period, data, scores, outcomes, ctx, complements.get());
    apply_report_structure(report, {"nasjonal-sammenstilling", "", period}, data, ctx);
    return report;
  };
  plan.push_back(std::move(national));
  // Site keys that clash as file names ("Bodø", "Bodo") get distinct names: never two reports
  // on one path (site_file_names.h).
  std::vector<std::string> keys;
  for (const Site& site : data.sites) keys.push_back(site.key);
  const std::map<std::string, std::string> file_names = site_file_names(keys);
  for (size_t i = 0; i < data.sites.size(); ++i) {
    PlannedReport p;
    p.kind = "halvarsrapport";
    p.site = data.sites[i].key;
    p.output_stem = site_report_stem(file_names.at(p.site), "halvarsrapport", period.key());
    p.label = ctx.words.get("halvarsrapport.short_title") + " " + site_display_name(data, p.site) +
              " " + period_label(period, ctx.words);
    p.build = [i, period, &data, &scores, &outcomes, &ctx, complements, stem = p.output_stem] {
      doc::Report report =
          build_halvarsrapport(i, period, data, scores, outcomes, ctx, complements.get());
      apply_report_structure(report, {"halvarsrapport", data.sites[i].key, period}, data, ctx);
      report.meta.output_stem = stem;
      return report;
    };
    plan.push_back(std::move(p));
  }
  for (const ReviewScore& rs : scores) {
    if (!period.contains(rs.review->date)) continue;
    PlannedReport p;
    p.kind = "kvalitetsrapport";
    p.site = rs.review->site;
    const auto name = file_names.find(p.site);
    p.output_stem = site_report_stem(name != file_names.end() ? name->second : site_slug(p.site),
                                     "kvalitetsrapport", rs.review->date.iso());
    p.label = ctx.words.get("kvalitetsrapport.short_title") + " " +
              site_display_name(data, rs.review->site) + " " +
              date_text(rs.review->date, ctx.lang());
    const ReviewScore* score = &rs;
    p.build = [score, &data, &ctx, stem = p.output_stem] {
      doc::Report report = build_kvalitetsrapport(*score, data, ctx);
      apply_report_structure(
          report,
          {"kvalitetsrapport", score->review->site, Period::containing(score->review->date), score},
          data, ctx);
      report.meta.output_stem = stem;
      return report;
    };
    plan.push_back(std::move(p));
  }
  return plan;
}

std::string site_report_stem(const std::string& site_file_name, const std::string& kind,
                             const std::string& when) {
  std::string stem = site_file_name;
  stem.append("/").append(kind).append("-").append(site_file_name).append("-").append(when);
  return stem;
}

}  // namespace ips
