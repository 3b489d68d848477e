#include "document_lengths.h"

namespace duet::search {

namespace {

std::vector<std::string> split_uuids(const std::string& joined) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at <= joined.size()) {
        const std::size_t colon = std::min(joined.find(':', at), joined.size());
        out.push_back(joined.substr(at, colon - at));
        at = colon + 1;
    }
    return out;
}

}  // namespace

std::shared_ptr<const DocumentLengths> DocumentLengths::read(const Xapian::Database& db) {
    // Xapian joins the shards' UUIDs with ':' in the order their docids interleave: shard i holds the combined
    // docids i+1, i+1+n, ...
    const std::string joined = db.get_uuid();
    if (joined.empty()) return nullptr;
    auto table = std::make_shared<DocumentLengths>();
    table->uuids_ = split_uuids(joined);
    for (const std::string& uuid : table->uuids_) {
        if (uuid.empty()) return nullptr;
    }
    const Xapian::docid shards = static_cast<Xapian::docid>(table->uuids_.size());
    const Xapian::docid last = db.get_lastdocid();
    table->lengths_.resize(shards);
    for (Xapian::docid i = 0; i < shards; ++i) {
        // Shard i's highest docid so far, and 0 before docid 1 (which is never used).
        const Xapian::docid highest = last > i ? (last - i - 1) / shards + 1 : 0;
        table->lengths_[i].assign(highest + 1, 0);
    }
    // The list of all records (the empty term) is read in docid order, chunk by chunk: about 50 ns a record.
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        const Xapian::docid did = *p;
        table->lengths_[(did - 1) % shards][(did - 1) / shards + 1] = p.get_doclength();
    }
    return table;
}

const std::vector<Xapian::termcount>* DocumentLengths::of(const Xapian::Database& sub) const {
    const std::string uuid = sub.get_uuid();
    for (std::size_t i = 0; i < uuids_.size(); ++i) {
        if (uuids_[i] == uuid) return &lengths_[i];
    }
    return nullptr;
}

}  // namespace duet::search
