// Splits a whole article given as plain text (no metadata line) into title, body and references.
#include "plain_article.h"

#include "text_util.h"
#include "title_guess.h"
#include "utf8_check.h"

namespace duet::records {
namespace {

constexpr std::size_t kMaxJunkChars = 20;
// Buttons and counters of the page the article was copied from.
constexpr std::string_view kJunkStarts[] = {"留言", "评论", "分享", "收藏", "点赞", "打印", "返回顶部",
                                            "上一篇", "下一篇", "相关文章", "Share", "Print", "Back to top"};
constexpr std::string_view kReferenceHeadings[] = {"References", "REFERENCES", "Reference", "Bibliography",
                                                   "Literature Cited", "参考文献"};

bool is_site_junk(std::string_view line) {
    line = trim(line);
    if (code_point_count(line) > kMaxJunkChars) return false;
    for (const std::string_view start : kJunkStarts) {
        if (line.starts_with(start)) return true;
    }
    return false;
}

bool is_digit_or_bracket(char c) { return (c >= '0' && c <= '9') || c == '['; }

// "References", "References:", "References1. Friedenstein…" (page text glued to the heading) or
// "References [1] …" — but not prose such as "References to earlier work …".
bool is_reference_heading(std::string_view line) {
    line = trim(line);
    for (const std::string_view heading : kReferenceHeadings) {
        if (!line.starts_with(heading)) continue;
        if (heading == "参考文献") return true;
        const std::string_view rest = line.substr(heading.size());
        if (rest.empty() || is_digit_or_bracket(rest[0]) || rest[0] == ':' || rest.starts_with("：")) return true;
        const std::string_view spaced = trim(rest);
        if (rest[0] == ' ' && !spaced.empty() && is_digit_or_bracket(spaced[0])) return true;
    }
    return false;
}

std::string join_non_blank(const std::vector<std::string_view>& lines, std::size_t begin, std::size_t end) {
    std::string text;
    for (std::size_t i = begin; i < end; ++i) {
        const std::string_view line = trim(lines[i]);
        if (line.empty()) continue;
        if (!text.empty()) text.push_back('\n');
        text += line;
    }
    return text;
}

}  // namespace

PlainArticle split_plain_article(const std::vector<std::string_view>& lines) {
    std::size_t end = lines.size();
    while (end > 0 && (is_blank(lines[end - 1]) || is_site_junk(lines[end - 1]))) --end;

    std::size_t references_begin = end;
    for (std::size_t i = end; i > 0; --i) {
        if (is_reference_heading(lines[i - 1])) {
            references_begin = i - 1;
            break;
        }
    }
    PlainArticle article;
    article.references = join_non_blank(lines, references_begin, end);

    std::size_t first = 0;
    while (first < references_begin && is_blank(lines[first])) ++first;
    if (first == references_begin) return article;
    std::size_t second = first + 1;
    while (second < references_begin && is_blank(lines[second])) ++second;
    if (second < references_begin && looks_like_title(lines[first])) {
        article.title = collapse_spaces(lines[first]);
        first = second;
    } else {
        article.title = title_from_text(lines[first]);
    }
    article.body = join_non_blank(lines, first, references_begin);
    return article;
}

}  // namespace duet::records
