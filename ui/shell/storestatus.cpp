#include "shell/storestatus.h"

#include "analytics/analytics.h"
#include "format/format.h"
#include "store/store.h"

StoreStatus::StoreStatus(const QString &dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(dbPath)
{
}

void StoreStatus::refresh()
{
    m_runner.run(
        m_dbPath,
        [](Task::Context &context) {
            Info info;
            info.ok = true;
            info.rows = context.store().factCount();
            std::int64_t first = 0, last = 0;
            info.empty = !Analytics::dataRange(context.db(), first, last);
            info.firstDay = first;
            info.lastDay = last;
            return info;
        },
        [this](Task::Outcome<Info> &outcome) {
            m_info = outcome.value;
            m_info.error = outcome.error; // the store did not open: ok stays false
            Q_EMIT updated(m_info);
        });
}

QString StoreStatus::summary(const Info &info)
{
    if (!info.ok)
        return tr("Cannot open the store: %1").arg(info.error);
    if (info.empty)
        return tr("No charges yet");
    return tr("%1 charges \u00B7 %2 \u2013 %3")
        .arg(Format::locale().toString(info.rows), Format::shortDate(info.firstDay, true), Format::shortDate(info.lastDay, true));
}
