#include "export.h"

#include <unordered_set>

namespace duet::server {

namespace {

// LaTeX specials escaped and every brace escaped, so a value can never unbalance its entry.
std::string latex(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '\\': out += "\\textbackslash{}"; break;
            case '{': out += "\\{"; break;
            case '}': out += "\\}"; break;
            case '&': out += "\\&"; break;
            case '%': out += "\\%"; break;
            case '$': out += "\\$"; break;
            case '#': out += "\\#"; break;
            case '_': out += "\\_"; break;
            case '~': out += "\\textasciitilde{}"; break;
            case '^': out += "\\textasciicircum{}"; break;
            case '\r':
            case '\n':
            case '\t': out += ' '; break;
            default: out += c;
        }
    }
    return out;
}

// DOIs and URLs are used verbatim by BibTeX styles; only the characters that would break the entry are
// percent-encoded.
std::string verbatim(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '{') out += "%7B";
        else if (c == '}') out += "%7D";
        else if (c == '\\') out += "%5C";
        else if (c == ' ' || c == '\r' || c == '\n' || c == '\t') out += "%20";
        else out += c;
    }
    return out;
}

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// An author list entry: names that BibTeX would split or reorder (Chinese names, names containing
// " and ") are braced whole.
std::string author(std::string_view name) {
    bool ascii = true;
    for (const char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    const std::string escaped = latex(name);
    if (!ascii || name.find(" and ") != std::string_view::npos || name.find(',') != std::string_view::npos) {
        return "{" + escaped + "}";
    }
    return escaped;
}

// The ASCII letters of the first author's last word, the year and the first title word: gao2025harnessing.
std::string base_key(const records::Record& r) {
    std::string name;
    if (!r.authors.empty()) {
        std::string_view a = r.authors.front();
        if (const auto space = a.find_last_of(' '); space != std::string_view::npos) a = a.substr(space + 1);
        for (const char c : a) if (ascii_alnum(c)) name += static_cast<char>(c | 0x20);
    }
    std::string word;
    for (const char c : r.title) {
        if (ascii_alnum(c)) {
            word += static_cast<char>((c >= 'A' && c <= 'Z') ? c | 0x20 : c);
        } else if (!word.empty()) {
            break;
        }
    }
    return (name.empty() ? "duet" : name) + (r.year ? std::to_string(*r.year) : "") + word;
}

void field(std::string& out, std::string_view name, const std::string& value) {
    if (value.empty()) return;
    out.append("  ").append(name).append(" = {").append(value).append("},\n");
}

}  // namespace

std::string to_bibtex(const std::vector<records::Record>& records) {
    std::string out;
    std::unordered_set<std::string> used;
    for (const auto& r : records) {
        // Keys must be unique within a file: the second gao2025harnessing becomes gao2025harnessingb.
        const std::string base = base_key(r);
        std::string key = base;
        for (int n = 1; !used.insert(key).second; ++n) {
            key = base + (n < 26 ? std::string(1, static_cast<char>('a' + n)) : std::to_string(n));
        }
        out += "@article{" + key + ",\n";
        field(out, "title", latex(records::display_title(r)));
        if (!r.title.empty()) field(out, "note", latex(r.title_zh));
        std::string authors;
        for (const auto& a : r.authors) authors += (authors.empty() ? "" : " and ") + author(a);
        field(out, "author", authors);
        field(out, "journal", latex(r.journal));
        field(out, "year", r.year ? std::to_string(*r.year) : "");
        const VolumeIssue volume = split_volume(r.volume);
        field(out, "volume", latex(volume.volume));
        field(out, "number", latex(volume.issue));
        const PageRange pages = split_pages(r.pages);
        field(out, "pages", latex(pages.last.empty() ? pages.first : pages.first + "--" + pages.last));
        field(out, "doi", verbatim(r.doi));
        field(out, "url", verbatim(r.url));
        std::string keywords;
        for (const auto& k : r.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
        field(out, "keywords", latex(keywords));
        field(out, "abstract", latex(r.abstract.empty() ? r.abstract_zh : r.abstract));
        out += "}\n\n";
    }
    return out;
}

}  // namespace duet::server
