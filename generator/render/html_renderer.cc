// render_html: the document as one self-contained HTML file, drawn by the editable templates
// in <resources>/templates/html.
#include <fstream>

#include "render/html_templates.h"
#include "render/html_view.h"
#include "render/renderer.h"

namespace ips::render {

void render_html(const doc::Report& report, const RenderOptions& options,
                 const std::filesystem::path& out) {
  const HtmlTemplates templates = HtmlTemplates::load(options.resources_dir / "templates" / "html");
  const std::string html = templates.render(html_view(report, options.resources_dir));

  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  if (!file) throw RenderError("HTML " + out.string() + ": cannot be opened for writing");
  file.write(html.data(), static_cast<std::streamsize>(html.size()));
  file.close();
  if (!file) throw RenderError("HTML " + out.string() + ": write failed (disk full?)");
}

}  // namespace ips::render
