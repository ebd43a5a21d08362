#include "report/rate_intervals.h"

#include "report/value_format.h"

namespace ips {

std::optional<Verdict> verdict_against(const DisclosedCell& interval, double benchmark) {
  const std::optional<doc::Interval> i = interval.plotted_interval();
  if (!i) return std::nullopt;
  if (i->high < benchmark) return Verdict::Below;
  if (i->low > benchmark) return Verdict::Above;
  return Verdict::NotDifferent;
}

doc::Value verdict_value(const DisclosedCell& interval, double benchmark, const Wording& w) {
  const std::optional<Verdict> v = verdict_against(interval, benchmark);
  if (!v) return doc::Value::withheld();
  switch (*v) {
    case Verdict::Below:
      return doc::Value::of_text(w.get("rate_interval.verdict_below"));
    case Verdict::Above:
      return doc::Value::of_text(w.get("rate_interval.verdict_above"));
    case Verdict::NotDifferent:
      break;
  }
  return doc::Value::of_text(w.get("rate_interval.verdict_not_different"));
}

std::string benchmark_sentence(const std::string& unit, const DisclosedCell& interval,
                               const std::vector<doc::Benchmark>& benchmarks, const Wording& w,
                               Lang lang) {
  if (!interval.plotted_interval()) return w.format("rate_interval.withheld_reading", {unit});
  // The benchmarks grouped by verdict, in the order below, not different, above.
  std::vector<std::string> parts;
  for (Verdict kind : {Verdict::NotDifferent, Verdict::Below, Verdict::Above}) {
    std::vector<std::string> values;
    for (const doc::Benchmark& b : benchmarks)
      if (verdict_against(interval, b.value) == kind)
        values.push_back(doc::format_value(doc::Value::rate(b.value, 0), lang));
    if (values.empty()) continue;
    std::string list;
    for (size_t k = 0; k < values.size(); ++k)
      list += (k == 0                   ? ""
               : k + 1 == values.size() ? " " + w.get("rate_interval.and") + " "
                                        : ", ") +
              values[k];
    const char* key = kind == Verdict::NotDifferent ? "rate_interval.not_different"
                      : kind == Verdict::Below      ? "rate_interval.below"
                                                    : "rate_interval.above";
    parts.push_back(w.format(key, {list}));
  }
  std::string text;
  for (const std::string& p : parts) text += (text.empty() ? "" : ", ") + p;
  return w.format("rate_interval.site_reading", {unit, text});
}

std::string key_figure_detail(const doc::Value& rate_with_interval, const std::string& detail,
                              const Wording& w, Lang lang) {
  const std::string bounds = doc::interval_bounds(rate_with_interval, lang);
  if (bounds.empty()) return detail;
  const std::string interval = w.format("rate_interval.key_figure", {bounds});
  return detail.empty() ? interval : interval + " \u00B7 " + detail;
}

void label_interval_bounds(doc::Table& table, const Wording& w) {
  table.interval_low_header = w.get("rate_interval.low");
  table.interval_high_header = w.get("rate_interval.high");
}

std::optional<doc::Interval> chart_interval(const DisclosedCell& interval) {
  return interval.plotted_interval();
}

}  // namespace ips
