// The heatmap's colour scale, shared by the chart engine (PDF) and the HTML heatmap table, so a
// score has the same colour in both.
#pragma once

#include "render/layout_text.h"
#include "report/document.h"

namespace ips::render {

/// The values a heatmap's colours run over, and the steps its key shows.
struct HeatScale {
  double min = 1, max = 5, step = 1;

  /// The chart's y axis when it gives a usable range, else the item scale 1–5.
  static HeatScale of(const doc::ChartSpec& spec);
  /// Where `value` lies on the scale: 0 at min, 1 at max (clamped).
  double position(double value) const;
};

/// The fill for a position 0..1: light to dark blue. The ramp skips the middle tones, which
/// neither dark nor white text can be read on (WCAG AA, 4.5:1): up to 0.5 takes dark text.
Rgb heat_colour(double position);
/// Whether text on heat_colour(position) is white (else the chart's dark ink).
bool heat_takes_white_text(double position);
/// The position in nine steps 0..8, for the HTML table's classes heat-0 … heat-8.
int heat_step(double position);

}  // namespace ips::render
