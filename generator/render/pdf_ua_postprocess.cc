#include "render/pdf_ua_postprocess.h"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

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
  NoteWriter(const std::vector<TagNote>& notes, std::set<QPDFObjGen>& changed)
      : notes_(notes), changed_(changed) {}

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
  // Records `o` as changed; it must be an object of its own to be written again.
  void touch(QPDFObjectHandle o) {
    if (!o.isIndirect())
      throw std::runtime_error("a structure element to change is not an object of its own");
    changed_.insert(o.getObjGen());
  }
  void apply(QPDFObjectHandle e, const TagNote& note) {
    if (!note.alt.empty() || !note.lang.empty() || !note.scope.empty() || note.col_span > 1)
      touch(e);
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
        if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
          QPDFObjectHandle annotation = kid.getKey("/Obj");
          annotation.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(note.contents));
          touch(annotation);
        }
      };
      if (kids.isArray())
        for (int i = 0; i < kids.getArrayNItems(); ++i) visit(kids.getArrayItem(i));
      else
        visit(kids);
    }
  }
  const std::vector<TagNote>& notes_;
  std::set<QPDFObjGen>& changed_;
  size_t next_ = 0;
};

// Where cairo's cross-reference section starts: the number after the last `startxref`.
long long previous_xref(const std::string& pdf) {
  const size_t at = pdf.rfind("startxref");
  if (at == std::string::npos) throw std::runtime_error("cairo's PDF has no startxref");
  return std::stoll(pdf.substr(at + 9, 32));
}

std::string md5_hex(const std::string& data) {
  std::shared_ptr<QPDFCryptoImpl> md5 = QPDFCryptoProvider::getImpl();
  md5->MD5_init();
  md5->MD5_update(reinterpret_cast<const unsigned char*>(data.data()), data.size());
  md5->MD5_finalize();
  unsigned char digest[16];
  md5->MD5_digest(digest);
  std::string hex;
  char two[3];
  for (unsigned char b : digest) {
    std::snprintf(two, sizeof two, "%02x", b);
    hex += two;
  }
  return hex;
}

std::string deflate(const std::string& data) {
  std::string out;
  Pl_String sink("deflated", nullptr, out);
  Pl_Flate flate("deflate", &sink, Pl_Flate::a_deflate);
  flate.writeString(data);
  flate.finish();
  return out;
}

std::string stream_object(const std::string& dict_entries, const std::string& data) {
  return "<< " + dict_entries + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
         "\nendstream";
}

}  // namespace

std::string mark_untagged_as_artifacts(std::string_view content) {
  return ArtifactMarker(content).run();
}

// qpdf reads cairo's file lazily: only the catalog, the pages, their content and the structure
// tree are parsed. The changed objects are appended to cairo's bytes as an incremental update
// (ISO 32000-1, 7.5.6) with a cross-reference section of their own, so nothing else is parsed,
// decoded or written again: rewriting the whole file with QPDFWriter tripled the PDF time.
std::string finish_pdf_ua(const std::string& pdf, const std::vector<TagNote>& notes,
                          const PdfUaMetadata& meta) {
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("cairo output", pdf.data(), pdf.size());
  QPDFObjectHandle trailer = q.getTrailer();
  int next_object = static_cast<int>(trailer.getKey("/Size").getIntValue());
  QPDFObjectHandle root = q.getRoot();
  std::set<QPDFObjGen> changed{root.getObjGen()};
  std::map<int, std::string> written;  // object number -> the object's body
  // References to the new objects, spliced into their dictionaries when written: qpdf would
  // have to read the whole file to make them objects of its own.
  std::map<QPDFObjGen, std::string> new_refs;

  root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(meta.lang));
  QPDFObjectHandle prefs = QPDFObjectHandle::newDictionary();
  prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
  root.replaceKey("/ViewerPreferences", prefs);
  QPDFObjectHandle info = trailer.getKey("/Info");
  const std::string producer = info.isDictionary() && info.getKey("/Producer").isString()
                                   ? info.getKey("/Producer").getUTF8Value()
                                   : "";
  // XMP stays uncompressed so that tools reading metadata without a PDF parser find it.
  const int xmp = next_object++;
  written[xmp] = stream_object("/Type /Metadata /Subtype /XML", xmp_packet(meta, producer));
  root.removeKey("/Metadata");
  new_refs[root.getObjGen()] += " /Metadata " + std::to_string(xmp) + " 0 R";

  QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
  if (!tree.isDictionary()) throw std::runtime_error("cairo wrote no structure tree");
  NoteWriter writer(notes, changed);
  writer.walk(tree.getKey("/K"));
  if (writer.seen() != notes.size())
    throw std::runtime_error("the PDF's structure tree has " + std::to_string(writer.seen()) +
                             " elements; " + std::to_string(notes.size()) + " were tagged");

  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(q).getAllPages()) {
    QPDFObjectHandle page_object = page.getObjectHandle();
    page_object.replaceKey("/Tabs", name("S"));
    changed.insert(page_object.getObjGen());
    std::string content;
    Pl_String sink("page content", nullptr, content);
    page.pipeContents(&sink);
    // cairo writes one content stream per page: its object is replaced; otherwise a new one.
    QPDFObjectHandle old = page_object.getKey("/Contents");
    int number = old.isIndirect() && old.isStream() ? old.getObjectID() : next_object++;
    if (!(old.isIndirect() && old.isStream()) || old.getGeneration() != 0) {
      number = next_object++;
      page_object.removeKey("/Contents");
      new_refs[page_object.getObjGen()] += " /Contents " + std::to_string(number) + " 0 R";
    }
    written[number] =
        stream_object("/Filter /FlateDecode", deflate(mark_untagged_as_artifacts(content)));
  }

  for (const QPDFObjGen& og : changed) {
    QPDFObjectHandle o = q.getObjectByObjGen(og);
    if (og.getGen() != 0 || o.isStream())
      throw std::runtime_error("cannot update object " + og.unparse(' '));
    std::string body = o.unparseResolved();
    const auto refs = new_refs.find(og);
    if (refs != new_refs.end()) body.insert(body.rfind(">>"), refs->second + " ");
    written[og.getObj()] = body;
  }

  std::string out = pdf;
  if (!out.empty() && out.back() != '\n') out += '\n';
  std::map<int, size_t> offsets;
  for (const auto& [number, body] : written) {
    offsets[number] = out.size();
    out += std::to_string(number) + " 0 obj\n" + body + "\nendobj\n";
  }
  // The file ID is derived from the content, so the same input gives the same bytes.
  const std::string id = md5_hex(out);
  const size_t xref = out.size();
  out += "xref\n";
  char line[32];
  for (auto it = offsets.begin(); it != offsets.end();) {
    auto end = it;
    int count = 0;
    while (end != offsets.end() && end->first == it->first + count) ++end, ++count;
    out += std::to_string(it->first) + " " + std::to_string(count) + "\n";
    for (; it != end; ++it) {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", it->second);
      out += line;
    }
  }
  out += "trailer\n<< /Size " + std::to_string(next_object) + " /Root " +
         root.getObjGen().unparse(' ') + " R";
  if (info.isIndirect()) out += " /Info " + info.getObjGen().unparse(' ') + " R";
  out += " /Prev " + std::to_string(previous_xref(pdf)) + " /ID [<" + id + "> <" + id +
         ">] >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace ips::render
