#pragma once

#include "anomaly/anomalyscan.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

/// The anomalies of the Anomalies page, one row each: when, series, grain, expected, actual, band,
/// impact in money and %, status and the root-cause sentence. Qt::UserRole gives sortable values
/// (epoch seconds, exact money as double for ordering only, status rank).
class AnomalyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Series, Grain, Expected, Actual, Band, Impact, ImpactPercent, Status, Cause, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole;
    static constexpr int kIdRole = Qt::UserRole + 1;

    explicit AnomalyTableModel(QObject *parent = nullptr);

    void setAnomalies(std::vector<Analytics::Anomaly> anomalies, const QString &currency);
    const std::vector<Analytics::Anomaly> &anomalies() const { return m_rows; }
    /// The anomaly of a row (of this model, not a proxy), or nullptr.
    const Analytics::Anomaly *anomalyAt(int row) const;
    /// The row of the anomaly with `id`, or -1.
    int rowOf(std::int64_t id) const;
    QString currency() const { return m_currency; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Analytics::Anomaly> m_rows;
    QString m_currency;
};
