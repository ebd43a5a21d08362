#include "render/pdf_ua_postprocess.h"

#include <cstring>
#include <ctime>
#include <stdexcept>
#include <string_view>

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace ips::render {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}

// An operand that looks like a regular token: a number, true, false or null.
bool is_operand_word(std::string_view w) {
  if (w == "true" || w == "false" || w == "null") return true;
  size_t i = (w[0] == '+' || w[0] == '-') ? 1 : 0;
  bool digit = false;
  for (; i < w.size(); ++i) {
    if (w[i] >= '0' && w[i] <= '9')
      digit = true;
    else if (w[i] != '.')
      return false;
  }
  return digit;
}

bool paints(std::string_view op) {
  static constexpr std::string_view ops[] = {"Tj", "TJ", "'",  "\"", "S",  "s",  "f", "F",
                                             "f*", "B",  "B*", "b",  "b*", "sh", "Do"};
  for (std::string_view o : ops)
    if (o == op) return true;
  return false;
}

// Copies the content stream; runs of operators outside any marked content that paint
// something are wrapped in /Artifact BMC … EMC. A run is everything from the end of one
// marked-content sequence to the start of the next, so it keeps its operands and whitespace.
// cairo opens marked content only between text objects, so a run never splits a BT … ET.
// A single pass over the bytes that only needs to tell operators from operands (strings,
// names, numbers, arrays, dictionaries, comments and inline image data are skipped whole).
class ArtifactMarker {
 public:
  explicit ArtifactMarker(std::string_view in) : in_(in) {
    out_.reserve(in.size() + in.size() / 8);
  }

  std::string run() {
    const size_t n = in_.size();
    size_t i = 0;
    while (i < n) {
      const char c = in_[i];
      if (is_space(c)) {
        ++i;
      } else if (c == '%') {
        while (i < n && in_[i] != '\n' && in_[i] != '\r') ++i;
      } else if (c == '(') {
        i = skip_literal_string(i);
      } else if (c == '<' && i + 1 < n && in_[i + 1] == '<') {
        i += 2;
      } else if (c == '>' && i + 1 < n && in_[i + 1] == '>') {
        i += 2;
      } else if (c == '<') {
        while (i < n && in_[i] != '>') ++i;
        if (i < n) ++i;
      } else if (c == '/') {
        ++i;
        while (i < n && !is_space(in_[i]) && !is_delimiter(in_[i])) ++i;
      } else if (is_delimiter(c)) {
        ++i;  // [ ] { } and a stray ) or >
      } else {
        size_t end = i;
        while (end < n && !is_space(in_[end]) && !is_delimiter(in_[end])) ++end;
        const std::string_view word = in_.substr(i, end - i);
        i = end;
        if (is_operand_word(word)) continue;
        bool painting = paints(word);
        if (word == "ID") {  // inline image data up to whitespace EI whitespace
          i = skip_inline_image(i);
          painting = true;
        }
        on_operator(word, i, painting);
      }
    }
    // Whatever follows the last operator belongs to the run.
    flush(n);
    return std::move(out_);
  }

 private:
  size_t skip_literal_string(size_t i) const {
    int nesting = 0;
    const size_t n = in_.size();
    for (; i < n; ++i) {
      const char c = in_[i];
      if (c == '\\')
        ++i;
      else if (c == '(')
        ++nesting;
      else if (c == ')' && --nesting == 0)
        return i + 1;
    }
    return n;
  }

  size_t skip_inline_image(size_t i) const {
    const size_t n = in_.size();
    for (size_t j = i + 1; j + 1 < n; ++j)
      if (in_[j] == 'E' && in_[j + 1] == 'I' && is_space(in_[j - 1]) &&
          (j + 2 == n || is_space(in_[j + 2])))
        return j + 2;
    return n;
  }

  // `end` is the offset just past the operator.
  void on_operator(std::string_view op, size_t end, bool painting) {
    if (depth_ > 0) {
      if (op == "BMC" || op == "BDC") ++depth_;
      if (op == "EMC") --depth_;
      if (depth_ == 0) {
        out_.append(in_.substr(run_start_, end - run_start_));
        run_start_ = end;
      }
      operands_start_ = end;
      return;
    }
    if (op == "BMC" || op == "BDC") {
      flush(operands_start_);
      out_.append(in_.substr(operands_start_, end - operands_start_));
      run_start_ = end;
      ++depth_;
      operands_start_ = end;
      return;
    }
    if (painting) run_paints_ = true;
    operands_start_ = end;
  }

  // Writes the run up to `end`, wrapped when it paints.
  void flush(size_t end) {
    if (depth_ > 0) {  // unbalanced: copy the rest as it is
      out_.append(in_.substr(run_start_, end - run_start_));
    } else if (run_paints_) {
      out_ += "\n/Artifact BMC\n";
      out_.append(in_.substr(run_start_, end - run_start_));
      out_ += "\nEMC\n";
    } else {
      out_.append(in_.substr(run_start_, end - run_start_));
    }
    run_start_ = end;
    run_paints_ = false;
  }

