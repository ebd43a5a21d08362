// Formula errors: a cell whose saved value is an error such as #N/A or #DIV/0! holds no data.
// It is read as empty (so an unfilled template row of formulas stays an empty row), and the
// table reader reports it in a row with data, so no value disappears without a word.
#pragma once

#include <string_view>

namespace ips {

/// True when the text, trimmed, is exactly a spreadsheet error value as a CSV export writes
/// it: Excel's #N/A, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #NULL! (also #SPILL!, #CALC!,
/// #GETTING_DATA), Norwegian Excel's #I/T, #VERDI!, #NAVN?, or LibreOffice's Err:nnn.
bool is_formula_error_text(std::string_view text);

}  // namespace ips
