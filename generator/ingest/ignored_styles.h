// A styles receiver for liborcus that keeps nothing: the program reads values, not formatting.
//
// liborcus 0.17 does not check that the factory has a styles interface before handing it the
// styles of an ods content.xml: without one it crashed (a null pointer, killing the reader
// child) on the styles LibreOffice writes for a cell comment (the comment's paragraph and text
// properties) and for a time-of-day cell (number:time-style), so such files were refused as
// damaged. Giving it this receiver lets it read those styles and go on to the cells.
#pragma once

#include <orcus/spreadsheet/import_interface.hpp>

namespace ips {

/// Accepts every style liborcus reports and stores none of it.
class IgnoredStyles : public orcus::spreadsheet::iface::import_styles {
 public:
  using color = orcus::spreadsheet::color_elem_t;
  void set_font_count(size_t) override {}
  void set_font_bold(bool) override {}
  void set_font_italic(bool) override {}
  void set_font_name(std::string_view) override {}
  void set_font_size(double) override {}
  void set_font_underline(orcus::spreadsheet::underline_t) override {}
  void set_font_underline_width(orcus::spreadsheet::underline_width_t) override {}
  void set_font_underline_mode(orcus::spreadsheet::underline_mode_t) override {}
  void set_font_underline_type(orcus::spreadsheet::underline_type_t) override {}
  void set_font_underline_color(color, color, color, color) override {}
  void set_font_color(color, color, color, color) override {}
  void set_strikethrough_style(orcus::spreadsheet::strikethrough_style_t) override {}
  void set_strikethrough_type(orcus::spreadsheet::strikethrough_type_t) override {}
  void set_strikethrough_width(orcus::spreadsheet::strikethrough_width_t) override {}
  void set_strikethrough_text(orcus::spreadsheet::strikethrough_text_t) override {}
  size_t commit_font() override { return next(fonts_); }

  void set_fill_count(size_t) override {}
  void set_fill_pattern_type(orcus::spreadsheet::fill_pattern_t) override {}
  void set_fill_fg_color(color, color, color, color) override {}
  void set_fill_bg_color(color, color, color, color) override {}
  size_t commit_fill() override { return next(fills_); }

  void set_border_count(size_t) override {}
  void set_border_style(orcus::spreadsheet::border_direction_t,
                        orcus::spreadsheet::border_style_t) override {}
  void set_border_color(orcus::spreadsheet::border_direction_t, color, color, color,
                        color) override {}
  void set_border_width(orcus::spreadsheet::border_direction_t, double,
                        orcus::length_unit_t) override {}
  size_t commit_border() override { return next(borders_); }

  void set_cell_hidden(bool) override {}
  void set_cell_locked(bool) override {}
  void set_cell_print_content(bool) override {}
  void set_cell_formula_hidden(bool) override {}
  size_t commit_cell_protection() override { return next(protections_); }

  void set_number_format_count(size_t) override {}
  void set_number_format_identifier(size_t) override {}
  void set_number_format_code(std::string_view) override {}
  size_t commit_number_format() override { return next(number_formats_); }

  void set_cell_xf_count(size_t) override {}
  void set_cell_style_xf_count(size_t) override {}
  void set_dxf_count(size_t) override {}
  void set_xf_font(size_t) override {}
  void set_xf_fill(size_t) override {}
  void set_xf_border(size_t) override {}
  void set_xf_protection(size_t) override {}
  void set_xf_number_format(size_t) override {}
  void set_xf_style_xf(size_t) override {}
  void set_xf_apply_alignment(bool) override {}
  void set_xf_horizontal_alignment(orcus::spreadsheet::hor_alignment_t) override {}
  void set_xf_vertical_alignment(orcus::spreadsheet::ver_alignment_t) override {}
  size_t commit_cell_xf() override { return next(cell_xfs_); }
  size_t commit_cell_style_xf() override { return next(cell_style_xfs_); }
  size_t commit_dxf() override { return next(dxfs_); }

  void set_cell_style_count(size_t) override {}
  void set_cell_style_name(std::string_view) override {}
  void set_cell_style_xf(size_t) override {}
  void set_cell_style_builtin(size_t) override {}
  void set_cell_style_parent_name(std::string_view) override {}
  size_t commit_cell_style() override { return next(cell_styles_); }

 private:
  // Each commit returns a new index, as a real styles store would, in case liborcus keys
  // anything on it.
  static size_t next(size_t& counter) { return counter++; }
  size_t fonts_ = 0, fills_ = 0, borders_ = 0, protections_ = 0, number_formats_ = 0, cell_xfs_ = 0,
         cell_style_xfs_ = 0, dxfs_ = 0, cell_styles_ = 0;
};

}  // namespace ips
