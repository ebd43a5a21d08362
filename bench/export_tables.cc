#include "export_tables.h"

#include <array>
#include <string>

#include "participant_generation.h"

namespace ips::bench {
namespace {

Cell score_cell(int8_t score) {
  return score > 0 ? Cell{static_cast<double>(score)} : Cell{};
}
Cell date_cell(const std::optional<Date>& d) {
  return d ? Cell{*d} : Cell{};
}

void write_sites(const ExportData& data, TableSink& sink) {
  static constexpr std::array<std::string_view, 7> kHeaders = {
      "Enhet", "Navn", "Fylke", "NAV-kontor", "Helsetjeneste", "Oppstart", "Årsverk"};
  sink.begin_table("Enheter", kHeaders);
  for (const SiteRecord& s : data.sites) {
    const std::array<Cell, 7> row = {std::string_view(s.key),
                                     std::string_view(s.name),
                                     std::string_view(s.county),
                                     std::string_view(s.nav_office),
                                     std::string_view(s.health_service),
                                     s.start,
                                     s.fte};
    sink.add_row(row);
  }
}

void write_item_rows(const ExportData& data, TableSink& sink) {
  static constexpr std::array<std::string_view, 9> kHeaders = {
      "Enhet",       "Dato",      "Skala",     "Punkt",     "Evaluator 1",
      "Evaluator 2", "Konsensus", "Kommentar", "Anbefaling"};
  sink.begin_table("Kvalitetsmålinger", kHeaders);
  std::string code;
  // One row per item: the IPS-25 items (B1…T14), then the GOI items (G1…G12).
  auto add_rows = [&](std::string_view site, const auto& date, std::string_view scale,
                      const auto& items, auto code_of) {
    for (size_t i = 0; i < items.size(); ++i) {
      const ItemScores& item = items[i];
      code = code_of(static_cast<int>(i));
      const std::array<Cell, 9> row = {site,
                                       date,
                                       scale,
                                       std::string_view(code),
                                       score_cell(item.evaluator1),
                                       score_cell(item.evaluator2),
                                       score_cell(item.consensus),
                                       item.comment,
                                       item.recommendation};
      sink.add_row(row);
    }
  };
  for (const ReviewRecord& r : data.reviews) {
    const std::string_view site = data.sites[r.site].key;
    add_rows(site, r.date, "IPS-25", r.ips, [](int i) { return std::string(ips_item_code(i)); });
    add_rows(site, r.date, "GOI", r.goi,
             [](int i) { return std::string("G").append(std::to_string(i + 1)); });
  }
}

void write_reviews(const ExportData& data, TableSink& sink) {
  static constexpr std::array<std::string_view, 8> kHeaders = {
      "Enhet", "Dato", "Evaluatorer", "Til", "Formål", "Metode", "Oppsummering", "Oppgitt total"};
  sink.begin_table("Gjennomganger", kHeaders);
  for (const ReviewRecord& r : data.reviews) {
    const std::array<Cell, 8> row = {
        std::string_view(data.sites[r.site].key),
        r.date,
        std::string_view(r.evaluators),
        std::string_view(r.to),
        std::string_view(r.purpose),
        std::string_view(r.method),
        std::string_view(r.summary),
        r.stated_total ? Cell{static_cast<double>(*r.stated_total)} : Cell{}};
    sink.add_row(row);
  }
}

void write_participants(const ExportData& data, TableSink& sink) {
  static constexpr std::array<std::string_view, 8> kHeaders = {"Deltaker",
                                                               "Enhet",
                                                               "Inntak",
                                                               "I arbeid ved inntak",
                                                               "Første arbeidsgiverkontakt",
                                                               "Avsluttet",
                                                               "Avslutningsårsak",
                                                               "Alder"};
  sink.begin_table("Deltakere", kHeaders);
  for (const ParticipantRecord& p : data.participants) {
    const std::string id = participant_pseudonym(p.number);
    const std::string_view employed = p.employed_at_intake == EmployedAtIntake::yes  ? "ja"
                                      : p.employed_at_intake == EmployedAtIntake::no ? "nei"
                                                                                     : "";
    const std::array<Cell, 8> row = {std::string_view(id),
                                     std::string_view(data.sites[p.site].key),
                                     p.intake,
                                     employed,
                                     date_cell(p.first_employer_contact),
                                     date_cell(p.ended),
                                     p.end_reason,
                                     static_cast<double>(p.age)};
    sink.add_row(row);
  }
}

void write_jobs(const ExportData& data, TableSink& sink) {
  static constexpr std::array<std::string_view, 7> kHeaders = {
      "Deltaker", "Type", "Start", "Slutt", "Timer per uke", "Arbeidsgiver", "Yrke"};
  sink.begin_table("Jobber", kHeaders);
  std::string employer;
  for (const JobRecord& j : data.jobs) {
    const std::string id = participant_pseudonym(data.participants[j.participant].number);
    employer.assign(j.employer_chain);
    if (!j.employer_town.empty() && !employer.empty()) (employer += ' ') += j.employer_town;
    const std::array<Cell, 7> row = {std::string_view(id),
                                     job_kind_text(j.kind),
                                     j.start,
                                     date_cell(j.end),
                                     j.hours_per_week > 0 ? Cell{j.hours_per_week} : Cell{},
                                     std::string_view(employer),
                                     j.occupation};
    sink.add_row(row);
  }
}

void write_texts(const ExportData& data, TableSink& sink) {
  static constexpr std::array<std::string_view, 4> kHeaders = {"Enhet", "Periode", "Felt", "Tekst"};
  sink.begin_table("Tekster", kHeaders);
  for (const TextRecord& t : data.texts) {
    const std::array<Cell, 4> row = {std::string_view(t.site), std::string_view(t.period),
                                     std::string_view(t.field), std::string_view(t.text)};
    sink.add_row(row);
  }
}

void write_actions(const ExportData& data, TableSink& sink) {
  static constexpr std::array<std::string_view, 8> kHeaders = {
      "Enhet", "Gjennomgang", "Punkt", "Tiltak", "Ansvarlig", "Frist", "Status", "Kommentar"};
  sink.begin_table("Tiltak", kHeaders);
  for (const ActionRecord& a : data.actions) {
    const std::array<Cell, 8> row = {
        std::string_view(a.site),        a.review,
        std::string_view(a.item),        std::string_view(a.action),
        std::string_view(a.responsible), a.deadline ? Cell{*a.deadline} : Cell{},
        std::string_view(a.status),      std::string_view(a.comment)};
    sink.add_row(row);
  }
}

}  // namespace

void write_export_tables(const ExportData& data, TableSink& sink) {
  write_sites(data, sink);
  write_item_rows(data, sink);
  write_reviews(data, sink);
  write_participants(data, sink);
  write_jobs(data, sink);
  if (!data.texts.empty()) write_texts(data, sink);
  if (!data.actions.empty()) write_actions(data, sink);
  sink.finish();
}

}  // namespace ips::bench
