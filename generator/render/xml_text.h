// Text for XML written by hand (SVG in HTML, the XMP packet of a PDF): one escaping rule and one
// date form, so the two writers cannot drift apart.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ips::render {

/// Appends `text` escaped for XML content and attributes; C0 controls (not allowed in XML)
/// become spaces.
void append_xml_escaped(std::string& out, std::string_view text);
/// `text` escaped as append_xml_escaped does.
std::string xml_escaped(std::string_view text);
/// Seconds since the epoch as an ISO 8601 UTC time, e.g. "2016-12-31T00:00:00Z".
std::string iso_utc_time(int64_t seconds);

}  // namespace ips::render
