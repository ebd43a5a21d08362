// Facts fixed when the program is built: its version and the source tree it was built from.
// Kept in one translation unit so that the absolute source path is compiled into one object
// only (other objects then stay identical across checkouts, which a compiler cache reuses).
#pragma once

namespace ips::build_info {

/// The program's version, e.g. "0.1.0".
const char* version();
/// The source tree's root (data/, templates/, fonts/), used when no resources folder is set.
const char* source_dir();

}  // namespace ips::build_info
