#include "cli/app.h"

namespace ips {
int run_app(int, char**) { return 0; }
}
