#include "ingest/contained_read.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace ips {

namespace {

// The child's result as bytes: fixed-width numbers and length-prefixed strings.
class Writer {
 public:
  void u64(uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void f64(double v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint64_t u64() {
    uint64_t v = 0;
    take(&v, sizeof v);
    return v;
  }
  double f64() {
    double v = 0;
    take(&v, sizeof v);
    return v;
  }
  std::string str() {
    const uint64_t n = u64();
    if (!ok_ || n > in_.size() - pos_) return fail();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  bool ok() const { return ok_ && pos_ == in_.size(); }
  bool good() const { return ok_; }

 private:
  void take(void* to, size_t n) {
    if (!ok_ || n > in_.size() - pos_) {
      fail();
      return;
    }
    std::memcpy(to, in_.data() + pos_, n);
    pos_ += n;
  }
  std::string fail() {
    ok_ = false;
    return {};
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

std::string encode(const RawWorkbook& book, const ReadFailure& failure) {
  Writer w;
  w.str(failure.code);
  w.str(failure.detail);
  w.u64(book.sheets.size());
  for (const RawSheet& sheet : book.sheets) {
    w.str(sheet.name);
    w.u64((sheet.hidden ? 1u : 0u) | (sheet.truncated ? 2u : 0u) | (sheet.malformed ? 4u : 0u) |
          (sheet.columns_cut ? 8u : 0u) | (sheet.cells_cut ? 16u : 0u));
    w.u64(sheet.merged.size());
    for (const MergedRange& m : sheet.merged) {
      w.u64(m.first_row);
      w.u64(m.first_col);
      w.u64(m.last_row);
      w.u64(m.last_col);
    }
    w.u64(sheet.rows.size());
    for (const RawRow& row : sheet.rows) {
      w.u64(row.size());
      for (const RawCell& cell : row) {
        w.u64(static_cast<uint64_t>(cell.kind) | (cell.is_date ? 0x100u : 0u) |
              (cell.from_formula ? 0x200u : 0u));
        if (cell.kind == RawCell::Kind::Number || cell.kind == RawCell::Kind::Bool)
          w.f64(cell.number);
        if (cell.kind == RawCell::Kind::Text || cell.kind == RawCell::Kind::Error)
          w.str(cell.text);  // an error keeps its text ("#N/A") for the message
      }
    }
  }
  return w.bytes();
}

bool decode(std::string_view bytes, RawWorkbook& book, ReadFailure& failure) {
  Reader r(bytes);
  failure.code = r.str();
  failure.detail = r.str();
  const uint64_t sheets = r.u64();
  for (uint64_t s = 0; s < sheets && r.good(); ++s) {
    RawSheet sheet;
    sheet.name = r.str();
    const uint64_t flags = r.u64();
    sheet.hidden = flags & 1u;
    sheet.truncated = flags & 2u;
    sheet.malformed = flags & 4u;
    sheet.columns_cut = flags & 8u;
    sheet.cells_cut = flags & 16u;
    const uint64_t merged = r.u64();
    for (uint64_t m = 0; m < merged && r.good(); ++m) {
      MergedRange range;
      range.first_row = r.u64();
      range.first_col = r.u64();
      range.last_row = r.u64();
      range.last_col = r.u64();
      sheet.merged.push_back(range);
    }
    const uint64_t rows = r.u64();
    for (uint64_t i = 0; i < rows && r.good(); ++i) {
      RawRow row;
      const uint64_t cells = r.u64();
      for (uint64_t c = 0; c < cells && r.good(); ++c) {
        RawCell cell;
        const uint64_t tag = r.u64();
        cell.kind = static_cast<RawCell::Kind>(tag & 0xFFu);
        cell.is_date = tag & 0x100u;
        cell.from_formula = tag & 0x200u;
        if (cell.kind == RawCell::Kind::Number || cell.kind == RawCell::Kind::Bool)
          cell.number = r.f64();
        if (cell.kind == RawCell::Kind::Text || cell.kind == RawCell::Kind::Error)
          cell.text = r.str();
        row.push_back(std::move(cell));
      }
      sheet.rows.push_back(std::move(row));
    }
    book.sheets.push_back(std::move(sheet));
  }
  return r.ok();
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

void run_contained(const std::function<void(RawWorkbook&, ReadFailure&)>& read, RawWorkbook& out,
                   ReadFailure& failure) {
  int fds[2];
  if (::pipe(fds) != 0) {
    read(out, failure);
    return;
  }
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    read(out, failure);
    return;
  }
  if (child == 0) {
    // A crash must end this child the ordinary way, not run handlers the parent installed.
    for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
    ::close(fds[0]);
    RawWorkbook book = out;
    ReadFailure result;
    read(book, result);
    const bool written = write_all(fds[1], encode(book, result));
    ::_exit(written ? 0 : 1);  // _exit: no atexit handlers, no flushing of the parent's buffers
  }
  ::close(fds[1]);
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  const std::string format = out.format;
  out.sheets.clear();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !decode(bytes, out, failure)) {
    out = RawWorkbook{};
    out.format = format;
    failure = {"file.corrupt", "the workbook reader stopped on damaged content"};
  }
}

}  // namespace ips
