// What every report builder needs besides the figures: language, wording and who signs.
#pragma once

#include <optional>
#include <string>

#include "model/date.h"

#include "model/scale.h"
#include "report/wording.h"

namespace ips {

struct ReportStructures;  // report/report_structure.h

struct ReportContext {
  const ScaleCatalog& scales;
  const Wording& words;
  std::string author;  // document metadata; the wording's common.author when empty
  int min_cell = 5;    // small-number suppression threshold (docs/figures.md); 0 disables
  // The reports' date (the Halvårsrapport's "Dato"): the PDF metadata date, so the same input
  // gives the same bytes; empty = not shown.
  std::optional<Date> report_date = {};
  // Section order per report kind (templates/structure/); null keeps each builder's own order.
  const ReportStructures* structures = nullptr;
  Lang lang() const { return words.lang(); }
};

}  // namespace ips
