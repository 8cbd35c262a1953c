#pragma once

#include <string>
#include <vector>

namespace Cost {

class SqliteDb;

/// How a column's values are typed (SQLite's type affinity, which decides the PostgreSQL type).
enum class ColumnKind {
    Integer, ///< INTEGER: bigint
    Real,    ///< REAL: double precision
    Text,    ///< TEXT: text
    Numeric, ///< no declared type (integers and reals mixed, e.g. a charge's quantity): numeric, exact for both
};

struct StoreColumn {
    std::string name;
    ColumnKind kind = ColumnKind::Text;
    bool notNull = false;
    std::string defaultSql; ///< the DEFAULT clause's literal, empty when none
};

struct StoreIndex {
    std::string name;
    bool unique = false;
    std::vector<std::string> columns;
};

/// One table of the store as its SQLite migrations define it.
struct StoreTable {
    std::string name;
    std::vector<StoreColumn> columns;
    std::vector<std::string> primaryKey;
    bool rowidKey = false;      ///< a single INTEGER PRIMARY KEY: SQLite numbers new rows (an identity on PostgreSQL)
    bool autoincrement = false; ///< ids are never reused (sqlite_sequence; the identity's sequence on PostgreSQL)
    std::vector<std::vector<std::string>> uniques;
    std::vector<StoreIndex> indexes;

    int columnIndex(const std::string &column) const;
};

/// The store's tables (sqlite_sequence aside) read from an open SQLite store; false with `error`
/// when a table uses something the PostgreSQL store cannot hold (expression or partial index, a
/// declared type outside INTEGER/REAL/TEXT/none).
bool readStoreSchema(SqliteDb &db, std::vector<StoreTable> &tables, std::string &error);

/// The table's columns, quoted, comma-separated (SQLite takes PostgreSQL's quoting too).
std::string quotedColumns(const StoreTable &table);

/// PostgreSQL's CREATE TABLE for `table` (identifiers quoted; its indexes apart, see pgIndexSql).
std::string pgCreateTableSql(const StoreTable &table);
/// CREATE INDEX statements for `table`'s indexes, run after its rows are loaded.
std::string pgIndexSql(const StoreTable &table);
/// The functions the store's SQL calls that SQLite gets from SqliteDb (dsum, alloc) or has built
/// in (strftime for day numbers), defined on the server with the same results (CREATE OR REPLACE:
/// a database that held a store before, its tables dropped, takes a copy again).
std::string pgFunctionsSql();

} // namespace Cost
