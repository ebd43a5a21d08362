// The three renderers of the document model. Each writes one file; each throws RenderError
// when it cannot produce a complete, correct file (never a truncated one).
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>

#include "model/failure_message.h"
#include "report/document.h"

namespace ips::render {

struct RenderError : std::runtime_error {
  using std::runtime_error::runtime_error;
  /// An error a user can act on (a file that cannot be written), said in the run's language.
  RenderError(const std::string& english, FailureMessage failure)
      : std::runtime_error(english), message(std::move(failure)) {}
  FailureMessage message;  // empty key: only the English text (a broken installation)
};

struct RenderOptions {
  /// Root holding templates/ and fonts/ (the source tree or the installed share folder).
  std::filesystem::path resources_dir;
  /// The time stamped into document metadata, seconds since 1970 (UTC). The caller sets it
  /// from SOURCE_DATE_EPOCH, or from the data, so that output is byte-identical run to run.
  int64_t document_time = 0;
};

/// A self-contained HTML file from templates/html/*.mustache.
void render_html(const doc::Report& report, const RenderOptions& options,
                 const std::filesystem::path& out);
/// An A4 PDF with the bundled fonts embedded.
void render_pdf(const doc::Report& report, const RenderOptions& options,
                const std::filesystem::path& out);
/// An XLSX workbook, one sheet per table, native charts.
void render_xlsx(const doc::Report& report, const RenderOptions& options,
                 const std::filesystem::path& out);

}  // namespace ips::render
