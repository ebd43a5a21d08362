// Short Norwegian texts the synthetic exports pick from: comments, recommendations, reasons,
// names. Written for this project; none is taken from a real report.
#pragma once

#include <span>
#include <string_view>

namespace ips::bench::phrases {

/// Reviewer comments for an item scored 5, 3–4 and 1–2.
extern const std::span<const std::string_view> comment_strong;
extern const std::span<const std::string_view> comment_middle;
extern const std::span<const std::string_view> comment_weak;
/// A recommendation for each item of IPS-25 and of the GOI (in the scale's order), given when
/// the item is scored 1–3.
extern const std::span<const std::string_view> ips_recommendation;
extern const std::span<const std::string_view> goi_recommendation;
/// Reviewer pairs and single reviewers (fictional names).
extern const std::span<const std::string_view> reviewer_pairs;
extern const std::span<const std::string_view> single_reviewers;
/// Reasons written when a participant's follow-up ends.
extern const std::span<const std::string_view> end_reason;
/// Employers (chain or business kind) and occupations for job rows.
extern const std::span<const std::string_view> employer;
extern const std::span<const std::string_view> occupation;
/// Places for sites in the scaled generator, paired with their county (same index).
extern const std::span<const std::string_view> town;
extern const std::span<const std::string_view> town_county;

}  // namespace ips::bench::phrases
