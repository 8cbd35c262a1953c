#include "shell/storestatus.h"

#include "analytics/analytics.h"
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
