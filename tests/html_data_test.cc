// The mustache view built by moving values in (render/html_data.h) holds and renders what
// data::set and push_back would have built by copying.
#include <catch2/catch.hpp>

#include <string>

#include "render/html_data.h"

using namespace ips::render;
namespace mstch = kainjow::mustache;

namespace {

const std::string kPage =
    "{{title}}{{#flag}}!{{/flag}}{{^off}}?{{/off}}\n{{#rows}}<{{name}}{{#cells}} {{v}}{{/cells}}>"
    "{{/rows}}\n";

}  // namespace

TEST_CASE("a view built by moving renders like one built by copying", "[html-data]") {
  mstch::data copied{mstch::data::type::object};
  copied.set("title", std::string("T & <b>"));
  copied.set("flag", true);
  copied.set("off", false);
  mstch::list copied_rows;

  mstch::data moved = view_object();
  put(moved, "title", std::string("T & <b>"));
  put(moved, "flag", true);
  put(moved, "off", false);
  mstch::data moved_rows = view_list();

  // Enough rows and cells that both lists grow many times.
  for (int r = 0; r < 300; ++r) {
    mstch::data row{mstch::data::type::object};
    mstch::data moved_row = view_object();
    row.set("name", "row " + std::to_string(r));
    put(moved_row, "name", "row " + std::to_string(r));
    mstch::list cells;
    mstch::data moved_cells = view_list();
    for (int c = 0; c < r % 13; ++c) {
      mstch::data cell{mstch::data::type::object};
      cell.set("v", std::to_string(r * c));
      cells.push_back(cell);
      mstch::data moved_cell = view_object();
      put(moved_cell, "v", std::to_string(r * c));
      append(moved_cells, std::move(moved_cell));
    }
    row.set("cells", cells);
    put(moved_row, "cells", std::move(moved_cells));
    copied_rows.push_back(row);
    append(moved_rows, std::move(moved_row));
  }
  copied.set("rows", copied_rows);
  put(moved, "rows", std::move(moved_rows));

  REQUIRE(moved.get("rows")->list_value().size() == 300);
  mstch::mustache page{kPage};
  const std::string expected = page.render(copied);
  CHECK(expected.find("<row 298 0 298 596") != std::string::npos);
  CHECK(page.render(moved) == expected);
}

TEST_CASE("put replaces an earlier value and a string literal stays text", "[html-data]") {
  mstch::data view = view_object();
  put(view, "name", std::string("first"));
  put(view, "name", std::string("second"));
  put(view, "literal", "text");  // not the flag true
  put(view, "flag", true);
  put(view, "flag", false);
  REQUIRE(view.get("name")->is_string());
  CHECK(view.get("name")->string_value() == "second");
  REQUIRE(view.get("literal")->is_string());
  CHECK(view.get("literal")->string_value() == "text");
  CHECK(view.get("flag")->is_false());
}
