// How a rate's interval reads: in a table cell ("40,0 % (21,9–61,3)", English per
// value_format), and against the benchmarks ("ikke sikkert forskjellig fra 31 % og 41 %").
#include <catch2/catch.hpp>

#include "report/rate_intervals.h"
#include "report/value_format.h"
#include "support/test_support.h"

using namespace ips;

namespace {

DisclosedCell interval_cell(double rate, double low, double high) {
  doc::Value v = doc::Value::rate(rate);
  v.interval = doc::Interval{low, high};
  return DisclosedCell::shown(v);
}

std::vector<doc::Benchmark> benchmarks() {
  return {{"min", 0.31}, {"avg", 0.41}, {"top", 0.50}};
}

}  // namespace

TEST_CASE("a rate with its interval reads 40,0 % then 21,9–61,3 in brackets", "[wilson]") {
  doc::Value v = doc::Value::rate(0.4);
  v.interval = doc::Interval{0.218807, 0.613419};
  CHECK(doc::format_value(v, Lang::Nb) == "40,0\u00A0% (21,9\u201361,3)");
  CHECK(doc::format_value(v, Lang::En) == "40.0% (21.9\u201361.3)");
  doc::Value withheld = doc::Value::rate(0.4);
  withheld.interval_withheld = true;
  CHECK(doc::format_value(withheld, Lang::Nb) == "40,0\u00A0% (\u2013)");
  CHECK(doc::format_value(doc::Value::withheld(), Lang::Nb) == "\u2013");
}

TEST_CASE("an interval against the benchmarks: below, not different, above", "[wilson]") {
  const DisclosedCell i = interval_cell(0.4, 0.218807, 0.613419);
  CHECK(verdict_against(i, 0.41) == Verdict::NotDifferent);
  CHECK(verdict_against(interval_cell(0.2, 0.1, 0.3), 0.31) == Verdict::Below);
  CHECK(verdict_against(interval_cell(0.7, 0.55, 0.8), 0.50) == Verdict::Above);
  CHECK_FALSE(verdict_against(DisclosedCell::protecting(), 0.41));
}

TEST_CASE("one sentence says which benchmarks a site's interval contains", "[wilson]") {
  const Wording nb = Wording::load(test::source_dir() / "templates", Lang::Nb);
  const Wording en = Wording::load(test::source_dir() / "templates", Lang::En);
  CHECK(benchmark_sentence("Oppland", interval_cell(0.4, 0.218807, 0.613419), benchmarks(), nb,
                           Lang::Nb) ==
        "Oppland: ikke sikkert forskjellig fra 31\u00A0%, 41\u00A0% og 50\u00A0%.");
  CHECK(benchmark_sentence("Salten", interval_cell(0.2, 0.12, 0.35), benchmarks(), nb, Lang::Nb) ==
        "Salten: ikke sikkert forskjellig fra 31\u00A0%, sikkert under 41\u00A0% og 50\u00A0%.");
  CHECK(benchmark_sentence("Salten", interval_cell(0.2, 0.12, 0.35), benchmarks(), en, Lang::En) ==
        "Salten: not clearly different from 31%, clearly below 41% and 50%.");
  CHECK(benchmark_sentence("Bodø", DisclosedCell::protecting(), benchmarks(), nb, Lang::Nb) ==
        "Bodø: intervallet er holdt tilbake.");
  CHECK(verdict_value(DisclosedCell::protecting(), 0.41, nb).suppressed());
  CHECK(verdict_value(interval_cell(0.7, 0.55, 0.8), 0.41, nb).text == "sikkert over");
}

TEST_CASE("a key figure's detail gives the rate's interval first, nothing when withheld",
          "[wilson]") {
  const Wording nb = Wording::load(test::source_dir() / "templates", Lang::Nb);
  const Wording en = Wording::load(test::source_dir() / "templates", Lang::En);
  doc::Value v = doc::Value::rate(0.4);
  v.interval = doc::Interval{0.218807, 0.613419};
  CHECK(key_figure_detail(v, "2. halvår 2016", nb, Lang::Nb) ==
        "95 %-intervall 21,9\u201361,3 \u00B7 2. halvår 2016");
  CHECK(key_figure_detail(v, "", en, Lang::En) == "95% interval 21.9\u201361.3");
  doc::Value withheld_interval = doc::Value::rate(0.4);
  withheld_interval.interval_withheld = true;
  CHECK(key_figure_detail(withheld_interval, "2. halvår 2016", nb, Lang::Nb) == "2. halvår 2016");
  doc::Value withheld = doc::Value::withheld();
  withheld.interval = doc::Interval{0.2, 0.6};
  CHECK(key_figure_detail(withheld, "x", nb, Lang::Nb) == "x");
}
