#include "render/heat_scale.h"

#include <algorithm>
#include <cmath>

#include "report/value_format.h"

namespace ips::render {

namespace {

// ColorBrewer "Blues" end points; the low end is tinted enough to tell a score of 1 from a
// missing (white) cell.
const Rgb kLow{0.855, 0.898, 0.949}, kHigh{0.031, 0.188, 0.420};
// The last mix still 4.6:1 with the dark ink, the first 4.6:1 with white (computed once with
// the WCAG formula; tests/html_heatmap_test.cc checks every step).
constexpr double kLightEnd = 0.445, kDarkStart = 0.61;
constexpr int kSteps = 8;  // nine colours: 0 … 8

Rgb mix(double t) {
  return {kLow.r + (kHigh.r - kLow.r) * t, kLow.g + (kHigh.g - kLow.g) * t,
          kLow.b + (kHigh.b - kLow.b) * t};
}

}  // namespace

HeatScale HeatScale::of(const doc::ChartSpec& spec) {
  const doc::Axis& a = spec.y_axis;
  const bool usable =
      std::isfinite(a.min) && std::isfinite(a.max) && a.max > a.min && !(a.min == 0 && a.max == 1);
  if (!usable) return {};
  return {a.min, a.max, std::isfinite(a.step) && a.step > 0 ? a.step : (a.max - a.min) / 4};
}

double HeatScale::position(double value) const {
  return std::clamp((value - min) / (max - min), 0.0, 1.0);
}

std::vector<double> HeatScale::steps() const {
  std::vector<double> out;
  const int n = static_cast<int>(std::floor((max - min) / step + 1e-6));
  for (int i = 0; i <= std::min(n, 50); ++i) out.push_back(min + i * step);
  return out;
}

std::string HeatScale::label(double value, Lang lang) const {
  return doc::format_number(value, doc::decimals_for_step(step), lang);
}

int heat_step(double position) {
  return static_cast<int>(std::lround(std::clamp(position, 0.0, 1.0) * kSteps));
}

Rgb heat_colour(double position) {
  const double t = static_cast<double>(heat_step(position)) / kSteps;
  // The dark half eases in (cubed), so the two top steps, a score of 4 and of 5, are far apart
  // rather than both navy.
  const double dark = (t - 0.5) / 0.5;
  return t > 0.5 ? mix(kDarkStart + dark * dark * dark * (1 - kDarkStart))
                 : mix(t / 0.5 * kLightEnd);
}

bool heat_takes_white_text(double position) {
  return heat_step(position) > kSteps / 2;
}

}  // namespace ips::render
