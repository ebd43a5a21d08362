// How many PDF pages this thread has drawn, for the --timings figure "pages per second".
#pragma once

#include <cstdint>

namespace ips::render {

/// PDF pages written by render_pdf on the calling thread since it started (finished files only).
int64_t pdf_pages_rendered_on_this_thread();

/// Adds `pages` to the calling thread's count (render_pdf, after writing a file).
void count_pdf_pages(int64_t pages);

}  // namespace ips::render
