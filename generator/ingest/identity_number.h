// Norwegian national identity numbers (fødselsnummer, D-number, H-number) inside free text,
// so that one typed into a comment never reaches a report.
#pragma once

#include <string_view>

namespace ips {

/// True when `digits` (11 ASCII digits) has valid mod-11 check digits and a plausible birth
/// date part: day 1–31 (D-number: + 40), month 1–12 (H-number: + 40; test numbers: + 80).
bool is_identity_number(std::string_view digits);

/// True when `text` holds an identity number as its own run of 11 digits, written whole or
/// with one space (or no-break space) after the sixth digit; digits running on either side
/// make it some other number (a phone number with country code, an account number).
bool contains_identity_number(std::string_view text);

}  // namespace ips
