// Typed values from raw cells: dates, numbers, scores, yes/no. Each parser either gives a
// value, says the cell is blank, or names why the text could not be used (a message code).
#pragma once

#include <optional>
#include <string>

#include "ingest/raw_workbook.h"
#include "model/date.h"

namespace ips {

/// A parsed cell: `value` when usable; `error` (a message code) when not; both empty = blank.
template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;
  bool blank() const { return !value && error.empty(); }
};

/// The cell's text as a user sees it, trimmed (numbers without trailing zeros); empty for a
/// formula error, which is read as empty.
std::string cell_display(const RawCell& cell);
/// A date: date cell, serial number (the column is a date column), dd.mm.yyyy, d.m.yyyy,
/// yyyy-mm-dd. Errors: date.ambiguous (two-digit year, slashes), date.invalid (31.02.2015),
/// date.out_of_range (before 1990 or after 2100), date.unreadable.
Parsed<Date> parse_date(const RawCell& cell);
/// A number: numeric cell or text with decimal comma/point and space thousands separators.
/// Error: number.unreadable.
Parsed<double> parse_number(const RawCell& cell);
/// A whole number. Errors: number.unreadable, number.not_integer.
Parsed<int> parse_integer(const RawCell& cell);
/// A fidelity score 1–5. Blank, "-", "ikke skåret", "n/a" mean not scored (blank).
/// Errors: score.not_a_number ("fire"), score.not_integer (3.5), score.out_of_range (0, 6).
Parsed<int> parse_score(const RawCell& cell, int min_score = 1, int max_score = 5);
/// Yes/no: ja/nei, j/n, yes/no, x, 1/0, true/false, boolean cells. Error: yesno.unreadable.
Parsed<bool> parse_yes_no(const RawCell& cell);
/// True when the text is an 11-digit number, the form of a Norwegian national identity number.
bool looks_like_identity_number(const RawCell& cell);

}  // namespace ips
