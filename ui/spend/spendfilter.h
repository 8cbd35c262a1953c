#pragma once

#include "analytics/analytics.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

/// The narrowing the spend pages share: an ordered path of DIM=VALUE steps (the breadcrumbs).
/// Combo boxes set or remove a dimension's step; drill-down clicks append one; a breadcrumb
/// truncates the path. At most one step per dimension. Every change emits changed() once.
///
/// Threading contract: GUI thread only. Pages copy filters() into their worker queries.
class SpendFilter : public QObject {
    Q_OBJECT
public:
    struct Step {
        QString dimension; ///< a name from Analytics::dimensionNames()
        QString value;     ///< "" = none / unallocated
        bool operator==(const Step &other) const = default;
    };

    explicit SpendFilter(QObject *parent = nullptr);

    /// The filter shared by every spend page of the store at `dbPath` (created on first use,
    /// released with the last page holding it).
    static std::shared_ptr<SpendFilter> forStore(const QString &dbPath);

    /// The dimensions the filter bar offers, in display order.
    static const QStringList &dimensions();

    const QList<Step> &steps() const { return m_steps; }
    int depth() const { return static_cast<int>(m_steps.size()); }
    bool isEmpty() const { return m_steps.isEmpty(); }
    /// True with `value` set when `dimension` is narrowed.
    bool contains(const QString &dimension, QString *value = nullptr) const;
    /// The steps as query filters.
    std::vector<Analytics::Filter> filters() const;
    /// The steps except the one on `dimension` (what that dimension's combo may offer).
    std::vector<Analytics::Filter> filtersExcept(const QString &dimension) const;

    /// Narrows `dimension` to `value`: replaces its step in place, or appends one.
    void narrow(const QString &dimension, const QString &value);
    /// Drops the step on `dimension`, keeping the others in order.
    void remove(const QString &dimension);
    /// Keeps the first `depth` steps (a breadcrumb click); 0 clears.
    void truncate(int depth);
    /// Drops the last step.
    void back();
    void clear() { truncate(0); }

Q_SIGNALS:
    void changed();

private:
    QList<Step> m_steps;
};
