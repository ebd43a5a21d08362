#include "render/xlsx_sheet_names.h"

#include <vector>

namespace ips::render {

namespace {

constexpr size_t kMaxSheetChars = 31;

// UTF-8 characters of a string (continuation bytes stay with their lead byte).
std::vector<std::string> characters(const std::string& text) {
  std::vector<std::string> chars;
  for (unsigned char c : text) {
    if ((c & 0xC0) == 0x80 && !chars.empty())
      chars.back() += static_cast<char>(c);
    else
      chars.emplace_back(1, static_cast<char>(c));
  }
  return chars;
}

std::string join(const std::vector<std::string>& chars, size_t count) {
  std::string out;
  for (size_t i = 0; i < count && i < chars.size(); ++i) out += chars[i];
  return out;
}

bool is_space(const std::string& ch) {
  return ch == " ";
}

// Whether a cut may end after `ch`: nothing dangling such as a space, apostrophe, comma, dash
// or opening bracket.
bool dangles(const std::string& ch) {
  return ch == " " || ch == "'" || ch == "," || ch == ";" || ch == "-" || ch == "(" ||
         ch == "\u2013" || ch == "\u2014" || ch == "&";
}

// At most `count` characters, cut at the end of a word when the name is longer ("Andel i
// ordinært arbeid sammenlignet" → "Andel i ordinært arbeid", not "… sammen"), mid-word only
// when one word fills more than half the room; without what would dangle at the end.
std::string cut(std::vector<std::string> chars, size_t count) {
  if (chars.size() > count) {
    size_t end = count;
    if (!is_space(chars[count])) {
      size_t space = count;
      while (space > 0 && !is_space(chars[space - 1])) --space;
      if (space > count / 2) end = space - 1;
    }
    chars.resize(end);
    while (!chars.empty() && dangles(chars.back())) chars.pop_back();
  }
  while (!chars.empty() && (chars.back() == "'" || is_space(chars.back()))) chars.pop_back();
  return join(chars, chars.size());
}

std::string fold_case(const std::string& name) {
  std::string key = name;
  for (char& c : key)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return key;
}

}  // namespace

std::string SheetNames::claim(const std::string& wanted) {
  // "/" and "\" read as separators ("H1/H2" → "H1-H2"); the other forbidden characters are
  // dropped, and the spaces they leave collapse to one.
  std::vector<std::string> chars;
  for (auto& ch : characters(wanted)) {
    if (ch == "/" || ch == "\\") ch = "-";
    const bool control = ch.size() == 1 && static_cast<unsigned char>(ch[0]) < 0x20;
    if (control || ch == "[" || ch == "]" || ch == ":" || ch == "*" || ch == "?") ch = " ";
    if (ch == " " && (chars.empty() || chars.back() == " ")) continue;
    chars.push_back(ch);
  }
  while (!chars.empty() && (chars.front() == "'" || chars.front() == " "))
    chars.erase(chars.begin());
  while (!chars.empty() && (chars.back() == "'" || chars.back() == " ")) chars.pop_back();
  if (chars.empty()) chars = characters("Tabell");
  // "History" is reserved by Excel.
  if (fold_case(join(chars, chars.size())) == "HISTORY") chars.push_back("-");

  std::string name = cut(chars, kMaxSheetChars);
  for (int n = 2; used_.count(fold_case(name)); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = cut(chars, kMaxSheetChars - suffix.size()) + suffix;
  }
  used_.insert(fold_case(name));
  return name;
}

}  // namespace ips::render
