#include "model/build_info.h"

namespace ips::build_info {

const char* version() {
  return IPS_VERSION;
}
const char* source_dir() {
  return IPS_SOURCE_DIR;
}

}  // namespace ips::build_info
