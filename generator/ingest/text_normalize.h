// Text helpers for input cells: trimming, header normalisation, encodings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ips {

/// The text without leading/trailing spaces, tabs, line breaks and no-break spaces.
std::string trim(std::string_view text);
/// True when trim(text) is empty; copies nothing (asked of every cell).
bool is_blank_text(std::string_view text);
/// A header or name reduced for matching: lower case, æ→ae ø→o å→a and other diacritics
/// folded to ASCII, everything that is not a letter or digit removed ("Årsverk" → "arsverk").
std::string normalize_key(std::string_view text);
/// True when the bytes are valid UTF-8.
bool is_valid_utf8(std::string_view bytes);
/// The text with every byte that is not part of valid UTF-8, and every NUL, replaced by U+FFFD
/// (the text unchanged when it is valid): what a reader hands on must be text every renderer takes.
std::string repair_utf8(std::string_view text);
/// Bytes in `encoding` (an iconv name) converted to UTF-8; nullopt when conversion fails.
std::optional<std::string> convert_to_utf8(std::string_view bytes, const char* encoding);
/// Windows-1252 bytes converted to UTF-8 (via iconv), the five bytes Windows-1252 leaves
/// undefined as U+FFFD; nullopt only when iconv is unavailable.
std::optional<std::string> windows1252_to_utf8(std::string_view bytes);
/// True when the bytes start with a UTF-16 byte-order mark (Excel's "Unicode text").
bool has_utf16_bom(std::string_view bytes);

}  // namespace ips