  std::string_view in_;
  std::string out_;
  size_t run_start_ = 0;       // where the text not yet written starts
  size_t operands_start_ = 0;  // where the current operator's operands start
  bool run_paints_ = false;
  int depth_ = 0;
};

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string xmp_date(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string xmp_packet(const PdfUaMetadata& m, const std::string& producer) {
  const std::string date = xmp_date(m.time);
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
  x += " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"";
  x += " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(m.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  if (!m.subject.empty())
    x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(m.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  if (!m.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(m.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  x += "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(m.lang) +
       "</rdf:li></rdf:Bag></dc:language>\n";
  if (!m.keywords.empty()) x += "   <pdf:Keywords>" + xml_escape(m.keywords) + "</pdf:Keywords>\n";
  if (!producer.empty()) x += "   <pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
  x += "   <xmp:CreatorTool>ipsreport</xmp:CreatorTool>\n";
  x += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
  x += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
  x += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  x += "   <pdfuaid:part>1</pdfuaid:part>\n";
  x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

QPDFObjectHandle name(const std::string& n) {
  return QPDFObjectHandle::newName("/" + n);
}

// Walks cairo's structure tree in the order the elements were opened and adds each note.
class NoteWriter {
 public:
  explicit NoteWriter(const std::vector<TagNote>& notes) : notes_(notes) {}

  void walk(QPDFObjectHandle k) {
    if (k.isArray()) {
      for (int i = 0; i < k.getArrayNItems(); ++i) walk(k.getArrayItem(i));
      return;
    }
    if (!k.isDictionary() || !k.getKey("/S").isName()) return;  // an MCID, MCR or OBJR
    if (next_ >= notes_.size())
      throw std::runtime_error("the PDF's structure tree has more elements than were tagged");
    const TagNote& note = notes_[next_++];
    if (k.getKey("/S").getName() != "/" + note.type)
      throw std::runtime_error("structure element " + std::to_string(next_) + " is " +
                               k.getKey("/S").getName() + ", expected /" + note.type);
    apply(k, note);
    walk(k.getKey("/K"));
  }
  size_t seen() const { return next_; }

 private:
  static void apply(QPDFObjectHandle e, const TagNote& note) {
    if (!note.alt.empty()) e.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(note.alt));
    if (!note.lang.empty()) e.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(note.lang));
    if (!note.scope.empty() || note.col_span > 1) {
      QPDFObjectHandle a = QPDFObjectHandle::newDictionary();
      a.replaceKey("/O", name("Table"));
      if (!note.scope.empty()) a.replaceKey("/Scope", name(note.scope));
      if (note.col_span > 1) a.replaceKey("/ColSpan", QPDFObjectHandle::newInteger(note.col_span));
      e.replaceKey("/A", a);
    }
    if (!note.contents.empty()) {
      // The link's annotation is the OBJR among the element's kids.
      QPDFObjectHandle kids = e.getKey("/K");
      auto visit = [&](QPDFObjectHandle kid) {
        if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR"))
          kid.getKey("/Obj").replaceKey("/Contents",
                                        QPDFObjectHandle::newUnicodeString(note.contents));
      };
      if (kids.isArray())
        for (int i = 0; i < kids.getArrayNItems(); ++i) visit(kids.getArrayItem(i));
      else
        visit(kids);
    }
  }
  const std::vector<TagNote>& notes_;
  size_t next_ = 0;
};

}  // namespace

std::string mark_untagged_as_artifacts(std::string_view content) {
  return ArtifactMarker(content).run();
}

std::string finish_pdf_ua(const std::string& pdf, const std::vector<TagNote>& notes,
                          const PdfUaMetadata& meta) {
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("cairo output", pdf.data(), pdf.size());
  QPDFObjectHandle root = q.getRoot();

  root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(meta.lang));
  QPDFObjectHandle prefs = QPDFObjectHandle::newDictionary();
  prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
  root.replaceKey("/ViewerPreferences", prefs);
  QPDFObjectHandle info = q.getTrailer().getKey("/Info");
  const std::string producer = info.isDictionary() && info.getKey("/Producer").isString()
                                   ? info.getKey("/Producer").getUTF8Value()
                                   : "";
  QPDFObjectHandle xmp = QPDFObjectHandle::newStream(&q, xmp_packet(meta, producer));
  xmp.getDict().replaceKey("/Type", name("Metadata"));
  xmp.getDict().replaceKey("/Subtype", name("XML"));
  root.replaceKey("/Metadata", xmp);

  QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
  if (!tree.isDictionary()) throw std::runtime_error("cairo wrote no structure tree");
  NoteWriter writer(notes);
  writer.walk(tree.getKey("/K"));
  if (writer.seen() != notes.size())
    throw std::runtime_error("the PDF's structure tree has " + std::to_string(writer.seen()) +
                             " elements; " + std::to_string(notes.size()) + " were tagged");

  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(q).getAllPages()) {
    page.getObjectHandle().replaceKey("/Tabs", name("S"));
    std::string content;
    Pl_String sink("page content", nullptr, content);
    page.pipeContents(&sink);
    page.getObjectHandle().replaceKey(
        "/Contents", QPDFObjectHandle::newStream(&q, mark_untagged_as_artifacts(content)));
  }

  QPDFWriter w(q);
  w.setOutputMemory();
  w.setDecodeLevel(qpdf_dl_none);          // fonts and images stay as cairo compressed them
  w.setCompressStreams(true);              // the new content streams are compressed
  w.setObjectStreamMode(qpdf_o_generate);  // the many small structure objects, compressed
  w.setDeterministicID(true);
  w.write();
  std::shared_ptr<Buffer> buffer = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace ips::render
