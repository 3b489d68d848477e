// duet-load: a closed-loop load generator for duet-serve. N threads, each on one keep-alive connection, send
// English, Chinese, mixed, phrase and long queries (or one class of them) for a fixed time; prints throughput
// and latency percentiles. Loopback only by intent: it measures the server, not a network.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>

namespace {

using Clock = std::chrono::steady_clock;

// Query classes the scale benchmark reports apart: short keyword queries in each language, mixed-language
// queries, quoted phrases, and long natural-language ones (claims and patient questions).
const std::vector<std::pair<std::string, std::vector<std::string>>> kClasses = {
    {"short-en", {"osteoarthritis", "mesenchymal stem cells", "rheumatoid arthritis", "insulin resistance",
                  "breast cancer", "vitamin D deficiency", "tumor necrosis factor", "microRNA expression",
                  "DNA methylation", "gut microbiota", "T cell activation", "PD-L1 exosomes psoriasis"}},
    {"short-zh", {"间充质干细胞", "类风湿关节炎", "糖尿病", "高血压", "肺癌", "肠道菌群", "免疫治疗", "基因表达",
                  "骨关节炎", "细胞凋亡", "炎症反应", "乳腺癌"}},
    {"mixed", {"MSC 间充质干细胞 therapy", "PD-L1 免疫治疗", "stem cell 干细胞", "breast cancer 乳腺癌",
               "gut microbiota 肠道菌群", "insulin 糖尿病"}},
    {"phrase", {"\"stem cells\"", "\"breast cancer\"", "\"gut microbiota\"", "\"tumor necrosis factor\"",
                "\"间充质干细胞\"", "\"糖尿病 患者\""}},
    {"long", {"Vitamin D supplementation reduces the risk of fractures in elderly women with osteoporosis",
              "Mesenchymal stem cell therapy improves joint function in patients with rheumatoid arthritis",
              "Gut microbiota composition is associated with insulin resistance and type 2 diabetes",
              "DNA methylation changes in tumor suppressor genes predict breast cancer recurrence",
              "糖尿病患者血糖控制不好应该怎么调整饮食和用药", "间充质干细胞治疗类风湿关节炎的临床疗效和安全性如何"}},
};

const std::vector<std::string> kPrefixes = {"oste", "mes", "inf", "can", "stem", "cel", "gen", "vit", "间充", "糖尿",
                                            "免疫", "细胞", "高血", "肠道"};

std::string encode(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || c == '-' || c == '.') {
            out += c;
        } else {
            out += '%';
            out += kHex[b >> 4];
            out += kHex[b & 15];
        }
    }
    return out;
}

// The requests of one run: suggestions, or searches of one class ("all": every class in turn).
std::vector<std::string> paths(const std::string& endpoint, const std::string& query_class, std::size_t size) {
    std::vector<std::string> out;
    if (endpoint == "suggest") {
        for (const auto& p : kPrefixes) out.push_back("/api/suggest?q=" + encode(p));
        return out;
    }
    for (const auto& [name, queries] : kClasses) {
        if (query_class != "all" && query_class != name) continue;
        for (const auto& q : queries) out.push_back("/api/search?q=" + encode(q) + "&size=" + std::to_string(size));
    }
    return out;
}

struct Totals {
    std::vector<double> latencies_ms;
    std::uint64_t failures = 0;
};

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(at, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"duet-load: throughput and latency of duet-serve under a mix of English and Chinese queries."};
    std::string host = "127.0.0.1";
    int port = 8080;
    std::size_t threads = 4;
    double seconds = 10;
    double warmup = 1;
    std::string endpoint = "search";
    std::size_t size = 10;
    app.add_option("--host", host, "server address")->capture_default_str();
    app.add_option("--port", port, "server port")->check(CLI::Range(1, 65535))->capture_default_str();
    app.add_option("--threads", threads, "concurrent connections")->check(CLI::Range(1, 256))->capture_default_str();
    app.add_option("--seconds", seconds, "measured duration")->check(CLI::Range(0.1, 3600.0))->capture_default_str();
    app.add_option("--warmup", warmup, "unmeasured seconds first")->check(CLI::Range(0.0, 600.0))->capture_default_str();
    app.add_option("--endpoint", endpoint, "search or suggest")->check(CLI::IsMember({"search", "suggest"}))
        ->capture_default_str();
    app.add_option("--size", size, "hits per search page")->check(CLI::Range(1, 50))->capture_default_str();
    std::string query_class = "all";
    std::vector<std::string> class_names = {"all"};
    for (const auto& c : kClasses) class_names.push_back(c.first);
    app.add_option("--class", query_class, "search queries of one class, or all")
        ->check(CLI::IsMember(class_names))
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    const auto mix = paths(endpoint, query_class, size);
    std::mutex mutex;
    Totals totals;
    std::atomic<bool> measuring{false};
    std::atomic<bool> running{true};
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            httplib::Client client(host, port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            Totals mine;
            for (std::size_t i = t; running; ++i) {
                const std::string& path = mix[i % mix.size()];
                const auto start = Clock::now();
                const auto res = client.Get(path);
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                if (!measuring) continue;
                if (!res || res->status != 200) ++mine.failures;
                mine.latencies_ms.push_back(ms);
            }
            const std::lock_guard lock(mutex);
            totals.latencies_ms.insert(totals.latencies_ms.end(), mine.latencies_ms.begin(), mine.latencies_ms.end());
            totals.failures += mine.failures;
        });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(warmup));
    measuring = true;
    const auto start = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    measuring = false;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    running = false;
    for (auto& w : workers) w.join();

    auto& lat = totals.latencies_ms;
    std::sort(lat.begin(), lat.end());
    fmt::print("duet-load: {} {} requests ({} distinct, {}) on {} connections in {:.1f} s: {:.0f} req/s, {} failed\n",
               lat.size(), endpoint, mix.size(), endpoint == "search" ? query_class : "prefixes", threads, elapsed,
               static_cast<double>(lat.size()) / elapsed, totals.failures);
    fmt::print("latency ms: p50 {:.2f}  p95 {:.2f}  p99 {:.2f}  max {:.2f}\n", percentile(lat, 0.50),
               percentile(lat, 0.95), percentile(lat, 0.99), lat.empty() ? 0.0 : lat.back());
    return totals.failures == 0 && !lat.empty() ? 0 : 1;
}
