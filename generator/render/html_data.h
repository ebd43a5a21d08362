// Building a mustache view without copying it: kainjow::mustache::data::set and push_back take
// their value by const reference and copy the whole subtree, so a table cell was copied once
// for every level it is nested in (about ten times). These move the value in instead.
#pragma once

#include <algorithm>
#include <concepts>
#include <string>
#include <utility>

#include <kainjow/mustache.hpp>

namespace ips::render {

/// An empty mustache object (a map of names to values).
inline kainjow::mustache::data view_object() {
  return kainjow::mustache::data{kainjow::mustache::data::type::object};
}

/// An empty mustache list.
inline kainjow::mustache::data view_list() {
  return kainjow::mustache::data{kainjow::mustache::data::type::list};
}

/// Sets `name` in `object` to `value`, moved in; replaces an earlier value, as data::set does.
inline void put(kainjow::mustache::data& object, const std::string& name,
                kainjow::mustache::data value) {
  // operator[] alone would first make an empty object for the new name (an allocation and a
  // free per name); a flag costs nothing to make and is then replaced in place.
  object.set(name, false);
  object[name] = std::move(value);
}

/// Sets `name` in `object` to the flag `value` (only a bool: a string literal is text).
inline void put(kainjow::mustache::data& object, const std::string& name,
                std::same_as<bool> auto value) {
  object.set(name, value);
}

/// Appends `item`, moved in, to `list` (a value made by view_list).
inline void append(kainjow::mustache::data& list, kainjow::mustache::data item) {
  // kainjow offers only const access to a list's items; the vector itself is not const.
  auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
  // data's move constructor is not noexcept, so the vector's own growth would copy every item
  // (and all it holds) each time it grows: grow it here by moving them.
  if (items.size() == items.capacity()) {
    kainjow::mustache::list grown;
    grown.reserve(std::max<size_t>(8, 2 * items.size()));
    for (auto& existing : items) grown.push_back(std::move(existing));
    items.swap(grown);
  }
  items.push_back(std::move(item));
}

}  // namespace ips::render
