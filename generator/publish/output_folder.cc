#include "publish/output_folder.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace ips {

namespace {

// The step that failed, for the message in the run's language: "cannot sync" becomes the key
// run.publish.cannot_sync (a step without a text there is shown in English, as before).
std::string publish_step_key(const std::string& what) {
  std::string key = "run.publish.";
  for (char c : what) key += c == ' ' ? '_' : c;
  return key;
}

[[noreturn]] void fail(const std::string& what, const fs::path& path, int err) {
  std::string msg = what;
  msg.append(" ").append(path.string()).append(": ").append(std::strerror(err));
  throw PublishError(msg, {publish_step_key(what), {path.string()}, err});
}

[[noreturn]] void fail(const std::string& what, const fs::path& path, const std::error_code& ec) {
  std::string msg = what;
  msg.append(" ").append(path.string()).append(": ").append(ec.message());
  throw PublishError(msg, {publish_step_key(what), {path.string()}, ec.value()});
}

void fsync_path(const fs::path& p, bool directory) {
  const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) fail("cannot open", p, errno);
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) fail("cannot sync", p, err);
}

/// Threads that fsync() at once: each fsync sleeps until the disk has the file, and on a busy
/// machine every wake-up waits for a core, so the waits are overlapped rather than queued.
constexpr size_t kSyncThreads = 4;

void fsync_files(const std::vector<fs::path>& files) {
  std::atomic<size_t> next{0};
  std::atomic<size_t> failed{files.size()};
  std::atomic<int> failed_errno{0};
  auto worker = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      const int fd = ::open(files[i].c_str(), O_RDONLY | O_CLOEXEC);
      const int rc = fd < 0 ? -1 : ::fsync(fd);
      const int err = errno;
      if (fd >= 0) ::close(fd);
      if (rc != 0) {
        size_t expected = files.size();
        if (failed.compare_exchange_strong(expected, i)) failed_errno = err;
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(kSyncThreads, files.size()); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failed < files.size()) fail("cannot sync", files[failed], failed_errno.load());
}

/// Makes everything written below `root` durable without touching the rest of the file system
/// (syncfs() would wait for every dirty page of every program on it): each file is fsync()ed,
/// then each folder, deepest first, so that its entries are on disk before the folder's own.
void sync_tree(const fs::path& root) {
  std::vector<fs::path> files;
  std::vector<fs::path> folders{root};
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory())
      folders.push_back(it->path());
    else if (it->is_regular_file())
      files.push_back(it->path());
  }
  if (ec) fail("cannot list", root, ec);
  fsync_files(files);
  for (auto folder = folders.rbegin(); folder != folders.rend(); ++folder)
    fsync_path(*folder, true);
}

/// The path without a trailing "/" or "/." ("out/" and "out/." name the folder "out").
fs::path without_trailing_separator(fs::path p) {
  while (!p.has_filename() && p.has_relative_path()) p = p.parent_path();
  return p;
}

/// Whether a run-summary.json is one ipsreport wrote (every version has written this line).
bool summary_written_by_ipsreport(const fs::path& summary) {
  std::ifstream in(summary, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head.find("\"program\": \"ipsreport\"") != std::string::npos;
}

std::string quoted(const fs::path& p) {
  std::string out = "\"";
  out.append(p.string());
  out.append("\"");
  return out;
}

}  // namespace

fs::path resolve_output_folder(const fs::path& out_dir) {
  const fs::path given = without_trailing_separator(fs::absolute(out_dir));
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(given, ec)) && !fs::exists(fs::status(given, ec))) {
    const std::string target = quoted(fs::read_symlink(given, ec));
    std::string msg = "the output folder ";
    msg.append(quoted(out_dir)).append(" is a symbolic link to ").append(target);
    msg.append(", which does not exist; create that folder or remove the link");
    throw OutputFolderRefused(msg, {"run.out_dangling_link", {quoted(out_dir), target}});
  }
  // Resolve every link once: the lock, the staging folder and the swap all use the real path,
  // so a link given as --out stays a link and the folder it points at is replaced.
  fs::path real = fs::weakly_canonical(given, ec);
  if (ec) return given.lexically_normal();  // an unreachable parent: creating it reports why
  return without_trailing_separator(real.lexically_normal());
}

