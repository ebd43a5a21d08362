#include "render/pdf_text_language.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace ips::render {

namespace {

// Frequent function words that are words of one language only ("i", "for", "at", "men" and
// "under" are both, or English words too, and so are left out).
const std::set<std::string, std::less<>>& norwegian_words() {
  static const std::set<std::string, std::less<>> words{
      "og",     "er",    "det",  "som",  "med",      "til",    "av",    "en",    "et",    "ikke",
      "har",    "de",    "den",  "om",   "ved",      "fra",    "seg",   "etter", "eller", "skal",
      "kan",    "vil",   "må",   "blir", "ble",      "var",    "hvor",  "hva",   "også",  "mer",
      "mest",   "godt",  "bra",  "noen", "alle",     "hver",   "deres", "sin",   "sitt",  "sine",
      "mellom", "uten",  "over", "enn",  "fortsatt", "delvis", "gi",    "få",    "hos",   "nye",
      "ein",    "ikkje", "eit",  "frå",  "korleis",  "vere",   "vert",  "berre"};
  return words;
}

const std::set<std::string, std::less<>>& english_words() {
  static const std::set<std::string, std::less<>> words{
      "the",   "and",  "of",   "to",    "is",    "with",  "on",     "by",    "from",  "not",
      "but",   "has",  "are",  "be",    "this",  "that",  "was",    "were",  "which", "or",
      "an",    "as",   "it",   "its",   "their", "they",  "have",   "per",   "than",  "each",
      "all",   "more", "most", "score", "item",  "items", "review", "site",  "sites", "within",
      "where", "what", "who",  "whose", "been",  "there", "these",  "those", "into",  "about"};
  return words;
}

bool has_norwegian_letter(std::string_view word) {
  for (std::string_view letter : {"æ", "ø", "å"})
    if (word.find(letter) != std::string_view::npos) return true;
  return false;
}

}  // namespace

bool looks_norwegian(std::string_view text) {
  int nb = 0, en = 0;
  size_t i = 0;
  while (i < text.size()) {
    // Words are runs of letters: ASCII letters and the bytes of multi-byte UTF-8 characters.
    auto letter = [&](size_t k) {
      const unsigned char c = static_cast<unsigned char>(text[k]);
      return std::isalpha(c) || c >= 0x80;
    };
    while (i < text.size() && !letter(i)) ++i;
    size_t j = i;
    while (j < text.size() && letter(j)) ++j;
    if (j == i) break;
    std::string word(text.substr(i, j - i));
    const bool lower = !std::isupper(static_cast<unsigned char>(word[0]));
    // Lower-case the ASCII letters and the three capitals the lists need (Æ Ø Å).
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return c < 0x80 ? std::tolower(c) : c; });
    if (norwegian_words().count(word))
      ++nb;
    else if (english_words().count(word))
      ++en;
    else if (lower && has_norwegian_letter(word))  // names (Bodø, Tønsberg) are capitalised
      ++nb;
    i = j;
  }
  return nb >= 1 && nb > en;
}

}  // namespace ips::render
