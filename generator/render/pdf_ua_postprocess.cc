#include "render/pdf_ua_postprocess.h"

#include <cstring>
#include <ctime>
#include <set>
#include <stdexcept>

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace ips::render {

namespace {

bool paints(const std::string& op) {
  static const std::set<std::string> ops{"Tj", "TJ", "'",  "\"", "S",  "s",  "f", "F",
                                         "f*", "B",  "B*", "b",  "b*", "sh", "Do"};
  return ops.count(op) > 0;
}

// Copies the content stream token by token; runs of operators outside any marked content that
// paint something are wrapped in /Artifact BMC … EMC. cairo opens marked content only between
// text objects, so a run never splits a BT … ET.
class ArtifactFilter : public QPDFObjectHandle::TokenFilter {
 public:
  void handleToken(QPDFTokenizer::Token const& token) override {
    using T = QPDFTokenizer;
    const T::token_type_e type = token.getType();
    if (type == T::tt_eof) return;
    if (type != T::tt_word && type != T::tt_inline_image) {
      operands_ += token.getRawValue();
      return;
    }
    const std::string& op = token.getValue();
    if (depth_ > 0) {
      if (op == "BMC" || op == "BDC") ++depth_;
      if (op == "EMC") --depth_;
      write(operands_);
      write(token.getRawValue());
      operands_.clear();
      return;
    }
    if (type == T::tt_word && (op == "BMC" || op == "BDC")) {
      flush();
      write(operands_);
      write(token.getRawValue());
      operands_.clear();
      ++depth_;
      return;
    }
    run_ += operands_;
    run_ += token.getRawValue();
    operands_.clear();
    if (type == T::tt_inline_image || paints(op)) run_paints_ = true;
  }
  void handleEOF() override {
    run_ += operands_;
    operands_.clear();
    flush();
  }

 private:
  void flush() {
    if (run_paints_) {
      write("\n/Artifact BMC\n");
      write(run_);
      write("\nEMC\n");
    } else {
      write(run_);
    }
    run_.clear();
    run_paints_ = false;
  }
  std::string operands_, run_;
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

std::string mark_untagged_as_artifacts(const std::string& content) {
  ArtifactFilter filter;
  std::string out;
  Pl_String sink("artifacts", nullptr, out);
  Pl_QPDFTokenizer tokenizer("artifacts", &filter, &sink);
  tokenizer.writeString(content);
  tokenizer.finish();
  return out;
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
