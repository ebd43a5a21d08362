#include "render/layout_text_cache.h"

namespace ips::render {

LayoutPtr LayoutCache::find(const std::string& key) const {
  auto it = layouts_.find(key);
  return it == layouts_.end() ? nullptr : it->second;
}

void LayoutCache::insert(const std::string& key, LayoutPtr layout) {
  if (layouts_.size() >= kCapacity) layouts_.clear();
  layouts_.emplace(key, std::move(layout));
}

LayoutCache* layout_cache_of(PangoContext* context) {
  return static_cast<LayoutCache*>(g_object_get_data(G_OBJECT(context), kLayoutCacheKey));
}

}  // namespace ips::render
