// The PostgreSQL team-store end of a store copy.
#include "store/copyside.h"

#include "store/pgdb.h"
#include "store/store.h"

#include <charconv>
#include <cmath>

namespace Cost {

namespace {

constexpr std::size_t kFlushBytes = 1 << 20;
// The team store's own records: which schema version its tables are at.
constexpr const char *kMetaTable = "burnrate_store";

// A double in PostgreSQL's text form. In a numeric column (no declared type in SQLite) a real is
// written in fixed notation with a decimal point, which numeric keeps: it reads back as a real.
void appendReal(std::string &out, double v, bool numeric)
{
    if (std::isnan(v)) {
        out += "NaN";
        return;
    }
    if (std::isinf(v)) {
        out += v < 0 ? "-Infinity" : "Infinity";
        return;
    }
    char buf[400];
    const auto res = numeric ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                             : std::to_chars(buf, buf + sizeof buf, v);
    const std::string_view text(buf, static_cast<std::size_t>(res.ptr - buf));
    out += text;
    if (numeric && text.find('.') == std::string_view::npos)
        out += ".0";
}

// COPY's text format: backslash, tab, newline and carriage return escaped; \N is NULL.
void appendText(std::string &out, std::string_view s)
{
    for (char c : s) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
}

bool parseValue(std::string_view text, ColumnKind kind, CopyValue &v)
{
    const char *end = text.data() + text.size();
    auto asReal = [&] {
        v.kind = CopyValue::Real;
        if (text == "NaN")
            v.r = std::nan("");
        else if (text == "Infinity" || text == "-Infinity")
            v.r = text.front() == '-' ? -HUGE_VAL : HUGE_VAL;
        else
            return std::from_chars(text.data(), end, v.r).ptr == end;
        return true;
    };
    switch (kind) {
    case ColumnKind::Text:
        v.kind = CopyValue::Text;
        v.s.assign(text);
        return true;
    case ColumnKind::Real: return asReal();
    case ColumnKind::Integer:
        v.kind = CopyValue::Int;
        return std::from_chars(text.data(), end, v.i).ptr == end;
    case ColumnKind::Numeric:
        if (text.find_first_of(".eEIN") != std::string_view::npos)
            return asReal();
        v.kind = CopyValue::Int;
        return std::from_chars(text.data(), end, v.i).ptr == end;
    }
    return false;
}

class PgCopySide final : public CopySide {
public:
    explicit PgCopySide(std::string location)
        : m_location(std::move(location))
        , m_display(PgDb::redacted(m_location))
    {
    }
    ~PgCopySide() override { rollback(); }

    const std::string &displayName() const override { return m_display; }

    bool openSource(std::string &error) override
    {
        if (!connect(error))
            return false;
        // One snapshot over every table: another user's import lands wholly after it or not at all.
        if (!m_db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
            return failed(error);
        m_inTxn = true;
        const PgResult version = m_db.query("SELECT value FROM " + pgIdent(kMetaTable) + " WHERE key = 'schema_version'");
        if (!version.ok() || version.rows() != 1)
            return (error = m_display + " holds no Burnrate store", false);
        if (version.text(0, 0) != std::to_string(Store::kSchemaVersion))
            return (error = m_display + " is a Burnrate store at schema " + std::string(version.text(0, 0)) + "; this build reads "
                        + std::to_string(Store::kSchemaVersion),
                    false);
        return true;
    }

    bool openTarget(const std::vector<StoreTable> &tables, std::string &error) override
    {
        if (!connect(error) || !m_db.exec("BEGIN"))
            return failed(error);
        m_inTxn = true;
        std::string names = "{" + std::string(kMetaTable);
        for (const auto &t : tables)
            names += ',' + t.name;
        const PgResult taken = m_db.query("SELECT string_agg(tablename, ', ' ORDER BY tablename) FROM pg_tables"
                                          " WHERE schemaname = current_schema() AND tablename = ANY($1::text[])",
                                          {names + '}'});
        if (!taken.ok())
            return failed(error);
        if (!taken.isNull(0, 0)) {
            std::string names(taken.text(0, 0));
            if (names.size() > 60)
                names = names.substr(0, names.rfind(", ", 60)) + ", …";
            return (error = m_display + " already holds tables of a Burnrate store (" + names + "): copy into an empty database",
                    false);
        }
        std::string ddl = "CREATE TABLE " + pgIdent(kMetaTable) + " (key text PRIMARY KEY, value text NOT NULL);\n" + pgFunctionsSql();
        for (const auto &t : tables)
            ddl += pgCreateTableSql(t) + ";\n";
        return m_db.exec(ddl) || failed(error);
    }

    bool schema(std::vector<StoreTable> &, std::string &error) override
    {
        error = "internal: a team store's layout comes from the SQLite end of the copy";
        return false;
    }

    bool read(const StoreTable &table, const std::function<bool(const CopyRow &)> &row, std::string &error) override
    {
        CopyRow values(table.columns.size());
        std::string bad;
        const bool ok = m_db.forEachRow("SELECT " + quotedColumns(table) + " FROM " + pgIdent(table.name), [&](const PgResult &r) {
            for (int c = 0; c < static_cast<int>(values.size()); ++c) {
                if (r.isNull(0, c)) {
                    values[c].kind = CopyValue::Null;
                } else if (!parseValue(r.text(0, c), table.columns[c].kind, values[c])) {
                    bad = "table " + table.name + ", column " + table.columns[c].name + ": '" + std::string(r.text(0, c))
                        + "' is not a value of its type";
                    return false;
                }
            }
            if (!row(values)) {
                bad = "stopped";
                return false;
            }
            return true;
        });
        if (ok)
            return true;
        if (bad == "stopped")
            return false; // the caller's error stands
        error = m_display + ", " + (bad.empty() ? "table " + table.name + ": " + m_db.error() : bad);
        return false;
    }

    bool sequences(const std::vector<StoreTable> &tables, CopySequences &out, std::string &error) override
    {
        for (const auto &t : tables) {
            if (!t.rowidKey)
                continue;
            const PgResult last = m_db.query("SELECT pg_sequence_last_value(pg_get_serial_sequence($1, $2)::regclass)",
                                             {pgIdent(t.name), t.primaryKey.front()});
            if (!last.ok())
                return failed(error);
            if (t.autoincrement && !last.isNull(0, 0))
                out[t.name] = std::stoll(std::string(last.text(0, 0)));
        }
        return true;
    }

    bool writeBegin(const StoreTable &table, std::string &error) override
    {
        m_table = &table;
        m_buffer.clear();
        m_copying = true;
        return m_db.copyBegin("COPY " + pgIdent(table.name) + " (" + quotedColumns(table) + ") FROM STDIN") || failed(error);
    }

    bool writeRow(const CopyRow &row, std::string &error) override
    {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c)
                m_buffer += '\t';
            const CopyValue &v = row[c];
            switch (v.kind) {
            case CopyValue::Null: m_buffer += "\\N"; break;
            case CopyValue::Int: m_buffer += std::to_string(v.i); break;
            case CopyValue::Real: appendReal(m_buffer, v.r, m_table->columns[c].kind == ColumnKind::Numeric); break;
            case CopyValue::Text: appendText(m_buffer, v.s); break;
            }
        }
        m_buffer += '\n';
        if (m_buffer.size() < kFlushBytes)
            return true;
        const bool ok = m_db.copyPut(m_buffer);
        m_buffer.clear();
        return ok || failed(error);
    }

