// Turns the HTML found in metadata fields (<p><p>…</p>, <i>, &amp;) into plain UTF-8 text.
#include "html_text.h"

#include "html_entities.h"
#include "text_util.h"

#include <algorithm>
#include <iterator>

namespace duet::records {
namespace {

// Tags that separate paragraphs; every other known tag (<i>, <sub>, <span>) is dropped without a
// space, so "CO<sub>2</sub>" stays one word.
constexpr std::string_view kBlockTags[] = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead",
    "title", "tr", "ul",
};
constexpr std::string_view kInlineTags[] = {
    "a", "abbr", "b", "bdi", "big", "cite", "code", "del", "dfn", "em", "font", "head", "html", "i",
    "img", "ins", "kbd", "mark", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "tt",
    "u", "var",
};
// JATS/MathML names in Crossref abstracts (<jats:p>, <jats:italic>) that start paragraphs.
constexpr std::string_view kBlockLocalNames[] = {"p", "sec", "title", "list-item", "abstract"};

constexpr char kBreak = '\n';
constexpr char kSourceNewline = '\r';  // resolved at the end: a space in HTML, a break in plain text

enum class TagKind { NotATag, Inline, Block };

bool contains(const auto& list, std::string_view name) {
    return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '-';
}

TagKind classify(std::string_view raw_name) {
    const std::string name = ascii_lower(raw_name);
    if (const auto colon = name.rfind(':'); colon != std::string::npos) {
        return contains(kBlockLocalNames, std::string_view(name).substr(colon + 1)) ? TagKind::Block : TagKind::Inline;
    }
    if (contains(kBlockTags, name)) return TagKind::Block;
    if (contains(kInlineTags, name)) return TagKind::Inline;
    return TagKind::NotATag;
}

// Recognises a tag, comment or declaration at html[0] == '<'; returns its length, or 0 if it is text.
std::size_t markup_length(std::string_view html, TagKind& kind) {
    kind = TagKind::Inline;
    if (html.starts_with("<!--")) {
        const std::size_t end = html.find("-->", 4);
        return end == std::string_view::npos ? html.size() : end + 3;
    }
    std::size_t i = 1;
    if (html.starts_with("<!") || html.starts_with("<?")) {
        i = 2;
    } else {
        if (i < html.size() && html[i] == '/') ++i;
        const std::size_t name_begin = i;
        if (i >= html.size() || !((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= 'A' && html[i] <= 'Z'))) return 0;
        while (i < html.size() && is_name_char(html[i])) ++i;
        if (i < html.size() && html[i] != '>' && html[i] != '/' && html[i] != ' ' && html[i] != '\t' && html[i] != '\n') return 0;
        kind = classify(html.substr(name_begin, i - name_begin));
        if (kind == TagKind::NotATag) return 0;
    }
    const std::size_t close = html.find('>', i);
    return close == std::string_view::npos ? 0 : close + 1;
}

// Tags and references resolved; paragraphs separated by kBreak, not yet tidied.
std::string strip_markup(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    bool saw_tag = false;
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            TagKind kind = TagKind::NotATag;
            if (const std::size_t length = markup_length(html.substr(i), kind); length > 0) {
                saw_tag = true;
                if (kind == TagKind::Block) out.push_back(kBreak);
                i += length;
                continue;
            }
        } else if (c == '&') {
            if (const std::size_t used = decode_entity(html.substr(i), out); used > 0) {
                i += used;
                continue;
            }
        }
        out.push_back(c == '\n' ? kSourceNewline : c == '\r' ? ' ' : c);
        ++i;
    }
    std::erase(out, '\0');  // a JSON "\u0000" must not reach the index
    std::replace(out.begin(), out.end(), kSourceNewline, saw_tag ? ' ' : kBreak);
    return out;
}

std::string join_paragraphs(std::string_view text, char separator) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(kBreak, start);
        if (end == std::string_view::npos) end = text.size();
        const std::string paragraph = collapse_spaces(text.substr(start, end - start));
        if (!paragraph.empty()) {
            if (!out.empty()) out.push_back(separator);
            out += paragraph;
        }
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string html_to_text(std::string_view html) { return join_paragraphs(strip_markup(html), '\n'); }

std::string html_to_line(std::string_view html) { return join_paragraphs(strip_markup(html), ' '); }

}  // namespace duet::records
