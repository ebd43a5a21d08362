// Partials written into the report template once per run (html_templates.cc): the same bytes as
// kainjow::mustache rendering each {{> name}} tag itself, and left as tags where they would not.
#include <catch2/catch.hpp>

#include "render/html_templates.h"

using namespace ips::render;
namespace mstch = kainjow::mustache;

namespace {

// What kainjow renders with the partials given in the view, as before.
std::string rendered_by_tags(const std::string& text, const std::map<std::string, std::string>& p,
                             mstch::data view) {
  for (const auto& [name, body] : p) view.set(name, mstch::partial{[body] { return body; }});
  mstch::mustache t{text};
  return t.render(view);
}

}  // namespace

TEST_CASE("partials written in render the same bytes as partial tags", "[html-templates]") {
  const std::map<std::string, std::string> partials = {
      {"row", "<li>{{name}}</li>\n"},
      {"list", "<ul>\n{{#items}}\n  {{> row}}\n{{/items}}\n</ul>\n"},
      {"self", "[{{#kids}}{{> self}}{{/kids}}]"},
      {"brace", "{"},
      {"delims", "{{=<% %>=}}<% name %>"}};
  const std::string page = "a{{> list}}b {{>  self }} {{> brace}}{x}} {{> delims}} {{> none}}\n";
  const std::string inlined = inline_partials(page, partials);
  CHECK(inlined.find("{{> list}}") == std::string::npos);
  CHECK(inlined.find("<li>{{name}}</li>") != std::string::npos);
  CHECK(inlined.find("{{> self}}") != std::string::npos);    // includes itself: stays a tag
  CHECK(inlined.find("{{> brace}}") != std::string::npos);   // would open a tag with "{x}}"
  CHECK(inlined.find("{{> delims}}") != std::string::npos);  // changes the delimiters
  CHECK(inlined.find("{{> none}}") != std::string::npos);    // no such partial

  mstch::data view{mstch::data::type::object};
  mstch::list items;
  for (const char* n : {"Bodø", "<Oslo>"}) {
    mstch::data item{mstch::data::type::object};
    item.set("name", std::string(n));
    items.push_back(item);
  }
  view.set("items", items);
  view.set("name", std::string("top"));
  mstch::data leaf{mstch::data::type::object};
  leaf.set("kids", mstch::list{});
  view.set("kids", mstch::list{leaf});
  CHECK(rendered_by_tags(inlined, partials, view) == rendered_by_tags(page, partials, view));
}

TEST_CASE("a page that sets other delimiters is left as it is", "[html-templates]") {
  const std::map<std::string, std::string> partials = {{"p", "x"}};
  const std::string page = "{{> p}}{{=<% %>=}}<%> p%>";
  CHECK(inline_partials(page, partials) == page);
}

TEST_CASE("the page escapes values exactly as kainjow's html_escape does", "[html-templates]") {
  for (const std::string& text :
       {std::string(), std::string("plain"), std::string("Tønsberg & Ås"),
        std::string("<script>alert('x')</script>"), std::string("=HYPERLINK(\"x\")"),
        std::string("&&<<>>\"\"''"), std::string("a long value with nothing to escape, past SSO"),
        std::string("trailing &"), std::string("& leading"), std::string(1, '\0') + "<"})
    CHECK(escape_html(text) == mstch::html_escape(text));
}
