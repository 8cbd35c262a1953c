#pragma once

#include "allocation/allocation.h"
#include "rules/listtablemodel.h"

#include <QString>

#include <vector>

/// The targets of the rule being edited: feature, team and share of each part. Shares are
/// edited as locale percentages with up to four decimals (one part per million). GUI thread
/// only.
class TargetsTableModel : public ListTableModel<Allocation::Target> {
    Q_OBJECT
public:
    enum Column { FeatureColumn, TeamColumn, ShareColumn, ColumnCount };

    explicit TargetsTableModel(QObject *parent = nullptr);

    /// Feature and team take any text; the share takes "60", "33.3333" or "12,5 %" (locale).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const std::vector<Allocation::Target> &targets() const { return m_items; }
    void setTargets(const std::vector<Allocation::Target> &targets);
    /// Appends a target holding what is left of 100% (or 0% when nothing is left).
    void appendTarget();
    /// Removes the target at `row`; false when there is none.
    bool removeTarget(int row);
    /// Sum of the shares in parts per million.
    std::int64_t totalPpm() const;

    /// Parses a percentage typed by the user into parts per million; false when it is not a number.
    static bool parseShare(const QString &text, std::int64_t &ppm);

Q_SIGNALS:
    /// The user changed, added or removed a target (not emitted by setTargets()).
    void edited();

protected:
    QVariant cellData(const Allocation::Target &t, const QModelIndex &index, int role) const override;
    QStringList columnTitles() const override;
    Qt::ItemFlags columnFlags(int column) const override;
};
