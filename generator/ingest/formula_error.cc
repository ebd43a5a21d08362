#include "ingest/formula_error.h"

#include <array>
#include <cctype>

#include "ingest/text_normalize.h"

namespace ips {

bool is_formula_error_text(std::string_view text) {
  const std::string t = trim(text);
  // Compared exactly, case included: "#n/a" or "#N/A (ukjent)" typed by hand is text.
  static constexpr std::array<std::string_view, 13> kErrors = {
      "#N/A",    "#DIV/0!", "#VALUE!",       "#REF!", "#NAME?",  "#NUM!", "#NULL!",
      "#SPILL!", "#CALC!",  "#GETTING_DATA", "#I/T",  "#VERDI!", "#NAVN?"};
  for (std::string_view e : kErrors)
    if (t == e) return true;
  // LibreOffice writes errors without an Excel name as Err:502, Err:504, ...
  if (t.size() == 7 && t.compare(0, 4, "Err:") == 0)
    return std::isdigit(static_cast<unsigned char>(t[4])) &&
           std::isdigit(static_cast<unsigned char>(t[5])) &&
           std::isdigit(static_cast<unsigned char>(t[6]));
  return false;
}

}  // namespace ips
