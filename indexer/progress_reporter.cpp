#include "progress_reporter.h"

#include <fmt/format.h>

namespace duet {

void ProgressReporter::problem(const std::string& message) {
    if (bar_shown_) std::fputs("\r\x1b[K", out_);
    fmt::print(out_, "duet-index: skipped {}\n", message);
    bar_shown_ = false;
}

void ProgressReporter::note(const std::string& message) {
    if (bar_shown_) std::fputs("\r\x1b[K", out_);
    fmt::print(out_, "duet-index: {}\n", message);
    bar_shown_ = false;
}

void ProgressReporter::progress(const IndexProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    const double fraction = p.bytes_total ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total) : 1.0;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    if (interactive_) {
        if (now - last_ < std::chrono::milliseconds(100) && p.files_done != p.files_total) return;
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(fraction * kWidth);
        fmt::print(out_, "\r[{:#<{}}{:<{}}] {:3.0f}%  {}/{} files  {} records  {:.1f} s\x1b[K", "", filled, "",
                   kWidth - filled, fraction * 100, p.files_done, p.files_total, p.records, elapsed);
        bar_shown_ = true;
    } else {
        if (now - last_ < std::chrono::seconds(5)) return;
        fmt::print(out_, "duet-index: {:.0f}% of bytes, {}/{} files, {} records, {:.0f} s\n", fraction * 100,
                   p.files_done, p.files_total, p.records, elapsed);
    }
    std::fflush(out_);
    last_ = now;
}

void ProgressReporter::finish() {
    if (bar_shown_) std::fputs("\r\x1b[K", out_);
    bar_shown_ = false;
}

std::string summary_line(const IndexSummary& s) {
    return fmt::format("{} added, {} updated, {} deleted, {} unchanged, {} failed in {:.2f} s ({:.0f} docs/s, {:.1f} MB/s)",
                       s.added, s.updated, s.deleted, s.unchanged, s.failed, s.seconds, s.docs_per_second(),
                       s.seconds > 0 ? static_cast<double>(s.bytes_read) / 1e6 / s.seconds : 0.0);
}

}  // namespace duet
