// Custom error bars for XLSX charts. libxlsxwriter 1.1.4 writes only fixed, percentage and
// standard-deviation/-error bars (no custom lengths, no combined charts), but a Wilson interval
// is asymmetric and differs per bar. So the renderer asks libxlsxwriter for a fixed error bar
// with a placeholder value unique to the series, and once the workbook is written the
// placeholder is replaced in the chart's XML by custom plus and minus lengths (OOXML
// c:errValType "cust") read from two columns of cells, with their values cached. Cells, not
// literal values: LibreOffice draws custom error bars only from cell ranges.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ips::render {

/// One series' custom error bars: the placeholder libxlsxwriter wrote, the ranges of the cells
/// with the lengths above and below each point ("'Figurdata'!$B$4:$B$9"), and those lengths
/// (no bar where unset).
struct CustomErrorBars {
  double placeholder = 0;
  std::string plus_range, minus_range;
  std::vector<std::optional<double>> plus, minus;
};

/// The placeholder fixed value of the n-th custom error bar of a workbook (0, 1, …): a whole
/// number no real error bar of a rate chart has, written exactly by libxlsxwriter.
double error_bar_placeholder(size_t n);

/// The chart XML with every placeholder error bar of `bars` given its custom lengths; counts the
/// replacements in `replaced`.
std::string replace_error_bar_placeholders(std::string_view chart_xml,
                                           const std::vector<CustomErrorBars>& bars,
                                           size_t& replaced);

/// Rewrites the chart parts of the finished workbook at `path` so that each placeholder error
/// bar has its custom lengths; throws RenderError unless every one of `bars` was found once.
void apply_custom_error_bars(const std::filesystem::path& path,
                             const std::vector<CustomErrorBars>& bars);

}  // namespace ips::render
