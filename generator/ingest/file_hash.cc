#include "ingest/file_hash.h"

#include <fcntl.h>
#include <glib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <fstream>

#include <cerrno>

namespace fs = std::filesystem;

namespace ips {

// GLib's checksum code comes with Pango, which the program links anyway.
struct Fingerprint::State {
  GChecksum* checksum = g_checksum_new(G_CHECKSUM_SHA256);
};

std::string file_sha256(const fs::path& path) {
  // Opened without blocking and checked to be a regular file before reading: a FIFO would
  // block the open until a writer came, /dev/zero never ends, and either would hold the
  // output lock for good. Such an input has no hash; ingest refuses it by name.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return "";
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return "";
  }
  GChecksum* c = g_checksum_new(G_CHECKSUM_SHA256);
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    g_checksum_update(c, reinterpret_cast<const guchar*>(buf), static_cast<gssize>(n));
  }
  ::close(fd);
  std::string hex = g_checksum_get_string(c);
  g_checksum_free(c);
  return hex;
}

Fingerprint::Fingerprint() : state_(new State) {}
Fingerprint::~Fingerprint() {
  g_checksum_free(state_->checksum);
  delete state_;
}

void Fingerprint::add(const std::string& name, const std::string& content) {
  for (const std::string* part : {&name, &content}) {
    const std::string length = std::to_string(part->size()) + ":";
    g_checksum_update(state_->checksum, reinterpret_cast<const guchar*>(length.data()),
                      length.size());
    g_checksum_update(state_->checksum, reinterpret_cast<const guchar*>(part->data()),
                      part->size());
  }
}

void Fingerprint::add_tree(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) add(f.lexically_relative(dir).string(), file_sha256(f));
}

std::string Fingerprint::hex() {
  return g_checksum_get_string(state_->checksum);
}

}  // namespace ips
