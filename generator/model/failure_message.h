// A failure to write or publish output, said in the run's language: a key of the [run] section
// of templates/messages.*.toml with its details. The exception carrying it keeps an English
// what() for logs; what a person reads is made from this (cli/failure_text.h).
#pragma once

#include <string>
#include <vector>

namespace ips {

struct FailureMessage {
  std::string key;                // "run.file_not_written"; empty: only the English text exists
  std::vector<std::string> args;  // {0}, {1}, ...; paths first
  int system_error = 0;           // the errno behind it, said after the args; 0 for none
};

}  // namespace ips
