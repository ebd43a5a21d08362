// Rewrites an OOXML package so that liborcus 0.17 can follow every relationship in it.
//
// OOXML (ECMA-376 part 2, Open Packaging Conventions) lets a relationship name its target
// relative to the part that refers to it ("worksheets/sheet1.xml") or from the package root
// ("/xl/worksheets/sheet1.xml"). openpyxl (so pandas' to_excel) and the .NET Open XML SDK
// write the second form, which liborcus 0.17 does not follow: it loses every part reached that
// way (sheets, shared strings), so numbers, dates and shared strings silently went missing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ips {

/// Result of looking a package over: `bytes` is set when the package had to be rewritten.
struct PackageCheck {
  bool ok = true;       // false: the zip is damaged (see `problem`)
  std::string problem;  // why, in plain words (an entry longer than it says, a bad CRC)
  std::optional<std::string> bytes;  // the package with relative targets, when any was absolute
  size_t absolute_targets = 0;
};

/// Reads every entry of the zip in `package` through libzip (so an entry whose data does not
/// match its declared size or CRC is found rather than cut short), and rewrites absolute
/// internal relationship targets in its .rels parts into the relative form.
PackageCheck normalize_opc_package(std::string_view package);

/// `target` (absolute, "/xl/a.xml") as seen from the folder `from_folder` ("xl/", or "" for the
/// package root): "a.xml", "../docProps/b.xml".
std::string relative_part_target(std::string_view from_folder, std::string_view target);

}  // namespace ips
