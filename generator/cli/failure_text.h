// Failure messages of a run in the user's language (templates/messages.*.toml, [run]).
#pragma once

#include <exception>
#include <string>

#include "model/failure_message.h"
#include "report/wording.h"

namespace ips {

/// The system's reason for an errno in the run's language (the common ones: disk full, file size
/// limit, no access, read-only, quota, missing folder, I/O error), else the C library's text.
std::string system_reason(const Wording& words, int error_number);
/// What a failure says for the run's language: a RenderError's or PublishError's message, or
/// "could not be written" with the system reason for a filesystem_error naming a path; else none.
FailureMessage failure_message_of(const std::exception& error);
/// The failure as the user reads it: its key formatted with its args and, when it has one, the
/// system reason as the argument after them; `english` when it has no key (or the key is unknown).
std::string failure_text(const Wording& words, const FailureMessage& failure,
                         const std::string& english);

}  // namespace ips
