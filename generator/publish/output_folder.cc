#include "publish/output_folder.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ips {

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int err) {
  throw PublishError(what + " " + path.string() + ": " + std::strerror(err));
}

fs::path absolute_clean(const fs::path& p) { return fs::absolute(p).lexically_normal(); }

/// The folder's own name even when given with a trailing slash ("out/").
std::string folder_name(const fs::path& dir) {
  fs::path p = dir;
  if (!p.has_filename()) p = p.parent_path();
  return p.filename().string();
}

fs::path parent_of(const fs::path& dir) {
  fs::path p = absolute_clean(dir);
  if (!p.has_filename()) p = p.parent_path();
  return p.parent_path();
}

void fsync_path(const fs::path& p, bool directory) {
  const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) fail("cannot open", p, errno);
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) fail("cannot sync", p, err);
}

void fsync_tree(const fs::path& root) {
  for (const auto& entry : fs::recursive_directory_iterator(root)) fsync_path(entry.path(), entry.is_directory());
  fsync_path(root, true);
}

}  // namespace

fs::path OutputLock::lock_path(const fs::path& out_dir) {
  return parent_of(out_dir) / ("." + folder_name(absolute_clean(out_dir)) + ".lock");
}

std::optional<OutputLock> OutputLock::try_acquire(const fs::path& out_dir) {
  const fs::path path = lock_path(out_dir);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create the lock file", path, errno);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) return std::nullopt;
    fail("cannot lock", path, err);
  }
  return OutputLock(fd);
}

OutputLock::OutputLock(OutputLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

StagedOutput::StagedOutput(fs::path out_dir) : out_(absolute_clean(out_dir)) {
  if (!out_.has_filename()) out_ = out_.parent_path();
  const fs::path parent = out_.parent_path();
  const std::string prefix = "." + out_.filename().string() + ".staging-";
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw PublishError("cannot create " + parent.string() + ": " + ec.message());
  // A killed run leaves its staging folder behind; the caller holds the lock, so any staging
  // folder found now is stale.
  for (const auto& entry : fs::directory_iterator(parent, ec))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove_all(entry.path(), ec);
  staging_ = parent / (prefix + std::to_string(::getpid()));
  fs::create_directory(staging_, ec);
  if (ec) throw PublishError("cannot create " + staging_.string() + ": " + ec.message());
}

StagedOutput::~StagedOutput() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

fs::path StagedOutput::path_for(const fs::path& relative) const {
  const fs::path target = (staging_ / relative).lexically_normal();
  // Relative paths come from site keys and templates; never let one leave the folder.
  const auto rel = target.lexically_relative(staging_);
  if (rel.empty() || *rel.begin() == "..") throw PublishError("refused output path outside the folder: " + relative.string());
  fs::create_directories(target.parent_path());
  return target;
}

void StagedOutput::write_file(const fs::path& relative, const std::string& bytes) const {
  const fs::path path = path_for(relative);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw PublishError("cannot write " + path.string());
}

void StagedOutput::commit() {
  fsync_tree(staging_);
  const fs::path parent = out_.parent_path();
  if (!fs::exists(out_)) {
    if (::rename(staging_.c_str(), out_.c_str()) != 0) fail("cannot publish", out_, errno);
    committed_ = true;
    fsync_path(parent, true);
    return;
  }
  // One atomic step: the new set takes the folder's name, the old set takes the staging name.
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0)
    fail("cannot publish", out_, errno);
  committed_ = true;
  fsync_path(parent, true);
  // Keep the old set as out/previous (without its own "previous", so history does not nest).
  std::error_code ec;
  fs::remove_all(staging_ / "previous", ec);
  if (::rename(staging_.c_str(), (out_ / "previous").c_str()) != 0) {
    fs::remove_all(staging_, ec);  // the new set is in place; losing the backup is not fatal
    return;
  }
  fsync_path(out_, true);
}

}  // namespace ips
