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

namespace {

// The explanation of "–" joins `notes` when a value is withheld and no note mentions "–" yet
// (a second explanation would only repeat it).
void explain_withheld(const std::vector<const Value*>& values, std::vector<std::string>& notes,
                      const std::string& explanation) {
  bool withheld = false;
  for (const Value* v : values) withheld = withheld || v->suppression == Suppression::Withheld;
  if (!withheld) return;
  for (const auto& note : notes)
    if (note.find("\u2013") != std::string::npos) return;
  notes.push_back(explanation);
}

}  // namespace

void explain_withheld_values(Report& report) {
  if (report.words.suppressed_note.empty()) return;
  for (Section& section : report.sections)
    for (Block& block : section.blocks) {
      std::vector<const Value*> values;
      if (auto* table = std::get_if<Table>(&block)) {
        for (const auto& row : table->rows)
          for (const auto& v : row.cells) values.push_back(&v);
        explain_withheld(values, table->footnotes, report.words.suppressed_note);
      } else if (auto* figures = std::get_if<KeyFigures>(&block)) {
        for (const auto& f : figures->figures) values.push_back(&f.value);
        explain_withheld(values, figures->notes, report.words.suppressed_note);
      }
    }
}

const std::string& document_title(const ReportMeta& meta) {
  return meta.document_title.empty() ? meta.title : meta.document_title;
}

std::string RichParagraph::plain() const {
  std::string out;
  for (const TextRun& r : runs) out += r.text;
  return out;
}

}  // namespace ips::doc
