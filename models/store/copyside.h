#pragma once

#include "store/storeschema.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Cost {

/// One value of a row being copied between stores, typed as SQLite holds it.
struct CopyValue {
    enum Kind : unsigned char { Null, Int, Real, Text };
    Kind kind = Null;
    std::int64_t i = 0;
    double r = 0;
    std::string s;
};
using CopyRow = std::vector<CopyValue>;
/// AUTOINCREMENT counters by table (SQLite's sqlite_sequence).
using CopySequences = std::map<std::string, std::int64_t>;

/// One end of a store copy (store/storecopy.h): a SQLite file or a PostgreSQL team store. A source
/// reads in one snapshot; a target writes in one transaction that commit() makes visible and
/// rollback() (or destruction) leaves without a trace.
class CopySide {
public:
    virtual ~CopySide() = default;
    virtual const std::string &displayName() const = 0;
    /// Source: opens the existing store and starts its read snapshot.
    virtual bool openSource(std::string &error) = 0;
    /// Target: creates the new store's tables (empty) and starts the write transaction.
    virtual bool openTarget(const std::vector<StoreTable> &tables, std::string &error) = 0;
    /// The store's table layout, from a SQLite store (a team store's comes from its source or target).
    virtual bool schema(std::vector<StoreTable> &tables, std::string &error) = 0;
    virtual bool read(const StoreTable &table, const std::function<bool(const CopyRow &)> &row, std::string &error) = 0;
    virtual bool sequences(const std::vector<StoreTable> &tables, CopySequences &out, std::string &error) = 0;
    virtual bool writeBegin(const StoreTable &table, std::string &error) = 0;
    virtual bool writeRow(const CopyRow &row, std::string &error) = 0;
    virtual bool writeEnd(std::string &error) = 0;
    /// Target, after every table: indexes, id counters, the store's own records.
    virtual bool finish(const std::vector<StoreTable> &tables, const CopySequences &sequences, std::string &error) = 0;
    virtual bool commit(std::string &error) = 0;
    virtual void rollback() = 0;

    static std::unique_ptr<CopySide> create(const std::string &location);
};

} // namespace Cost
