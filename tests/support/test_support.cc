#include "support/test_support.h"

#include "model/build_info.h"

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace ips::test {

std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(IPS_FIXTURES_DIR) / name;
}

std::string ipsreport_binary() {
  return IPS_BINARY;
}
std::string generator_binary() {
  return IPS_GENERATOR_BINARY;
}
std::filesystem::path source_dir() {
  return std::filesystem::path(build_info::source_dir());
}

ScratchDir::ScratchDir(const std::string& name) {
  static int counter = 0;  // two scratch folders of the same name in one test stay apart
  path = std::filesystem::temp_directory_path() /
         ("ipsreport-test-" + name + "-" + std::to_string(::getpid()) + "-" +
          std::to_string(++counter));
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::string run_command(const std::string& command, int* exit_code) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) {
    if (exit_code) *exit_code = -1;
    return out;
  }
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  if (exit_code) *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace ips::test
