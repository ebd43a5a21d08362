#include "pilot_example.h"

#include "pilot_narrative.h"

#include <array>
#include <cmath>

#include "participant_generation.h"
#include "phrases.h"
#include "review_generation.h"

namespace ips::bench {
namespace {

/// A calendar day written as year, month, day.
struct Ymd {
  int year;
  unsigned month, day;
  Date date() const { return Date::from_ymd(year, month, day); }
};

/// One planned review: its date and the IPS-25 total the review should arrive at.
struct PlannedReview {
  Ymd day;
  int total;       // 0 = no review in this slot
  int items = 25;  // items scored: fewer = a partial review (the first `items`, B1 onwards)
};

/// One pilot: register row, reviewers, review plan and outcome profile.
struct Pilot {
  const char* key;
  const char* name;
  const char* county;
  const char* nav_office;
  const char* health_service;
  Ymd start;
  double fte;
  const char* reviewers;
  const char* town;
  std::array<PlannedReview, 10> plan;
  int participants;
  double competitive_job;
};

// Totals climb over the rounds and together cover all four bands: Oslo starts below 74
// ("IPS-program benyttes ikke"), Bodø and Vestfold end above 115 ("Meget bra kvalitet").
// Oslo skipped the spring 2015 review and Akershus the autumn 2014 one. The last round has the
// cases a report must get right: Oppland was reviewed twice in 2016-H2 (September and a follow-up
// in November, the round's review), Hordaland's 2016-H2 review is partial (staffing and
// organisation only, so its ranking rests on 2016-H1), and Oslo missed 2016-H2.
const std::array<Pilot, 6> kPilots = {{
    {.key = "Bodø",
     .name = "Psykoseteamet, Salten DPS",
     .county = "Nordland",
     .nav_office = "NAV Bodø",
     .health_service = "Salten DPS, Nordlandssykehuset",
     .start = {2013, 1, 7},
     .fte = 1.0,
     .reviewers = "Anne Berg og Lars Haugen",
     .town = "Bodø",
     .plan = {{{{2013, 6, 11}, 86},
               {{2013, 11, 26}, 95},
               {{2014, 5, 20}, 101},
               {{2014, 11, 18}, 106},
               {{2015, 5, 12}, 110},
               {{2015, 11, 24}, 113},
               {{2016, 5, 10}, 116},
               {{2016, 11, 15}, 118}}},
     .participants = 60,
     .competitive_job = 0.62},
    {.key = "Oppland",
     .name = "IPS Gjøvik",
     .county = "Oppland",
     .nav_office = "NAV Gjøvik",
     .health_service = "Sykehuset Innlandet, DPS Gjøvik",
     .start = {2012, 9, 3},
     .fte = 2.0,
     .reviewers = "Kari Moen og Per Lie",
     .town = "Gjøvik",
     .plan = {{{{2012, 11, 20}, 68},
               {{2013, 5, 28}, 77},
               {{2013, 11, 12}, 83},
               {{2014, 5, 6}, 88},
               {{2014, 11, 4}, 93},
               {{2015, 5, 19}, 97},
               {{2015, 11, 10}, 100},
               {{2016, 5, 24}, 103},
               {{2016, 9, 13}, 104},
               {{2016, 11, 22}, 106}}},
     .participants = 90,
     .competitive_job = 0.55},
    {.key = "Akershus",
     .name = "IPS Romerike",
     .county = "Akershus",
     .nav_office = "NAV Skedsmo",
     .health_service = "Akershus universitetssykehus, DPS Nedre Romerike",
     .start = {2013, 1, 14},
     .fte = 3.0,
     .reviewers = "Ingrid Dahl og Ole Strand",
     .town = "Lillestrøm",
     .plan = {{{{2013, 4, 16}, 74},
               {{2013, 10, 22}, 79},
               {{2014, 4, 8}, 84},
               {{2015, 4, 21}, 90},
               {{2015, 10, 20}, 94},
               {{2016, 4, 19}, 97},
               {{2016, 10, 18}, 99}}},
     .participants = 120,
     .competitive_job = 0.45},
    {.key = "Oslo",
     .name = "IPS Oslo Nord",
     .county = "Oslo",
     .nav_office = "NAV Sagene",
     .health_service = "Lovisenberg Diakonale Sykehus, Lovisenberg DPS",
     .start = {2013, 2, 4},
     .fte = 4.0,
     .reviewers = "Ingrid Dahl og Ole Strand",
     .town = "Oslo",
     .plan = {{{{2013, 5, 7}, 58},
               {{2013, 11, 5}, 64},
               {{2014, 5, 13}, 70},
               {{2014, 11, 11}, 73},
               {{2015, 10, 27}, 80},
               {{2016, 5, 3}, 85}}},
     .participants = 150,
     .competitive_job = 0.36},
    {.key = "Vestfold",
     .name = "IPS Tønsberg",
     .county = "Vestfold",
     .nav_office = "NAV Tønsberg",
     .health_service = "Sykehuset i Vestfold, DPS Tønsberg",
     .start = {2012, 10, 1},
     .fte = 2.5,
     .reviewers = "Marit Aas og Jonas Vik",
     .town = "Tønsberg",
     .plan = {{{{2012, 12, 11}, 76},
               {{2013, 6, 4}, 84},
               {{2013, 12, 3}, 92},
               {{2014, 6, 3}, 99},
               {{2014, 12, 2}, 104},
               {{2015, 6, 9}, 108},
               {{2015, 12, 1}, 111},
               {{2016, 6, 7}, 112},
               {{2016, 12, 6}, 115}}},
     .participants = 100,
     .competitive_job = 0.66},
    {.key = "Hordaland",
     .name = "IPS Bergen",
     .county = "Hordaland",
     .nav_office = "NAV Årstad",
     .health_service = "Helse Bergen, Bjørgvin DPS",
     .start = {2013, 3, 4},
     .fte = 3.0,
     .reviewers = "Hege Lund og Tor Eriksen",
     .town = "Bergen",
     .plan = {{{{2013, 5, 14}, 71},
               {{2013, 11, 19}, 79},
               {{2014, 5, 27}, 86},
               {{2014, 11, 25}, 92},
               {{2015, 5, 26}, 98},
               {{2015, 11, 17}, 101},
               {{2016, 5, 31}, 104},
               {{2016, 11, 29}, 48, 11}}},
     .participants = 130,
     .competitive_job = 0.55},
}};

/// The published Bodø baseline: one evaluator, staffing and organisation only.
ReviewRecord bodo_baseline() {
  static constexpr std::array<int8_t, 11> kStaffingAndOrganisation = {5, 5, 5, 5, 4, 5,
                                                                      4, 5, 4, 4, 5};
  static constexpr std::array<int8_t, 12> kGoi = {2, 3, 3, 3, 5, 5, 5, 5, 5, 4, 5, 5};
  ReviewRecord review;
  review.site = 0;
  review.date = Date::from_ymd(2012, 12, 3);
  for (size_t i = 0; i < kStaffingAndOrganisation.size(); ++i)
    review.ips[i] = ItemScores{kStaffingAndOrganisation[i], 0, kStaffingAndOrganisation[i], {}, {}};
  // T1–T14 stay empty: the service had not started, so services could not be scored.
  review.ips[0].comment = "Én jobbspesialist er ansatt og skal ha høyst 20 deltakere.";
  review.ips[4].comment =
      "Jobbspesialisten skal delta på teamets ukentlige møter; kontorplass ikke avklart.";
  review.ips[6].comment = "Enheten består foreløpig av én jobbspesialist.";
  review.ips[6].recommendation = "Avklar hvem som dekker opp når jobbspesialisten er borte.";
  for (size_t i = 0; i < kGoi.size(); ++i) review.goi[i] = ItemScores{kGoi[i], 0, kGoi[i], {}, {}};
  review.evaluators = "Evaluator";
  review.to = "Psykoseteamet, Salten DPS";
  review.purpose =
      "Undersøke om IPS er godt forankret i ledelsen og organisert riktig før jobbspesialisten "
      "starter opp.";
  review.method =
      "Intervjubesøk 3. desember 2012 sammen med fylkeskoordinatoren. Bare bemanning og "
      "organisasjon ble vurdert, siden tjenesten ennå ikke var i gang.";
  review.summary =
      "Bemanning og organisasjon får skår 4–5 på alle punkter. Tjenestepunktene er ikke skåret "
      "fordi jobbspesialisten ikke hadde startet.";
  review.stated_total = 51;
  return review;
}

}  // namespace

ExportData pilot_example() {
  Prng root(20121203);
  ExportData data;
  const Date data_end = Date::from_ymd(2016, 12, 31);
  for (uint32_t s = 0; s < kPilots.size(); ++s) {
    const Pilot& pilot = kPilots[s];
    data.sites.push_back(SiteRecord{pilot.key, pilot.name, pilot.county, pilot.nav_office,
                                    pilot.health_service, pilot.start.date(), pilot.fte});
  }

  for (uint32_t s = 0; s < kPilots.size(); ++s) {
    const Pilot& pilot = kPilots[s];
    Prng rng = root.fork(100 + s);
    if (s == 0) data.reviews.push_back(bodo_baseline());
    std::array<double, 25> ips_bias{};
    std::array<double, 12> goi_bias{};
    for (double& b : ips_bias) b = 0.6 * rng.normal();
    for (double& b : goi_bias) b = 0.5 * rng.normal();
    for (const PlannedReview& plan : pilot.plan) {
      if (plan.total == 0) continue;
      ReviewRecord review;
      review.site = s;
      review.date = plan.day.date();
      ReviewStyle style;
      std::array<bool, 25> scored_items{};
      for (int i = 0; i < plan.items; ++i) scored_items[static_cast<size_t>(i)] = true;
      fill_item_scores(rng, plan.total, ips_bias, scored_items, style, phrases::ips_recommendation,
                       review.ips);
      std::array<bool, 12> all_goi{};
      all_goi.fill(true);
      // GOI follows the IPS level the review shows, scaled up to all 25 items for a partial one.
      const double ips_level = plan.total * 25.0 / plan.items;
      const int goi_total = static_cast<int>(std::lround(ips_level * 60.0 / 125.0 + rng.normal()));
      fill_item_scores(rng, goi_total, goi_bias, all_goi, style, phrases::goi_recommendation,
                       review.goi);
      review.evaluators = pilot.reviewers;
      review.to = std::string("Prosjektleder og styringsgruppe, ") + pilot.name;
      review.purpose = review_purpose();
      review.method = review_method(review.date);
      review.summary = review_summary(review);
      review.stated_total = plan.total;
      // Oppland's spring 2014 form was added up by hand, two points too high.
      if (s == 1 && plan.day.year == 2014 && plan.day.month == 5)
        review.stated_total = plan.total + 2;
      data.reviews.push_back(std::move(review));
    }
  }

  for (uint32_t s = 0; s < kPilots.size(); ++s) {
    const Pilot& pilot = kPilots[s];
    Prng rng = root.fork(200 + s);
    OutcomeProfile profile;
    profile.competitive_job = pilot.competitive_job;
    profile.ended = 0.45;  // pilots ended follow-up actively, keeping caseloads moving
    profile.employer_town = pilot.town;
    const Date site_start = data.sites[s].start;
    const Date first_intake = std::max(site_start, Date::from_ymd(2013, 1, 7));
    add_participants(rng, data, s, pilot.participants, first_intake, Date::from_ymd(2016, 10, 31),
                     data_end, profile);
  }
  add_pilot_narrative(data);
  return data;
}

}  // namespace ips::bench
