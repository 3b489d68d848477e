// Listing a source: which files are record files, and the keys that identify them across runs.
#include "source_files.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

namespace fs = std::filesystem;

TEST_CASE("A source directory lists its record files by root plus relative path, sorted, hidden ones skipped") {
    duet::testing::TempDir dir;
    fs::create_directories(dir / "b");
    fs::create_directories(dir / ".git");
    for (const char* name : {"b/2.txt", "a.jsonl", "notes.md", ".hidden.txt", ".git/x.txt"}) std::ofstream(dir / name) << "x";

    const duet::Source source = duet::scan_source(dir.path());
    const std::string root = fs::weakly_canonical(dir.path()).string();
    CHECK(source.is_directory);
    CHECK(source.key == root);
    REQUIRE(source.files.size() == 2);
    CHECK(source.files[0].key == root + "/a.jsonl");
    CHECK(source.files[0].relative() == "a.jsonl");
    CHECK(source.files[1].key == root + "/b/2.txt");
    CHECK(source.files[1].relative() == "b/2.txt");
    CHECK(source.file_prefix() == root + "/");
    CHECK(source.holds(root + "/b/2.txt"));
    CHECK_FALSE(source.holds(root + "/notes.md"));
}

TEST_CASE("Keys under a root of / start with one slash") {
    duet::Source root;
    root.key = "/";
    root.is_directory = true;
    CHECK(root.file_prefix() == "/");
    duet::Source file;
    file.key = "/data/records.jsonl";
    CHECK(file.file_prefix() == "/data/records.jsonl");
}

TEST_CASE("A file stamp keeps the file's whole key, spaces included, and reads stamps written without one") {
    duet::FileStamp stamp;
    stamp.size = 12;
    stamp.mtime_ns = -5;
    stamp.content_hash = 99;
    stamp.documents = 3;
    stamp.file_key = "/data/my records/a b.txt";
    const auto back = duet::FileStamp::decode(stamp.encode());
    REQUIRE(back);
    CHECK(back->size == 12);
    CHECK(back->mtime_ns == -5);
    CHECK(back->content_hash == 99);
    CHECK(back->documents == 3);
    CHECK(back->file_key == "/data/my records/a b.txt");

    const auto old = duet::FileStamp::decode("12 -5 99 3");
    REQUIRE(old);
    CHECK(old->documents == 3);
    CHECK(old->file_key.empty());
    CHECK_FALSE(duet::FileStamp::decode("12 x"));
}
