#include "ingest/text_normalize.h"

#include <iconv.h>

#include <cctype>
#include <cerrno>
#include <vector>

namespace ips {

namespace {

bool is_space_at(std::string_view s, size_t i, size_t* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *len = 2;  // U+00A0 no-break space
    return true;
  }
  return false;
}

// Decodes one UTF-8 code point at s[i]; returns its length (1 for invalid bytes).
size_t decode_utf8(std::string_view s, size_t i, char32_t* cp) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  char32_t v = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *cp = v;
  return len;
}

// ASCII folding of the Latin letters Norwegian (and neighbouring) users type in headers.
const char* fold_latin(char32_t cp) {
  switch (cp) {
    case U'æ':
    case U'Æ':
      return "ae";
    case U'ø':
    case U'Ø':
    case U'ö':
    case U'Ö':
    case U'ó':
    case U'Ó':
    case U'ò':
    case U'Ò':
    case U'ô':
    case U'Ô':
      return "o";
    case U'å':
    case U'Å':
    case U'ä':
    case U'Ä':
    case U'á':
    case U'Á':
    case U'à':
    case U'À':
    case U'â':
    case U'Â':
      return "a";
    case U'é':
    case U'É':
    case U'è':
    case U'È':
    case U'ê':
    case U'Ê':
    case U'ë':
    case U'Ë':
      return "e";
    case U'ü':
    case U'Ü':
    case U'ú':
    case U'Ú':
      return "u";
    case U'í':
    case U'Í':
    case U'ï':
    case U'Ï':
      return "i";
    case U'ß':
      return "ss";
    default:
      return nullptr;
  }
}

}  // namespace

bool is_blank_text(std::string_view text) {
  size_t b = 0, len = 0;
  while (b < text.size() && is_space_at(text, b, &len)) b += len;
  return b >= text.size();
}

std::string trim(std::string_view text) {
  size_t b = 0, len = 0;
  while (b < text.size() && is_space_at(text, b, &len)) b += len;
  size_t e = text.size();
  while (e > b) {
    // Look back for a one-byte space or a two-byte no-break space.
    if (is_space_at(text, e - 1, &len) && len == 1) {
      --e;
    } else if (e >= b + 2 && is_space_at(text, e - 2, &len) && len == 2) {
      e -= 2;
    } else {
      break;
    }
  }
  return std::string(text.substr(b, e - b));
}

std::string normalize_key(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    i += decode_utf8(text, i, &cp);
    if (cp < 0x80) {
      if (std::isalnum(static_cast<int>(cp)))
        out += static_cast<char>(std::tolower(static_cast<int>(cp)));
    } else if (const char* folded = fold_latin(cp)) {
      out += folded;
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    if (len == 2 && c < 0xC2) return false;  // overlong
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    // Overlong 3- and 4-byte forms, UTF-16 surrogates and code points past U+10FFFF are not
    // UTF-8 either (Pango and cairo reject them).
    char32_t cp = 0;
    decode_utf8(s, i, &cp);
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += len;
  }
  return true;
}

bool has_utf16_bom(std::string_view bytes) {
  return bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
}

std::string repair_utf8(std::string_view text) {
  if (is_valid_utf8(text) && text.find('\0') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80         ? 1
                       : (c >> 5) == 6  ? 2
                       : (c >> 4) == 14 ? 3
                       : (c >> 3) == 30 ? 4
                                        : 0;
    if (c != 0 && len > 0 && i + len <= text.size() && is_valid_utf8(text.substr(i, len))) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

namespace {

// Converts with iconv. `replace_undefined_bytes` is for single-byte encodings only: a byte the
// encoding leaves undefined becomes U+FFFD instead of failing the whole text.
std::optional<std::string> convert_with_iconv(std::string_view bytes, const char* encoding,
                                              bool replace_undefined_bytes) {
  iconv_t cd = iconv_open("UTF-8", encoding);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  std::vector<char> in(bytes.begin(), bytes.end());
  char* in_ptr = in.data();
  size_t in_left = in.size();
  std::vector<char> buf(4096);
  bool ok = true;
  while (in_left > 0) {
    char* out_ptr = buf.data();
    size_t out_left = buf.size();
    const size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    out.append(buf.data(), buf.size() - out_left);
    if (r == static_cast<size_t>(-1) && errno == EILSEQ && replace_undefined_bytes) {
      // A byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): a replacement
      // character, since raw bytes would be invalid UTF-8 in every report.
      out += "\xEF\xBF\xBD";
      ++in_ptr;
      --in_left;
    } else if (r == static_cast<size_t>(-1) && errno != E2BIG) {
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> convert_to_utf8(std::string_view bytes, const char* encoding) {
  return convert_with_iconv(bytes, encoding, false);
}

std::optional<std::string> windows1252_to_utf8(std::string_view bytes) {
  return convert_with_iconv(bytes, "WINDOWS-1252", true);
}

}  // namespace ips
