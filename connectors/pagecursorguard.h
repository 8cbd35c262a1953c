#pragma once

#include <QCoreApplication>
#include <QSet>
#include <QString>

namespace Conn {

/// Stops a cursor-paged read that would never end: a server that sends a page cursor it sent
/// before (Azure nextLink, BigQuery pageToken, Admin API next_page, Cost Explorer NextPageToken)
/// or keeps answering with more pages past a sane maximum. One guard per paged read; reset() it
/// when the read starts (before that it admits no page). Not thread-safe (lives with its connector, on one thread).
class PageCursorGuard {
    Q_DECLARE_TR_FUNCTIONS(PageCursorGuard)
public:
    /// Forgets the cursors and the page count (a new paged read starts); the read may take at most
    /// `maxPages` pages (RetryPolicy::maxPages).
    void reset(int maxPages);
    /// One more page was read and it names `cursor` (non-empty) as the next page. Returns an empty
    /// string when the cursor may be followed, otherwise the message for the user, naming `source`
    /// ("Azure Cost Management") and the pages read.
    QString follow(const QString &source, const QString &cursor);
    /// Pages read so far by this read (calls of follow()).
    int pages() const { return m_pages; }

private:
    QSet<QString> m_seen;
    int m_pages = 0;
    int m_maxPages = 0;
};

} // namespace Conn
