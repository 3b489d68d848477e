// Reads a stream line by line without ever holding more than a bounded amount of one line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace duet::records {

/// One line of input, without its '\n'.
struct Line {
    std::string text;          ///< the line; empty when too_long (its bytes were discarded while reading)
    std::uint64_t number = 0;  ///< 1-based
    std::uint64_t bytes = 0;   ///< full length in bytes, also when too_long
    bool too_long = false;     ///< longer than the reader's limit
};

/// Splits a stream into lines; a line over `max_bytes` is counted and skipped, not stored, so a
/// hostile multi-gigabyte line costs no memory and the lines after it are still read.
class LineReader {
public:
    LineReader(std::istream& in, std::size_t max_bytes);

    /// Reads the next line into `line`; false at the end of input.
    bool next(Line& line);

    /// True when the stream failed for another reason than reaching its end.
    bool read_error() const { return in_.bad(); }

private:
    bool fill();
    void append(Line& line, const char* data, std::size_t size) const;

    std::istream& in_;
    std::size_t max_bytes_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::uint64_t number_ = 0;
};

}  // namespace duet::records
