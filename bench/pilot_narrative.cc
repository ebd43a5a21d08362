#include "pilot_narrative.h"

#include <algorithm>
#include <array>

namespace ips::bench {

namespace {

// Items of a review that carry a recommendation (else all scored ones), lowest consensus first
// (ties: scale order).
std::vector<int> recommended_items(const ReviewRecord& r, size_t at_most) {
  std::vector<int> items;
  for (int i = 0; i < 25; ++i)
    if (!r.ips[static_cast<size_t>(i)].recommendation.empty()) items.push_back(i);
  // A review that wrote no recommendation still has its weakest items to work on.
  if (items.empty())
    for (int i = 0; i < 25; ++i)
      if (r.ips[static_cast<size_t>(i)].consensus > 0) items.push_back(i);
  std::stable_sort(items.begin(), items.end(), [&r](int a, int b) {
    return r.ips[static_cast<size_t>(a)].consensus < r.ips[static_cast<size_t>(b)].consensus;
  });
  if (items.size() > at_most) items.resize(at_most);
  return items;
}

// The measure a site plans for each IPS-25 item, in the scale's order.
constexpr std::array<const char*, 25> kActions = {
    "Ny jobbspesialist tilsatt, så porteføljen holdes under 20 deltakere",            // B1
    "Jobbspesialistene fritas fra vakter og andre oppgaver i teamet",                 // B2
    "Hver deltaker har én jobbspesialist fra kartlegging til oppfølging i jobb",      // B3
    "Hver jobbspesialist knyttes til ett behandlingsteam",                            // O1
    "Fast ukentlig møte mellom jobbspesialist og behandler om hver deltaker",         // O2
    "Felles opplæring i IPS for NAV-veiledere og behandlere",                         // O3
    "Jobbspesialistene har felles veiledningsmøte hver uke",                          // O4
    "Enhetslederen går gjennom resultatene med hver jobbspesialist hver måned",       // O5
    "Henvisningsrutinen endres: alle som ønsker arbeid, kan henvises",                // O6
    "Arbeid tas opp i alle behandlingsplaner; IPS presenteres på klinikkens fagdag",  // O7
    "Styringsgruppen gjennomgår tiltaksplanen hvert kvartal",                         // O8
    "Avtale med NAV om beregning av ytelser før jobbstart",                           // T1
    "Samtale med hver deltaker før jobbsøket om hva arbeidsgiveren skal få vite",     // T2
    "Karriereprofilen oppdateres etter hver jobb og hvert jobbsøk",                   // T3
    "Første arbeidsgiverkontakt innen fire uker etter inntak; fristen følges opp i teammøtet",  // T4
    "Jobbsøket planlegges ut fra deltakerens ønsker og skrives i karriereprofilen",  // T5
    "Jobbspesialistene bruker minst 65 % av tiden ute hos arbeidsgivere; registreres ukentlig",  // T6
    "Loggen over arbeidsgiverkontakter gjennomgås i veiledningen hver uke",                // T7
    "Jobbspesialistene kartlegger nye bransjer i området hvert halvår",                    // T8
    "Minst ti nye arbeidsgivere kontaktes hver måned",                                     // T9
    "Jobbsøket gjelder ordinære jobber med vanlig lønn, ikke tiltaksplasser",              // T10
    "Rutine for jobbstøtte etter ansettelse, med plan for hver deltaker",                  // T11
    "Oppfølgingen i jobb avsluttes først når deltakeren selv ønsker det",                  // T12
    "Møtene med deltakerne holdes på arbeidsplassen, hjemme eller ute, ikke på kontoret",  // T13
    "Rutine for å oppsøke deltakere som uteblir, sammen med behandleren",                  // T14
};
constexpr std::array<const char*, 3> kResponsible = {"Prosjektleder", "Teamleder NAV",
                                                     "Avdelingsleder DPS"};

void add_plan(ExportData& data, const ReviewRecord& r, bool earlier, size_t seed) {
  const std::string& site = data.sites[r.site].key;
  const std::vector<int> items = recommended_items(r, 3);
  for (size_t k = 0; k < items.size(); ++k) {
    ActionRecord a;
    a.site = site;
    a.review = r.date;
    a.item = ips_item_code(items[k]);
    a.action = kActions[static_cast<size_t>(items[k])];
    a.responsible = kResponsible[(seed + k) % kResponsible.size()];
    // Six weeks to make the plan, then three to nine months per action.
    a.deadline = Date{r.date.days + 90 + static_cast<int32_t>(k) * 60};
    if (earlier) {
      a.status = k + 1 < items.size() || seed % 2 == 0 ? "fullført" : "pågår";
      a.comment = a.status == "fullført" ? "Gjennomført og tatt inn i rutinene." : "";
    } else {
      static constexpr std::array<const char*, 3> kNow = {"pågår", "ikke startet", "pågår"};
      a.status = kNow[(seed + k) % kNow.size()];
      a.comment = k == 0 ? "Drøftet i styringsgruppen." : "";
    }
    data.actions.push_back(std::move(a));
  }
}

}  // namespace

void add_pilot_narrative(ExportData& data) {
  for (uint32_t s = 0; s < data.sites.size(); ++s) {
    std::vector<const ReviewRecord*> reviews;
    for (const ReviewRecord& r : data.reviews)
      if (r.site == s) reviews.push_back(&r);
    if (reviews.size() >= 2) add_plan(data, *reviews[reviews.size() - 2], true, s);
    if (!reviews.empty()) add_plan(data, *reviews.back(), false, s + 1);

    const std::string& key = data.sites[s].key;
    const std::string& name = data.sites[s].name;
    data.texts.push_back(
        {key, "2016-H2", "Vurdering",
         name + " har i halvåret arbeidet videre med *tett samarbeid med behandlerne*. "
                "Teamet er fulltallig, og styringsgruppen har fulgt tiltaksplanen fra siste "
                "gjennomgang.\n\n"
                "Vi ser at **arbeidsgiverkontakten** fortsatt er det viktigste å styrke:\n\n"
                "- flere besøk hos arbeidsgivere hver uke\n"
                "- raskere første kontakt etter inntak\n"
                "- jobbstøtte også etter at deltakeren har fått jobb\n"});
    data.texts.push_back({key, "2016-H2", "Mål for neste halvår",
                          "1. Alle tiltak fra siste gjennomgang er påbegynt innen mars.\n"
                          "2. Jobbspesialistene bruker mer tid ute hos arbeidsgivere.\n"
                          "3. Nye deltakere får første arbeidsgiverkontakt innen fire uker.\n\n"
                          "Se også [IPS-veilederen](https://www.helsedirektoratet.no/) for "
                          "modellens kjerne."});
    if (s % 2 == 0)
      data.texts.push_back({key, "2016-H2", "Merknad til resultatene",
                            "Tallene for halvåret bygger på et lite antall deltakere og bør "
                            "leses sammen med trenden over tid."});
  }
  data.texts.push_back(
      {"", "2016-H2", "Vurdering",
       "De seks pilotene har i 2016 fulgt opp anbefalingene fra gjennomgangene med "
       "**skriftlige tiltaksplaner**. Andelen fullførte tiltak varierer mellom enhetene; "
       "*arbeidsgiverkontakt* og *integrering med behandling* går igjen som "
       "forbedringsområder.\n"});
}

}  // namespace ips::bench
