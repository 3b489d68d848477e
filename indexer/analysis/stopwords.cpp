#include "stopwords.h"

#include "lines.h"

namespace duet::analysis {

void StopWords::add_lines(std::string_view content, const std::function<std::string(std::string_view)>& fold) {
    for_each_line(content, [&](std::string_view line) {
        // Snowball's lists put comments after `|`; ours after `#`.
        line = line.substr(0, line.find_first_of("#|"));
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (!line.empty()) words_.insert(fold(line));
    });
}

}  // namespace duet::analysis
