#include "support/disclosure_attacker.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "analysis/wilson_interval.h"
#include "report/wording.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace ips::test {

namespace {

constexpr long kBig = 1'000'000'000;  // "no upper bound"; sums of a few thousand never overflow

// Where a rate's published 95 % interval bounds lie (fractions): each bound within a range, as
// shown rounded in the text or stored exactly in an XLSX bound column.
struct BoundRanges {
  double low_min = 0, low_max = 1, high_min = 0, high_max = 1;
};

// What one published cell says about its figure.
struct Reading {
  enum class Kind { Nothing, Exact, Small, Withheld, Range } kind = Kind::Nothing;
  double low = 0, high = 0;             // Exact: low = high; Range: a rate's interval (fractions)
  std::optional<BoundRanges> interval;  // a rate shown as "40,0 % (21,9–61,3)"
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

Reading read_cell(const PublishedCell& cell, bool rate, int min_cell, bool english) {
  Reading r;
  if (cell.number) {
    r.kind = Reading::Kind::Exact;
    r.low = r.high = *cell.number;
    if (rate) {  // the stored fraction, exact up to floating point
      r.kind = Reading::Kind::Range;
      r.low = *cell.number - 1e-9;
      r.high = *cell.number + 1e-9;
    }
    return r;
  }
  std::string t = cell.text;
  if (t.empty()) return r;
  if (t == "<" + std::to_string(min_cell))
    return {Reading::Kind::Small, 1, static_cast<double>(min_cell - 1), std::nullopt};
  if (t == "\u2013") return {Reading::Kind::Withheld, 0, 0, std::nullopt};
  // "40,0 % (21,9–61,3)": the rate, then its interval's bounds in percent, each shown rounded.
  std::optional<BoundRanges> interval;
  if (const size_t open = t.find(" ("); rate && open != std::string::npos && t.back() == ')') {
    const std::string inside = t.substr(open + 2, t.size() - open - 3);
    t = t.substr(0, open);
    const size_t dash = inside.find("\u2013");
    if (dash != std::string::npos && dash > 0) {
      const Reading lo =
          read_cell({inside.substr(0, dash) + "%", std::nullopt}, rate, min_cell, english);
      const Reading hi =
          read_cell({inside.substr(dash + 3) + "%", std::nullopt}, rate, min_cell, english);
      if (lo.kind == Reading::Kind::Range && hi.kind == Reading::Kind::Range)
        interval = BoundRanges{lo.low, lo.high, hi.low, hi.high};
    }
  }
  const bool percent = t.find('%') != std::string::npos;
  t = replace_all(replace_all(replace_all(t, "\u00A0", ""), " ", ""), "%", "");
  t = replace_all(t, "\u2212", "-");
  t = english ? replace_all(t, ",", "") : replace_all(t, ",", ".");
  char* end = nullptr;
  const double x = std::strtod(t.c_str(), &end);
  if (end == t.c_str() || *end != '\0') return r;
  const size_t dot = t.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1);
  if (percent) {  // shown rounded: the true rate is within half a unit of the last digit
    const double half = 0.5 * std::pow(10.0, -decimals) / 100.0;
    return {Reading::Kind::Range, x / 100.0 - half - 1e-12, x / 100.0 + half + 1e-12, interval};
  }
  return {Reading::Kind::Exact, x, x, std::nullopt};
}

// A figure of the outcome tables: a count, a rate of two counts, or one bound of a rate's
// interval (an XLSX bound column).
struct Figure {
  std::string count;                   // for a count
  std::string numerator, denominator;  // for a rate
  int bound = 0;                       // 1 = the rate's lower 95 % bound, 2 = its upper
  bool is_rate() const { return !numerator.empty(); }
};

class Attack {
 public:
  Attack(const PublishedRun& run, int min_cell)
      : run_(run),
        min_cell_(min_cell),
        words_(Wording::load(source_dir() / "templates", run.lang == "en" ? Lang::En : Lang::Nb)) {
    auto count = [this](const char* key, const char* name) {
      figures_[words_.get(key)] = Figure{name, "", "", 0};
    };
    auto rate = [this](const char* key, const char* num, const char* den) {
      const std::string label = words_.get(key);
      figures_[label] = Figure{"", num, den, 0};
      // The XLSX bound columns beside a rate with an interval.
      figures_[substitute(words_.get("rate_interval.low"), {label})] = Figure{"", num, den, 1};
      figures_[substitute(words_.get("rate_interval.high"), {label})] = Figure{"", num, den, 2};
    };
    count("outcomes.served", "served");
    count("outcomes.new", "new");
    count("outcomes.ended", "ended");
    count("outcomes.worked", "worked");
    count("outcomes.in_education", "in_education");
    rate("outcomes.employment_rate", "worked", "served");
    rate("outcomes.employment_rate_out_of_work", "worked_out_of_work", "served_out_of_work");
    rate("outcomes.work_or_education_rate", "work_or_education", "served");
    all_sites_ = words_.get("common.all_sites");
  }

