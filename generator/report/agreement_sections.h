// The report blocks on agreement between the evaluators (docs/evaluator-agreement.md): beside a
// Kvalitetsrapport's score sheet, over a site's rounds in its Halvårsrapport, and nationally.
#pragma once

#include <string>
#include <vector>

#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// Agreement on IPS-25 and GOI in one review, the items two or more points apart, and the items
/// whose consensus lies outside both evaluators' scores (the Kvalitetsrapport's appendix).
std::vector<doc::Block> review_agreement_blocks(const Review& review, const ReportContext& ctx);

/// The Halvårsrapport's section: agreement per item and the ICC of totals over the site's
/// reviews dated up to the end of the period.
doc::Section site_agreement_section(const std::string& site, Period period, const Dataset& data,
                                    const ReportContext& ctx);

/// The national section: agreement per site and per item over every review dated up to the end
/// of the period.
doc::Section national_agreement_section(Period period, const Dataset& data,
                                        const ReportContext& ctx);

/// Which report the definitions are for.
enum class AgreementScope { Review, History };

/// Appends the agreement definitions to the report's definitions table (section "definitions").
void add_agreement_definitions(doc::Report& report, AgreementScope scope, const ReportContext& ctx);

}  // namespace ips
