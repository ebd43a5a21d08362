#include "render/pdf_page_count.h"

namespace ips::render {

namespace {
thread_local int64_t pages_rendered = 0;
}  // namespace

int64_t pdf_pages_rendered_on_this_thread() {
  return pages_rendered;
}

void count_pdf_pages(int64_t pages) {
  pages_rendered += pages;
}

}  // namespace ips::render
