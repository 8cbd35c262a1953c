#pragma once

#include "analytics/breakdown.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

/// The table of a spend page: one row per value of the page's dimension with cost, share,
/// change against the previous period, tokens, requests and unit economics. Unknown figures
/// (no tokens, no requests, nothing before) are blank, never 0.
///
/// Sorting is done here on the numbers (exact money for costs); unknown cells sort last in
/// both directions. A reload keeps the chosen sort.
class BreakdownTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Cost,
        Share,
        Change,
        Tokens,
        Requests,
        InputPerMillion,
        CachedPerMillion,
        OutputPerMillion,
        BlendedPerMillion,
        TokensPerRequest,
        CostPerRequest,
        CachedShare,
        ColumnCount
    };
    enum Role {
        /// The raw value: a double (NaN when unknown) or the key for Name.
        SortRole = Qt::UserRole + 1,
        /// The cell as written to CSV: exact money via Cost::formatMoney, full precision.
        ExportRole,
        /// The dimension value (filter value) of the row; "" = none / unallocated.
        KeyRole,
    };

    explicit BreakdownTableModel(QObject *parent = nullptr);

    /// Replaces the rows; `dimension` names the values, `currency` is an ISO code.
    void setBreakdown(const Analytics::Breakdown &breakdown, const QString &dimension, const QString &currency);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// The row shown at `row` (in the current sort).
    const Analytics::BreakdownRow &rowAt(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }
    /// The key of the row shown at `row`.
    QString keyAt(int row) const;
    /// The CSV column names (one per column).
    QStringList exportHeader() const;
    const QString &dimension() const { return m_dimension; }
    const QString &currency() const { return m_currency; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

private:
    QVariant display(const Analytics::BreakdownRow &row, int column) const;
    QVariant exportValue(const Analytics::BreakdownRow &row, int column) const;
    QVariant toolTip(const Analytics::BreakdownRow &row, int column) const;
    /// Sorts m_rows by the current column; `permutation`, when given, is composed with the
    /// reordering (entry n becomes the old position of the row now at n).
    void sortRows(std::vector<std::size_t> *permutation = nullptr);

    std::vector<Analytics::BreakdownRow> m_rows;
    std::vector<int> m_ranks; ///< rank by cost (series colour), -1 for rows drawn as "Other"
    std::vector<int> m_slots; ///< palette slot per rank (SeriesColours)
    QString m_dimension;
    QString m_currency;
    int m_sortColumn = Cost;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};
