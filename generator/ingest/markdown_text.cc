#include "ingest/markdown_text.h"

#include <cmark.h>

#include <memory>

namespace ips {

namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

bool followed_link(const std::string& url) {
  for (const char* scheme : {"https://", "http://", "mailto:"})
    if (url.rfind(scheme, 0) == 0) return true;
  return false;
}

std::string literal(cmark_node* n) {
  const char* l = cmark_node_get_literal(n);
  return l ? l : "";
}

class Walker {
 public:
  Walker(ParsedMarkdown& out, bool split_on_headings) : out_(out), split_(split_on_headings) {
    out_.sections.push_back({"", 1, {}});
  }

  void block(cmark_node* n, int depth) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        add(RichBlock::Kind::Paragraph, n, depth, 0);
        break;
      case CMARK_NODE_HEADING:
        if (split_ && depth == 0 && cmark_node_get_heading_level(n) <= 2) {
          RichBlock heading;
          inlines(cmark_node_first_child(n), RichSpan{}, heading.spans);
          out_.sections.push_back({plain_text({heading}), cmark_node_get_start_line(n), {}});
        } else {
          add(RichBlock::Kind::Heading, n, depth, 0);
        }
        break;
      case CMARK_NODE_LIST: {
        const bool numbered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        int number = cmark_node_get_list_start(n);
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
          bool first = true;
          for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
            if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH && first)
              add(numbered ? RichBlock::Kind::NumberedItem : RichBlock::Kind::BulletItem, c, depth,
                  number);
            else
              block(c, depth + 1);
            first = false;
          }
          ++number;
        }
        break;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        problem(n, "block quote");
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) block(c, depth);
        break;
      case CMARK_NODE_CODE_BLOCK:
        problem(n, "code block");
        text_block(literal(n), depth);
        break;
      case CMARK_NODE_HTML_BLOCK:
        problem(n, "raw HTML");
        text_block(literal(n), depth);
        break;
      case CMARK_NODE_THEMATIC_BREAK:
        problem(n, "horizontal rule");
        break;
      default:
        problem(n, cmark_node_get_type_string(n));
        break;
    }
  }

 private:
  void add(RichBlock::Kind kind, cmark_node* n, int depth, int number) {
    RichBlock b;
    b.kind = kind;
    b.depth = depth;
    b.number = number;
    inlines(cmark_node_first_child(n), RichSpan{}, b.spans);
    if (!b.spans.empty()) out_.sections.back().blocks.push_back(std::move(b));
  }

  void text_block(std::string text, int depth) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    if (text.empty()) return;
    RichBlock b;
    b.depth = depth;
    RichSpan span;
    span.text = std::move(text);
    b.spans.push_back(std::move(span));
    out_.sections.back().blocks.push_back(std::move(b));
  }

  void push(std::vector<RichSpan>& spans, const RichSpan& look, std::string text) {
    if (text.empty()) return;
    // Adjacent runs with the same look are one run, so renderers see whole words.
    if (!spans.empty()) {
      RichSpan& last = spans.back();
      if (last.strong == look.strong && last.emphasis == look.emphasis && last.code == look.code &&
          last.link == look.link) {
        last.text += text;
        return;
      }
    }
    RichSpan s = look;
    s.text = std::move(text);
    spans.push_back(std::move(s));
  }

  void inlines(cmark_node* n, const RichSpan& look, std::vector<RichSpan>& spans) {
    for (; n; n = cmark_node_next(n)) {
      RichSpan inner = look;
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
          push(spans, look, literal(n));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          push(spans, look, " ");
          break;
        case CMARK_NODE_EMPH:
          inner.emphasis = true;
          inlines(cmark_node_first_child(n), inner, spans);
          break;
        case CMARK_NODE_STRONG:
          inner.strong = true;
          inlines(cmark_node_first_child(n), inner, spans);
          break;
        case CMARK_NODE_LINK: {
          const char* url = cmark_node_get_url(n);
          const std::string target = url ? url : "";
          if (followed_link(target))
            inner.link = target;
          else
            problem(n, "link that is not http, https or mailto (" + target + ")");
          inlines(cmark_node_first_child(n), inner, spans);
          break;
        }
        case CMARK_NODE_CODE:
          problem(n, "code");
          push(spans, look, literal(n));
          break;
        case CMARK_NODE_HTML_INLINE:
          problem(n, "raw HTML");
          push(spans, look, literal(n));
          break;
        case CMARK_NODE_IMAGE:
          // The image is not drawn; its description is what it says.
          problem(n, "image");
          inlines(cmark_node_first_child(n), look, spans);
          break;
        default:
          problem(n, cmark_node_get_type_string(n));
          break;
      }
    }
  }

  void problem(cmark_node* n, std::string what) {
    // Inline nodes carry no position in cmark 0.30: the nearest block's line stands for them.
    int line = 0;
    for (cmark_node* p = n; p && line == 0; p = cmark_node_parent(p))
      line = cmark_node_get_start_line(p);
    out_.problems.push_back({line, std::move(what)});
  }

  ParsedMarkdown& out_;
  bool split_;
};

ParsedMarkdown parse(const std::string& text, bool split) {
  ParsedMarkdown out;
  std::unique_ptr<cmark_node, NodeFree> doc(
      cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
  Walker walker(out, split);
  if (doc)
    for (cmark_node* c = cmark_node_first_child(doc.get()); c; c = cmark_node_next(c))
      walker.block(c, 0);
  return out;
}

}  // namespace

ParsedMarkdown parse_markdown(const std::string& text) {
  return parse(text, false);
}

ParsedMarkdown parse_markdown_sections(const std::string& text) {
  return parse(text, true);
}

}  // namespace ips
