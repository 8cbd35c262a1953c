#include "pagecursorguard.h"

namespace Conn {

void PageCursorGuard::reset(int maxPages)
{
    m_seen.clear();
    m_pages = 0;
    m_maxPages = maxPages;
}

QString PageCursorGuard::follow(const QString &source, const QString &cursor)
{
    ++m_pages;
    if (m_seen.contains(cursor))
        return tr("%1 sent the same page cursor twice; stopped after %n page(s).", nullptr, m_pages).arg(source);
    if (m_pages >= m_maxPages)
        return tr("%1 kept sending more pages; stopped after %n page(s).", nullptr, m_pages).arg(source);
    m_seen.insert(cursor);
    return {};
}

} // namespace Conn
