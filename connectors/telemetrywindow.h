#pragma once

#include "connector.h"
#include "telemetry/telemetrystore.h"
#include "telemetry/usage.h"

#include <QDate>
#include <QString>

#include <string>
#include <vector>

namespace Cost {
class SqliteDb;
}

// How the sync engine stores a window of a telemetry source (ConnectorDescriptor::telemetry):
// into the application telemetry, never into the billing facts. Any thread (the caller's store
// connection).
namespace Conn::TelemetryWindow {

/// The telemetry source an account's calls are stored under: "<provider>:<account name>"
/// ("litellm:gateway"); a call is counted once per source and id.
std::string sourceOf(const AccountConfig &account);

/// Stores one fetched window in ONE transaction: its model calls (Telemetry::ingest, which skips
/// calls stored before and recomputes the telemetry split of the bill for their days) and the
/// account's sync mark (first day, synced through). False with *error and the store as it was.
bool store(Cost::SqliteDb &db, const AccountConfig &account, const std::vector<Telemetry::Usage> &usage,
           const QDate &firstDay, const QDate &through, Telemetry::IngestResult &result, QString *error);

/// Deletes every call stored under `source` (an account removed with its data) and recomputes the
/// telemetry split of the bill for their days, inside the caller's transaction; false with *error.
bool erase(Cost::SqliteDb &db, const std::string &source, QString *error);

} // namespace Conn::TelemetryWindow
