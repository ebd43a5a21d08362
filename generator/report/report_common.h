// Pieces every report builder uses: names, dates and periods as text, the data-quality and
// definitions sections.
#pragma once

#include <string>
#include <vector>

#include "analysis/figure_catalogue.h"
#include "model/dataset.h"
#include "report/document.h"
#include "report/report_settings.h"

namespace ips {

/// The site's display name (the register's name, else its key).
std::string site_display_name(const Dataset& data, const std::string& key);
/// A date as the report language writes it.
std::string date_text(Date d, Lang lang);
/// "2. halvår 2016" / "second half of 2016".
std::string period_label(Period p, const Wording& words);
/// The data-quality section listing the given problems (or saying there are none).
doc::Section data_quality_section(const std::vector<const Diagnostic*>& problems,
                                  const ReportContext& ctx, const std::string& none_key);
/// The definition keys of the figures, in their order, each once (from the figure catalogue).
std::vector<std::string> definition_keys(const std::vector<FigureId>& figures);
/// A definitions section with one paragraph per wording key.
doc::Section definitions_section(const std::vector<std::string>& keys, const ReportContext& ctx);

}  // namespace ips
