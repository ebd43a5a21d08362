// How a typed value reads in a report language: "41,2 %", "1 234", "−2", "<5", "–".
#pragma once

#include <string>

#include "model/scale.h"
#include "report/document.h"

namespace ips::doc {

/// The value as text in the given language (Norwegian: decimal comma, no-break-space
/// thousands separator, "41,2 %"; English: "41.2%", "1,234").
std::string format_value(const Value& v, Lang lang);

/// |x| rounded half away from zero to `decimals` decimals, as plain digits ("4.13").
std::string rounded_digits(double x, int decimals);

/// A plain number with `decimals` decimals in the language's style, rounded half away from zero
/// as Excel and LibreOffice show it.
std::string format_number(double x, int decimals, Lang lang);

/// What follows a number to make it a percentage, the one rule for every format: Norwegian a
/// no-break space and "%" ("40,0 %", Språkrådet), English "%" with no space ("40.0%", as English
/// style guides write it). docs/report-wording.md, "Percentages".
std::string percent_sign(Lang lang);

/// A percentage given in percent (40 → "40 %" / "40%") with `decimals` decimals: axis ticks.
std::string format_percent(double percent, int decimals, Lang lang);

/// A rate's interval bounds in percent with the rate's decimals, "21,9–61,3"; "" without one.
std::string interval_bounds(const Value& v, Lang lang);

/// A rate's interval as shown after it, " (21,9–61,3)", " (–)" when withheld, "" when it has
/// none.
std::string interval_suffix(const Value& v, Lang lang);

/// The spreadsheet number format (Excel/LibreOffice code) under which a numeric value displays
/// exactly format_value's text: the same decimals, −, +, the no-break space before % in
/// Norwegian; grouping and the decimal sign come from the reader's locale. "" for text.
std::string spreadsheet_format(const Value& v, Lang lang);

/// The number a spreadsheet cell stores for a numeric value: the value itself, or 0 when it
/// shows as zero (a spreadsheet picks the − or + section by the unrounded sign, so −0,04 would
/// read "−0,0" where the report says "0,0").
double spreadsheet_number(const Value& v);

/// The fewest decimals (at most 3) that write every multiple of `step` exactly (an axis' ticks).
int decimals_for_step(double step);

}  // namespace ips::doc
