// The command line: parses arguments and runs a command. Returns the process exit code.
#pragma once

namespace ips {
int run_app(int argc, char** argv);
}
