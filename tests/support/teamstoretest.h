#pragma once

// The throw-away PostgreSQL cluster the test command starts (packaging/dev.sh test exports
// BURNRATE_TEST_PG, its maintenance database): new databases for team-store tests, dropped at exit.

#include <QString>

namespace TestSupport {

/// BURNRATE_TEST_PG, empty when the suite runs without a cluster.
QString testCluster();
/// A new, empty database on the cluster; its address for --db. Dropped by dropTestDatabases().
QString newTestDatabase();
/// A new database holding a team store: a copy of the SQLite store at `from`, or (empty `from`)
/// an empty store at this build's schema. Empty when that failed (a warning says why).
QString newTeamStore(const QString &from = QString());
/// Drops every database newTestDatabase() made in this process.
void dropTestDatabases();

/// True when the suite runs the store's tests on a team store (BURNRATE_TEST_BACKEND=postgresql:
/// tests/CMakeLists.txt registers such a second run of some tests).
bool onTeamStore();

} // namespace TestSupport
