#include "word_forms.h"

#include "lines.h"

#include <algorithm>
#include <vector>

namespace duet::analysis {

void WordForms::add_lines(std::string_view content, const std::function<std::string(std::string_view)>& fold) {
    for_each_line(content, [&](std::string_view line) {
        line = line.substr(0, line.find('#'));
        std::vector<std::string> words;
        for (std::size_t at = 0; at < line.size();) {
            const std::size_t begin = line.find_first_not_of(" \t", at);
            if (begin == std::string_view::npos) break;
            const std::size_t end = std::min(line.find_first_of(" \t", begin), line.size());
            words.push_back(fold(line.substr(begin, end - begin)));
            at = end;
        }
        for (std::size_t i = 1; i < words.size(); ++i) {
            if (words[i] != words[0]) forms_.emplace(words[i], words[0]);
        }
    });
}

}  // namespace duet::analysis
