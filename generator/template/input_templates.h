// Blank data-entry workbooks (`ipsreport template`): a review workbook and a participant/job
// register laid out exactly as the ingest reads them, with dropdowns, date checks and
// instructions in the report language. The same writers fill the layouts with rows, so a test
// can prove that what a user types into a template is read back unchanged.
#pragma once

#include <filesystem>
#include <vector>

#include "model/dataset.h"
#include "model/scale.h"
#include "report/wording.h"

namespace ips {

/// File names of the two templates (the same in every language: scripts refer to them).
inline constexpr const char* kReviewTemplateFile = "ips-kvalitetsmaling.xlsx";
inline constexpr const char* kRegisterTemplateFile = "ips-deltakere-og-jobber.xlsx";

/// A row of the Tekster sheet as typed: the text is Markdown source.
struct TextRow {
  std::string site;  // empty: the national summary
  Period period;
  std::string field;  // a text field key: "vurdering", "mal", "merknad"
  std::string markdown;
};

/// What a review workbook holds; empty = the blank template (one empty 37-item block).
struct ReviewWorkbookRows {
  std::vector<Site> sites;
  std::vector<Review> reviews;
  std::vector<TextRow> texts;
  std::vector<PlannedAction> actions;
};

/// What a register workbook holds; empty = the blank template.
struct RegisterWorkbookRows {
  std::vector<Participant> participants;
  std::vector<Job> jobs;
};

/// Writes the review workbook (Instruksjoner, Gjennomganger, Kvalitetsmålinger, Enheter, Tekster,
/// Tiltak); throws
/// std::runtime_error naming the file.
void write_review_workbook(const std::filesystem::path& path, const ScaleCatalog& scales,
                           const Wording& words, const ReviewWorkbookRows& rows = {});

/// Writes the register workbook (Instruksjoner, Deltakere, Jobber); throws std::runtime_error
/// naming the file.
void write_register_workbook(const std::filesystem::path& path, const Wording& words,
                             const RegisterWorkbookRows& rows = {});

/// Writes both blank templates into dir (created if missing) and returns their paths.
std::vector<std::filesystem::path> write_input_templates(const std::filesystem::path& dir,
                                                         const ScaleCatalog& scales,
                                                         const Wording& words);

}  // namespace ips
