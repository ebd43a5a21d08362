#include "render/pdf_ua_postprocess.h"
#include "render/xml_text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
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
    // cairo wraps a glyph cluster such as Pango's "fi" ligature in /Span << /ActualText … >> BDC
    // wherever it is drawn. Outside a leaf that span is no structure content (it has no MCID):
    // it stays inside the run and so inside the run's artifact.
    if (op == "BDC" && in_.substr(operands_start_, end - operands_start_).find("/MCID") ==
                           std::string_view::npos) {
      ++untagged_spans_;
      operands_start_ = end;
      return;
    }
    if (op == "EMC" && untagged_spans_ > 0) {
      --untagged_spans_;
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
  int depth_ = 0;           // marked content of a structure leaf (BDC with an MCID) and within
  int untagged_spans_ = 0;  // ActualText spans open outside any leaf
};

std::string xmp_packet(const PdfUaMetadata& m, const std::string& producer) {
  const std::string date = iso_utc_time(m.time);
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
  x += " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"";
  x += " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(m.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  if (!m.subject.empty())
    x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(m.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  if (!m.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escaped(m.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  x += "   <dc:language><rdf:Bag><rdf:li>" + xml_escaped(m.lang) +
       "</rdf:li></rdf:Bag></dc:language>\n";
  if (!m.keywords.empty()) x += "   <pdf:Keywords>" + xml_escaped(m.keywords) + "</pdf:Keywords>\n";
  if (!producer.empty()) x += "   <pdf:Producer>" + xml_escaped(producer) + "</pdf:Producer>\n";
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

// Where cairo's cross-reference section starts: the number after the last `startxref`.
long long previous_xref(const std::string& pdf) {
  const size_t at = pdf.rfind("startxref");
  if (at == std::string::npos) throw std::runtime_error("cairo's PDF has no startxref");
  return std::stoll(pdf.substr(at + 9, 32));
}

// A PDF value as cairo writes it in its structure tree; only what the walk needs is kept.
struct RawValue {
  enum Kind { Other, Integer, Name, Ref, Array, Dict } kind = Other;
  long long number = 0;  // Integer, or the object number of a Ref
  std::string_view name;
  std::vector<RawValue> items;                                 // Array
  std::vector<std::pair<std::string_view, RawValue>> entries;  // Dict
  const RawValue* get(std::string_view key) const {
    for (const auto& [k, v] : entries)
      if (k == key) return &v;
    return nullptr;
  }
};

// Reads the objects of cairo's structure tree straight from its bytes, through its
// cross-reference table: parsing the thousands of structure elements with qpdf took most
// of the post-processing time.
class RawObjects {
 public:
  explicit RawObjects(const std::string& pdf) : pdf_(pdf) {
    size_t p = static_cast<size_t>(previous_xref(pdf));
    if (pdf_.compare(p, 4, "xref") != 0) throw std::runtime_error("cairo's PDF has no xref table");
    p += 4;
    for (;;) {
      skip_space(p);
      if (pdf_.compare(p, 7, "trailer") == 0) break;
      const long long first = read_number(p);
      const long long count = read_number(p);
      skip_space(p);
      if (first < 0 || count < 0 || p + 20 * count > pdf_.size())
        throw std::runtime_error("cairo's xref table is not readable");
      if (offsets_.size() < static_cast<size_t>(first + count)) offsets_.resize(first + count, 0);
      for (long long i = 0; i < count; ++i, p += 20)
        if (pdf_[p + 17] == 'n') offsets_[first + i] = std::stoull(pdf_.substr(p, 10));
    }
  }

  /// The object `number`'s value and the span of its text, from its first byte to its end.
  RawValue object(long long number, size_t* begin = nullptr, size_t* end = nullptr) const {
    if (number <= 0 || static_cast<size_t>(number) >= offsets_.size() || offsets_[number] == 0)
      throw std::runtime_error("object " + std::to_string(number) + " is not in cairo's PDF");
    size_t p = pdf_.find("obj", offsets_[number]);
    if (p == std::string::npos) throw std::runtime_error("object " + std::to_string(number));
    p += 3;
    skip_space(p);
    if (begin) *begin = p;
    RawValue v = value(p);
    if (end) *end = p;
    return v;
  }
  /// How many object numbers cairo's xref table has.
  size_t size() const { return offsets_.size(); }
  /// The text between `N G obj` and `endobj` of object `number`, empty when it is free.
  std::string_view body(size_t number) const {
    if (number >= offsets_.size() || offsets_[number] == 0) return {};
    if (sorted_.empty()) {
      for (size_t o : offsets_)
        if (o) sorted_.push_back(o);
      sorted_.push_back(static_cast<size_t>(previous_xref(pdf_)));
      std::sort(sorted_.begin(), sorted_.end());
    }
    const size_t start = offsets_[number];
    const size_t end = *std::upper_bound(sorted_.begin(), sorted_.end(), start);
    const std::string_view all = std::string_view(pdf_).substr(start, end - start);
    const size_t open = all.find("obj");
    const size_t close = all.rfind("endobj");
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
      throw std::runtime_error("object " + std::to_string(number) + " is not readable");
    std::string_view b = all.substr(open + 3, close - open - 3);
    while (!b.empty() && is_space(b.front())) b.remove_prefix(1);
    while (!b.empty() && is_space(b.back())) b.remove_suffix(1);
    return b;
  }
  std::string_view text(size_t begin, size_t end) const {
    return std::string_view(pdf_).substr(begin, end - begin);
  }

 private:
  static bool space(char c) { return is_space(c); }
  void skip_space(size_t& p) const {
    while (p < pdf_.size() && space(pdf_[p])) ++p;
  }
  long long read_number(size_t& p) const {
    skip_space(p);
    size_t end = p;
    while (end < pdf_.size() && (std::isdigit(static_cast<unsigned char>(pdf_[end])) ||
                                 pdf_[end] == '-' || pdf_[end] == '+' || pdf_[end] == '.'))
      ++end;
    if (end == p) throw std::runtime_error("a number expected in cairo's PDF");
    const long long n = std::stoll(pdf_.substr(p, end - p));
    p = end;
    return n;
  }
  std::string_view word(size_t& p) const {
    const size_t start = p;
    while (p < pdf_.size() && !space(pdf_[p]) && !is_delimiter(pdf_[p])) ++p;
    return std::string_view(pdf_).substr(start, p - start);
  }
  RawValue value(size_t& p) const {
    skip_space(p);
    RawValue v;
    if (p >= pdf_.size()) throw std::runtime_error("cairo's PDF ends inside an object");
    const char c = pdf_[p];
    if (c == '<' && p + 1 < pdf_.size() && pdf_[p + 1] == '<') {
      v.kind = RawValue::Dict;
      p += 2;
      for (;;) {
        skip_space(p);
        if (p + 1 >= pdf_.size()) throw std::runtime_error("an unfinished dictionary");
        if (pdf_[p] == '>' && pdf_[p + 1] == '>') {
          p += 2;
          return v;
        }
        if (pdf_[p] != '/') throw std::runtime_error("a dictionary key expected");
        ++p;
        const std::string_view key = word(p);
        v.entries.emplace_back(key, value(p));
      }
    }
    if (c == '[') {
      v.kind = RawValue::Array;
      ++p;
      for (;;) {
        skip_space(p);
        if (p >= pdf_.size()) throw std::runtime_error("an unfinished array");
        if (pdf_[p] == ']') {
          ++p;
          return v;
        }
        v.items.push_back(value(p));
      }
    }
    if (c == '/') {
      ++p;
      v.kind = RawValue::Name;
      v.name = word(p);
      return v;
    }
    if (c == '(') {
      int nesting = 0;
      for (; p < pdf_.size(); ++p) {
        if (pdf_[p] == '\\')
          ++p;
        else if (pdf_[p] == '(')
          ++nesting;
        else if (pdf_[p] == ')' && --nesting == 0)
          break;
      }
      ++p;
      return v;
    }
    if (c == '<') {
      p = pdf_.find('>', p);
      if (p == std::string::npos) throw std::runtime_error("an unfinished hex string");
      ++p;
      return v;
    }
    const std::string_view w = word(p);
    if (w.empty()) throw std::runtime_error("unexpected byte in cairo's PDF");
    if (is_operand_word(w) && w.find('.') == std::string_view::npos && w != "true" &&
        w != "false" && w != "null") {
      v.kind = RawValue::Integer;
      v.number = std::stoll(std::string(w));
      // "N G R" is a reference.
      size_t q = p;
      skip_space(q);
      const std::string_view gen = word(q);
      if (!gen.empty() && std::all_of(gen.begin(), gen.end(), ::isdigit)) {
        skip_space(q);
        if (q < pdf_.size() && pdf_[q] == 'R' &&
            (q + 1 == pdf_.size() || space(pdf_[q + 1]) || is_delimiter(pdf_[q + 1]))) {
          v.kind = RawValue::Ref;
          p = q + 1;
        }
      }
    }
    return v;
  }

  const std::string& pdf_;
  std::vector<size_t> offsets_;
  mutable std::vector<size_t> sorted_;
};

// Walks cairo's structure tree in the order the elements were opened and adds each note to a
// copy of the element's text (cairo 1.16 writes none of these keys), collected in `written`.
class NoteWriter {
 public:
  NoteWriter(const RawObjects& raw, const std::vector<TagNote>& notes,
             std::map<int, std::string>& written)
      : raw_(raw), notes_(notes), written_(written) {}

  void walk(const RawValue& k) {
    if (k.kind == RawValue::Array) {
      for (const RawValue& item : k.items) walk(item);
      return;
    }
    if (k.kind == RawValue::Dict && k.get("S"))
      throw std::runtime_error("a structure element is not an object of its own");
    if (k.kind != RawValue::Ref) return;  // an MCID, MCR or OBJR
    size_t begin = 0, end = 0;
    const RawValue e = raw_.object(k.number, &begin, &end);
    const RawValue* type = e.kind == RawValue::Dict ? e.get("S") : nullptr;
    if (!type || type->kind != RawValue::Name) return;
    if (next_ >= notes_.size())
      throw std::runtime_error("the PDF's structure tree has more elements than were tagged");
    const TagNote& note = notes_[next_++];
    if (type->name != note.type)
      throw std::runtime_error("structure element " + std::to_string(next_) + " is /" +
                               std::string(type->name) + ", expected /" + note.type);
    apply(k.number, e, raw_.text(begin, end), note);
    if (const RawValue* kids = e.get("K")) walk(*kids);
  }
  size_t seen() const { return next_; }

 private:
  static std::string text_string(const std::string& s) {
    return QPDFObjectHandle::newUnicodeString(s).unparse();
  }
  // `text` with `keys` added at the end of its dictionary; none of them may be there already.
  void add(long long number, const RawValue& dict, std::string_view text, const std::string& keys,
           std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
      if (dict.get(n))
        throw std::runtime_error("object " + std::to_string(number) + " already has /" +
                                 std::string(n));
    if (written_.count(static_cast<int>(number)))
      throw std::runtime_error("object " + std::to_string(number) + " is changed twice");
    std::string body(text.substr(0, text.rfind(">>")));
    written_[static_cast<int>(number)] = body + keys + "\n>>";
  }
  void apply(long long number, const RawValue& e, std::string_view text, const TagNote& note) {
    std::string keys;
    if (!note.alt.empty()) keys += "   /Alt " + text_string(note.alt) + "\n";
    if (!note.lang.empty()) keys += "   /Lang " + text_string(note.lang) + "\n";
    std::vector<std::string> attributes;  // /A: one dictionary per attribute owner
    if (!note.scope.empty() || note.col_span > 1) {
      std::string table = "<< /O /Table";
      if (!note.scope.empty()) table += " /Scope /" + note.scope;
      if (note.col_span > 1) table += " /ColSpan " + std::to_string(note.col_span);
      attributes.push_back(table + " >>");
    }
    if (note.bbox) {
      const auto& b = *note.bbox;
      attributes.push_back("<< /O /Layout /BBox [" + std::to_string(b[0]) + " " +
                           std::to_string(b[1]) + " " + std::to_string(b[2]) + " " +
                           std::to_string(b[3]) + "] >>");
    }
    if (attributes.size() == 1) keys += "   /A " + attributes[0] + "\n";
    if (attributes.size() > 1) {
      keys += "   /A [";
      for (const std::string& a : attributes) keys += " " + a;
      keys += " ]\n";
    }
    if (!keys.empty()) add(number, e, text, keys, {"Alt", "Lang", "A"});
    if (note.contents.empty()) return;
    // The link's annotation is the OBJR among the element's kids.
    const RawValue* kids = e.get("K");
    if (!kids) return;
    auto visit = [&](const RawValue& kid) {
      const RawValue* t = kid.kind == RawValue::Dict ? kid.get("Type") : nullptr;
      const RawValue* obj = kid.kind == RawValue::Dict ? kid.get("Obj") : nullptr;
      if (!t || t->name != "OBJR" || !obj || obj->kind != RawValue::Ref) return;
      size_t begin = 0, end = 0;
      const RawValue annotation = raw_.object(obj->number, &begin, &end);
      add(obj->number, annotation, raw_.text(begin, end),
          "   /Contents " + text_string(note.contents) + "\n", {"Contents"});
    };
    if (kids->kind == RawValue::Array)
      for (const RawValue& kid : kids->items) visit(kid);
    else
      visit(*kids);
  }
  const RawObjects& raw_;
  const std::vector<TagNote>& notes_;
  std::map<int, std::string>& written_;
  size_t next_ = 0;
};

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
  // zlib's fastest level: the streams are mostly short text; level 6 took 2.5 times as long
  // for files 5 % smaller. qpdf keeps the level in one global, set here once.
  static std::once_flag fastest;
  std::call_once(fastest, [] { Pl_Flate::setCompressionLevel(1); });
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

// qpdf reads cairo's file lazily: only the catalog, the pages and their content are parsed; the
// structure tree is read from cairo's bytes. The file is then put together from cairo's object
// texts, copied unparsed and undecoded, and the changed objects: rewriting the whole file with
// QPDFWriter tripled the PDF time, and appending an incremental update instead left the
// uncompressed structure elements and the old content streams in the file (four times larger).
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
  // The objects holding the lengths of the streams written again: left out of the file.
  std::set<int> dropped;
  auto drop_length = [&](QPDFObjectHandle stream) {
    if (!stream.isStream()) return;
    QPDFObjectHandle length = stream.getDict().getKey("/Length");
    if (length.isIndirect()) dropped.insert(length.getObjectID());
  };

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
  const RawObjects raw(pdf);
  NoteWriter writer(raw, notes, written);
  if (!tree.isIndirect()) throw std::runtime_error("cairo's structure tree root is not an object");
  const RawValue tree_root = raw.object(tree.getObjectID());
  if (const RawValue* kids = tree_root.get("K")) writer.walk(*kids);
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
    for (QPDFObjectHandle stream : old.isArray() ? old.getArrayAsVector() : std::vector{old})
      drop_length(stream);
    int number = old.isIndirect() && old.isStream() ? old.getObjectID() : next_object++;
    if (!(old.isIndirect() && old.isStream()) || old.getGeneration() != 0) {
      number = next_object++;
      page_object.removeKey("/Contents");
      new_refs[page_object.getObjGen()] += " /Contents " + std::to_string(number) + " 0 R";
    }
    written[number] =
        stream_object("/Filter /FlateDecode", deflate(mark_untagged_as_artifacts(content)));
  }

  // The other streams cairo left uncompressed (CAIRO_DEBUG_PDF, set by the renderer so that
  // page content is not deflated twice): the fonts' ToUnicode maps, groups and patterns.
  for (size_t n = 1; n < raw.size(); ++n) {
    const std::string_view body = raw.body(n);
    if (written.count(static_cast<int>(n)) || body.size() < 9 ||
        body.substr(body.size() - 9) != "endstream")
      continue;
    QPDFObjectHandle stream = q.getObjectByID(static_cast<int>(n), 0);
    if (!stream.isStream() || stream.getDict().hasKey("/Filter")) continue;
    const std::shared_ptr<Buffer> data = stream.getRawStreamData();
    QPDFObjectHandle dict = stream.getDict().shallowCopy();
    drop_length(stream);
    dict.removeKey("/Length");
    const std::string entries = dict.unparse();  // "<< … >>", references kept as references
    written[static_cast<int>(n)] = stream_object(
        entries.substr(2, entries.size() - 4) + " /Filter /FlateDecode",
        deflate(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize())));
  }

  for (const QPDFObjGen& og : changed) {
    QPDFObjectHandle o = q.getObjectByObjGen(og);
    if (og.getGen() != 0 || o.isStream() || written.count(og.getObj()))
      throw std::runtime_error("cannot update object " + og.unparse(' '));
    std::string body = o.unparseResolved();
    const auto refs = new_refs.find(og);
    if (refs != new_refs.end()) body.insert(body.rfind(">>"), refs->second + " ");
    written[og.getObj()] = body;
  }

  // The file is written again from cairo's object texts, copied as they are, and the changed
  // ones: streams as objects of their own, everything else (mostly the thousands of small
  // structure elements) in one compressed object stream, with a cross-reference stream.
  // cairo's header: the %PDF line and its binary comment. (Everything up to "1 0 obj" would
  // also copy the first page's content stream, which cairo writes before object 1.)
  size_t header = 0;
  while (header < pdf.size() && pdf[header] == '%') {
    const size_t eol = pdf.find('\n', header);
    header = eol == std::string::npos ? pdf.size() : eol + 1;
  }
  std::string out = pdf.substr(0, header);
  const int objstm = next_object++;
  const int xref_number = next_object++;
  struct Entry {
    int type = 0;
    size_t field2 = 0;
    int field3 = 0;
  };
  std::vector<Entry> xref(static_cast<size_t>(next_object));
  xref[0] = {0, 0, 65535};
  std::string objstm_index, objstm_data;
  int objstm_count = 0;
  for (int n = 1; n < objstm; ++n) {
    if (dropped.count(n)) continue;  // free
    const auto w = written.find(n);
    const std::string_view body =
        w != written.end() ? std::string_view(w->second) : raw.body(static_cast<size_t>(n));
    if (body.empty()) continue;  // free
    const bool stream = body.size() >= 9 && body.substr(body.size() - 9) == "endstream";
    if (stream) {
      xref[n] = {1, out.size(), 0};
      out += std::to_string(n) + " 0 obj\n";
      out.append(body);
      out += "\nendobj\n";
    } else {
      xref[n] = {2, static_cast<size_t>(objstm), objstm_count++};
      objstm_index += std::to_string(n) + " " + std::to_string(objstm_data.size()) + " ";
      objstm_data.append(body);
      objstm_data += '\n';
    }
  }
  xref[objstm] = {1, out.size(), 0};
  out += std::to_string(objstm) + " 0 obj\n" +
         stream_object("/Type /ObjStm /N " + std::to_string(objstm_count) + " /First " +
                           std::to_string(objstm_index.size()) + " /Filter /FlateDecode",
                       deflate(objstm_index + objstm_data)) +
         "\nendobj\n";
  // The file ID is derived from the content, so the same input gives the same bytes.
  const std::string id = md5_hex(out);
  const size_t xref_offset = out.size();
  xref[xref_number] = {1, xref_offset, 0};
  std::string rows;
  for (const Entry& e : xref) {
    rows += static_cast<char>(e.type);
    for (int shift = 24; shift >= 0; shift -= 8)
      rows += static_cast<char>((e.field2 >> shift) & 0xff);
    rows += static_cast<char>((e.field3 >> 8) & 0xff);
    rows += static_cast<char>(e.field3 & 0xff);
  }
  std::string dict = "/Type /XRef /Size " + std::to_string(next_object) + " /W [1 4 2] /Root " +
                     root.getObjGen().unparse(' ') + " R";
  if (info.isIndirect()) dict += " /Info " + info.getObjGen().unparse(' ') + " R";
  dict += " /ID [<" + id + "> <" + id + ">] /Filter /FlateDecode";
  out += std::to_string(xref_number) + " 0 obj\n" + stream_object(dict, deflate(rows)) +
         "\nendobj\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

}  // namespace ips::render
