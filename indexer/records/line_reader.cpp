// Reads a stream line by line without ever holding more than a bounded amount of one line.
#include "line_reader.h"

#include <cstring>

namespace duet::records {

LineReader::LineReader(std::istream& in, std::size_t max_bytes)
    : in_(in), max_bytes_(max_bytes), buffer_(std::size_t{64} << 10) {}

bool LineReader::fill() {
    if (begin_ < end_) return true;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    begin_ = 0;
    end_ = static_cast<std::size_t>(in_.gcount());
    return end_ > 0;
}

void LineReader::append(Line& line, const char* data, std::size_t size) const {
    line.bytes += size;
    if (line.too_long) return;
    if (line.bytes > max_bytes_) {
        line.too_long = true;
        std::string().swap(line.text);  // give the memory back now, not at the next line
        return;
    }
    line.text.append(data, size);
}

bool LineReader::next(Line& line) {
    line.text.clear();
    line.bytes = 0;
    line.too_long = false;
    if (!fill()) return false;
    line.number = ++number_;
    while (fill()) {
        const char* start = buffer_.data() + begin_;
        const std::size_t available = end_ - begin_;
        const auto* newline = static_cast<const char*>(std::memchr(start, '\n', available));
        const std::size_t length = newline ? static_cast<std::size_t>(newline - start) : available;
        append(line, start, length);
        begin_ += newline ? length + 1 : length;
        if (newline) break;
    }
    return true;
}

}  // namespace duet::records