  AttackResult run() {
    read_tables();
    link();
    propagate();
    return findings();
  }

 private:
  struct Unknown {
    std::string name;
    long low = 0, high = kBig;
    std::vector<std::string> withheld_in;  // where a table shows it as <min_cell or –
    bool shown = false;                    // some table shows it exactly
  };
  struct Linear {  // Σ coef·x + constant ≤ 0
    std::vector<std::pair<size_t, long>> terms;
    long constant = 0;
  };
  struct Rate {  // numerator = rate × denominator, rate in [low, high]
    size_t numerator, denominator;
    double low, high;
  };
  struct WithheldRate {
    size_t numerator, denominator;
    std::string where;
  };

  size_t unknown(const std::string& site, const std::string& period, const std::string& figure) {
    const std::string name = site + " | " + period + " | " + figure;
    auto [it, added] = index_.emplace(name, unknowns_.size());
    if (added) unknowns_.push_back(Unknown{name, 0, kBig, {}, false});
    sites_seen_.insert(site);
    periods_.insert(period);
    return it->second;
  }

  void narrow(size_t u, long low, long high) {
    Unknown& x = unknowns_[u];
    if (low > x.low) x.low = low, changed_ = true;
    if (high < x.high) x.high = high, changed_ = true;
  }

  void observe(const std::string& site, const std::string& period, const std::string& label,
               const PublishedCell& cell, const std::string& where) {
    auto f = figures_.find(label);
    if (f == figures_.end()) return;
    const Figure& fig = f->second;
    const Reading r = read_cell(cell, fig.is_rate(), min_cell_, run_.lang == "en");
    if (fig.is_rate()) {
      const size_t n = unknown(site, period, fig.numerator),
                   d = unknown(site, period, fig.denominator);
      if (fig.bound != 0) {  // an XLSX bound column: only the interval is learnt
        if (r.kind == Reading::Kind::Range) {
          BoundRanges& b = intervals_.try_emplace({n, d}).first->second;
          double& lo = fig.bound == 1 ? b.low_min : b.high_min;
          double& hi = fig.bound == 1 ? b.low_max : b.high_max;
          lo = std::max(lo, r.low);
          hi = std::min(hi, r.high);
        }
        return;
      }
      if (r.kind == Reading::Kind::Range && r.interval) {
        BoundRanges& b = intervals_.try_emplace({n, d}).first->second;
        b.low_min = std::max(b.low_min, r.interval->low_min);
        b.low_max = std::min(b.low_max, r.interval->low_max);
        b.high_min = std::max(b.high_min, r.interval->high_min);
        b.high_max = std::min(b.high_max, r.interval->high_max);
      }
      if (r.kind == Reading::Kind::Range) rates_.push_back({n, d, r.low, r.high});
      if (r.kind == Reading::Kind::Withheld || r.kind == Reading::Kind::Small)
        withheld_rates_.push_back({n, d, where});
      if (r.kind == Reading::Kind::Range) shown_rates_.insert({n, d});
    } else {
      const size_t u = unknown(site, period, fig.count);
      if (r.kind == Reading::Kind::Exact) {
        narrow(u, std::lround(r.low), std::lround(r.high));
        unknowns_[u].shown = true;
      } else if (r.kind == Reading::Kind::Small) {
        narrow(u, 1, min_cell_ - 1);
        unknowns_[u].withheld_in.push_back(where);
      } else if (r.kind == Reading::Kind::Withheld) {
        unknowns_[u].withheld_in.push_back(where);
      }
    }
    if (!cell.number && (r.kind == Reading::Kind::Small || r.kind == Reading::Kind::Withheld))
      ++withheld_cells_;
  }

