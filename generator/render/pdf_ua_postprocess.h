// The second half of a PDF/UA-1 file: what cairo 1.16 cannot write, added with libqpdf to the
// tagged PDF it wrote. The catalog's /Lang, ViewerPreferences /DisplayDocTitle, XMP metadata
// (dc:title, pdfuaid:part 1, the Info dict's fixed dates), /Tabs /S on every page; on the
// structure elements (matched in order with PdfTags' notes) /Alt, Figure /BBox, table header
// /Scope, /Lang and link /Contents; and everything drawn outside the tagged content marked as an
// Artifact.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf_tags.h"

namespace ips::render {

struct PdfUaMetadata {
  std::string title, subject, author, keywords;
  std::string lang;  // BCP 47: "nb", "en"
  int64_t time = 0;  // the creation and modification date, seconds since 1970 (UTC)
};

/// The finished PDF: `pdf` (cairo's output) with the additions above, its small objects in an
/// object stream. Deterministic: the same input gives the same bytes (the file ID is derived from
/// the content). Throws std::runtime_error when cairo's structure tree does not match `notes`.
std::string finish_pdf_ua(const std::string& pdf, const std::vector<TagNote>& notes,
                          const PdfUaMetadata& meta);

/// One content stream with every painting operator outside marked content put inside
/// `/Artifact BMC … EMC`; what is already marked is left as it is.
std::string mark_untagged_as_artifacts(std::string_view content);

}  // namespace ips::render
