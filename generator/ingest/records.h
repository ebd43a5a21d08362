// Rows of the input tables after value parsing, before they are merged into the model.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/dataset.h"
#include "model/diagnostic.h"
#include "model/narrative.h"

namespace ips {

/// Where a row came from, to name it in diagnostics and to account for it: its table (whose
/// file and sheet Diagnostics::tables holds) and its row. Not the names themselves: a national
/// export has 700 000 rows, and a copy of both names in each added about 50 MB to the peak.
struct RowOrigin {
  size_t table = 0;  // index into Diagnostics::tables
  int row = 0;       // 1-based
};

/// A diagnostic about a whole row: its file, sheet and row, no column.
inline Diagnostic row_diagnostic(const Diagnostics& diags, const RowOrigin& o, Severity severity,
                                 std::string code) {
  const TableAccount& table = diags.tables.at(o.table);
  Diagnostic d;
  d.severity = severity;
  d.file = table.file;
  d.sheet = table.sheet;
  d.row = o.row;
  d.code = std::move(code);
  return d;
}

/// One parsed row: its origin and whether it has been excluded (and why it was counted).
struct RowState {
  RowOrigin origin;
  bool excluded = false;
  bool duplicate = false;
};

/// A fact keyed for duplicate/conflict detection across rows and files: equal key and equal
/// `canonical` text = duplicate; equal key and different text = conflict.
struct KeyedFact {
  std::string key;
  std::string canonical;
  size_t row = 0;  // index into RecordSet::rows
  bool dropped = false;
};

struct SiteFact : KeyedFact {
  Site site;
};

struct ItemFact : KeyedFact {
  std::string site;
  Date date;
  size_t scale = 0;
  size_t item = 0;
  ItemRating rating;  // evaluator1/2, consensus, comment, recommendation (score resolved later)
  int consensus_column = -1;  // 0-based column of Konsensus in the row's sheet; -1: none
};

/// Where a value sits in its row: the column letter and its header, for diagnostics found after
/// the row was read (a stated total checked against the item scores, a job's participant).
struct CellPlace {
  std::string column;
  std::string header;
};

struct ReviewInfoFact : KeyedFact {
  std::string site;
  Date date;
  ReviewInfo info;
  CellPlace stated_total_cell;
};

struct ParticipantFact : KeyedFact {
  Participant participant;
};

struct JobFact : KeyedFact {
  Job job;
  CellPlace participant_cell;
};

struct TextFact : KeyedFact {
  NarrativeText text;
  int text_line = 0;  // the spreadsheet row (or file line) the text starts on
};

struct ActionFact : KeyedFact {
  PlannedAction action;
};

/// Everything the table readers produced, from all files.
struct RecordSet {
  std::vector<RowState> rows;
  std::vector<SiteFact> sites;
  std::vector<ItemFact> items;
  std::vector<ReviewInfoFact> review_infos;
  std::vector<ParticipantFact> participants;
  std::vector<JobFact> jobs;
  std::vector<TextFact> texts;
  std::vector<ActionFact> actions;

  /// Registers a data row and returns its index.
  size_t add_row(RowOrigin origin) {
    rows.push_back({std::move(origin)});
    return rows.size() - 1;
  }
};

}  // namespace ips
