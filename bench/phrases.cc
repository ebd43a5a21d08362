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
constexpr std::array<std::string_view, 7> kRecommendation = {
    "Lag en skriftlig rutine og gå gjennom den på et teammøte.",
    "Sett av faste tider hver uke til kontakt med arbeidsgivere.",
    "Før logg over arbeidsgiverkontakter og bruk den i veiledningen.",
    "Avtal faste månedlige møter med NAV-veilederne.",
    "Ta saken opp i styringsgruppen før neste gjennomgang.",
    "La deltakerens egne ønsker styre jobbsøket tydeligere.",
    "Gi nye medarbeidere opplæring i IPS-modellen tidlig.",
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
const std::span<const std::string_view> recommendation = kRecommendation;
const std::span<const std::string_view> reviewer_pairs = kReviewerPairs;
const std::span<const std::string_view> single_reviewers = kSingleReviewers;
const std::span<const std::string_view> end_reason = kEndReason;
const std::span<const std::string_view> employer = kEmployer;
const std::span<const std::string_view> occupation = kOccupation;
const std::span<const std::string_view> town = kTown;
const std::span<const std::string_view> town_county = kTownCounty;

}  // namespace ips::bench::phrases
