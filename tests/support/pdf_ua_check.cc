#include "support/pdf_ua_check.h"

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace ips::pdfua {

namespace {

std::string object_name(QPDFObjectHandle h, const std::string& kind) {
  std::string s =
      "object " + std::to_string(h.getObjectID()) + " " + std::to_string(h.getGeneration());
  return kind.empty() ? s : s + " (" + kind + ")";
}

std::string name_of(QPDFObjectHandle dict, const char* key) {
  if (!dict.isDictionary()) return "";
  QPDFObjectHandle v = dict.getKey(key);
  return v.isName() ? v.getName().substr(1) : "";
}

std::string text_of(QPDFObjectHandle dict, const char* key) {
  if (!dict.isDictionary()) return "";
  QPDFObjectHandle v = dict.getKey(key);
  return v.isString() ? v.getUTF8Value() : "";
}

bool painting_operator(const std::string& op) {
  static const std::set<std::string> ops{"Tj", "TJ", "'",  "\"", "S",  "s",  "f", "F",
                                         "f*", "B",  "B*", "b",  "b*", "sh", "Do"};
  return ops.count(op) > 0;
}

// Follows the marked-content nesting of one page's content stream: every painting operator
// must lie inside an Artifact or inside marked content with an MCID.
class ContentScan : public QPDFObjectHandle::TokenFilter {
 public:
  void handleToken(QPDFTokenizer::Token const& token) override {
    using T = QPDFTokenizer;
    switch (token.getType()) {
      case T::tt_space:
      case T::tt_comment:
        return;
      case T::tt_inline_image:
        painted("inline image");
        operands_.clear();
        return;
      case T::tt_word:
        break;
      default:
        operands_.push_back(token);
        return;
    }
    const std::string op = token.getValue();
    if (op == "BMC" || op == "BDC") {
      Scope s;
      s.artifact = !operands_.empty() && operands_[0].getType() == QPDFTokenizer::tt_name &&
                   operands_[0].getValue() == "/Artifact";
      for (size_t i = 0; i + 1 < operands_.size(); ++i)
        if (operands_[i].getType() == QPDFTokenizer::tt_name &&
            operands_[i].getValue() == "/MCID" && operands_[i + 1].isInteger()) {
          s.mcid = std::stoi(operands_[i + 1].getValue());
          mcids.push_back(s.mcid);
        }
      stack_.push_back(s);
    } else if (op == "EMC") {
      if (stack_.empty())
        unbalanced = true;
      else
        stack_.pop_back();
    } else if (painting_operator(op)) {
      painted(op);
    }
    operands_.clear();
  }
  void handleEOF() override {
    if (!stack_.empty()) unbalanced = true;
  }

  int untagged = 0;            // painting operators neither tagged nor artifact
  std::string first_untagged;  // the first such operator, e.g. "TJ #14"
  int painted_count = 0;
  std::vector<int> mcids;
  bool unbalanced = false;

 private:
  struct Scope {
    bool artifact = false;
    int mcid = -1;
  };
  void painted(const std::string& op) {
    ++painted_count;
    for (const Scope& s : stack_)
      if (s.artifact || s.mcid >= 0) return;
    if (untagged++ == 0)
      first_untagged = op + " (painting operator #" + std::to_string(painted_count) + ")";
  }
  std::vector<Scope> stack_;
  std::vector<QPDFTokenizer::Token> operands_;
};

class Checker {
 public:
  explicit Checker(QPDF& pdf) : pdf_(pdf) {}

  std::vector<Failure> run() {
    QPDFObjectHandle root = pdf_.getRoot();
    check_catalog(root);
    check_metadata(root);
    QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
    if (!tree.isDictionary()) {
      fail("7.1", "document", "the catalog has no /StructTreeRoot (the file is not tagged)");
    } else {
      walk(tree.getKey("/K"), tree, "StructTreeRoot", 0);
      if (headings_seen_ == 0)
        fail("14-002", "document", "the structure tree has no headings (H1–H6)");
    }
    check_pages(tree);
    check_fonts();
    return failures_;
  }

 private:
  void fail(const std::string& checkpoint, const std::string& where, const std::string& what) {
    failures_.push_back({checkpoint, where, what});
  }

  void check_catalog(QPDFObjectHandle root) {
    QPDFObjectHandle mark = root.getKey("/MarkInfo");
    if (!mark.isDictionary() || !mark.getKey("/Marked").isBool() ||
        !mark.getKey("/Marked").getBoolValue())
      fail("7.1", "document", "the catalog's /MarkInfo /Marked is not true");
    const std::string lang = text_of(root, "/Lang");
    if (lang.empty())
      fail("11-006", "document", "the catalog has no /Lang (natural language of the document)");
    else if (!std::regex_match(lang, std::regex("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")))
      fail("11-006", "document", "the catalog's /Lang '" + lang + "' is not a language tag");
    QPDFObjectHandle prefs = root.getKey("/ViewerPreferences");
    QPDFObjectHandle show = prefs.isDictionary() ? prefs.getKey("/DisplayDocTitle") : prefs;
    if (!show.isBool() || !show.getBoolValue())
      fail("07-001", "document", "/ViewerPreferences /DisplayDocTitle is not true");
  }

  void check_metadata(QPDFObjectHandle root) {
    QPDFObjectHandle meta = root.getKey("/Metadata");
    if (!meta.isStream()) {
      fail("06-001", "document", "the catalog has no XMP /Metadata stream");
      fail("06-003", "document", "no dc:title (there is no XMP metadata)");
      return;
    }
    std::shared_ptr<Buffer> data = meta.getStreamData();
    const std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    if (!std::regex_search(xmp, std::regex("pdfuaid:part(\\s*=\\s*[\"']1[\"']|\\s*>\\s*1\\s*<)")))
      fail("06-002", "document", "the XMP metadata does not say pdfuaid:part 1");
    std::smatch m;
    if (!std::regex_search(xmp, m,
                           std::regex("<dc:title>[\\s\\S]*?<rdf:li[^>]*>([^<]*)</rdf:li>")) ||
        m[1].str().find_first_not_of(" \t\r\n") == std::string::npos)
      fail("06-003", "document", "the XMP metadata has no dc:title");
  }

  void walk(QPDFObjectHandle k, QPDFObjectHandle parent, const std::string& parent_type,
            int depth) {
    if (depth > 200) {
      fail("7.1", object_name(parent, parent_type), "the structure tree is deeper than 200");
      return;
    }
    if (k.isArray()) {
      for (int i = 0; i < k.getArrayNItems(); ++i)
        walk(k.getArrayItem(i), parent, parent_type, depth);
      return;
    }
    if (!k.isDictionary()) return;  // an MCID
    const std::string type = name_of(k, "/Type");
    if (type == "MCR" || type == "OBJR") return;
    if (k.isIndirect()) {
      if (!visited_.insert(k.getObjGen()).second) return;
    }
    const std::string s = name_of(k, "/S");
    const std::string where = object_name(k, s);
    check_element(k, s, parent_type, where);
    walk(k.getKey("/K"), k, s, depth + 1);
  }

  void check_element(QPDFObjectHandle e, const std::string& s, const std::string& parent,
                     const std::string& where) {
    if (s == "Figure" || s == "Formula") {
      if (text_of(e, "/Alt").empty() && text_of(e, "/ActualText").empty())
        fail(s == "Figure" ? "13-004" : "17-002", where, "has no /Alt text");
      // ISO 32000-1 requires the BBox of an illustration on one page (a reader magnifying or
      // reflowing the page needs it); every figure of a report lies on one page.
      if (!has_layout_bbox(e.getKey("/A")))
        fail("32000-1 14.8.5.4.3", where, "has no /A << /O /Layout /BBox […] >> attribute");
    }
    if (s.size() == 2 && s[0] == 'H' && s[1] >= '1' && s[1] <= '6') {
      const int level = s[1] - '0';
      if (headings_seen_ == 0 && level != 1)
        fail("14-002", where, "the first heading is " + s + ", not H1");
      else if (headings_seen_ > 0 && level > last_heading_ + 1)
        fail("14-003", where,
             "skips a heading level (H" + std::to_string(last_heading_) + " then " + s + ")");
      ++headings_seen_;
      last_heading_ = level;
    }
    if (s == "TR" && parent != "Table" && parent != "THead" && parent != "TBody" &&
        parent != "TFoot")
      fail("09-004", where, "TR is inside " + parent + ", not a Table, THead, TBody or TFoot");
    if ((s == "THead" || s == "TBody" || s == "TFoot") && parent != "Table")
      fail("09-004", where, s + " is inside " + parent + ", not a Table");
    if ((s == "TH" || s == "TD") && parent != "TR")
      fail("09-004", where, s + " is inside " + parent + ", not a TR");
    if (s == "TH" && !has_table_scope(e.getKey("/A")))
      fail("15-003", where, "TH has no /A << /O /Table /Scope … >> attribute");
    if (s == "LI" && parent != "L") fail("09-004", where, "LI is inside " + parent + ", not an L");
    if (s == "TOCI" && parent != "TOC")
      fail("09-004", where, "TOCI is inside " + parent + ", not a TOC");
  }

  static bool has_layout_bbox(QPDFObjectHandle a) {
    if (a.isArray()) {
      for (int i = 0; i < a.getArrayNItems(); ++i)
        if (has_layout_bbox(a.getArrayItem(i))) return true;
      return false;
    }
    if (!a.isDictionary() || name_of(a, "/O") != "Layout") return false;
    QPDFObjectHandle box = a.getKey("/BBox");
    if (!box.isArray() || box.getArrayNItems() != 4) return false;
    double v[4];
    for (int i = 0; i < 4; ++i) {
      if (!box.getArrayItem(i).isNumber()) return false;
      v[i] = box.getArrayItem(i).getNumericValue();
    }
    return v[2] > v[0] && v[3] > v[1];
  }

  static bool has_table_scope(QPDFObjectHandle a) {
    if (a.isArray()) {
      for (int i = 0; i < a.getArrayNItems(); ++i)
        if (has_table_scope(a.getArrayItem(i))) return true;
      return false;
    }
    if (!a.isDictionary() || name_of(a, "/O") != "Table") return false;
    const std::string scope = name_of(a, "/Scope");
    return scope == "Row" || scope == "Column" || scope == "Both";
  }

  void check_pages(QPDFObjectHandle tree) {
    std::map<int, QPDFObjectHandle> parent_tree;
    QPDFObjectHandle nums = tree.isDictionary() ? tree.getKey("/ParentTree") : QPDFObjectHandle();
    std::unique_ptr<QPDFNumberTreeObjectHelper> parents;
    if (nums.isDictionary()) parents = std::make_unique<QPDFNumberTreeObjectHelper>(nums, pdf_);
    int page_no = 0;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf_).getAllPages()) {
      ++page_no;
      const std::string where = "page " + std::to_string(page_no);
      QPDFObjectHandle dict = page.getObjectHandle();
      const std::vector<QPDFAnnotationObjectHelper> annots = page.getAnnotations();
      if (name_of(dict, "/Tabs") != "S")
        fail(annots.empty() ? "7.18.3" : "28-008", where, "the page has no /Tabs /S");
      for (auto& a : annots) {
        QPDFObjectHandle ah = a.getObjectHandle();
        const std::string sub = name_of(ah, "/Subtype");
        if (sub == "Link" && text_of(ah, "/Contents").empty())
          fail("7.18.5", where + ", " + object_name(ah, "Link annotation"), "has no /Contents");
        if (sub != "Popup" && !ah.getKey("/StructParent").isInteger())
          fail("28-011", where + ", " + object_name(ah, sub + " annotation"),
               "is not in the structure tree (no /StructParent)");
      }
      ContentScan scan;
      Pl_Discard discard;
      try {
        page.filterContents(&scan, &discard);
      } catch (std::exception& e) {
        fail("01-005", where, std::string("the content stream cannot be read: ") + e.what());
        continue;
      }
      if (scan.unbalanced) fail("01-005", where, "BMC/BDC and EMC do not balance");
      if (scan.untagged > 0)
        fail("01-005", where,
             std::to_string(scan.untagged) + " of " + std::to_string(scan.painted_count) +
                 " content items are neither tagged nor an artifact; the first is " +
                 scan.first_untagged);
      if (scan.mcids.empty()) continue;
      QPDFObjectHandle sp = dict.getKey("/StructParents");
      QPDFObjectHandle list;
      if (sp.isInteger() && parents) parents->findObject(sp.getIntValueAsInt(), list);
      if (!list.isArray()) {
        fail("7.1", where,
             "marked content with MCIDs but no /StructParents entry in the ParentTree");
        continue;
      }
      for (int mcid : scan.mcids)
        if (mcid >= list.getArrayNItems() || !list.getArrayItem(mcid).isDictionary())
          fail("7.1", where,
               "MCID " + std::to_string(mcid) + " has no structure element in the ParentTree");
    }
  }

  void check_fonts() {
    for (QPDFObjectHandle h : pdf_.getAllObjects()) {
      if (!h.isDictionary() || name_of(h, "/Type") != "Font") continue;
      const std::string sub = name_of(h, "/Subtype");
      if (sub == "CIDFontType0" || sub == "CIDFontType2") continue;  // checked via its Type0
      const std::string where = object_name(h, "font " + name_of(h, "/BaseFont"));
      QPDFObjectHandle descriptor = h.getKey("/FontDescriptor");
      if (sub == "Type0") {
        QPDFObjectHandle d = h.getKey("/DescendantFonts");
        if (d.isArray() && d.getArrayNItems() > 0)
          descriptor = d.getArrayItem(0).getKey("/FontDescriptor");
      }
      if (sub != "Type3") {
        const bool embedded =
            descriptor.isDictionary() && (descriptor.getKey("/FontFile").isStream() ||
                                          descriptor.getKey("/FontFile2").isStream() ||
                                          descriptor.getKey("/FontFile3").isStream());
        if (!embedded) fail("7.21.4.1", where, "the font program is not embedded");
      }
      if (!h.getKey("/ToUnicode").isStream())
        fail("7.21.7", where, "the font has no /ToUnicode map");
    }
  }

  QPDF& pdf_;
  std::vector<Failure> failures_;
  std::set<QPDFObjGen> visited_;
  int headings_seen_ = 0;
  int last_heading_ = 0;
};

}  // namespace

std::vector<Failure> check_pdf_ua(const std::filesystem::path& path) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str());
    return Checker(pdf).run();
  } catch (std::exception& e) {
    return {{"00-000", "document", std::string("cannot be read as PDF: ") + e.what()}};
  }
}

std::string describe(const std::filesystem::path& path, const Failure& failure) {
  return path.string() + ": " + failure.where + ": " + failure.what + " [" + failure.checkpoint +
         "]";
}

}  // namespace ips::pdfua
