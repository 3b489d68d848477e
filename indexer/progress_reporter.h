// Prints an index run's problems and progress on stderr: a bar on a terminal, periodic lines otherwise.
#pragma once

#include "index_run.h"

#include <chrono>
#include <cstdio>

namespace duet {

/// Reports to a stdio stream; `interactive` chooses the redrawn bar over periodic lines.
class ProgressReporter : public IndexReporter {
public:
    ProgressReporter(std::FILE* out, bool interactive) : out_(out), interactive_(interactive) {}
    void problem(const std::string& message) override;
    void progress(const IndexProgress& progress) override;
    void note(const std::string& message) override;
    /// Clears the bar before the summary is printed.
    void finish();

private:
    std::FILE* out_;
    bool interactive_;
    bool bar_shown_ = false;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_ = start_;
};

/// The one-line summary of a run.
std::string summary_line(const IndexSummary& summary);

}  // namespace duet
