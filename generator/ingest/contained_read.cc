#include "ingest/contained_read.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

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
  /// The bytes not read yet.
  size_t left() const { return in_.size() - pos_; }
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
    // Each row and cell takes at least 8 bytes of the message: no count read here can make a
    // block larger than the message itself.
    sheet.rows.reserve(static_cast<size_t>(std::min<uint64_t>(rows, r.left() / 8)));
    for (uint64_t i = 0; i < rows && r.good(); ++i) {
      RawRow row;
      const uint64_t cells = r.u64();
      row.reserve(static_cast<size_t>(std::min<uint64_t>(cells, r.left() / 8)));
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
  std::vector<RawWorkbook> books(1, out);
  std::vector<ReadFailure> failures(1);
  run_contained_all({read}, books, failures);
  out = std::move(books[0]);
  failure = std::move(failures[0]);
}

void run_contained_all(const std::vector<std::function<void(RawWorkbook&, ReadFailure&)>>& reads,
                       std::vector<RawWorkbook>& out, std::vector<ReadFailure>& failures) {
  const size_t n = reads.size();
  out.resize(n);
  failures.assign(n, ReadFailure{});
  // SIGCHLD ignored, as a program that started this one may have left it (an ignored signal
  // stays ignored across exec): children are then reaped unasked, and waitpid waits for all of
  // them and finds none, so no exit status could be read, and the first wait would stand
  // until a sibling stuck on its full pipe ended, which it never would. The default
  // disposition is put back for the reading and the given one restored after it.
  struct DefaultChildSignal {
    struct sigaction given {};
    DefaultChildSignal() {
      struct sigaction dfl {};
      dfl.sa_handler = SIG_DFL;
      sigemptyset(&dfl.sa_mask);
      ::sigaction(SIGCHLD, &dfl, &given);
    }
    ~DefaultChildSignal() { ::sigaction(SIGCHLD, &given, nullptr); }
  } default_child_signal;
  struct Child {
    pid_t pid = -1;
    int fd = -1;
    bool reaped = false;
    std::string bytes;
  };
  std::vector<Child> children(n);
  // Every child is started before any is read, so they parse at the same time.
  for (size_t i = 0; i < n; ++i) {
    int fds[2];
    if (::pipe(fds) != 0) continue;  // read in this process below
    const pid_t child = ::fork();
    if (child < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      continue;
    }
    if (child == 0) {
      // A crash must end this child the ordinary way, not run handlers the parent installed.
      for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
      ::close(fds[0]);
      for (size_t j = 0; j < i; ++j)
        if (children[j].fd >= 0) ::close(children[j].fd);  // the siblings' pipes are not ours
      // _exit, also when the read throws: no atexit handlers, no flushing of the parent's
      // buffers, and never a return into the parent's code.
      try {
        RawWorkbook book = out[i];
        ReadFailure result;
        reads[i](book, result);
        ::_exit(write_all(fds[1], encode(book, result)) ? 0 : 1);
      } catch (...) {
        ::_exit(1);
      }
    }
    ::close(fds[1]);
    children[i].pid = child;
    children[i].fd = fds[0];
  }
  // Should anything below throw (memory running out while a result is decoded), the children
  // not yet reaped are stopped and reaped: none is left waiting on a full pipe, or a zombie.
  struct StopChildren {
    std::vector<Child>& children;
    ~StopChildren() {
      for (Child& c : children) {
        if (c.fd >= 0) ::close(c.fd);
        if (c.pid < 0 || c.reaped) continue;
        ::kill(c.pid, SIGKILL);
        while (::waitpid(c.pid, nullptr, 0) < 0 && errno == EINTR) {
        }
      }
    }
  } stop_children{children};
  // Takes a child's result once its pipe is at its end (or can be read no further). Called as
  // each child ends, so the first result is decoded while the others still parse.
  auto finish = [&](size_t i) {
    Child& c = children[i];
    ::close(c.fd);
    c.fd = -1;
    int status = 0;
    pid_t waited = -1;
    while ((waited = ::waitpid(c.pid, &status, 0)) < 0 && errno == EINTR) {
    }
    c.reaped = true;
    const std::string format = out[i].format;
    out[i].sheets.clear();
    const bool decoded = waited == c.pid && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
                         decode(c.bytes, out[i], failures[i]);
    std::string().swap(c.bytes);  // the encoded copy goes before the next is decoded
    if (!decoded) {
      out[i] = RawWorkbook{};
      out[i].format = format;
      failures[i] = {"file.corrupt", "the workbook reader stopped on damaged content"};
    }
  };
  // Drains all pipes as they fill: a child waits once its pipe is full, so reading one child to
  // its end first would hold the others back, and each result is decoded as its child ends.
  char buffer[1 << 16];
  for (;;) {
    std::vector<pollfd> open;
    std::vector<size_t> which;
    for (size_t i = 0; i < n; ++i)
      if (children[i].fd >= 0) {
        open.push_back({children[i].fd, POLLIN, 0});
        which.push_back(i);
      }
    if (open.empty()) break;
    if (::poll(open.data(), open.size(), -1) < 0) {
      if (errno == EINTR) continue;
      for (size_t i : which) {  // cannot wait: each child is read to its end in turn
        for (;;) {
          const ssize_t got = ::read(children[i].fd, buffer, sizeof buffer);
          if (got < 0 && errno == EINTR) continue;
          if (got <= 0) break;
          children[i].bytes.append(buffer, static_cast<size_t>(got));
        }
        finish(i);
      }
      break;
    }
    for (size_t k = 0; k < open.size(); ++k) {
      if (open[k].revents == 0) continue;
      Child& c = children[which[k]];
      const ssize_t got = ::read(c.fd, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        finish(which[k]);
        continue;
      }
      c.bytes.append(buffer, static_cast<size_t>(got));
    }
  }
  for (size_t i = 0; i < n; ++i)
    if (children[i].pid < 0) reads[i](out[i], failures[i]);  // no pipe or no fork: read here
}

}  // namespace ips
