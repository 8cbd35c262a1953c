// Store's team-store side: opening a PostgreSQL store (PgDb::isPostgresLocation) for the commands
// that work on one so far.
#include "store/store.h"

#include "store/pgdb.h"

namespace Cost {

// A team store: made by `burnrate store copy` at this build's schema (its migrations on the server
// come later), and only for the commands that ask for it (read-only, or for writing).
bool Store::openTeamStore(TeamStore team)
{
    const std::string where = PgDb::redacted(m_path);
    if (team == TeamStore::Refuse) {
        m_error = "this does not work on a team store yet (README: Team store lists what does); burnrate store copy"
                  " --from "
            + where + " --to FILE.sqlite makes a local store of it";
        return false;
    }
    if (!m_db.openPostgres(m_path, team == TeamStore::ReadOnly)) {
        m_error = "cannot open the team store " + where + ": " + m_db.error();
        return false;
    }
    const int version = schemaVersion();
    if (version != kSchemaVersion) {
        m_error = version <= 0 ? "the team store " + where + " holds no Burnrate store (burnrate store copy makes one)"
                               : "the team store " + where + " is at schema " + std::to_string(version)
                + "; this build reads " + std::to_string(kSchemaVersion);
        m_db.close();
        return false;
    }
    // The server's grants decide who writes; a role that may only read learns it here, before a
    // command has done any work, rather than from the first refused INSERT.
    if (team == TeamStore::ReadWrite
        && m_db.scalar("SELECT has_table_privilege('fact', 'INSERT') AND has_table_privilege('fact', 'DELETE')"
                       " AND has_table_privilege('setting', 'UPDATE')",
                       0)
            != 1) {
        SqliteStmt user(m_db, "SELECT current_user");
        const std::string role = user.step() ? std::string(user.text(0)) : std::string("this user");
        m_error = "the team store " + where + " is read-only for " + role
            + ": its grants let this role browse and export, not import, sync or edit (ask the store's owner for a role"
              " that writes)";
        m_db.close();
        return false;
    }
    return true;
}

} // namespace Cost
