#pragma once

#include "domain/money.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace Cost {

struct StoreCopyTable {
    std::string name;
    std::int64_t rows = 0;
};

/// What a copy moved, each figure read back from the new store and equal to the old one's.
struct StoreCopySummary {
    std::string from, to; ///< for messages: a path, or user@host:port/dbname (never a password)
    std::vector<StoreCopyTable> tables;
    std::int64_t rows = 0;
    std::int64_t charges = 0; ///< rows of `fact`
    BigMoney billed = 0;      ///< their billed cost, exact
};

using StoreCopyProgress = std::function<void(const std::string &table, std::int64_t rows)>;

/// Copies a whole store between backends: a SQLite file and a PostgreSQL team store
/// (PgDb::isPostgresLocation), either way, or file to file. The new store must not exist yet (a
/// file) or hold no Burnrate tables (a database). Every table is copied with its ids and the id
/// counters, then read back from the new store inside the copy's transaction and compared with the
/// old one row for row (an order-free digest of every value) and by the exact sum of every integer
/// column; only then is it committed (a file is written beside its final name and renamed). On any
/// failure or `cancel` nothing is left behind and `error` says why.
bool copyStore(const std::string &from, const std::string &to, StoreCopySummary &summary, std::string &error,
               const StoreCopyProgress &progress = {}, const std::atomic_bool *cancel = nullptr);

} // namespace Cost
