// Publishing a report set atomically: everything is written into a staging folder beside the
// output folder, synced, and swapped in with one rename, so a run that fails or is killed at
// any moment leaves the previous report set intact. The previous set is kept as <out>/previous.
// The output folder is ipsreport's own: a run replaces it whole, so it refuses a folder that
// holds anything else (the user's documents must never be moved into previous/ and deleted).
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

#include "model/failure_message.h"

namespace ips {

/// what() is English; `message` says it in the run's language (cli/failure_text.h).
struct PublishError : std::runtime_error {
  using std::runtime_error::runtime_error;
  PublishError(const std::string& english, FailureMessage failure)
      : std::runtime_error(english), message(std::move(failure)) {}
  FailureMessage message;
};

/// The --out path cannot be ipsreport's output folder (a file, a dangling link, or a folder
/// holding files ipsreport did not write): a usage error, exit code 2.
struct OutputFolderRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
  OutputFolderRefused(const std::string& english, FailureMessage failure)
      : std::runtime_error(english), message(std::move(failure)) {}
  FailureMessage message;
};

/// The file every published report set carries, marking the folder as written by ipsreport.
inline constexpr const char* kOutputMarkerFile = ".ipsreport-output";

/// The output folder's real path: absolute, with every symlink resolved (an --out link to a
/// folder publishes into the folder it points at, and the link stays). Resolve once per run and
/// use the result everywhere. Throws OutputFolderRefused for a link that points nowhere.
std::filesystem::path resolve_output_folder(const std::filesystem::path& out_dir);

/// Whether a run may replace `real_out` (a resolved path): it does not exist, is an empty
/// folder, or is a report set ipsreport published (the marker file, or a run-summary.json
/// written by ipsreport, as earlier versions left it). Throws OutputFolderRefused saying why not.
void check_output_folder_replaceable(const std::filesystem::path& real_out);

/// An exclusive lock for one output folder, held while a run writes it. The lock file sits
/// beside the folder's real path (".<name>.lock"), because the folder itself is replaced by each
/// run; a run through a symlink and one through the real name take the same lock.
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
  /// rename). Stale staging folders of killed runs are removed first. `out_dir` is resolved
  /// with resolve_output_folder().
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
  /// becomes <out>/previous (an empty folder that stood there is removed). Checks again that
  /// the folder is replaceable. Throws PublishError; on error the old set is still in place.
  void commit();
  const std::filesystem::path& staging_dir() const { return staging_; }

 private:
  std::filesystem::path out_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

/// The content of a file in the published report set, or empty when there is none.
std::string read_published_file(const std::filesystem::path& out_dir,
                                const std::filesystem::path& relative);

}  // namespace ips
