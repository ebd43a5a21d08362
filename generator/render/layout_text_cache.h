// Laid-out texts kept per text context, so that a text set again in the same style and width
// (table cells, axis labels, headers, the same labels in report after report) is shaped once.
// Layouts are never changed after make_layout returns them, so one can be drawn many times.
#pragma once

#include <memory>
#include <string>
#include <type_traits>
#include <unordered_map>

#include <pango/pangocairo.h>

namespace ips::render {

using LayoutPtr = std::shared_ptr<PangoLayout>;

/// The object-data key under which a text context carries its LayoutCache.
inline constexpr const char* kLayoutCacheKey = "ips-layout-cache";

class LayoutCache {
 public:
  /// The layout stored under `key`, or null.
  LayoutPtr find(const std::string& key) const;
  /// Stores `layout` under `key`; forgets everything first when the cache is full, so memory
  /// stays bounded on a long run (layouts in use elsewhere stay alive through their owners).
  void insert(const std::string& key, LayoutPtr layout);
  size_t size() const { return layouts_.size(); }

  /// At most this many layouts are kept (a few kilobytes each).
  static constexpr size_t kCapacity = 20000;

 private:
  std::unordered_map<std::string, LayoutPtr> layouts_;
};

/// The cache of a context made by bundled_text_context, or null for any other context.
LayoutCache* layout_cache_of(PangoContext* context);

/// Appends the bytes of `value` to a cache key: exact, as formatting a double with printf's %a
/// was, and without its cost (a few per cent of PDF time when every text's key was formatted).
template <typename T>
void append_key_bytes(std::string& key, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace ips::render