  std::string site_of(const std::string& label) const { return label == all_sites_ ? "*" : label; }

  static std::string stem(const std::string& file) {
    return fs::path(file).replace_extension().string();
  }

  void read_tables() {
    // A Halvårsrapport's site is the name over its outcomes table's first figure column.
    std::map<std::string, std::string> site_of_report;
    for (const PublishedTable& t : run_.tables)
      if (t.id == "outcomes" && t.file.find("halvarsrapport-") != std::string::npos &&
          t.header.size() >= 2)
        site_of_report[stem(t.file)] = t.header[1].text;
    for (const PublishedTable& t : run_.tables) {
      const bool national = t.file.rfind("nasjonal-sammenstilling-", 0) == 0;
      const std::string where = t.file + " #" + t.id;
      if (national && (t.id == "outcomes" || t.id == "scatter" || t.id == "benchmarks")) {
        for (const auto& row : t.rows) {
          if (row.empty()) continue;
          if (t.id == "outcomes" && site_of(row[0].text) != "*")
            national_sites_.insert(row[0].text);
          for (size_t c = 1; c < row.size() && c < t.header.size(); ++c)
            observe(site_of(row[0].text), run_.period, t.header[c].text, row[c], where);
        }
      } else if (national && t.id == "accounting") {
        for (const auto& row : t.rows)
          if (row.size() >= 6 && is_participant_table(row[2].text))
            for (size_t c = 3; c <= 5; ++c) {
              const Reading r = read_cell(row[c], false, min_cell_, run_.lang == "en");
              if (r.kind == Reading::Kind::Exact && r.low >= 1 && r.low < min_cell_)
                small_counts_.push_back(where + ": " + row[0].text + " " + row[2].text + " " +
                                        t.header[c].text + " = " + row[c].text);
            }
      } else if (!national && site_of_report.count(stem(t.file))) {
        const std::string site = site_of_report[stem(t.file)];
        if (t.id == "outcomes") {
          for (const auto& row : t.rows)
            if (row.size() >= 3) {
              observe(site, run_.period, row[0].text, row[1], where);
              observe("*", run_.period, row[0].text, row[2], where);
            }
        } else if (t.id == "comparison") {
          for (const auto& row : t.rows)
            if (row.size() >= 2)
              observe(site_of(row[0].text), run_.period, t.header[1].text, row[1], where);
        } else if (t.id == "trend") {
          for (const auto& row : t.rows) {
            for (size_t c = 1; c < row.size() && c < t.header.size(); ++c) {
              // The last column is all sites' employment rate (and in the XLSX its bounds).
              const std::string rate = words_.get("outcomes.employment_rate");
              std::string label = t.header[c].text;
              bool all = label == all_sites_;
              if (all) label = rate;
              for (const char* bound : {"rate_interval.low", "rate_interval.high"})
                if (label == substitute(words_.get(bound), {all_sites_})) {
                  all = true;
                  label = substitute(words_.get(bound), {rate});
                }
              observe(all ? "*" : site, row[0].text, label, row[c], where + " " + row[0].text);
            }
          }
        }
      }
    }
    for (const SummaryTableCounts& s : run_.summary_tables)
      if (is_participant_table(s.table))
        for (const auto& [key, n] : s.counts)
          if (n >= 1 && n < min_cell_)
            small_counts_.push_back("run-summary.json: " + s.file + " " + s.table + " " + key +
                                    " = " + std::to_string(n));
  }

  static bool is_participant_table(const std::string& name) {
    return name == "Deltakere" || name == "Participants";
  }

  void le(std::vector<std::pair<size_t, long>> terms, long constant = 0) {
    linear_.push_back({std::move(terms), constant});
  }

