// Publishing a report set atomically: everything is written into a staging folder beside the
// output folder, synced, and swapped in with one rename, so a run that fails or is killed at
// any moment leaves the previous report set intact. The previous set is kept as <out>/previous.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ips {

struct PublishError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// An exclusive lock for one output folder, held while a run writes it. The lock file sits
/// beside the folder (".<name>.lock"), because the folder itself is replaced by each run.
class OutputLock {
 public:
  /// The lock, or nullopt when another run holds it. Throws PublishError when the lock file
  /// cannot be created.
  static std::optional<OutputLock> try_acquire(const std::filesystem::path& out_dir);
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();
  /// The lock file's path.
  static std::filesystem::path lock_path(const std::filesystem::path& out_dir);

 private:
  explicit OutputLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

/// A report set being written. Nothing is visible in the output folder until commit().
class StagedOutput {
 public:
  /// Creates an empty staging folder next to `out_dir` (same file system, so the swap is a
  /// rename). Stale staging folders of killed runs are removed first.
  explicit StagedOutput(std::filesystem::path out_dir);
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;
  /// Removes the staging folder unless committed.
  ~StagedOutput();

  /// Where a report file with this relative path is written during the run; parent folders
  /// are created.
  std::filesystem::path path_for(const std::filesystem::path& relative) const;
  /// Writes a small file (run summary, index) into the staging folder.
  void write_file(const std::filesystem::path& relative, const std::string& bytes) const;
  /// Syncs every file and swaps the staging folder in as the output folder; the old set
  /// becomes <out>/previous. Throws PublishError; on error the old set is still in place.
  void commit();
  const std::filesystem::path& staging_dir() const { return staging_; }

 private:
  std::filesystem::path out_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace ips
