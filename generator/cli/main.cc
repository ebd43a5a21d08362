// The ipsreport command: a thin wrapper around the core library.
#include "cli/app.h"

int main(int argc, char** argv) {
  return ips::run_app(argc, argv);
}
