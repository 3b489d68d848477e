// A few analyzer copies shared by worker threads: each thread borrows one for as long as it analyses.
#pragma once

#include "analyzer.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace duet {

/// Hands out analyzer copies (which are not thread-safe) to one thread at a time.
class AnalyzerPool {
public:
    /// Makes `copies` copies of `analyzer`; they share its word lists.
    AnalyzerPool(const analysis::Analyzer& analyzer, std::size_t copies) {
        for (std::size_t i = 0; i < copies; ++i) free_.push_back(std::make_unique<analysis::Analyzer>(analyzer));
    }

    /// An analyzer on loan; returned to the pool when the lease goes.
    class Lease {
    public:
        Lease(AnalyzerPool& pool, std::unique_ptr<analysis::Analyzer> a) : pool_(pool), analyzer_(std::move(a)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { pool_.give_back(std::move(analyzer_)); }
        analysis::Analyzer& operator*() { return *analyzer_; }

    private:
        AnalyzerPool& pool_;
        std::unique_ptr<analysis::Analyzer> analyzer_;
    };

    /// Waits for a free analyzer.
    Lease borrow() {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [&] { return !free_.empty(); });
        auto a = std::move(free_.back());
        free_.pop_back();
        return Lease(*this, std::move(a));
    }

private:
    void give_back(std::unique_ptr<analysis::Analyzer> a) {
        {
            const std::lock_guard lock(mutex_);
            free_.push_back(std::move(a));
        }
        available_.notify_one();
    }

    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<analysis::Analyzer>> free_;
};

}  // namespace duet