void check_output_folder_replaceable(const fs::path& real_out) {
  std::error_code ec;
  const fs::file_status st = fs::status(real_out, ec);
  if (!fs::exists(st)) return;  // a new folder
  if (!fs::is_directory(st)) {
    std::string msg = quoted(real_out);
    msg.append(" is a file, not a folder; ipsreport writes its reports into a folder of its own. ");
    msg.append("Give a folder name, for example --out rapporter");
    throw OutputFolderRefused(msg, {"run.out_is_file", {quoted(real_out)}});
  }
  if (!real_out.has_relative_path())
    throw OutputFolderRefused("the root folder cannot be the output folder",
                              {"run.out_is_root", {}});
  if (fs::is_empty(real_out, ec) && !ec) return;
  if (fs::is_regular_file(real_out / kOutputMarkerFile, ec)) return;
  if (summary_written_by_ipsreport(real_out / "run-summary.json")) return;
  std::string msg = quoted(real_out);
  msg.append(
      " holds files ipsreport did not write. Each run replaces its output folder whole, so ");
  msg.append(
      "ipsreport only writes into a new or empty folder or one it wrote before; nothing was ");
  msg.append("changed. Give another folder, for example --out rapporter");
  throw OutputFolderRefused(msg, {"run.out_not_ours", {quoted(real_out)}});
}

fs::path OutputLock::lock_path(const fs::path& out_dir) {
  const fs::path real = resolve_output_folder(out_dir);
  std::string name = ".";
  name.append(real.filename().string()).append(".lock");
  return real.parent_path() / name;
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

OutputLock::OutputLock(OutputLock&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

StagedOutput::StagedOutput(fs::path out_dir) : out_(resolve_output_folder(out_dir)) {
  const fs::path parent = out_.parent_path();
  std::string prefix = ".";
  prefix.append(out_.filename().string()).append(".staging-");
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) fail("cannot create", parent, ec);
  // A killed run leaves its staging folder behind; the caller holds the lock, so any staging
  // folder found now is stale.
  for (const auto& entry : fs::directory_iterator(parent, ec))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove_all(entry.path(), ec);
  staging_ = parent / prefix.append(std::to_string(::getpid()));
  fs::create_directory(staging_, ec);
  if (ec) fail("cannot create", staging_, ec);
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
  if (rel.empty() || *rel.begin() == "..") {
    std::string msg = "refused output path outside the folder: ";
    throw PublishError(msg.append(relative.string()),
                       {"run.publish.outside_folder", {relative.string()}});
  }
  fs::create_directories(target.parent_path());
  return target;
}

void StagedOutput::write_file(const fs::path& relative, const std::string& bytes) const {
  const fs::path path = path_for(relative);
  errno = 0;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::string msg = "cannot write ";
    throw PublishError(msg.append(path.string()),
                       {"run.file_not_written", {path.string()}, errno ? errno : EIO});
  }
}

void StagedOutput::commit() {
  write_file(
      kOutputMarkerFile,
      "This folder is written by ipsreport. Each run replaces it whole (the run before is kept in "
      "previous/), so keep no other files here.\n");
  sync_tree(staging_);
  const fs::path parent = out_.parent_path();
  // Checked again under the lock, right before the swap: the folder may have changed since.
  try {
    check_output_folder_replaceable(out_);
  } catch (const OutputFolderRefused& e) {
    throw PublishError(e.what(), e.message);
  }
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
  std::error_code ec;
  if (fs::is_empty(staging_, ec) && !ec) {  // an empty folder stood there: nothing to keep
    fs::remove(staging_, ec);
    return;
  }
  // Keep the old set as out/previous (without its own "previous", so history does not nest).
  fs::remove_all(staging_ / "previous", ec);
  if (::rename(staging_.c_str(), (out_ / "previous").c_str()) != 0) {
    fs::remove_all(staging_, ec);  // the new set is in place; losing the backup is not fatal
    return;
  }
  fsync_path(out_, true);
}

std::string read_published_file(const fs::path& out_dir, const fs::path& relative) {
  std::ifstream in(out_dir / relative, std::ios::binary);
  if (!in) return "";
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace ips
