// render_pdf: the report laid out (pdf_layout), paginated (pdf_flow), then drawn page by page
// onto a cairo PDF surface with bookmarks, named destinations for the contents' links and
// fixed metadata dates, checking cairo's status so that an error never leaves a short PDF.
#include <cairo-pdf.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "model/build_info.h"
#include "render/fonts.h"
#include "render/pdf_flow.h"
#include "render/pdf_layout.h"
#include "render/pdf_page_count.h"
#include "render/pdf_style.h"
#include "render/pdf_ua_postprocess.h"
#include "render/renderer.h"
#include "render/xml_text.h"

namespace ips::render {

namespace {

// Post-processing (pdf_ua_postprocess) reads every page's content stream and deflates it again;
// cairo 1.16 would first deflate it at zlib's default level, only to have it inflated. Its one
// switch for writing content uncompressed is the environment variable CAIRO_DEBUG_PDF, read
// whenever a PDF surface is made; it is set here, before main and so before any thread runs
// (setenv is not safe while other threads read the environment). Fonts and images stay
// compressed by cairo; the finished file's content streams are compressed by post-processing.
[[maybe_unused]] const bool cairo_content_uncompressed = [] {
  if (tagging_mode_from_environment() == TaggingMode::Full) setenv("CAIRO_DEBUG_PDF", "1", 0);
  return true;
}();

// Owns the cairo objects so that every exit path releases them.
struct PdfSurface {
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  ~PdfSurface() {
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }
};

void check(cairo_status_t status, const std::filesystem::path& out, const std::string& where) {
  if (status == CAIRO_STATUS_NO_MEMORY)
    throw RenderError(out.string() + ": " + where + ": " + cairo_status_to_string(status),
                      {"run.file_not_written", {out.string()}, ENOMEM});
  if (status != CAIRO_STATUS_SUCCESS)
    throw RenderError(out.string() + ": " + where + ": " + cairo_status_to_string(status),
                      {"run.pdf_not_made", {out.string(), cairo_status_to_string(status)}});
}

void add_bookmarks(cairo_surface_t* surface, const std::vector<OutlineEntry>& outline,
                   const Pagination& pagination, double left) {
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  for (const auto& e : outline) {
    auto it = pagination.anchors.find(e.anchor);
    if (it == pagination.anchors.end()) continue;
    char link[96];
    std::snprintf(link, sizeof link, "page=%d pos=[%d %d]", it->second.page, static_cast<int>(left),
                  static_cast<int>(it->second.y));
    gchar* title = g_utf8_make_valid(e.title.c_str(), -1);
    const int id =
        cairo_pdf_surface_add_outline(surface, e.level == 0 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                      title, link, static_cast<cairo_pdf_outline_flags_t>(0));
    g_free(title);
    if (e.level == 0) parent = id;
  }
}

void set_metadata(cairo_surface_t* surface, const doc::ReportMeta& meta, int64_t time) {
  auto set = [&](cairo_pdf_metadata_t key, const std::string& value) {
    if (value.empty()) return;
    gchar* valid = g_utf8_make_valid(value.c_str(), -1);
    cairo_pdf_surface_set_metadata(surface, key, valid);
    g_free(valid);
  };
  set(CAIRO_PDF_METADATA_TITLE, doc::document_title(meta));
  set(CAIRO_PDF_METADATA_SUBJECT, meta.subject);
  set(CAIRO_PDF_METADATA_AUTHOR, meta.author);
  set(CAIRO_PDF_METADATA_KEYWORDS, meta.keywords);
  set(CAIRO_PDF_METADATA_CREATOR, "ipsreport");
  // Without these cairo stamps the current time and no two runs give the same bytes.
  set(CAIRO_PDF_METADATA_CREATE_DATE, iso_utc_time(time));
  set(CAIRO_PDF_METADATA_MOD_DATE, iso_utc_time(time));
}

}  // namespace

void render_pdf(const doc::Report& report, const RenderOptions& options,
                const std::filesystem::path& out) {
  const PdfStyle style = load_pdf_style((options.resources_dir.empty()
                                             ? std::filesystem::path(build_info::source_dir())
                                             : options.resources_dir) /
                                        "templates" / "pdf.toml");
  const std::filesystem::path fonts = fonts_dir_of(options.resources_dir);

  // cairo writes into memory; the file is written once, after post-processing (PDF/UA-1).
  std::string cairo_pdf;
  auto append = [](void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  };
  PdfSurface pdf;
  pdf.surface =
      cairo_pdf_surface_create_for_stream(append, &cairo_pdf, style.page_width, style.page_height);
  check(cairo_surface_status(pdf.surface), out, "cannot create the PDF");
  pdf.cr = cairo_create(pdf.surface);
  set_metadata(pdf.surface, report.meta, options.document_time);

  try {
    ContextPtr text = bundled_text_context(pdf.cr, fonts);
    PdfLayout layout(report, style, text.get());
    const Pagination pagination = paginate(layout.chunks(), style.margin_top, style.body_height());
    layout.set_pagination(&pagination);
    add_bookmarks(pdf.surface, layout.outline(), pagination, style.margin_left);

    const int pages = static_cast<int>(pagination.pages.size());
    // The whole document is one Document element; the page frame, drawn outside every leaf,
    // becomes an artifact in post-processing.
    PdfTags& tags = layout.tags();
    const TaggingMode tagging = tagging_mode_from_environment();
    tags.set_untagged(tagging == TaggingMode::None);
    tags.set_page_height(style.page_height);
    tags.begin(pdf.cr, {"Document"});
    for (int p = 0; p < pages; ++p) {
      layout.draw_page_frame(pdf.cr, p + 1, pages);
      for (const PlacedChunk& placed : pagination.pages[p]) {
        if (placed.repeat) {  // a table header again on a later page: an artifact
          tags.set_suspended(true);
          placed.chunk->draw(pdf.cr, style.margin_left, placed.y);
          tags.set_suspended(false);
          continue;
        }
        const std::string& anchor = placed.chunk->anchor;
        const bool target = !anchor.empty() && pagination.anchors.at(anchor).page == p + 1 &&
                            pagination.anchors.at(anchor).y == placed.y;
        // Elements going on over chunks open outside the destination: cairo's tags nest.
        for (const TagNote& note : placed.chunk->open) tags.begin(pdf.cr, note);
        if (target) {
          const std::string attrs = "name='" + pdf_dest_name(anchor) + "'";
          cairo_tag_begin(pdf.cr, CAIRO_TAG_DEST, attrs.c_str());
        }
        placed.chunk->draw(pdf.cr, style.margin_left, placed.y);
        if (target) cairo_tag_end(pdf.cr, CAIRO_TAG_DEST);
        for (int i = 0; i < placed.chunk->close; ++i) tags.end(pdf.cr);
      }
      // The Document ends on the last page: a tag after it would make cairo start another.
      if (p + 1 == pages) tags.end(pdf.cr);
      check(cairo_status(pdf.cr), out, "page " + std::to_string(p + 1));
      cairo_show_page(pdf.cr);
    }
    if (tags.open() != 0) throw RenderError(out.string() + ": structure tags left open");
    check(cairo_status(pdf.cr), out, "after the last page");
    cairo_destroy(pdf.cr);
    pdf.cr = nullptr;
    cairo_surface_finish(pdf.surface);
    // cairo reports a tag error only here, after finishing.
    check(cairo_surface_status(pdf.surface), out, "writing the PDF");
    const doc::ReportMeta& m = report.meta;
    std::string finished;
    try {
      // The measuring modes (IPS_PDF_TAGGING) write cairo's file as it is.
      finished = tagging == TaggingMode::Full
                     ? finish_pdf_ua(cairo_pdf, layout.tags().notes(),
                                     {doc::document_title(m), m.subject, m.author, m.keywords,
                                      m.lang == Lang::En ? "en" : "nb", options.document_time})
                     : std::move(cairo_pdf);
    } catch (const std::exception& e) {
      throw RenderError(out.string() + ": tagging the PDF (PDF/UA): " + e.what());
    }
    errno = 0;
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file.write(finished.data(), static_cast<std::streamsize>(finished.size()));
    file.close();
    if (!file)
      throw RenderError(out.string() + ": cannot write the PDF",
                        {"run.file_not_written", {out.string()}, errno ? errno : EIO});
    count_pdf_pages(pages);
  } catch (...) {
    // Never leave a truncated PDF behind.
    if (pdf.cr) {
      cairo_destroy(pdf.cr);
      pdf.cr = nullptr;
    }
    cairo_surface_finish(pdf.surface);
    std::error_code ignored;
    std::filesystem::remove(out, ignored);
    throw;
  }
}

}  // namespace ips::render
