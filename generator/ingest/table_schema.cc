#include "ingest/table_schema.h"

#include "ingest/text_normalize.h"

namespace ips {

namespace {

std::vector<TableSpec> make_specs() {
  std::vector<TableSpec> specs;
  specs.push_back(
      {TableKind::Sites,
       "Enheter",
       {"Enheter", "Enhet", "Sites", "Site", "Enhetsregister"},
       {{Field::Site, "Enhet", true, {"Site", "Enhet-ID", "Site ID", "Enhets-ID", "Tjeneste"}},
        {Field::Name, "Navn", false, {"Name", "Enhetsnavn", "Site name"}},
        {Field::County, "Fylke", false, {"County"}},
        {Field::NavOffice, "NAV-kontor", false, {"NAV office", "NAV"}},
        {Field::HealthService,
         "Helsetjeneste",
         false,
         {"Health service", "Helseforetak", "Behandlingsenhet"}},
        {Field::StartDate, "Oppstart", false, {"Start date", "Startdato", "Oppstartsdato"}},
        {Field::Fte,
         "Årsverk",
         false,
         {"FTE", "Jobbspesialister (årsverk)", "Jobbspesialister årsverk", "Stillinger"}}}});
  specs.push_back(
      {TableKind::Fidelity,
       "Kvalitetsmålinger",
       {"Kvalitetsmålinger", "Kvalitetsmåling", "Fidelity", "Fidelity scores", "Skår", "Skårer",
        "Poengskjema"},
       {{Field::Site, "Enhet", true, {"Site", "Enhet-ID", "Site ID"}},
        {Field::Date, "Dato", true, {"Date", "Review date", "Gjennomgangsdato", "Måledato"}},
        {Field::Scale, "Skala", false, {"Scale", "Skjema"}},
        {Field::Item, "Punkt", true, {"Item", "Nr", "Item code", "Kode", "Kriterium"}},
        {Field::Evaluator1, "Evaluator 1", false, {"Rater 1", "Evaluerer 1", "Vurderer 1"}},
        {Field::Evaluator2, "Evaluator 2", false, {"Rater 2", "Evaluerer 2", "Vurderer 2"}},
        {Field::Consensus, "Konsensus", false, {"Consensus", "Skår", "Score", "Poeng"}},
        {Field::Comment, "Kommentar", false, {"Comment", "Kommentarer", "Comments"}},
        {Field::Recommendation,
         "Anbefaling",
         false,
         {"Recommendation", "Anbefalinger", "Recommendations"}}}});
  // Wide form: Enhet, Dato and one column per item code; item columns are matched separately.
  specs.push_back(
      {TableKind::FidelityWide,
       "Kvalitetsmålinger",
       {},
       {{Field::Site, "Enhet", true, {"Site", "Enhet-ID", "Site ID"}},
        {Field::Date, "Dato", true, {"Date", "Review date", "Gjennomgangsdato", "Måledato"}}}});
  specs.push_back(
      {TableKind::Reviews,
       "Gjennomganger",
       {"Gjennomganger", "Gjennomgang", "Reviews", "Review"},
       {{Field::Site, "Enhet", true, {"Site", "Enhet-ID", "Site ID"}},
        {Field::Date, "Dato", true, {"Date", "Review date", "Gjennomgangsdato"}},
        {Field::Evaluators, "Evaluatorer", false, {"Reviewers", "Evaluators", "Fra", "From"}},
        {Field::Recipient, "Til", false, {"To", "Mottaker", "Recipient"}},
        {Field::Purpose, "Formål", false, {"Purpose"}},
        {Field::Method, "Metode", false, {"Method"}},
        {Field::Summary, "Oppsummering", false, {"Summary", "Sammendrag"}},
        {Field::StatedTotal, "Oppgitt total", false, {"Stated total", "Totalt", "Total", "Sum"}}}});
  specs.push_back(
      {TableKind::Participants,
       "Deltakere",
       {"Deltakere", "Deltaker", "Participants", "Participant"},
       {{Field::Participant,
         "Deltaker",
         true,
         {"Participant", "Deltaker-ID", "Participant ID", "Deltakernummer"}},
        {Field::Site, "Enhet", true, {"Site", "Enhet-ID", "Site ID"}},
        {Field::Intake, "Inntak", true, {"Intake", "Startdato", "Inntaksdato", "Intake date"}},
        {Field::EmployedAtIntake,
         "I arbeid ved inntak",
         false,
         {"Employed at intake", "Arbeid ved inntak"}},
        {Field::FirstEmployerContact,
         "Første arbeidsgiverkontakt",
         false,
         {"First employer contact"}},
        {Field::Ended, "Avsluttet", false, {"Ended", "Sluttdato", "End date", "Avslutningsdato"}},
        {Field::EndReason, "Avslutningsårsak", false, {"End reason", "Årsak til avslutning"}},
        {Field::Age, "Alder", false, {"Age", "Alder ved inntak"}}}});
  specs.push_back(
      {TableKind::Jobs,
       "Jobber",
       {"Jobber", "Jobb", "Jobs", "Job", "Arbeidsforhold"},
       {{Field::Participant, "Deltaker", true, {"Participant", "Deltaker-ID", "Participant ID"}},
        {Field::JobKindField, "Type", true, {"Kind", "Jobbtype", "Type arbeid"}},
        {Field::JobStart, "Start", true, {"Start date", "Startdato", "Oppstart"}},
        {Field::JobEnd, "Slutt", false, {"End date", "Sluttdato", "End"}},
        {Field::HoursPerWeek,
         "Timer per uke",
         false,
         {"Hours per week", "Timer/uke", "Ukentlige timer", "Stillingsprosent timer"}},
        {Field::Employer, "Arbeidsgiver", false, {"Employer"}},
        {Field::Occupation, "Yrke", false, {"Occupation", "Job type", "Stilling"}}}});
  // The project leader's texts and the action plan after a review (docs/narrative.md).
  specs.push_back({TableKind::Texts,
                   "Tekster",
                   {"Tekster", "Tekst", "Texts", "Text", "Narrative"},
                   {{Field::Site, "Enhet", false, {"Site", "Enhet-ID", "Site ID"}},
                    {Field::TextPeriod, "Periode", true, {"Period", "Halvår", "Half-year"}},
                    {Field::TextField, "Felt", true, {"Field", "Type", "Del"}},
                    {Field::TextBody, "Tekst", true, {"Text", "Innhold", "Content"}}}});
  specs.push_back(
      {TableKind::Actions,
       "Tiltak",
       {"Tiltak", "Tiltaksplan", "Actions", "Action plan"},
       {{Field::Site, "Enhet", true, {"Site", "Enhet-ID", "Site ID"}},
        {Field::ReviewDate, "Gjennomgang", true, {"Review", "Review date", "Gjennomgangsdato"}},
        {Field::Item, "Punkt", true, {"Item", "Nr", "Item code", "Kode"}},
        {Field::ActionText, "Tiltak", true, {"Action", "Handling"}},
        {Field::Responsible, "Ansvarlig", false, {"Responsible", "Owner", "Ansvar"}},
        {Field::Deadline, "Frist", false, {"Deadline", "Due", "Due date", "Tidsfrist"}},
        {Field::ActionStatusField, "Status", true, {"State"}},
        {Field::Comment, "Kommentar", false, {"Comment", "Kommentarer", "Merknad"}}}});
  return specs;
}

const std::vector<TableSpec>& specs() {
  static const std::vector<TableSpec> all = make_specs();
  return all;
}

}  // namespace

const TableSpec& table_spec(TableKind kind) {
  for (const auto& s : specs())
    if (s.kind == kind) return s;
  return specs().front();
}

std::optional<TableKind> table_kind_for_name(std::string_view sheet_name) {
  const std::string key = normalize_key(sheet_name);
  if (key.empty()) return std::nullopt;
  for (const auto& s : specs())
    for (const auto& n : s.sheet_names)
      if (normalize_key(n) == key) return s.kind;
  return std::nullopt;
}

const ColumnSpec* match_column(const TableSpec& table, std::string_view header) {
  const std::string key = normalize_key(header);
  if (key.empty()) return nullptr;
  for (const auto& c : table.columns) {
    if (normalize_key(c.name) == key) return &c;
    for (const auto& a : c.aliases)
      if (normalize_key(a) == key) return &c;
  }
  return nullptr;
}

}  // namespace ips
