#include "oauthpagedconnector.h"

#include "httpclient.h"
#include "oauthtokensource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

namespace Conn {

OAuthPagedConnector::OAuthPagedConnector(QObject *parent)
    : Connector(parent)
    , m_http(new HttpClient(this))
{
}

void OAuthPagedConnector::testConnection(const AccountConfig &config, const QString &secret)
{
    const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
    m_window = DateWindow{yesterday, yesterday.addDays(1)};
    begin(config, secret, true);
}

void OAuthPagedConnector::fetch(const AccountConfig &config, const QString &secret, const DateWindow &window)
{
    m_window = window;
    begin(config, secret, false);
}

void OAuthPagedConnector::begin(const AccountConfig &config, const QString &secret, bool test)
{
    if (m_busy)
        m_http->cancelAll(); // one call at a time: a new call supersedes the running one
    ++m_generation;
    m_busy = true;
    m_testing = test;
    m_config = config;
    m_pages = 0;
    m_cursors.reset(retryPolicy().maxPages);
    m_result = std::make_shared<FetchResult>();
    m_http->setPolicy(retryPolicy());
    const QString error = prepare(secret);
    if (!error.isEmpty()) {
        later(0, [this, error] { fail(ErrorKind::Config, error); });
        return;
    }
    start();
}

void OAuthPagedConnector::sendAuthorized(HttpRequest request, const QString &progress)
{
    const quint64 gen = m_generation;
    m_tokens->token([this, request = std::move(request), progress, gen](bool ok, const QString &token, ErrorKind kind,
                                                                        const QString &error) mutable {
        if (gen != m_generation)
            return;
        if (!ok) {
            fail(kind, error);
            return;
        }
        request.headers.prepend({QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8()});
        Q_EMIT fetchProgress(m_pages, 0, progress);
        m_http->send(request, [this, gen](const HttpResponse &r) {
            if (gen != m_generation)
                return;
            ++m_result->requests;
            if (!r.ok && r.status == 401)
                m_tokens->invalidate();
            onAnswer(r);
        });
    });
}

void OAuthPagedConnector::later(int ms, std::function<void()> step)
{
    const quint64 gen = m_generation;
    QTimer::singleShot(ms, this, [this, gen, step = std::move(step)] {
        if (gen == m_generation)
            step();
    });
}

void OAuthPagedConnector::succeed()
{
    m_busy = false;
    ++m_generation;
    if (m_testing) {
        TestResult t;
        t.ok = true;
        t.message = testMessage();
        Q_EMIT testFinished(t);
        return;
    }
    m_result->note = tr("%n page(s)", nullptr, m_pages);
    Q_EMIT fetchFinished(std::move(m_result));
}

void OAuthPagedConnector::fail(ErrorKind kind, const QString &message)
{
    m_busy = false;
    ++m_generation;
    m_result.reset();
    if (m_testing) {
        Q_EMIT testFinished(TestResult{false, kind, message});
        return;
    }
    Q_EMIT fetchFailed(kind, message);
}

bool OAuthPagedConnector::followCursor(const QString &source, const QString &cursor)
{
    const QString stop = m_cursors.follow(source, cursor);
    if (!stop.isEmpty())
        fail(ErrorKind::BadResponse, stop);
    return stop.isEmpty();
}

void OAuthPagedConnector::cancel()
{
    if (!m_busy)
        return;
    ++m_generation; // drops every callback of the cancelled call
    m_http->cancelAll();
    later(0, [this] { fail(ErrorKind::Cancelled, tr("Cancelled.")); });
}

} // namespace Conn