    bool writeEnd(std::string &error) override
    {
        const bool ok = m_db.copyPut(m_buffer) && m_db.copyEnd();
        m_buffer.clear();
        m_copying = false;
        return ok || failed(error);
    }

    bool finish(const std::vector<StoreTable> &tables, const CopySequences &sequences, std::string &error) override
    {
        std::string sql;
        for (const auto &t : tables)
            sql += pgIndexSql(t);
        if (!sql.empty() && !m_db.exec(sql))
            return failed(error);
        // New rows continue after the copied ids (and after ids a removed row held, for AUTOINCREMENT).
        for (const auto &t : tables) {
            if (!t.rowidKey)
                continue;
            const auto it = sequences.find(t.name);
            const std::string floor = it == sequences.end() ? "0" : std::to_string(it->second);
            const std::string key = pgIdent(t.primaryKey.front());
            const PgResult set = m_db.query("SELECT setval(pg_get_serial_sequence($1, $2), greatest(max(" + key + "), $3::bigint))"
                                            " FROM " + pgIdent(t.name) + " HAVING greatest(max(" + key + "), $3::bigint) > 0",
                                            {pgIdent(t.name), t.primaryKey.front(), floor});
            if (!set.ok())
                return failed(error);
        }
        return m_db.query("INSERT INTO " + pgIdent(kMetaTable) + " VALUES ('schema_version', $1)",
                          {std::to_string(Store::kSchemaVersion)})
                   .ok()
            || failed(error);
    }

    bool commit(std::string &error) override
    {
        if (!m_db.exec("COMMIT"))
            return failed(error);
        m_inTxn = false;
        return true;
    }

    void rollback() override
    {
        if (m_copying)
            m_db.copyEnd("the copy stopped");
        m_copying = false;
        if (m_inTxn)
            m_db.exec("ROLLBACK");
        m_inTxn = false;
    }

private:
    bool connect(std::string &error)
    {
        if (!m_db.open(m_location))
            return (error = "team store: " + m_db.error(), false);
        m_display = "postgresql://" + m_db.displayName();
        return true;
    }

    bool failed(std::string &error)
    {
        error = m_display + ": " + m_db.error();
        return false;
    }


    std::string m_location;
    std::string m_display;
    PgDb m_db;
    const StoreTable *m_table = nullptr;
    std::string m_buffer;
    bool m_inTxn = false;
    bool m_copying = false;
};

} // namespace

std::unique_ptr<CopySide> makeSqliteCopySide(const std::string &path);

std::unique_ptr<CopySide> CopySide::create(const std::string &location)
{
    if (PgDb::isPostgresLocation(location))
        return std::make_unique<PgCopySide>(location);
    return makeSqliteCopySide(location);
}

} // namespace Cost
