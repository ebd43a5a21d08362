#include "cli/failure_text.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "publish/output_folder.h"
#include "render/renderer.h"

namespace ips {

std::string system_reason(const Wording& words, int error_number) {
  // The reasons a report can fail to be written on a working installation; anything rarer is
  // shown as the C library says it (English), which is still the exact reason.
  const char* name = nullptr;
  switch (error_number) {
    case ENOSPC:
      name = "no_space";
      break;
    case EDQUOT:
      name = "quota";
      break;
    case EFBIG:
      name = "file_too_large";
      break;
    case EACCES:
    case EPERM:
      name = "no_access";
      break;
    case EROFS:
      name = "read_only";
      break;
    case ENOENT:
      name = "not_found";
      break;
    case ENOTDIR:
      name = "not_a_folder";
      break;
    case EIO:
      name = "io_error";
      break;
    case ENOMEM:
      name = "out_of_memory";
      break;
    default:
      break;
  }
  if (name) {
    const std::string key = std::string("run.system.") + name;
    const std::string text = words.get(key);
    if (text != "[" + key + "]") return text;
  }
  return std::strerror(error_number);
}

FailureMessage failure_message_of(const std::exception& error) {
  if (const auto* e = dynamic_cast<const render::RenderError*>(&error)) return e->message;
  if (const auto* e = dynamic_cast<const PublishError*>(&error)) return e->message;
  if (const auto* e = dynamic_cast<const OutputFolderRefused*>(&error)) return e->message;
  if (const auto* e = dynamic_cast<const std::filesystem::filesystem_error*>(&error))
    if (!e->path1().empty())
      return {"run.file_not_written", {e->path1().string()}, e->code().value()};
  return {};
}

std::string failure_text(const Wording& words, const FailureMessage& failure,
                         const std::string& english) {
  if (failure.key.empty() || words.get(failure.key) == "[" + failure.key + "]") return english;
  std::vector<std::string> args = failure.args;
  if (failure.system_error != 0) args.push_back(system_reason(words, failure.system_error));
  return words.format(failure.key, args);
}

}  // namespace ips
