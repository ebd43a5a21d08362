#include "participant_generation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "phrases.h"

namespace ips::bench {
namespace {

Date plus_days(Date d, int days) {
  return Date{d.days + days};
}

/// A day count in [lo, hi] skewed toward lo, as waiting times usually are.
int skewed_days(Prng& rng, int lo, int hi) {
  const double u = rng.unit();
  return lo + static_cast<int>(u * u * (hi - lo));
}

/// Hours per week in steps of 2.5 between 5 and 37.5, or 0 (not recorded) now and then.
double hours_per_week(Prng& rng) {
  if (rng.chance(0.08)) return 0;
  return 2.5 * rng.uniform(2, 15);
}

/// Adds a job starting on `start` unless that is after `latest_start`; ends after `data_end`
/// are left open (the job is still going on when the data were exported).
void add_job(Prng& rng, ExportData& data, uint32_t participant, JobKind kind, Date start,
             Date latest_start, Date data_end, const OutcomeProfile& profile,
             std::string_view town) {
  if (start > latest_start) return;
  JobRecord job;
  job.participant = participant;
  job.kind = kind;
  job.start = start;
  if (!rng.chance(profile.job_ongoing)) {
    const int length =
        std::max(14, static_cast<int>(profile.mean_job_days * (0.2 + 1.6 * rng.unit())));
    const Date end = plus_days(start, length);
    if (end <= data_end) job.end = end;
  }
  if (kind != JobKind::education) job.hours_per_week = hours_per_week(rng);
  if (kind != JobKind::education) {
    job.employer_chain = rng.pick(phrases::employer);
    job.employer_town = town;
    job.occupation = rng.pick(phrases::occupation);
  } else {
    job.occupation = "Utdanning";
  }
  data.jobs.push_back(job);
}

}  // namespace

std::string participant_pseudonym(uint32_t number) {
  char text[16];
  std::snprintf(text, sizeof text, "P%06u", number);
  return text;
}

void add_participants(Prng& rng, ExportData& data, uint32_t site, int count, Date first_intake,
                      Date last_intake, Date data_end, const OutcomeProfile& profile) {
  const std::string_view town = profile.employer_town.empty()
                                    ? phrases::town[site % phrases::town.size()]
                                    : profile.employer_town;
  std::vector<ParticipantRecord> batch(static_cast<size_t>(count));
  for (ParticipantRecord& p : batch) {
    p.site = site;
    p.intake = Date{first_intake.days + rng.uniform(0, last_intake.days - first_intake.days)};
  }
  std::sort(batch.begin(), batch.end(), [](const ParticipantRecord& a, const ParticipantRecord& b) {
    return a.intake < b.intake;
  });

  const size_t first_job = data.jobs.size();
  uint32_t number = data.participants.empty() ? 1 : data.participants.back().number + 1;
  for (ParticipantRecord& p : batch) {
    const auto index = static_cast<uint32_t>(data.participants.size());
    p.number = number++;
    p.age = 18 + std::clamp(static_cast<int>(std::lround(14 + 9 * rng.normal())), 0, 49);
    const double u = rng.unit();
    p.employed_at_intake = u < profile.employed_at_intake ? EmployedAtIntake::yes
                           : u < profile.employed_at_intake + profile.employed_at_intake_unknown
                               ? EmployedAtIntake::unknown
                               : EmployedAtIntake::no;
    std::optional<Date> ended;
    if (rng.chance(profile.ended)) {
      const Date end = plus_days(p.intake, rng.uniform(90, 900));
      if (end <= data_end) ended = end;
    }
    // Contacts and new jobs happen while the participant is followed up.
    const Date latest_start = ended ? plus_days(*ended, -1) : data_end;
    if (rng.chance(profile.first_contact)) {
      const Date contact = plus_days(p.intake, skewed_days(rng, 5, 200));
      if (contact <= latest_start) p.first_employer_contact = contact;
    }

    const Date search_from = p.first_employer_contact.value_or(plus_days(p.intake, 30));
    bool had_job = false;
    if (rng.chance(profile.competitive_job)) {
      const Date start = plus_days(search_from, skewed_days(rng, 3, 300));
      {
        const JobKind kind =
            rng.chance(profile.wage_subsidy_share) ? JobKind::wage_subsidy : JobKind::ordinary;
        const size_t before = data.jobs.size();
        add_job(rng, data, index, kind, start, latest_start, data_end, profile, town);
        had_job = data.jobs.size() > before;
        // Some change job: a second competitive job after the first ended.
        if (had_job && data.jobs.back().end && rng.chance(0.25)) {
          add_job(rng, data, index, JobKind::ordinary,
                  plus_days(*data.jobs.back().end, rng.uniform(7, 120)), latest_start, data_end,
                  profile, town);
        }
      }
    }
    // Work practice and education come before or beside a job; kept in start order.
    if (rng.chance(profile.work_practice))
      add_job(rng, data, index, JobKind::work_practice, plus_days(p.intake, rng.uniform(14, 200)),
              latest_start, data_end, profile, town);
    if (rng.chance(profile.education))
      add_job(rng, data, index, JobKind::education, plus_days(p.intake, rng.uniform(30, 400)),
              latest_start, data_end, profile, town);
    if (rng.chance(profile.other_activity))
      add_job(rng, data, index, JobKind::other, plus_days(p.intake, rng.uniform(14, 300)),
              latest_start, data_end, profile, town);
    if (ended) {
      p.ended = ended;
      p.end_reason =
          had_job && rng.chance(0.5) ? phrases::end_reason[0] : rng.pick(phrases::end_reason);
      if (rng.chance(0.05)) p.end_reason = {};  // reason not recorded
    }
    data.participants.push_back(p);
  }
  // Rows of one participant in start order.
  std::stable_sort(data.jobs.begin() + static_cast<std::ptrdiff_t>(first_job), data.jobs.end(),
                   [](const JobRecord& a, const JobRecord& b) {
                     return a.participant != b.participant ? a.participant < b.participant
                                                           : a.start < b.start;
                   });
}

}  // namespace ips::bench
