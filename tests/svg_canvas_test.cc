// SvgCanvas writes its numbers from whole hundredths and its colours by hand: the same bytes as
// the to_chars ("%.2f", trailing zeros cut) and printf ("#%06x") forms it had before.
#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "render/svg_canvas.h"

using namespace ips::render;

namespace {

// The number as SvgCanvas wrote it with to_chars: two decimals, trailing zeros cut, no "-0".
std::string to_chars_number(double v) {
  double rounded = std::round(v * 100) / 100;
  if (rounded == 0) rounded = 0;
  char buffer[32];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 2);
  if (error != std::errc()) return "0";  // too long for the canvas' buffer
  std::string digits(buffer, end);
  while (digits.back() == '0') digits.pop_back();
  if (digits.back() == '.') digits.pop_back();
  return digits;
}

// The attributes of one rectangle as the canvas writes them.
std::string rect_of(double x, Rgb colour) {
  SvgCanvas canvas(10, 10);
  canvas.fill_rect(x, 0, 1, 1, colour, 1);
  const std::string svg = canvas.finish();
  const size_t at = svg.find("<rect");
  REQUIRE(at != std::string::npos);
  return svg.substr(at, svg.find("/>", at) - at);
}

}  // namespace

TEST_CASE("SVG numbers read as two decimals with the trailing zeros cut", "[svg-canvas]") {
  std::vector<double> values = {0,
                                -0.0,
                                0.004,
                                -0.004,
                                0.005,
                                -0.005,
                                0.125,
                                1,
                                -1,
                                0.1,
                                0.01,
                                12.5,
                                -12.5,
                                99.995,
                                640.001,
                                1e6,
                                123456.78,
                                -7.0501,
                                1e14,
                                -1e14,
                                2.675,
                                1.005,
                                -0.0049,
                                0.0051,
                                1e-9,
                                1e15,
                                -3e16,
                                1e300,
                                0.30000000000000004};
  std::mt19937_64 random(21);
  std::uniform_real_distribution<double> spread(-2000, 2000);
  for (int i = 0; i < 20000; ++i) values.push_back(spread(random));
  for (int i = 0; i < 2000; ++i) values.push_back(std::round(spread(random) * 100) / 100);
  for (int i = 0; i < 2000; ++i) values.push_back((std::floor(spread(random) * 100) + 0.5) / 100);
  for (double v : values) {
    INFO(v);
    CHECK(rect_of(v, Rgb{}).find(" x=\"" + to_chars_number(v) + "\"") != std::string::npos);
  }
}

TEST_CASE("SVG colours read as #rrggbb in lower case", "[svg-canvas]") {
  for (const Rgb colour : {Rgb{0, 0, 0}, Rgb{1, 1, 1}, Rgb{0.2, 0.4, 0.6}, Rgb{0.9, 0.05, 0.7},
                           Rgb{1.5, -1, 0.5}, Rgb{0.0627, 0.7, 0.94}}) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%06x", static_cast<unsigned>(colour.packed()));
    CHECK(rect_of(1, colour).find(std::string(" fill=\"") + hex + "\"") != std::string::npos);
  }
}
