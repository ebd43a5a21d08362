#include "report/narrative_sections.h"

namespace ips {

std::vector<doc::Block> narrative_blocks(const std::vector<RichBlock>& blocks) {
  std::vector<doc::Block> out;
  for (const RichBlock& b : blocks) {
    doc::RichParagraph p;
    p.depth = b.depth;
    p.heading = b.kind == RichBlock::Kind::Heading;
    if (b.kind == RichBlock::Kind::BulletItem) p.marker = "•";
    if (b.kind == RichBlock::Kind::NumberedItem) p.marker = std::to_string(b.number) + ".";
    for (const RichSpan& s : b.spans) {
      doc::TextRun r;
      r.text = s.text;
      r.strong = s.strong;
      r.emphasis = s.emphasis;
      r.link = s.link;
      p.runs.push_back(std::move(r));
    }
    out.emplace_back(std::move(p));
  }
  return out;
}

std::optional<doc::Section> narrative_section(const Dataset& data, const std::string& site,
                                              Period period, const std::string& field,
                                              const ReportContext& ctx) {
  for (const NarrativeText& t : data.texts) {
    if (t.site != site || t.period != period || t.field != field) continue;
    const std::string title_key = (site.empty() ? "narrative.national_" : "narrative.") + field;
    doc::Section s{ctx.words.get(title_key), "text-" + field, false, {}};
    s.blocks.push_back(doc::Paragraph{
        ctx.words.format(site.empty() ? "narrative.national_written_by" : "narrative.written_by",
                         {period.key()}),
        doc::ParagraphStyle::Note});
    for (doc::Block& b : narrative_blocks(t.blocks)) s.blocks.push_back(std::move(b));
    return s;
  }
  return std::nullopt;
}

}  // namespace ips
