#include "shell/page.h"

namespace {
// Range edits and imports arrive in bursts; one load per burst.
constexpr int kCoalesceMs = 40;
} // namespace

Page::Page(const QString &dbPath, QWidget *parent)
    : QWidget(parent)
    , m_dbPath(dbPath)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, [this] {
        if (m_hasRange)
            startLoad();
    });
}

void Page::setDateRange(qint64 fromDay, qint64 toDay)
{
    if (m_hasRange && fromDay == m_fromDay && toDay == m_toDay)
        return;
    m_fromDay = fromDay;
    m_toDay = toDay;
    m_hasRange = true;
    scheduleLoad();
}

void Page::reload()
{
    scheduleLoad();
}

bool Page::isLoaded() const
{
    return m_hasRange && !m_stale && !m_running && !m_coalesce.isActive();
}

void Page::scheduleLoad()
{
    m_loader.invalidate(); // anything in flight is now stale
    ++m_loadSerial;
    m_running = false;
    // Filter and range changes reach every page; only the shown one spends a query on them.
    if (!isVisible()) {
        m_coalesce.stop();
        m_stale = true;
        return;
    }
    m_stale = false;
    m_coalesce.start();
}

void Page::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        scheduleLoad();
}

void Page::finishLoad()
{
    // Still running until the widgets have drawn the result: isLoaded() means "on screen".
    whenDrawn([this, serial = m_loadSerial] {
        if (serial != m_loadSerial)
            return;
        m_running = false;
        Q_EMIT loaded();
    });
}
