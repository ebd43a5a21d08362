// How a free-text end reason is read (analysis/end_reason.h): a job or study counts only where
// the text says it happened, not where it says it was not wanted, was lost or is not ordinary
// paid work. Every sentence here is one a project leader could type into Avslutningsårsak.
#include <catch2/catch.hpp>

#include "analysis/end_reason.h"

using namespace ips;
using G = EndReasonGroup;

TEST_CASE("end reasons that say the person got a job count as ended in work", "[end-reason]") {
  for (const char* reason :
       {"I jobb, trenger ikke lenger oppfølging", "  Fått fast ARBEID ", "Fikk jobb", "Jobb",
        "Begynt i deltidsjobb", "Har fått sommer-jobb på Rema", "Fast ansatt hos Posten",
        "Fått fast stilling", "Over i lønnsarbeid", "Tilbake i jobben – klarer seg selv",
        "Trenger ikke IPS, har jobb", "Jobber nå 60 %", "ØNSKER IKKE MER OPPFØLGING; I JOBB",
        "Employed full time", "Got a job at the local shop", "Back at work (ordinary)",
        "Begynt på skole og i deltidsjobb"}) {
    CAPTURE(reason);
    CHECK(end_reason_group(reason) == G::Work);
  }
}

TEST_CASE("end reasons that say the person started to study count as ended in education",
          "[end-reason]") {
  for (const char* reason :
       {"Begynt på utdanning", "Startet på videregående skole", "Tatt opp ved Høgskolen",
        "Student ved universitetet", "Started school", "Went back to college",
        "Ikke aktuelt med jobb, begynt på studier"}) {
    CAPTURE(reason);
    CHECK(end_reason_group(reason) == G::Education);
  }
}

TEST_CASE("an end reason that negates or doubts the job it names is not ended in work",
          "[end-reason]") {
  for (const char* reason :
       {"Ønsket ikke jobb", "Ikke motivert for arbeid", "Fikk ikke jobb", "Ikke i jobb",
        "Jobb ikke aktuelt nå", "Ingen jobb å få", "Avslo jobbtilbud og jobb", "Uten arbeid",
        "Ønsker ikkje arbeid", "Did not want a job", "No job found", "Didn't want work",
        "Never started work", "Declined the job offer and the job"}) {
    CAPTURE(reason);
    CHECK(end_reason_group(reason) == G::Other);
  }
}

TEST_CASE("an end reason that tells of leaving or losing a job is not ended in work",
          "[end-reason]") {
  for (const char* reason :
       {"Sluttet i jobben etter to uker", "Mistet jobben", "Oppsagt fra jobben", "Slutta i jobben",
        "Permittert fra arbeid", "Lost his job", "Quit the job", "Left work after a month",
        "Fired from job", "Fikk jobb men sluttet"}) {
    CAPTURE(reason);
    CHECK(end_reason_group(reason) == G::Other);
  }
  for (const char* reason : {"Avbrøt utdanningen", "Sluttet på skolen", "Dropped out of school"}) {
    CAPTURE(reason);
    CHECK(end_reason_group(reason) == G::Other);
  }
}

TEST_CASE("words that only look like a job are not ended in work", "[end-reason]") {
  for (const char* reason :
       {"Begynt i arbeidspraksis", "Arbeidsledig, flyttet", "Mottar arbeidsavklaringspenger",
        "Over i arbeidstrening", "Avsluttet samarbeid", "Samarbeidet tok slutt",
        "Ny medarbeider i NAV overtok", "Varig tilrettelagt arbeid (VTA)", "Frivillig arbeid",
        "Begynt i praksis på en arbeidsplass", "Unemployed", "Work placement through NAV",
        "Sheltered work", "Jobbsøking satt på vent"}) {
    CAPTURE(reason);
    CHECK(end_reason_group(reason) == G::Other);
  }
}

TEST_CASE("other end reasons, and none, are other", "[end-reason]") {
  for (const char* reason :
       {"Flyttet", "Mistet kontakt", "Ønsket ikke å fortsette", "Helsemessige årsaker",
        "Overført til annet tiltak", "", "  ", "—", "Innlagt", "Moved away"}) {
    CAPTURE(reason);
    CHECK(end_reason_group(reason) == G::Other);
  }
}

TEST_CASE("a clause that doubts a job does not stop another clause from naming one",
          "[end-reason]") {
  CHECK(end_reason_group("Ikke behov for mer støtte, i jobb") == G::Work);
  CHECK(end_reason_group("Sluttet i IPS. Fått jobb") == G::Work);
  CHECK(end_reason_group("Mistet jobben, fikk ny jobb") == G::Work);
  CHECK(end_reason_group("Ønsket ikke jobb / begynt på utdanning") == G::Education);
}
