// Custom error bars patched into the chart parts of a finished workbook (see the header).
#include "render/xlsx_error_bars.h"

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>

#include <zip.h>

#include "render/renderer.h"
#include "render/xml_text.h"

namespace ips::render {

namespace {

constexpr double kFirstPlaceholder = 7000;  // far above any rate or score a chart shows

// As libxlsxwriter writes a cell's number ("%.16G", a point whatever the locale), so the cache
// holds exactly what the cells do.
std::string number_text(double v) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.16G", v);
  std::string text(buffer);
  for (char& c : text)
    if (c == ',') c = '.';
  return text;
}

// <c:plus> or <c:minus>: the range of the lengths, with their values cached for the reader.
std::string length_reference(const char* tag, const std::string& range,
                             const std::vector<std::optional<double>>& lengths) {
  std::string xml = std::string("<c:") + tag + "><c:numRef><c:f>";
  append_xml_escaped(xml, range);  // a sheet name may hold & < >
  xml += "</c:f><c:numCache><c:formatCode>General</c:formatCode>";
  xml += "<c:ptCount val=\"" + std::to_string(lengths.size()) + "\"/>";
  for (size_t i = 0; i < lengths.size(); ++i)
    if (lengths[i])
      xml += "<c:pt idx=\"" + std::to_string(i) + "\"><c:v>" + number_text(*lengths[i]) +
             "</c:v></c:pt>";
  return xml + "</c:numCache></c:numRef></c:" + tag + ">";
}

const CustomErrorBars* placeholder_of(std::string_view value,
                                      const std::vector<CustomErrorBars>& bars) {
  const std::string text(value);
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return nullptr;
  for (const auto& b : bars)
    if (b.placeholder == v) return &b;
  return nullptr;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

}  // namespace

double error_bar_placeholder(size_t n) {
  return kFirstPlaceholder + static_cast<double>(n);
}

std::string replace_error_bar_placeholders(std::string_view xml,
                                           const std::vector<CustomErrorBars>& bars,
                                           size_t& replaced) {
  static constexpr std::string_view kOpen = "<c:errBars>", kClose = "</c:errBars>";
  static constexpr std::string_view kFixed = "<c:errValType val=\"fixedVal\"/>";
  static constexpr std::string_view kVal = "<c:val val=\"";
  std::string out;
  size_t at = 0;
  for (;;) {
    const size_t open = xml.find(kOpen, at);
    const size_t close = open == std::string_view::npos ? open : xml.find(kClose, open);
    if (close == std::string_view::npos) break;
    const size_t end = close + kClose.size();
    std::string_view element = xml.substr(open, end - open);
    const size_t fixed = element.find(kFixed);
    const size_t val = element.find(kVal);
    const size_t val_end = val == std::string_view::npos ? val : element.find("\"/>", val);
    const CustomErrorBars* bar =
        fixed == std::string_view::npos || val_end == std::string_view::npos
            ? nullptr
            : placeholder_of(element.substr(val + kVal.size(), val_end - val - kVal.size()), bars);
    out.append(xml.substr(at, open - at));
    if (bar) {
      // CT_ErrBars: errDir, errBarType, errValType, noEndCap, plus, minus, val, spPr.
      std::string patched(element.substr(0, val));
      patched += length_reference("plus", bar->plus_range, bar->plus);
      patched += length_reference("minus", bar->minus_range, bar->minus);
      patched += element.substr(val_end + 3);
      patched.replace(fixed, kFixed.size(), "<c:errValType val=\"cust\"/>");
      out += patched;
      ++replaced;
    } else {
      out.append(element);
    }
    at = end;
  }
  out.append(xml.substr(at));
  return out;
}

void apply_custom_error_bars(const std::filesystem::path& path,
                             const std::vector<CustomErrorBars>& bars) {
  if (bars.empty()) return;
  const std::string where = "XLSX " + path.string() + ": error bars: ";
  std::deque<std::string> texts;  // libzip reads the new parts at zip_close: they outlive it
  int code = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open(path.string().c_str(), 0, &code));
  if (!archive) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw RenderError(where + "cannot open the workbook (" + reason + ")");
  }
  size_t replaced = 0;
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    const char* name = zip_get_name(archive.get(), index, ZIP_FL_ENC_RAW);
    const std::string_view part = name ? name : "";
    if (part.rfind("xl/charts/chart", 0) != 0 || part.size() < 4 ||
        part.substr(part.size() - 4) != ".xml")
      continue;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), index, 0, &stat) != 0)
      throw RenderError(where + "cannot read " + std::string(part));
    std::string bytes(static_cast<size_t>(stat.size), '\0');
    zip_file_t* file = zip_fopen_index(archive.get(), index, 0);
    const zip_int64_t got = file ? zip_fread(file, bytes.data(), bytes.size()) : -1;
    if (file) zip_fclose(file);
    if (got != static_cast<zip_int64_t>(bytes.size()))
      throw RenderError(where + "cannot read " + std::string(part));
    const size_t before = replaced;
    std::string text = replace_error_bar_placeholders(bytes, bars, replaced);
    if (replaced == before) continue;
    texts.push_back(std::move(text));
    zip_source_t* source =
        zip_source_buffer(archive.get(), texts.back().data(), texts.back().size(), 0);
    if (!source || zip_file_replace(archive.get(), index, source, 0) != 0) {
      if (source) zip_source_free(source);
      throw RenderError(where + "cannot replace " + std::string(part));
    }
    // The part keeps the time libxlsxwriter gave it (the document's), so runs stay identical.
    if (zip_file_set_mtime(archive.get(), index, stat.mtime, 0) != 0 ||
        zip_set_file_compression(archive.get(), index, ZIP_CM_DEFLATE, 6) != 0)
      throw RenderError(where + "cannot store " + std::string(part));
  }
  if (replaced != bars.size())
    throw RenderError(where + std::to_string(replaced) + " of " + std::to_string(bars.size()) +
                      " placeholders found");
  zip_t* z = archive.release();
  if (zip_close(z) != 0) {
    const std::string reason = zip_strerror(z);
    zip_discard(z);
    throw RenderError(where + "cannot write the workbook (" + reason + ")");
  }
}

}  // namespace ips::render
