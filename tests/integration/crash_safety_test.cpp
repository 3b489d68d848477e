// Kills duet-index with SIGKILL at several points of a run and checks that the index still opens, and
// that the next run ends with exactly what a clean build holds: no duplicates, nothing lost.
#include "analysis_fixture.h"
#include "searcher.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

#include <xapian.h>

extern char** environ;

namespace fs = std::filesystem;
using duet::testing::TempDir;

namespace {

// Deterministic records: 40 files of 75 records, words drawn from a small vocabulary by index.
void write_corpus(const fs::path& dir, int files) {
    static const char* kWords[] = {"fibroblast", "macrophage", "cartilage", "synovial", "cytokine", "exosome",
                                   "psoriasis", "arthritis", "stromal", "therapy", "间充质干细胞", "关节炎"};
    fs::create_directories(dir);
    for (int f = 0; f < files; ++f) {
        std::ofstream out(dir / ("part" + std::to_string(f) + ".jsonl"));
        for (int r = 0; r < 75; ++r) {
            const int n = f * 75 + r;
            out << R"({"_id":"r)" << n << R"(","title":"Record )" << n << " " << kWords[n % 12] << R"(","text":")";
            for (int w = 0; w < 60; ++w) out << kWords[(n * 7 + w * 3) % 12] << ' ';
            out << "\"}\n";
        }
    }
}

int run_indexer(const fs::path& db, const fs::path& source, std::chrono::milliseconds kill_after) {
    const std::string bin = DUET_INDEX_BIN;
    std::vector<std::string> args = {bin, "--db", db.string(), "--commit-every", "150", "--threads", "2",
                                     source.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    if (kill_after.count() > 0) {
        std::this_thread::sleep_for(kill_after);
        ::kill(pid, SIGKILL);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
}

std::set<std::string> ids(const fs::path& db) {
    Xapian::Database d(db.string());
    std::set<std::string> out;
    for (auto t = d.allterms_begin("Q"); t != d.allterms_end("Q"); ++t) out.insert((*t).substr(1));
    CHECK(out.size() == d.get_doccount());  // one document per id: no duplicates
    return out;
}

}  // namespace

TEST_CASE("SIGKILL at any point leaves an index that opens, the next run completes it exactly") {
    TempDir dir;
    write_corpus(dir / "src", 40);
    REQUIRE(run_indexer(dir / "clean", dir / "src", std::chrono::milliseconds(0)) == 0);
    const std::set<std::string> expected = ids(dir / "clean");
    REQUIRE(expected.size() == 3000);

    for (const int ms : {150, 400, 900, 1600}) {
        DYNAMIC_SECTION("killed after " << ms << " ms") {
            // A committed base first (the first build is only switched in when complete), then more files.
            const fs::path src = dir / ("src" + std::to_string(ms));
            write_corpus(src, 5);
            REQUIRE(run_indexer(dir / "db" / std::to_string(ms), src, std::chrono::milliseconds(0)) == 0);
            write_corpus(src, 40);
            run_indexer(dir / "db" / std::to_string(ms), src, std::chrono::milliseconds(ms));

            const fs::path db = dir / "db" / std::to_string(ms);
            const auto after_kill = ids(db);  // opens, no duplicates
            CHECK(after_kill.size() >= 375);
            REQUIRE(run_indexer(db, src, std::chrono::milliseconds(0)) == 0);
            CHECK(ids(db) == expected);

            duet::search::Searcher clean(dir / "clean", duet::testing::standard_analyzer());
            duet::search::Searcher recovered(db, duet::testing::standard_analyzer());
            for (const std::string q : {"fibroblast", "间充质干细胞 exosome", "record 1234"}) {
                duet::search::SearchRequest request;
                request.query = q;
                CHECK(clean.search(request).total == recovered.search(request).total);
            }
        }
    }
}
