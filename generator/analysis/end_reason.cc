#include "analysis/end_reason.h"

#include <algorithm>
#include <span>
#include <string>
#include <vector>

namespace ips {

namespace {

using Words = std::span<const std::string_view>;

// Words that name a job: a clause's word counts when it is one of these or, for the Norwegian
// ones, ends with one (compounds put the head last: "deltidsjobb", "lønnsarbeid").
constexpr std::string_view kWorkHeads[] = {
    "jobb",     "jobben",   "jobber",  "jobbet", "jobbe",      "jobbar",      "arbeid",
    "arbeidet", "arbeider", "arbeide", "ansatt", "ansettelse", "ansettelsen", "tidsstilling"};
// Words that name a job only as they are.
constexpr std::string_view kWorkWords[] = {"stilling",   "job",   "jobs",   "work",
                                           "working",    "works", "worked", "employed",
                                           "employment", "hired"};
// Words that end like a job word and are not one: "samarbeid" is co-operation ("Avsluttet
// samarbeid"), a "medarbeider" a colleague.
constexpr std::string_view kNotWorkWords[] = {"samarbeid",   "samarbeidet", "samarbeider",
                                              "samarbeide",  "medarbeider", "medarbeideren",
                                              "medarbeidere"};
// Words that make the job of their clause something other than competitive work: work
// practice, training, sheltered or unpaid work (IPS counts ordinary paid jobs).
constexpr std::string_view kNotCompetitive[] = {
    "praksis",    "practice",     "placement", "trening",   "training",
    "experience", "tilrettelagt", "skjermet",  "varig",     "frivillig",
    "ulønnet",    "sheltered",    "voluntary", "volunteer", "unpaid"};

constexpr std::string_view kStudyHeads[] = {"utdanning", "utdanningen", "utdannelse",
                                            "skole",     "skolen",      "studier",
                                            "studiet",   "studie",      "studiene"};
constexpr std::string_view kStudyWords[] = {
    "student", "studere", "studerer", "studerar",   "study",       "studies",       "studying",
    "studied", "school",  "college",  "university", "universitet", "universitetet", "education"};

// A clause with one of these says the job or study did not happen or is not wanted.
constexpr std::string_view kNegations[] = {
    "ikke", "ikkje", "ingen",   "uten", "utan",    "aldri", "nei",    "avslo",    "avslått", "not",
    "no",   "never", "without", "none", "neither", "nor",   "cannot", "declined", "refused"};
// A clause with one of these speaks of leaving or losing the job or study.
constexpr std::string_view kLeaving[] = {
    "sluttet",    "slutta",  "slutte",     "slutt",   "mistet",     "mista",   "miste",
    "tapte",      "oppsagt", "oppsigelse", "sagt",    "permittert", "avskjed", "avskjediget",
    "avbrøt",     "avbrutt", "avbrudd",    "droppet", "hoppet",     "lost",    "lose",
    "losing",     "quit",    "quitting",   "left",    "leaving",    "fired",   "dismissed",
    "terminated", "laid",    "dropped"};

bool ends_with(std::string_view word, std::string_view tail) {
  return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}

bool is_one_of(std::string_view word, Words words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool ends_with_one_of(std::string_view word, Words heads) {
  return std::any_of(heads.begin(), heads.end(),
                     [&](std::string_view head) { return ends_with(word, head); });
}

// Lower case for ASCII and the Norwegian capitals Æ Ø Å (UTF-8 C3 86/98/85 → C3 A6/B8/A5);
// other bytes stay as they are.
std::string lowered(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char n = static_cast<unsigned char>(out[i + 1]);
      if (n == 0x86 || n == 0x98 || n == 0x85) out[i + 1] = static_cast<char>(n + 0x20);
    }
  }
  return out;
}

// Letters, digits and the apostrophe of "didn't" make words; any byte of a UTF-8 sequence is a
// letter (æ, ø, å, é …); a hyphen between two word characters stays inside the word
// ("sommer-jobb").
bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
}

// Clause breaks: , ; . : / ( ) ! ? and line breaks; a dash that is not inside a word; the
// UTF-8 en and em dashes (E2 80 93/94).
bool is_clause_break(std::string_view text, size_t i) {
  const char c = text[i];
  if (std::string_view(",;.:/()!?\n\r").find(c) != std::string_view::npos) return true;
  if (c == '-') {
    const bool inside = i > 0 && i + 1 < text.size() &&
                        is_word_byte(static_cast<unsigned char>(text[i - 1])) &&
                        is_word_byte(static_cast<unsigned char>(text[i + 1]));
    return !inside;
  }
  return false;
}

std::vector<std::vector<std::string_view>> clauses_of(std::string_view text) {
  std::vector<std::vector<std::string_view>> clauses(1);
  size_t word_start = std::string_view::npos;
  auto end_word = [&](size_t at) {
    if (word_start != std::string_view::npos)
      clauses.back().push_back(text.substr(word_start, at - word_start));
    word_start = std::string_view::npos;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool dash = c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
                      (text[i + 2] == '\x93' || text[i + 2] == '\x94');
    if (dash || is_clause_break(text, i)) {
      end_word(i);
      clauses.emplace_back();
      if (dash) i += 2;
    } else if (is_word_byte(c) || (c == '-' && word_start != std::string_view::npos)) {
      if (word_start == std::string_view::npos) word_start = i;
    } else {
      end_word(i);
    }
  }
  end_word(text.size());
  return clauses;
}

bool doubts(const std::vector<std::string_view>& clause) {
  return std::any_of(clause.begin(), clause.end(), [](std::string_view w) {
    return is_one_of(w, kNegations) || ends_with(w, "n't") || is_one_of(w, kLeaving);
  });
}

bool names_work(const std::vector<std::string_view>& clause) {
  const bool job = std::any_of(clause.begin(), clause.end(), [](std::string_view w) {
    return !is_one_of(w, kNotWorkWords) &&
           (ends_with_one_of(w, kWorkHeads) || is_one_of(w, kWorkWords));
  });
  const bool not_competitive = std::any_of(clause.begin(), clause.end(), [](std::string_view w) {
    return is_one_of(w, kNotCompetitive);
  });
  return job && !not_competitive;
}

bool names_study(const std::vector<std::string_view>& clause) {
  return std::any_of(clause.begin(), clause.end(), [](std::string_view w) {
    return ends_with_one_of(w, kStudyHeads) || is_one_of(w, kStudyWords);
  });
}

}  // namespace

EndReasonGroup end_reason_group(std::string_view reason) {
  const std::string text = lowered(reason);
  const auto clauses = clauses_of(text);
  auto any_clause = [&](bool (*names)(const std::vector<std::string_view>&)) {
    return std::any_of(clauses.begin(), clauses.end(),
                       [&](const auto& clause) { return names(clause) && !doubts(clause); });
  };
  if (any_clause(names_work)) return EndReasonGroup::Work;
  if (any_clause(names_study)) return EndReasonGroup::Education;
  return EndReasonGroup::Other;
}

}  // namespace ips
