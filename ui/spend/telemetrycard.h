#pragma once

#include "analytics/breakdown.h"
#include "spend/spendcard.h"
#include "telemetry/telemetrystats.h"

#include <QList>
#include <QStringList>

#include <vector>

class FittedTable;
class QStandardItemModel;
class QTableView;

/// The By feature page's telemetry card (shown when the range has application telemetry): per
/// feature the billed cost next to what only the applications know — requests, cost per 1,000
/// requests, users, cost per user, p50 / p95 latency (issue #24 item 4).
class TelemetryCard : public SpendCard {
    Q_OBJECT
public:
    explicit TelemetryCard(QWidget *parent = nullptr);

    /// Shows `stats` with each feature's billed cost from `rows` (the page's breakdown by feature).
    void setStats(const std::vector<Telemetry::Stats> &stats, const std::vector<Analytics::BreakdownRow> &rows,
                  const QString &currency, const QString &rangeText);
    QTableView *table() const;
    /// The table as CSV rows (header first; money as exact decimals).
    QList<QStringList> exportRows() const;

private:
    QStandardItemModel *m_model = nullptr;
    FittedTable *m_view = nullptr;
};
