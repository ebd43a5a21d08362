// A checker for the machine-checkable PDF/UA-1 failure conditions (a subset of the Matterhorn
// protocol 1.1): marked and tagged, structure tree, every content item tagged or an artifact,
// language, title shown, Figure alt text and bounding box, heading levels, table structure and
// header scope, link descriptions, tab order, embedded fonts with Unicode maps. veraPDF is not
// available on Debian 12; this covers what the reports can get wrong, read with libqpdf.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ips::pdfua {

/// One failed condition: the Matterhorn checkpoint, where (page or object) and what.
struct Failure {
  std::string checkpoint;  // Matterhorn checkpoint ("01-005") or ISO 14289-1 clause ("7.18.5")
  std::string where;       // "document", "page 3", "object 17 0 (Figure)"
  std::string what;
};

/// Every failure found in the PDF at `path`; an unreadable file is one failure.
std::vector<Failure> check_pdf_ua(const std::filesystem::path& path);

/// "path: where: what [checkpoint]".
std::string describe(const std::filesystem::path& path, const Failure& failure);

}  // namespace ips::pdfua
