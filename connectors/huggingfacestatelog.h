#pragma once

#include "huggingfacestaterun.h"

#include <QString>

#include <vector>

namespace Cost {
class SqliteDb;
}

namespace Conn {

/// The runs the Hugging Face connector observed for one account, in the store's
/// `hf_endpoint_state` (schema migration 19). Called inside the sync window's write transaction
/// (FetchResult::inTransaction), on the sync worker's thread and connection.
class HuggingFaceStateLog {
public:
    /// The account's runs, sorted by endpoint and first observation; false with *error on a store error.
    static bool load(Cost::SqliteDb &db, qint64 accountId, std::vector<HuggingFaceStateRun> &out, QString *error);
    /// Replaces the account's runs by `runs`; false with *error on a store error.
    static bool save(Cost::SqliteDb &db, qint64 accountId, const std::vector<HuggingFaceStateRun> &runs, QString *error);
};

} // namespace Conn
