#include "report/document.h"

namespace ips::doc {

Value Value::of_text(std::string t) {
  Value v;
  v.type = ValueType::Text;
  v.text = std::move(t);
  return v;
}

Value Value::link_to(std::string text, std::string target) {
  Value v = of_text(std::move(text));
  v.link = std::move(target);
  return v;
}

Value Value::count(long n) {
  Value v;
  v.type = ValueType::Count;
  v.number = static_cast<double>(n);
  return v;
}

Value Value::rate(double fraction, int decimals) {
  Value v;
  v.type = ValueType::Rate;
  v.number = fraction;
  v.decimals = decimals;
  return v;
}

Value Value::score(int s) {
  Value v;
  v.type = ValueType::Score;
  v.number = s;
  return v;
}

Value Value::number_of(double x, int decimals) {
  Value v;
  v.type = ValueType::Number;
  v.number = x;
  v.decimals = decimals;
  return v;
}

Value Value::date(int32_t days) {
  Value v;
  v.type = ValueType::Date;
  v.number = days;
  return v;
}

Value Value::change(double delta, int decimals) {
  Value v;
  v.type = ValueType::Change;
  v.number = delta;
  v.decimals = decimals;
  return v;
}

Value Value::small_count(int min_cell) {
  Value v;
  v.type = ValueType::Count;
  v.suppression = Suppression::SmallCount;
  v.min_cell = min_cell;
  return v;
}

Value Value::withheld() {
  Value v;
  v.type = ValueType::Number;
  v.suppression = Suppression::Withheld;
  return v;
}

bool Value::is_numeric() const {
  return !suppressed() && type != ValueType::Empty && type != ValueType::Text;
}

std::vector<std::string> footnotes_with_suppression_note(const Table& table,
                                                         const RenderWords& words) {
  std::vector<std::string> notes = table.footnotes;
  if (words.suppressed_note.empty()) return notes;
  bool withheld = false;
  for (const auto& row : table.rows)
    for (const auto& v : row.cells) withheld = withheld || v.suppression == Suppression::Withheld;
  // A footnote that mentions "–" already explains it; a second explanation would only repeat it.
  for (const auto& note : notes)
    if (note.find("\u2013") != std::string::npos) return notes;
  if (withheld) notes.push_back(words.suppressed_note);
  return notes;
}

std::string RichParagraph::plain() const {
  std::string out;
  for (const TextRun& r : runs) out += r.text;
  return out;
}

}  // namespace ips::doc
