#include "spend/spendfilter.h"

#include <QHash>

SpendFilter::SpendFilter(QObject *parent)
    : QObject(parent)
{
}

std::shared_ptr<SpendFilter> SpendFilter::forStore(const QString &dbPath)
{
    // Pages are built one by one from the window's page table, which hands them nothing but the
    // store path; this registry is how they find each other's filter. A weak reference lets a
    // closed window's filter go, so a later window on the same store starts unfiltered.
    static QHash<QString, std::weak_ptr<SpendFilter>> registry;
    if (std::shared_ptr<SpendFilter> existing = registry.value(dbPath).lock())
        return existing;
    auto created = std::make_shared<SpendFilter>();
    registry.insert(dbPath, created);
    return created;
}

const QStringList &SpendFilter::dimensions()
{
    static const QStringList kDimensions = {
        QStringLiteral("provider"), QStringLiteral("service"),    QStringLiteral("model"),
        QStringLiteral("feature"),  QStringLiteral("team"),       QStringLiteral("token_kind"),
        QStringLiteral("billing_account"),
    };
    return kDimensions;
}

bool SpendFilter::contains(const QString &dimension, QString *value) const
{
    for (const Step &step : m_steps) {
        if (step.dimension == dimension) {
            if (value)
                *value = step.value;
            return true;
        }
    }
    return false;
}

std::vector<Analytics::Filter> SpendFilter::filters() const
{
    return filtersExcept(QString());
}

std::vector<Analytics::Filter> SpendFilter::filtersExcept(const QString &dimension) const
{
    std::vector<Analytics::Filter> out;
    for (const Step &step : m_steps) {
        if (step.dimension != dimension)
            out.emplace_back(step.dimension.toStdString(), step.value.toStdString());
    }
    return out;
}

void SpendFilter::narrow(const QString &dimension, const QString &value)
{
    for (Step &step : m_steps) {
        if (step.dimension == dimension) {
            if (step.value == value)
                return;
            step.value = value;
            Q_EMIT changed();
            return;
        }
    }
    m_steps.append({dimension, value});
    Q_EMIT changed();
}

void SpendFilter::remove(const QString &dimension)
{
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).dimension == dimension) {
            m_steps.removeAt(i);
            Q_EMIT changed();
            return;
        }
    }
}

void SpendFilter::truncate(int depth)
{
    if (depth < 0 || depth >= m_steps.size())
        return;
    m_steps.resize(depth);
    Q_EMIT changed();
}

void SpendFilter::back()
{
    truncate(depth() - 1);
}
