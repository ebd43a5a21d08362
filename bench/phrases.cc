#include "phrases.h"

#include <array>

namespace ips::bench::phrases {
namespace {

constexpr std::array<std::string_view, 5> kCommentStrong = {
    "Godt etablert praksis, bekreftet både i intervjuer og i journal.",
    "Jobbspesialistene beskriver en felles og tydelig arbeidsmåte.",
    "Dette er på plass og blir fulgt opp av enhetsleder.",
    "Dokumentasjonen viser at kriteriet følges for nesten alle deltakere.",
    "En styrke ved tjenesten; teamet bruker dette aktivt.",
};
constexpr std::array<std::string_view, 5> kCommentMiddle = {
    "Delvis på plass; praksisen varierer mellom jobbspesialistene.",
    "Godt i gang, men rutinen er ikke skrevet ned.",
    "Bedre enn ved forrige gjennomgang, men fortsatt ujevnt.",
    "Teamet kjenner kriteriet, men det er lite dokumentert.",
    "Fungerer for de fleste deltakerne, ikke for alle.",
};
constexpr std::array<std::string_view, 4> kCommentWeak = {
    "Lite av dette er på plass ennå.",
    "Teamet kjenner i liten grad til hva kriteriet krever.",
    "Ikke dokumentert i journal eller logg.",
    "Uklar ansvarsfordeling gjør at dette faller mellom to stoler.",
};
// One recommendation per item, in the scale's order, about what that item measures.
constexpr std::array<std::string_view, 25> kIpsRecommendation = {
    "Hold hver jobbspesialists portefølje på høyst 20 deltakere.",                       // B1
    "La jobbspesialistene bruke tiden på jobbstøtte, ikke på andre oppgaver i teamet.",  // B2
    "La samme jobbspesialist følge deltakeren fra kartlegging til oppfølging i jobb.",   // B3
    "Knytt hver jobbspesialist til ett eller to behandlingsteam.",                       // O1
    "La jobbspesialisten delta på behandlingsteamets møte hver uke.",                    // O2
    "Avtal faste månedlige møter med NAV-veilederne.",                                   // O3
    "Samle jobbspesialistene til felles veiledning hver uke.",                           // O4
    "Gi enhetslederen tid til veiledning av hver jobbspesialist.",                       // O5
    "Ta imot alle som ønsker arbeid, uten krav om at de først er «klare».",              // O6
    "Spør alle pasientene om arbeid, og gjør IPS kjent i hele klinikken.",               // O7
    "Ta IPS opp i ledergruppen før neste gjennomgang.",                                  // O8
    "Gi hver deltaker en beregning av hva arbeid betyr for ytelsene, før jobbstart.",    // T1
    "Drøft med hver deltaker hva arbeidsgiveren skal få vite om egne vansker.",          // T2
    "Oppdater karriereprofilen med erfaringene fra hver jobb.",                          // T3
    "Ta første kontakt med en arbeidsgiver innen en måned etter inntak.",                // T4
    "La deltakerens egne ønsker styre jobbsøket tydeligere.",                            // T5
    "Sett av faste tider hver uke til kontakt med arbeidsgivere.",                       // T6
    "Før logg over arbeidsgiverkontakter og bruk den i veiledningen.",                   // T7
    "Søk bredere enn butikk og lager, etter hver deltakers interesser.",                 // T8
    "Kontakt flere ulike arbeidsgivere, ikke de samme få hver gang.",                    // T9
    "Søk ordinære jobber med vanlig lønn, ikke tiltaksplasser.",                         // T10
    "Avtal med hver deltaker hvordan oppfølgingen i jobben skal være.",                  // T11
    "Følg opp deltakerne i jobb så lenge de trenger det, også etter ett år.",            // T12
    "Møt deltakere og arbeidsgivere ute, ikke på kontoret.",                             // T13
    "Oppsøk deltakere som uteblir, hjemme eller sammen med behandleren.",                // T14
};
constexpr std::array<std::string_view, 12> kGoiRecommendation = {
    "Gå gjennom IPS-prinsippene med hele behandlingsteamet.",                   // G1
    "Gå jevnlig gjennom teamets pasienter for å finne dem som ønsker arbeid.",  // G2
    "Tilby IPS til flere av pasientene som ønsker arbeid.",                     // G3
    "Lag en fullstendig karriereprofil for hver deltaker.",                     // G4
    "Skriv målet om arbeid inn i hver deltakers behandlingsplan.",              // G5
    "Tilpass oppfølgingen til hver deltakers mål, ikke til en fast mal.",       // G6
    "Gi nye medarbeidere opplæring i IPS-modellen tidlig.",                     // G7
    "Gi hver jobbspesialist veiledning minst hver annen uke.",                  // G8
    "Gjør en egenvurdering med kvalitetsskalaen hvert halvår.",                 // G9
    "Før oversikt over hvem som får jobb, og gå gjennom den hvert kvartal.",    // G10
    "Lag en plan for kvalitetsarbeidet og legg den fram for styringsgruppen.",  // G11
    "La deltakerne selv velge hvilke tjenester de vil ha.",                     // G12
};
constexpr std::array<std::string_view, 6> kReviewerPairs = {
    "Anne Berg og Lars Haugen", "Kari Moen og Per Lie",     "Ingrid Dahl og Ole Strand",
    "Marit Aas og Jonas Vik",   "Hege Lund og Tor Eriksen", "Silje Bakke og Arne Myhre",
};
constexpr std::array<std::string_view, 3> kSingleReviewers = {"Anne Berg", "Ole Strand",
                                                              "Hege Lund"};
constexpr std::array<std::string_view, 7> kEndReason = {
    "I jobb, trenger ikke lenger oppfølging",
    "Ønsket ikke å fortsette",
    "Flyttet",
    "Begynt på utdanning",
    "Helsemessige årsaker",
    "Overført til annet tiltak",
    "Mistet kontakt",
};
constexpr std::array<std::string_view, 14> kEmployer = {
    "Kiwi",          "Rema 1000",    "Coop Extra", "Kommunen",
    "Posten",        "Byggmakker",   "Elkjøp",     "Sykehjemmet",
    "Bilverkstedet", "Kafé Sentrum", "Renhold AS", "Lager og Logistikk AS",
    "Hotellet",      "Barnehagen",
};
constexpr std::array<std::string_view, 14> kOccupation = {
    "Butikkmedarbeider", "Lagerarbeider", "Renholder",    "Kokk",         "Barnehageassistent",
    "Kontormedarbeider", "Sjåfør",        "Vaktmester",   "Servitør",     "Pleieassistent",
    "IT-brukerstøtte",   "Snekker",       "Bilmekaniker", "Resepsjonist",
};
constexpr std::array<std::string_view, 24> kTown = {
    "Bodø",         "Tromsø",  "Alta",       "Trondheim", "Steinkjer", "Molde",
    "Ålesund",      "Førde",   "Bergen",     "Stord",     "Stavanger", "Haugesund",
    "Kristiansand", "Arendal", "Skien",      "Tønsberg",  "Drammen",   "Hønefoss",
    "Gjøvik",       "Hamar",   "Lillestrøm", "Bærum",     "Oslo",      "Fredrikstad",
};
constexpr std::array<std::string_view, 24> kTownCounty = {
    "Nordland",
    "Troms",
    "Finnmark",
    "Sør-Trøndelag",
    "Nord-Trøndelag",
    "Møre og Romsdal",
    "Møre og Romsdal",
    "Sogn og Fjordane",
    "Hordaland",
    "Hordaland",
    "Rogaland",
    "Rogaland",
    "Vest-Agder",
    "Aust-Agder",
    "Telemark",
    "Vestfold",
    "Buskerud",
    "Buskerud",
    "Oppland",
    "Hedmark",
    "Akershus",
    "Akershus",
    "Oslo",
    "Østfold",
};

}  // namespace

const std::span<const std::string_view> comment_strong = kCommentStrong;
const std::span<const std::string_view> comment_middle = kCommentMiddle;
const std::span<const std::string_view> comment_weak = kCommentWeak;
const std::span<const std::string_view> ips_recommendation = kIpsRecommendation;
const std::span<const std::string_view> goi_recommendation = kGoiRecommendation;
const std::span<const std::string_view> reviewer_pairs = kReviewerPairs;
const std::span<const std::string_view> single_reviewers = kSingleReviewers;
const std::span<const std::string_view> end_reason = kEndReason;
const std::span<const std::string_view> employer = kEmployer;
const std::span<const std::string_view> occupation = kOccupation;
const std::span<const std::string_view> town = kTown;
const std::span<const std::string_view> town_county = kTownCounty;

}  // namespace ips::bench::phrases
