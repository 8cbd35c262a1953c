// The SQLite file end of a store copy.
#include "store/copyside.h"

#include "store/pgdb.h"
#include "store/store.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include <unistd.h>

namespace Cost {

namespace {

std::string quoted(const std::string &name) { return pgIdent(name); } // SQLite accepts the same quoting

class SqliteCopySide final : public CopySide {
public:
    explicit SqliteCopySide(std::string path)
        : m_path(std::move(path))
    {
    }
    ~SqliteCopySide() override { rollback(); }

    const std::string &displayName() const override { return m_path; }

    bool openSource(std::string &error) override
    {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(m_path, ec))
            return (error = m_path + ": no store there", false);
        if (!m_store.open(m_path))
            return (error = m_path + ": " + m_store.error(), false);
        // One read snapshot over every table (it starts at the first read, right here): a sync
        // writing meanwhile lands wholly after it.
        if (!m_store.db().exec("BEGIN; SELECT count(*) FROM sqlite_master"))
            return (error = m_path + ": " + m_store.db().error(), false);
        m_inTxn = true;
        return true;
    }

    bool openTarget(const std::vector<StoreTable> &, std::string &error) override
    {
        std::error_code ec;
        if (std::filesystem::exists(m_path, ec))
            return (error = m_path + " exists already: a copy writes a new store and never overwrites one", false);
        m_temp = m_path + ".partial-" + std::to_string(::getpid());
        removeFiles(m_temp); // left by an earlier copy of this process id that was killed
        // The new store's schema is this build's migrations; the copy then fills it.
        if (!m_store.open(m_temp))
            return (error = m_path + ": " + m_store.error(), false);
        if (!m_store.db().exec("BEGIN IMMEDIATE"))
            return (error = m_path + ": " + m_store.db().error(), false);
        m_inTxn = true;
        std::vector<StoreTable> own;
        if (!schema(own, error))
            return false;
        for (const auto &t : own)
            if (!m_store.db().exec("DELETE FROM " + quoted(t.name)))
                return (error = m_path + ": " + m_store.db().error(), false);
        if (!m_store.db().exec("DELETE FROM sqlite_sequence"))
            return (error = m_path + ": " + m_store.db().error(), false);
        return true;
    }

    bool schema(std::vector<StoreTable> &tables, std::string &error) override
    {
        if (readStoreSchema(m_store.db(), tables, error))
            return true;
        error = m_path + ": " + error;
        return false;
    }

    bool read(const StoreTable &table, const std::function<bool(const CopyRow &)> &row, std::string &error) override
    {
        // The raw statement: a value's storage class (integer, real, text) is what is copied.
        const std::string sql = "SELECT " + quotedColumns(table) + " FROM " + quoted(table.name);
        sqlite3 *db = m_store.db().handle();
        sqlite3_stmt *raw = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
            return (error = m_path + ", table " + table.name + ": " + sqlite3_errmsg(db), false);
        const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> stmt(raw, sqlite3_finalize);
        CopyRow values(table.columns.size());
        int rc;
        while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
            for (std::size_t c = 0; c < values.size(); ++c)
                readValue(raw, static_cast<int>(c), values[c]);
            if (!row(values))
                return false;
        }
        if (rc != SQLITE_DONE)
            return (error = m_path + ", table " + table.name + ": " + sqlite3_errmsg(db), false);
        return true;
    }

    bool sequences(const std::vector<StoreTable> &, CopySequences &out, std::string &error) override
    {
        SqliteStmt stmt(m_store.db(), "SELECT name, seq FROM sqlite_sequence");
        while (stmt.step())
            out[std::string(stmt.text(0))] = stmt.int64(1);
        if (!stmt.error().empty())
            return (error = m_path + ": " + stmt.error(), false);
        return true;
    }