  void link() {
    const std::vector<std::string> counts = {"served",
                                             "new",
                                             "ended",
                                             "worked",
                                             "in_education",
                                             "work_or_education",
                                             "served_out_of_work",
                                             "worked_out_of_work"};
    std::vector<std::string> sites(national_sites_.begin(), national_sites_.end());
    sites.push_back("*");
    const std::set<std::string> periods = periods_;
    for (const std::string& p : periods) {
      for (const std::string& s : sites) {
        auto u = [&](const char* f) { return unknown(s, p, f); };
        for (const char* part :
             {"new", "ended", "worked", "in_education", "work_or_education", "served_out_of_work"})
          le({{u(part), 1}, {u("served"), -1}});  // part ≤ served
        le({{u("worked_out_of_work"), 1}, {u("worked"), -1}});
        le({{u("worked_out_of_work"), 1}, {u("served_out_of_work"), -1}});
        le({{u("worked"), 1}, {u("work_or_education"), -1}});
        le({{u("in_education"), 1}, {u("work_or_education"), -1}});
        le({{u("work_or_education"), 1}, {u("worked"), -1}, {u("in_education"), -1}});
      }
      if (national_sites_.empty()) continue;
      for (const std::string& f : counts) {  // all sites = Σ sites, both ways
        std::vector<std::pair<size_t, long>> up{{unknown("*", p, f), 1}},
            down{{unknown("*", p, f), -1}};
        for (const std::string& s : national_sites_) {
          up.emplace_back(unknown(s, p, f), -1);
          down.emplace_back(unknown(s, p, f), 1);
        }
        le(up);
        le(down);
      }
    }
  }

  void propagate() {
    for (int pass = 0; pass < 1000; ++pass) {
      changed_ = false;
      for (const Linear& c : linear_) {
        long min_sum = c.constant;
        int unbounded = 0;  // terms whose least value is −∞
        for (const auto& [u, k] : c.terms) {
          const Unknown& x = unknowns_[u];
          if (k > 0)
            min_sum += k * x.low;
          else if (x.high >= kBig)
            ++unbounded;
          else
            min_sum += k * x.high;
        }
        for (const auto& [u, k] : c.terms) {
          const Unknown& x = unknowns_[u];
          const bool own_unbounded = k < 0 && x.high >= kBig;
          if (unbounded > (own_unbounded ? 1 : 0)) continue;  // another term is unbounded
          const long own = k > 0 ? k * x.low : (x.high >= kBig ? 0 : k * x.high);
          const long rest = min_sum - own;  // k·x ≤ −rest
          if (k > 0)
            narrow(
                u, 0,
                static_cast<long>(std::floor(static_cast<double>(-rest) / static_cast<double>(k))));
          else
            narrow(
                u,
                static_cast<long>(std::ceil(static_cast<double>(-rest) / static_cast<double>(k))),
                kBig);
        }
      }
      for (const Rate& r : rates_) {
        const Unknown &n = unknowns_[r.numerator], &d = unknowns_[r.denominator];
        narrow(r.numerator, static_cast<long>(std::ceil(r.low * static_cast<double>(d.low) - 1e-7)),
               d.high >= kBig
                   ? kBig
                   : static_cast<long>(std::floor(r.high * static_cast<double>(d.high) + 1e-7)));
        const long dlow =
            r.high > 0 ? static_cast<long>(std::ceil(static_cast<double>(n.low) / r.high - 1e-7))
                       : 0;
        const long dhigh =
            r.low > 0 && n.high < kBig
                ? static_cast<long>(std::floor(static_cast<double>(n.high) / r.low + 1e-7))
                : kBig;
        narrow(r.denominator, dlow, dhigh);
      }
      solve_intervals();
      if (!changed_) break;
    }
  }

