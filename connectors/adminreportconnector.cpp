#include "adminreportconnector.h"

#include "format/dates.h"
#include "httpclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace Conn {

namespace {

// The HTTP Date header ("Fri, 14 Mar 2025 10:00:00 GMT") as UTC epoch seconds; the local clock
// when there is none.
qint64 servedAt(const QByteArray &header)
{
    const QString text = QString::fromLatin1(header).trimmed();
    QDateTime t = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (t.isValid())
        t = QDateTime(t.date(), t.time(), QTimeZone::utc());
    else
        t = QDateTime::fromString(text, Qt::RFC2822Date);
    return t.isValid() ? t.toSecsSinceEpoch() : QDateTime::currentSecsSinceEpoch();
}

} // namespace

AdminReportConnector::AdminReportConnector(QObject *parent)
    : Connector(parent)
    , m_http(new HttpClient(this))
{
}

QStringList AdminReportConnector::listOption(const AccountConfig &config, const QString &key)
{
    static const QRegularExpression kSeparators(QStringLiteral("[,;\\s]+"));
    return config.option(key).split(kSeparators, Qt::SkipEmptyParts);
}

int AdminReportConnector::pageLimit(const DateWindow &window, int maximum)
{
    return std::clamp(window.days(), 1, maximum);
}

QString AdminReportConnector::checkSecret(const QString &secret) const
{
    const AdminKey key = adminKey();
    if (secret.isEmpty())
        return key.missing;
    if (secret.startsWith(key.keyPrefix) && !secret.startsWith(key.adminPrefix))
        return key.wrongKind;
    return {};
}

QString AdminReportConnector::testSuccessText(const FetchResult &) const
{
    return tr("Connected to %1: the key can read the organization's usage.").arg(descriptor().displayName);
}

AdminReportConnector::Report AdminReportConnector::testReport(const AccountConfig &config) const
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QString error;
    Report r = windowReports(config, DateWindow{today.addDays(-1), today}, &error).value(0);
    if (r.path.isEmpty()) // a bad option: test the key anyway with the default grouping
        r = windowReports(AccountConfig{}, DateWindow{today.addDays(-1), today}, &error).value(0);
    r.label = tr("test");
    return r;
}

void AdminReportConnector::testConnection(const AccountConfig &config, const QString &secret)
{
    start(config, secret, {testReport(config)}, true);
}

void AdminReportConnector::fetch(const AccountConfig &config, const QString &secret, const DateWindow &window)
{
    m_window = window;
    QString error;
    QList<Report> reports = window.days() > 0 ? windowReports(config, window, &error) : QList<Report>{};
    if (reports.isEmpty() && error.isEmpty())
        error = tr("There are no whole days to fetch from %1 to %2.").arg(Format::day(window.from), Format::day(window.to));
    if (!error.isEmpty()) {
        const quint64 generation = ++m_generation;
        m_testOnly = false;
        m_busy = true;
        QTimer::singleShot(0, this, [this, generation, error] {
            if (generation == m_generation)
                fail(ErrorKind::Config, error);
        });
        return;
    }
    start(config, secret, std::move(reports), false);
}

void AdminReportConnector::cancel()
{
    if (!m_busy)
        return;
    // The pending callback still runs (with ErrorKind::Cancelled) and reports the cancellation.
    if (m_http->pending() > 0) {
        m_http->cancelAll();
        return;
    }
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation && m_busy)
            fail(ErrorKind::Cancelled, tr("Cancelled."));
    });
}

void AdminReportConnector::start(const AccountConfig &config, const QString &secret, QList<Report> reports, bool testOnly)
{
    const quint64 generation = ++m_generation;
    m_http->setPolicy(retryPolicy());
    m_testOnly = testOnly;
    m_busy = true;
    m_baseUrl = baseUrl(config);
    m_reports = std::move(reports);
    m_report = 0;
    m_pages = 0;
    m_totalPages = 0;
    m_cursor.clear();
    m_cursors.reset(retryPolicy().maxPages);
    m_result = std::make_shared<FetchResult>();

    QString problem = checkSecret(secret.trimmed());
    ErrorKind kind = ErrorKind::Config;
    const QUrl base(m_baseUrl);
    if (problem.isEmpty() && (!base.isValid() || base.host().isEmpty()))
        problem = tr("The base URL \"%1\" is not a valid URL.").arg(m_baseUrl);
    if (problem.isEmpty() && !HttpClient::isAllowedUrl(base, &problem))
        kind = ErrorKind::InsecureUrl;
    if (!problem.isEmpty()) {
        QTimer::singleShot(0, this, [this, generation, kind, problem] {
            if (generation == m_generation)
                fail(kind, problem);
        });
        return;
    }
    m_headers = authHeaders(secret.trimmed());
    requestPage();
}

