// The input tables (docs/input.md): their names, columns and aliases, and how a sheet's header row
// is matched against them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ips {

enum class TableKind { Sites, Fidelity, FidelityWide, Reviews, Participants, Jobs, Texts, Actions };

/// Every column the program reads, across all tables.
enum class Field {
  Site,
  Name,
  County,
  NavOffice,
  HealthService,
  StartDate,
  Fte,  // Enheter
  Date,
  Scale,
  Item,
  Evaluator1,
  Evaluator2,
  Consensus,
  Comment,
  Recommendation,  // Kvalitetsmålinger
  Evaluators,
  Recipient,
  Purpose,
  Method,
  Summary,
  StatedTotal,  // Gjennomganger
  Participant,
  Intake,
  EmployedAtIntake,
  FirstEmployerContact,
  Ended,
  EndReason,
  Age,  // Deltakere
  JobKindField,
  JobStart,
  JobEnd,
  HoursPerWeek,
  Employer,
  Occupation,  // Jobber
  TextPeriod,
  TextField,
  TextBody,  // Tekster
  ReviewDate,
  ActionText,
  Responsible,
  Deadline,
  ActionStatusField,  // Tiltak (with Site, Item, Comment)
};

struct ColumnSpec {
  Field field;
  std::string name;  // the Norwegian header, as shown in messages
  bool required = false;
  std::vector<std::string> aliases;  // other accepted headers (any form; normalised on use)
};

struct TableSpec {
  TableKind kind;
  std::string name;  // "Kvalitetsmålinger"; the Norwegian table name used in messages
  std::vector<std::string> sheet_names;  // accepted sheet / CSV file names (any form)
  std::vector<ColumnSpec> columns;
};

/// The specification of one table kind.
const TableSpec& table_spec(TableKind kind);
/// The table kind a sheet (or CSV file stem) name stands for, if any.
std::optional<TableKind> table_kind_for_name(std::string_view sheet_name);
/// The column spec a header names within a table, if any.
const ColumnSpec* match_column(const TableSpec& table, std::string_view header);

}  // namespace ips
