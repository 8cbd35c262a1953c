#pragma once

#include "store/sqlitedb.h"

#include <cstdint>
#include <string>
#include <vector>

/// The alert history (table `alert_history`, schema migration 8): every anomaly or budget alert
/// posted to the alert channels, and where it was delivered. Functions of one connection; errors
/// are returned. Never holds a secret: delivery errors are written without the webhook URL.
namespace Alerts {

struct HistoryRow {
    std::int64_t id = 0;
    std::string at;            ///< UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string kind;          ///< "anomaly" | "budget"
    std::string severity;      ///< "info" | "warning" | "critical"
    std::string title;
    std::string body;
    bool trayShown = false;
    std::string webhookStatus; ///< "" not configured, "pending", "delivered", "failed"
    std::string webhookError;
};

/// Appends `row` (its id is set); false with `error`.
bool addRow(Cost::SqliteDb &db, HistoryRow &row, std::string &error);
/// Updates the delivery columns of the row with `row.id`.
bool updateDelivery(Cost::SqliteDb &db, const HistoryRow &row, std::string &error);
/// The newest `limit` rows, newest first.
bool loadRows(Cost::SqliteDb &db, std::vector<HistoryRow> &out, std::string &error, int limit = 500);

} // namespace Alerts
