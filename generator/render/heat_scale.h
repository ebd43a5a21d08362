// The heatmap's colour scale, shared by the chart engine (PDF) and the HTML heatmap table, so a
// score has the same colour, text colour and key in both.
#pragma once

#include <string>
#include <vector>

#include "model/scale.h"
#include "render/layout_text.h"
#include "report/document.h"

namespace ips::render {

/// The values a heatmap's colours run over, and the steps its key shows.
struct HeatScale {
  double min = 1, max = 5, step = 1;

  /// The chart's y axis when it gives a range other than the unset 0–1, else the item scale 1–5.
  static HeatScale of(const doc::ChartSpec& spec);
  /// Where `value` lies on the scale: 0 at min, 1 at max (clamped).
  double position(double value) const;
  /// The values the key shows: min, min + step, … up to max (at most 50).
  std::vector<double> steps() const;
  /// A key value as the report writes it, with as many decimals as the step has.
  std::string label(double value, Lang lang) const;
};

/// The colour steps: a position 0..1 is shown in one of nine colours, heat-0 … heat-8.
int heat_step(double position);
/// The fill for a position: light to dark blue in nine steps. The ramp skips the middle tones,
/// which neither dark nor white text can be read on (WCAG AA, 4.5:1).
Rgb heat_colour(double position);
/// Whether text on heat_colour(position) is white (steps 5–8) rather than dark ink.
bool heat_takes_white_text(double position);

}  // namespace ips::render
