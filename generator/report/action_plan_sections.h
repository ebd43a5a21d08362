// The action plan (tiltaksplan) in the reports (docs/narrative.md): the plan due now and the new
// one in the Halvårsrapport, the follow-up of the previous review in the Kvalitetsrapport, the
// share of actions done per site in the national summary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/fidelity.h"
#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// The Halvårsrapport's "action-plan": the plan due now (after the review before the latest: how
/// many are done, and the actions not done), then the new plan (after the latest review up to the
/// period's end: a count by status and every action). Overdue actions (deadline before the
/// period's end, not done) are marked and counted in each plan. Nullopt when neither has one.
std::optional<doc::Section> action_plan_section(const Dataset& data, const std::string& site,
                                                Period period, const ReportContext& ctx);

/// The Kvalitetsrapport's "follow-up" ("Oppfølging av forrige gjennomgang"): each
/// recommendation of the previous review, the item's score then and now, the actions and their
/// status. Nullopt when there is no previous review or no action plan for it.
std::optional<doc::Section> follow_up_section(const ReviewScore& score, const Dataset& data,
                                              const ReportContext& ctx);

/// The national summary's "action-plans": per site the plan after the review before the latest
/// (now due: actions, done, share done), the overdue actions, and the new plan's size. Nullopt when
/// no site has an action plan.
std::optional<doc::Section> action_plans_section(const Dataset& data, Period period,
                                                 const ReportContext& ctx);

}  // namespace ips