  // Every k of n that a published interval allows (its bounds recomputed with Wilson's formula
  // and compared with what the cells show), within the counts' current ranges and the rate's
  // shown range; the counts are narrowed to the smallest and largest k and n that fit. A
  // denominator with no upper bound is tried up to kMaxTried people.
  void solve_intervals() {
    constexpr long kMaxTried = 5000;
    for (const auto& [pair, b] : intervals_) {
      const auto [num, den] = pair;
      double rate_low = 0, rate_high = 1;  // the tightest shown rate of the same cell
      for (const Rate& r : rates_)
        if (r.numerator == num && r.denominator == den)
          rate_low = std::max(rate_low, r.low), rate_high = std::min(rate_high, r.high);
      const Unknown &n = unknowns_[num], &d = unknowns_[den];
      const auto key = std::array<long, 4>{n.low, n.high, d.low, d.high};
      if (auto seen = solved_.find(pair); seen != solved_.end() && seen->second == key) continue;
      solved_[pair] = key;
      long k_min = kBig, k_max = -1, n_min = kBig, n_max = -1;
      for (long people = std::max(1L, d.low); people <= std::min(d.high, kMaxTried); ++people) {
        const double p = static_cast<double>(people);
        const long from = std::max(n.low, static_cast<long>(std::ceil(rate_low * p - 1e-7)));
        const long to =
            std::min({n.high, people, static_cast<long>(std::floor(rate_high * p + 1e-7))});
        for (long k = from; k <= to; ++k) {
          const auto w = wilson_interval(k, people);
          if (!w || w->low < b.low_min - 1e-9 || w->low > b.low_max + 1e-9 ||
              w->high < b.high_min - 1e-9 || w->high > b.high_max + 1e-9)
            continue;
          k_min = std::min(k_min, k), k_max = std::max(k_max, k);
          n_min = std::min(n_min, people), n_max = std::max(n_max, people);
        }
      }
      if (k_max < 0) continue;  // nothing fits (a reading this attacker does not model)
      narrow(num, k_min, k_max);
      narrow(den, n_min, n_max);
      ++interval_solutions_;
    }
  }

  AttackResult findings() const {
    AttackResult out;
    out.unknowns = unknowns_.size();
    out.intervals_read = intervals_.size();
    out.withheld_cells = withheld_cells_;
    out.small_counts_published = small_counts_;
    std::set<std::string> found;
    for (const Unknown& x : unknowns_) {
      if (x.withheld_in.empty() || (x.low != x.high && !x.shown)) continue;
      out.recoveries.push_back(
          {x.name, x.low,
           (x.shown ? "shown in another table; withheld in " : "withheld in ") +
               x.withheld_in.front()});
      found.insert(x.name);
    }
    for (const WithheldRate& r : withheld_rates_) {
      const Unknown &n = unknowns_[r.numerator], &d = unknowns_[r.denominator];
      if (shown_rates_.count({r.numerator, r.denominator})) {
        out.recoveries.push_back(
            {n.name + " / " + d.name, 0, "rate shown in another table; withheld in " + r.where});
        continue;
      }
      if (n.low != n.high || d.low != d.high || d.low == 0 || found.count(n.name)) continue;
      if (!found.insert(n.name + " / " + d.name).second) continue;
      out.recoveries.push_back({n.name + " / " + d.name, n.low,
                                "rate withheld in " + r.where + ": " + std::to_string(n.low) + "/" +
                                    std::to_string(d.low)});
    }
    return out;
  }

  const PublishedRun& run_;
  int min_cell_;
  Wording words_;
  std::map<std::string, Figure> figures_;
  std::string all_sites_;
  std::map<std::string, size_t> index_;
  std::vector<Unknown> unknowns_;
  std::set<std::string> sites_seen_, national_sites_, periods_;
  std::vector<Linear> linear_;
  std::vector<Rate> rates_;
  std::vector<WithheldRate> withheld_rates_;
  std::set<std::pair<size_t, size_t>> shown_rates_;
  std::map<std::pair<size_t, size_t>, BoundRanges> intervals_;       // (numerator, denominator)
  std::map<std::pair<size_t, size_t>, std::array<long, 4>> solved_;  // ranges last solved at
  size_t interval_solutions_ = 0;
  std::vector<std::string> small_counts_;
  size_t withheld_cells_ = 0;
  bool changed_ = false;
};

}  // namespace

std::string AttackResult::describe() const {
  std::ostringstream out;
  out << recoveries.size() << " recoveries, " << small_counts_published.size()
      << " small counts published (" << withheld_cells << " withheld cells, " << unknowns
      << " unknowns)\n";
  for (const Recovery& r : recoveries)
    out << "  recovered " << r.figure << " = " << r.value << " (" << r.how << ")\n";
  for (const std::string& s : small_counts_published) out << "  published " << s << "\n";
  return out.str();
}

AttackResult attack_run(const PublishedRun& run, int min_cell) {
  return Attack(run, min_cell).run();
}

AttackResult attack_published_run(const fs::path& out, int min_cell) {
  const PublishedRun run = read_published_run(out);
  return Attack(run, min_cell).run();
}

}  // namespace ips::test