    bool writeBegin(const StoreTable &table, std::string &error) override
    {
        std::string marks;
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            marks += c ? ",?" : "?";
        m_insert = SqliteStmt(m_store.db(), "INSERT INTO " + quoted(table.name) + " (" + quotedColumns(table) + ") VALUES (" + marks + ')');
        m_table = table.name;
        if (!m_insert.ok())
            return (error = m_path + ", table " + table.name + ": " + m_insert.error(), false);
        return true;
    }

    bool writeRow(const CopyRow &row, std::string &error) override
    {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const int i = static_cast<int>(c) + 1;
            const CopyValue &v = row[c];
            switch (v.kind) {
            case CopyValue::Null: m_insert.bindNull(i); break;
            case CopyValue::Int: m_insert.bind(i, v.i); break;
            case CopyValue::Real: m_insert.bind(i, v.r); break;
            case CopyValue::Text: m_insert.bind(i, std::string_view(v.s)); break;
            }
        }
        if (!m_insert.exec())
            return (error = m_path + ", table " + m_table + ": " + m_insert.error(), false);
        return true;
    }

    bool writeEnd(std::string &) override
    {
        m_insert = SqliteStmt();
        return true;
    }

    bool finish(const std::vector<StoreTable> &tables, const CopySequences &sequences, std::string &error) override
    {
        SqliteStmt update(m_store.db(), "UPDATE sqlite_sequence SET seq = ? WHERE name = ?");
        SqliteStmt insert(m_store.db(), "INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)");
        for (const auto &t : tables) {
            const auto it = sequences.find(t.name);
            if (!t.autoincrement || it == sequences.end())
                continue;
            update.bind(1, it->second);
            update.bind(2, std::string_view(t.name));
            bool ok = update.exec();
            if (ok && m_store.db().changes() == 0) {
                insert.bind(1, std::string_view(t.name));
                insert.bind(2, it->second);
                ok = insert.exec();
            }
            if (!ok)
                return (error = m_path + ": " + (update.error().empty() ? insert.error() : update.error()), false);
        }
        return true;
    }

    bool commit(std::string &error) override
    {
        if (!m_store.db().exec("COMMIT"))
            return (error = m_path + ": " + m_store.db().error(), false);
        m_inTxn = false;
        m_store.close();
        if (m_temp.empty())
            return true;
        std::error_code ec;
        if (std::filesystem::exists(m_path, ec)) {
            error = m_path + " appeared while copying; the copy is left at " + m_temp;
            m_temp.clear(); // kept, as the message says
            return false;
        }
        std::filesystem::rename(m_temp, m_path, ec);
        if (ec)
            return (error = m_path + ": " + ec.message(), false);
        m_temp.clear();
        return true;
    }

    void rollback() override
    {
        if (m_inTxn)
            m_store.db().exec("ROLLBACK");
        m_inTxn = false;
        m_insert = SqliteStmt();
        m_store.close();
        removeTemp();
    }

private:
    static void readValue(sqlite3_stmt *stmt, int c, CopyValue &v)
    {
        switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_NULL: v.kind = CopyValue::Null; break;
        case SQLITE_INTEGER:
            v.kind = CopyValue::Int;
            v.i = sqlite3_column_int64(stmt, c);
            break;
        case SQLITE_FLOAT:
            v.kind = CopyValue::Real;
            v.r = sqlite3_column_double(stmt, c);
            break;
        default: // text (a blob too: the store keeps none)
            v.kind = CopyValue::Text;
            v.s.assign(reinterpret_cast<const char *>(sqlite3_column_text(stmt, c)),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
        }
    }

    static void removeFiles(const std::string &path)
    {
        std::error_code ec;
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path + suffix, ec);
    }

    void removeTemp()
    {
        if (!m_temp.empty())
            removeFiles(m_temp);
        m_temp.clear();
    }

    std::string m_path;
    std::string m_temp; ///< the new store until commit renames it
    Store m_store;
    SqliteStmt m_insert;
    std::string m_table;
    bool m_inTxn = false;
};

} // namespace

std::unique_ptr<CopySide> makeSqliteCopySide(const std::string &path) { return std::make_unique<SqliteCopySide>(path); }

} // namespace Cost
