// Splits a whole article given as plain text (no metadata line) into title, body and references.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace duet::records {

/// A plain-text article taken apart.
struct PlainArticle {
    std::string title;       ///< the first line when it reads like a heading, else derived from the first sentence
    std::string body;        ///< the text without title line, reference list and trailing site junk
    std::string references;  ///< from the "References" line to the end
};

/// Takes `lines` apart. The reference list starts at the last line that begins with a
/// references heading ("References", "References1. …" glued, "参考文献"); short trailing lines
/// left by the web page ("留言 (0)", "分享") are dropped.
PlainArticle split_plain_article(const std::vector<std::string_view>& lines);

}  // namespace duet::records