void AdminReportConnector::requestPage()
{
    const Report &report = m_reports[m_report];
    QUrl url(m_baseUrl);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + report.path);
    // The cursor is opaque (often base64): percent-encode all of it, '+' and '/' included, which
    // QUrlQuery would leave as they are (a server would read '+' as a space).
    QString query = report.query.toString(QUrl::FullyEncoded);
    if (!m_cursor.isEmpty())
        query += (query.isEmpty() ? QString() : QStringLiteral("&")) + report.cursorParam + QLatin1Char('=')
            + QString::fromLatin1(QUrl::toPercentEncoding(m_cursor));
    url.setQuery(query);

    HttpRequest request;
    request.url = url;
    request.headers = m_headers;
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    if (!m_testOnly)
        Q_EMIT fetchProgress(m_totalPages, 0, tr("Fetching %1 for %2, page %3").arg(report.label, m_window.text()).arg(m_pages + 1));
    const quint64 generation = m_generation;
    m_http->send(request, [this, generation](const HttpResponse &response) { onPage(generation, response); });
}

void AdminReportConnector::onPage(quint64 generation, const HttpResponse &response)
{
    if (generation != m_generation || !m_busy)
        return; // a stale answer of an abandoned call
    ++m_result->requests;
    m_result->fetchedAt = servedAt(response.header("date"));
    const Report &report = m_reports[m_report];
    if (!response.ok) {
        QString message = response.error;
        if (response.errorKind == ErrorKind::Unauthorized || response.errorKind == ErrorKind::Forbidden)
            message += QLatin1Char(' ') + adminKey().authHint;
        if (response.errorKind != ErrorKind::Cancelled && !m_testOnly)
            message = tr("%1, page %2: %3").arg(report.label).arg(m_pages + 1).arg(message);
        fail(response.errorKind == ErrorKind::None ? ErrorKind::Http : response.errorKind,
             response.errorKind == ErrorKind::Cancelled ? tr("Cancelled.") : message);
        return;
    }
    bool hasMore = false;
    QString next, error;
    if (!report.parse(response.body, *m_result, &hasMore, &next, &error)) {
        fail(ErrorKind::BadResponse, tr("%1, page %2: unexpected response from %3: %4")
                                         .arg(report.label)
                                         .arg(m_pages + 1)
                                         .arg(QUrl(m_baseUrl).host(), error));
        return;
    }
    ++m_pages;
    ++m_totalPages;
    if (m_testOnly) {
        succeed();
        return;
    }
    if (hasMore) {
        if (const QString stop = m_cursors.follow(tr("The %1 %2 report").arg(descriptor().displayName, report.label), next);
            !stop.isEmpty()) {
            fail(ErrorKind::BadResponse, stop);
            return;
        }
        m_cursor = next;
        requestPage();
        return;
    }
    ++m_report;
    m_pages = 0;
    m_cursor.clear();
    m_cursors.reset(retryPolicy().maxPages);
    if (m_report < m_reports.size())
        requestPage();
    else
        succeed();
}

void AdminReportConnector::fail(ErrorKind kind, const QString &message)
{
    m_busy = false;
    ++m_generation;
    m_result.reset();
    if (m_testOnly) {
        TestResult result;
        result.kind = kind;
        result.message = message;
        Q_EMIT testFinished(result);
    } else {
        Q_EMIT fetchFailed(kind, message);
    }
}

void AdminReportConnector::succeed()
{
    m_busy = false;
    ++m_generation;
    std::shared_ptr<FetchResult> result = std::move(m_result);
    if (m_testOnly) {
        TestResult test;
        test.ok = true;
        test.message = testSuccessText(*result);
        Q_EMIT testFinished(test);
        return;
    }
    // Buckets are requested for exactly this window; anything outside it (a provider snapping
    // to its own bucket boundaries) belongs to another window and is dropped here.
    const qint64 from = m_window.fromEpoch(), to = m_window.toEpoch();
    auto &records = result->records();
    const auto kept = std::remove_if(records.begin(), records.end(),
                                     [from, to](const Cost::Record &r) { return r.chargeStart < from || r.chargeStart >= to; });
    auto &usage = result->usage; // a telemetry window's model calls, by their start
    const auto keptUsage = std::remove_if(usage.begin(), usage.end(), [from, to](const Telemetry::Usage &u) {
        return u.startSeconds < from || u.startSeconds >= to;
    });
    const auto dropped = static_cast<int>((records.end() - kept) + (usage.end() - keptUsage));
    records.erase(kept, records.end());
    usage.erase(keptUsage, usage.end());
    result->note = tr("%n page(s)", nullptr, m_totalPages)
        + (dropped > 0 ? tr(", %n record(s) outside the window dropped", nullptr, dropped) : QString());
    Q_EMIT fetchProgress(m_totalPages, m_totalPages, tr("%n page(s) fetched", nullptr, m_totalPages));
    Q_EMIT fetchFinished(result);
}

} // namespace Conn
