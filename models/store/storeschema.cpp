#include "store/storeschema.h"

#include "store/pgdb.h"
#include "store/sqlitedb.h"

#include <algorithm>
#include <cctype>

namespace Cost {

namespace {

std::string upper(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

// SQLite's affinity rules (https://sqlite.org/datatype3.html, 3.1), limited to what the store uses.
bool kindOf(const std::string &declared, ColumnKind &kind)
{
    const std::string t = upper(declared);
    if (t.find("INT") != std::string::npos)
        kind = ColumnKind::Integer;
    else if (t.find("CHAR") != std::string::npos || t.find("CLOB") != std::string::npos || t.find("TEXT") != std::string::npos)
        kind = ColumnKind::Text;
    else if (t.empty())
        kind = ColumnKind::Numeric;
    else if (t.find("REAL") != std::string::npos || t.find("FLOA") != std::string::npos || t.find("DOUB") != std::string::npos)
        kind = ColumnKind::Real;
    else
        return false;
    return true;
}

const char *pgType(ColumnKind kind)
{
    switch (kind) {
    case ColumnKind::Integer: return "bigint";
    case ColumnKind::Real: return "double precision";
    case ColumnKind::Text: return "text";
    case ColumnKind::Numeric: return "numeric";
    }
    return "text";
}

std::string identList(const std::vector<std::string> &names)
{
    std::string out;
    for (const auto &n : names)
        out += (out.empty() ? "" : ", ") + pgIdent(n);
    return out;
}

bool readIndexColumns(SqliteDb &db, const std::string &index, std::vector<std::string> &columns)
{
    SqliteStmt info(db, "SELECT cid, name FROM pragma_index_info(?) ORDER BY seqno");
    info.bind(1, index);
    while (info.step()) {
        if (info.int64(0) < 0)
            return false; // an expression, not a column
        columns.emplace_back(info.text(1));
    }
    return info.error().empty();
}

bool readTable(SqliteDb &db, StoreTable &t, const std::string &createSql, std::string &error)
{
    SqliteStmt cols(db, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid");
    cols.bind(1, t.name);
    std::vector<std::pair<std::int64_t, std::string>> pk;
    std::string pkType;
    while (cols.step()) {
        StoreColumn c;
        c.name = std::string(cols.text(0));
        const std::string declared(cols.text(1));
        if (!kindOf(declared, c.kind))
            return (error = "table " + t.name + ", column " + c.name + ": type '" + declared + "' is not supported", false);
        c.notNull = cols.int64(2) != 0;
        c.defaultSql = cols.isNull(3) ? std::string() : std::string(cols.text(3));
        if (cols.int64(4) > 0) {
            pk.emplace_back(cols.int64(4), c.name);
            pkType = upper(declared);
        }
        t.columns.push_back(std::move(c));
    }
    std::sort(pk.begin(), pk.end());
    for (auto &p : pk)
        t.primaryKey.push_back(p.second);
    const std::string sql = upper(createSql);
    t.rowidKey = pk.size() == 1 && pkType == "INTEGER" && sql.find("WITHOUT ROWID") == std::string::npos;
    t.autoincrement = sql.find("AUTOINCREMENT") != std::string::npos;

    SqliteStmt list(db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?) ORDER BY name");
    list.bind(1, t.name);
    while (list.step()) {
        const std::string name(list.text(0));
        const std::string origin(list.text(2));
        if (origin == "pk")
            continue;
        std::vector<std::string> columns;
        if (list.int64(3) != 0 || !readIndexColumns(db, name, columns))
            return (error = "table " + t.name + ", index " + name + ": expression and partial indexes are not supported", false);
        if (origin == "u")
            t.uniques.push_back(std::move(columns));
        else
            t.indexes.push_back({name, list.int64(1) != 0, std::move(columns)});
    }
    if (!cols.error().empty() || !list.error().empty())
        return (error = "table " + t.name + ": " + (cols.error().empty() ? list.error() : cols.error()), false);
    return true;
}

} // namespace

int StoreTable::columnIndex(const std::string &column) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == column)
            return static_cast<int>(i);
    return -1;
}

bool readStoreSchema(SqliteDb &db, std::vector<StoreTable> &tables, std::string &error)
{
    tables.clear();
    SqliteStmt list(db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (list.step()) {
        StoreTable t;
        t.name = std::string(list.text(0));
        if (!readTable(db, t, std::string(list.text(1)), error))
            return false;
        tables.push_back(std::move(t));
    }
    if (!list.error().empty())
        return (error = list.error(), false);
    return true;
}

std::string quotedColumns(const StoreTable &table)
{
    std::vector<std::string> names;
    for (const auto &c : table.columns)
        names.push_back(c.name);
    return identList(names);
}

std::string pgCreateTableSql(const StoreTable &t)
{
    std::string sql = "CREATE TABLE " + pgIdent(t.name) + " (";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const StoreColumn &c = t.columns[i];
        sql += (i ? ", " : "") + pgIdent(c.name) + ' ' + pgType(c.kind);
        if (t.rowidKey && c.name == t.primaryKey.front()) {
            sql += " GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
            continue;
        }
        if (c.notNull)
            sql += " NOT NULL";
        if (!c.defaultSql.empty())
            sql += " DEFAULT " + c.defaultSql;
    }
    if (!t.rowidKey && !t.primaryKey.empty())
        sql += ", PRIMARY KEY (" + identList(t.primaryKey) + ')';
    for (const auto &u : t.uniques)
        sql += ", UNIQUE (" + identList(u) + ')';
    return sql + ')';
}

std::string pgIndexSql(const StoreTable &t)
{
    std::string sql;
    for (const auto &i : t.indexes)
        sql += std::string("CREATE ") + (i.unique ? "UNIQUE " : "") + "INDEX " + pgIdent(i.name) + " ON " + pgIdent(t.name)
            + " (" + identList(i.columns) + ");\n";
    return sql;
}

std::string pgFunctionsSql()
{
    return R"SQL(
CREATE OR REPLACE FUNCTION burnrate_dsum_step(numeric, bigint) RETURNS numeric LANGUAGE sql IMMUTABLE
    AS 'SELECT CASE WHEN $2 IS NULL THEN $1 ELSE coalesce($1, 0) + $2 END';
CREATE OR REPLACE FUNCTION burnrate_dsum_final(numeric) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT $1::text';
-- dsum(x): the exact sum of integer money as decimal text, NULL over no value (SqliteDb's dsum).
CREATE OR REPLACE AGGREGATE dsum(bigint) (SFUNC = burnrate_dsum_step, STYPE = numeric, FINALFUNC = burnrate_dsum_final);
-- alloc(amount, before, after): floor(amount*after/1e6) - floor(amount*before/1e6), domain/allocpart.h.
CREATE OR REPLACE FUNCTION alloc(bigint, bigint, bigint) RETURNS bigint LANGUAGE sql IMMUTABLE
    AS 'SELECT (floor($1::numeric * $3 / 1000000) - floor($1::numeric * $2 / 1000000))::bigint';
-- strftime('%s', time): an ISO 8601 time as epoch seconds (the imports' started_at).
CREATE OR REPLACE FUNCTION strftime(text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$SELECT CASE WHEN $1 = '%s' THEN floor(extract(epoch FROM $2::timestamptz))::bigint::text END$$;
-- strftime(format, seconds, 'unixepoch') for the formats the store's SQL uses (%Y, %m, %d), in UTC.
-- max(a, b) and min(a, b): SQLite's two-argument scalar forms (NULL when either is NULL).
CREATE OR REPLACE FUNCTION max(bigint, bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS 'SELECT GREATEST($1, $2)';
CREATE OR REPLACE FUNCTION min(bigint, bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS 'SELECT LEAST($1, $2)';
CREATE OR REPLACE FUNCTION strftime(text, bigint, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$SELECT to_char(to_timestamp($2) AT TIME ZONE 'UTC', replace(replace(replace($1, '%Y', 'YYYY'), '%m', 'MM'), '%d', 'DD'))$$;
)SQL";
}

} // namespace Cost
