// How reports show a rate's Wilson 95 % interval (docs/figures.md, "Uncertainty of a rate"): in
// tables after the rate, as error bars on the charts, and against the 31/41/50 % benchmarks
// ("ikke sikkert forskjellig fra 41 %"). Every interval comes from a disclosure cell, so none is
// shown that disclosure control withholds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "disclosure/disclosure_control.h"
#include "report/document.h"
#include "report/wording.h"

namespace ips {

enum class Verdict { Below, NotDifferent, Above };

/// Where a benchmark lies against a shown interval; nullopt when the interval is withheld.
std::optional<Verdict> verdict_against(const DisclosedCell& interval, double benchmark);

/// The verdict as a table value ("sikkert under", "ikke sikkert forskjellig", "sikkert over"),
/// or "–" when the interval is withheld.
doc::Value verdict_value(const DisclosedCell& interval, double benchmark, const Wording& w);

/// One sentence on a unit's interval against every benchmark: "Oppland: ikke sikkert forskjellig
/// fra 31 % og 41 %, sikkert under 50 %." (or that the interval is withheld).
std::string benchmark_sentence(const std::string& unit, const DisclosedCell& interval,
                               const std::vector<doc::Benchmark>& benchmarks, const Wording& w,
                               Lang lang);

/// A key figure's detail with its rate's interval first, "95 %-intervall 30,1–38,4 · alle
/// enheter, 2. halvår 2016" (the value stays the rate alone, so it fits its box); `detail` alone
/// when the interval is withheld.
std::string key_figure_detail(const doc::Value& rate_with_interval, const std::string& detail,
                              const Wording& w, Lang lang);

/// Names the XLSX bound columns of a table whose rates carry intervals.
void label_interval_bounds(doc::Table& table, const Wording& w);

/// The interval of a chart point, from its disclosure cell (empty when withheld).
std::optional<doc::Interval> chart_interval(const DisclosedCell& interval);

}  // namespace ips
