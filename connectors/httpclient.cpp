#include "httpclient.h"
#include "failuretext.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Conn {

namespace {

bool retryableStatus(int status) { return status == 408 || status == 429 || (status >= 500 && status <= 599); }

// Milliseconds from a server's number, clamped before any conversion (a "Retry-After: 1e300" must
// not overflow); -1 for text that is not a non-negative number.
qint64 clampedMs(double ms)
{
    if (!(ms >= 0))
        return -1;
    return static_cast<qint64>(std::min(ms, 1e12));
}

// Durations as OpenAI writes them in x-ratelimit-reset-*: "1s", "6m0s", "20ms", "1h2m3.5s".
qint64 parseGoDurationMs(const QByteArray &text)
{
    qint64 total = 0;
    bool any = false;
    int i = 0;
    while (i < text.size()) {
        int j = i;
        while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.'))
            ++j;
        if (j == i)
            return any ? total : -1;
        bool ok = false;
        const double value = text.mid(i, j - i).toDouble(&ok);
        if (!ok)
            return -1;
        int k = j;
        while (k < text.size() && std::isalpha(static_cast<unsigned char>(text[k])))
            ++k;
        const QByteArray unit = text.mid(j, k - j);
        double ms = 0;
        if (unit == "ms")
            ms = value;
        else if (unit == "s" || unit.isEmpty())
            ms = value * 1000;
        else if (unit == "m")
            ms = value * 60000;
        else if (unit == "h")
            ms = value * 3600000;
        else
            return -1;
        total = std::min<qint64>(total + clampedMs(std::round(ms)), qint64(1e12));
        any = true;
        i = k;
    }
    return any ? total : -1;
}

// A reset given as an instant (RFC 3339 or HTTP date) → milliseconds from now.
qint64 msUntil(const QByteArray &text)
{
    QDateTime at = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at));
}

QHash<QByteArray, QByteArray> headersOf(QNetworkReply *reply)
{
    QHash<QByteArray, QByteArray> out;
    for (const auto &pair : reply->rawHeaderPairs())
        out.insert(pair.first.toLower(), pair.second);
    return out;
}

} // namespace

struct HttpClient::Job {
    HttpRequest request;
    Callback done;
    QPointer<QNetworkReply> reply;
    QTimer timer; // per-attempt timeout, then retry delay
    int attempt = 0;
    bool timedOut = false;
    bool tooLarge = false; // the body passed RetryPolicy::maxBodyBytes
    bool waiting = false; // between attempts
};

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    // Redirects could leave HTTPS or the allowed host; connectors get the 3xx as an error instead.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient()
{
    // The owner is being destroyed: no callback may run into it. Aborting a reply emits finished()
    // synchronously, so disconnect first, and drop the callbacks.
    for (auto &job : m_jobs) {
        job->done = nullptr;
        job->timer.stop();
        job->timer.disconnect();
        if (QNetworkReply *reply = job->reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
        }
    }
}

bool HttpClient::isAllowedUrl(const QUrl &url, QString *why)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        if (why)
            *why = tr("\"%1\" is not a valid URL.").arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        return false;
    }
    if (scheme == QStringLiteral("https"))
        return true;
    const QString host = url.host().toLower();
    const bool loopback = host == QStringLiteral("localhost") || host == QStringLiteral("127.0.0.1")
        || host == QStringLiteral("::1");
    if (scheme == QStringLiteral("http") && loopback)
        return true;
    if (why)
        *why = tr("Refusing to connect to %1: only HTTPS URLs are allowed (plain http:// only for 127.0.0.1 or "
                  "localhost).").arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemovePath));
    return false;
}

QString HttpClient::statusMessage(int status, const QUrl &url, const QByteArray &body)
{
    const QString host = url.host();
    if (status == 401)
        return tr("%1 rejected the credentials (HTTP 401 Unauthorized): the key is wrong, expired or revoked.").arg(host);
    if (status == 403)
        return tr("%1 accepted the credentials but refused access (HTTP 403 Forbidden): the key lacks the "
                  "permission this needs (an admin / billing-read key).").arg(host);
    if (status == 429)
        return tr("%1 kept rate-limiting the requests (HTTP 429 Too Many Requests); try again later.").arg(host);
    if (status >= 500)
        return tr("%1 had a server error (HTTP %2); try again later.").arg(host).arg(status);
    // The address shows a wrong base URL or path at once (a 404 for ".../v1/v1/...").
    const QString detail = FailureText::providerMessage(body);
    const QString where = FailureText::shownUrl(url);
    return detail.isEmpty() ? tr("%1 answered HTTP %2 for %3.").arg(host).arg(status).arg(where)
                            : FailureText::sentence(tr("%1 answered HTTP %2 for %3: %4").arg(host).arg(status).arg(where, detail));
}

void HttpClient::send(const HttpRequest &request, Callback done)
{
    auto job = std::make_unique<Job>();
    job->request = request;
    job->done = std::move(done);
    job->timer.setSingleShot(true);
    Job *raw = job.get();
    m_jobs.push_back(std::move(job));
    QString why;
    if (!isAllowedUrl(request.url, &why)) {
        HttpResponse r;
        r.errorKind = ErrorKind::InsecureUrl;
        r.error = why;
        // Never synchronously inside send().
        QTimer::singleShot(0, this, [this, raw, r] {
            if (std::any_of(m_jobs.begin(), m_jobs.end(), [raw](const auto &j) { return j.get() == raw; }))
                finish(raw, r);
        });
        return;
    }
    // Wait out a rate-limit pause announced by an earlier response.
    const qint64 wait = m_notBefore.isValid() ? QDateTime::currentDateTimeUtc().msecsTo(m_notBefore) : 0;
    raw->waiting = true;
    raw->timer.disconnect();
    connect(&raw->timer, &QTimer::timeout, this, [this, raw] { startAttempt(raw); });
    raw->timer.start(static_cast<int>(std::clamp<qint64>(wait, 0, m_policy.maxServerDelayMs)));
}

void HttpClient::startAttempt(Job *job)
{
    job->waiting = false;
    job->timedOut = false;
    job->tooLarge = false;
    ++job->attempt;
    QNetworkRequest req(job->request.url);
    for (const auto &[name, value] : job->request.headers)
        req.setRawHeader(name, value);
    if (!job->request.body.isEmpty() && !req.hasRawHeader("Content-Type"))
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = m_nam->sendCustomRequest(req, job->request.method, job->request.body);
    job->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, job] { onFinished(job); });
    // A body larger than the cap (announced or as it arrives) is stopped, not buffered.
    connect(reply, &QNetworkReply::downloadProgress, this, [this, job](qint64 received, qint64 total) {
        if (job->reply && (received > m_policy.maxBodyBytes || total > m_policy.maxBodyBytes)) {
            job->tooLarge = true;
            job->reply->abort();
        }
    });
    job->timer.disconnect();
    connect(&job->timer, &QTimer::timeout, this, [this, job] { onTimeout(job); });
    job->timer.start(m_policy.timeoutMs);
}

void HttpClient::onTimeout(Job *job)
{
    if (!job->reply)
        return;
    job->timedOut = true;
    job->reply->abort(); // finished() follows, handled in onFinished
}

void HttpClient::onFinished(Job *job)
{
    QNetworkReply *reply = job->reply;
    if (!reply)
        return;
    job->timer.stop();
    job->reply = nullptr;
    reply->deleteLater();

    const QString host = job->request.url.host();
    HttpResponse r;
    r.attempts = job->attempt;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.headers = headersOf(reply);
    const QNetworkReply::NetworkError netError = reply->error();
    if (reply->isOpen() && !job->tooLarge)
        r.body = reply->readAll();
    noteRateLimit(r.headers);

    bool retry = false;
    if (job->tooLarge) {
        r.errorKind = ErrorKind::BadResponse;
        r.error = tr("%1 sent a response larger than %2 MiB; Burnrate stopped reading it.")
                      .arg(host)
                      .arg(m_policy.maxBodyBytes / (1024 * 1024));
    } else if (job->timedOut) {
        r.errorKind = ErrorKind::Timeout;
        r.error = tr("%1 did not answer within %2 seconds.").arg(host).arg(m_policy.timeoutMs / 1000.0);
        retry = true;
    } else if (netError == QNetworkReply::OperationCanceledError) {
        r.errorKind = ErrorKind::Cancelled;
        r.error = tr("Cancelled.");
    } else if (netError == QNetworkReply::HostNotFoundError) {
        r.errorKind = ErrorKind::Dns;
        r.error = tr("Cannot find the server %1 (DNS lookup failed): check the base URL and your network "
                     "connection.").arg(host);
    } else if (netError == QNetworkReply::SslHandshakeFailedError || netError == QNetworkReply::InsecureRedirectError) {
        r.errorKind = ErrorKind::Tls;
        r.error = tr("Secure connection to %1 failed (TLS): %2. The server's certificate could not be verified; "
                     "a proxy or the system clock may interfere.").arg(host, reply->errorString());
    } else if (r.status == 401 || r.status == 403) {
        r.errorKind = r.status == 401 ? ErrorKind::Unauthorized : ErrorKind::Forbidden;
        r.error = statusMessage(r.status, job->request.url, r.body);
    } else if (r.status != 0 && (r.status < 200 || r.status > 299)) {
        retry = retryableStatus(r.status);
        r.errorKind = r.status == 429 ? ErrorKind::RateLimited : r.status >= 500 ? ErrorKind::Server : ErrorKind::Http;
        r.error = statusMessage(r.status, job->request.url, r.body);
    } else if (netError != QNetworkReply::NoError) {
        // Refused, reset, closed early, truncated body (Content-Length not reached), proxy errors.
        r.errorKind = ErrorKind::Network;
        r.error = netError == QNetworkReply::ConnectionRefusedError
            ? tr("%1 refused the connection (is the server running and the port right?).").arg(host)
            : tr("The connection to %1 failed: %2.").arg(host, reply->errorString());
        retry = true;
    } else if (const qint64 missing = missingBytes(r.headers, job->request.method, r.status, r.body.size()); missing > 0) {
        r.errorKind = ErrorKind::Network;
        r.error = tr("The connection to %1 closed %2 bytes short of the %3 it announced (the answer arrived cut short).")
                      .arg(host)
                      .arg(missing)
                      .arg(r.body.size() + missing);
        r.body.clear();
        retry = true;
    } else if (job->request.expectJson) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(r.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            r.errorKind = ErrorKind::BadResponse;
            r.error = tr("%1 sent a malformed JSON response (%2 at byte %3 of %4).")
                          .arg(host, parseError.errorString())
                          .arg(parseError.offset)
                          .arg(r.body.size());
            retry = true;
        } else {
            r.ok = true;
        }
    } else {
        r.ok = true;
    }

    if (r.ok || !retry || job->attempt >= m_policy.maxAttempts) {
        if (!r.ok && retry && job->attempt > 1)
            r.error = FailureText::sentences(r.error, tr("Gave up after %1 attempts.").arg(job->attempt));
        finish(job, r);
        return;
    }
    int delay = backoffMs(job->attempt);
    const int server = serverDelayMs(r.headers);
    if (server >= 0)
        delay = std::max(delay / 4, server); // the server's word wins, small jitter kept
    Q_EMIT retrying(job->attempt, delay, r.error);
    job->waiting = true;
    job->timer.disconnect();
    connect(&job->timer, &QTimer::timeout, this, [this, job] { startAttempt(job); });
    job->timer.start(delay);
}

qint64 HttpClient::missingBytes(const QHash<QByteArray, QByteArray> &headers, const QByteArray &method, int status,
                                qint64 received)
{
    if (method == "HEAD" || status == 204 || status == 304)
        return 0;
    const QByteArray encoding = headers.value("content-encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity")
        return 0;
    const auto length = headers.constFind("content-length");
    if (length == headers.cend())
        return 0;
    bool ok = false;
    const qint64 announced = length->trimmed().toLongLong(&ok);
    return ok && announced > received ? announced - received : 0;
}

int HttpClient::backoffMs(int attempt) const
{
    const double base = std::min<double>(m_policy.maxDelayMs, m_policy.baseDelayMs * std::pow(2.0, attempt - 1));
    const double spread = base * m_policy.jitter;
    const double jittered = base - spread + QRandomGenerator::global()->generateDouble() * 2 * spread;
    return static_cast<int>(std::max(0.0, jittered));
}

int HttpClient::serverDelayMs(const QHash<QByteArray, QByteArray> &h) const
{
    qint64 ms = -1;
    if (h.contains("retry-after-ms")) {
        bool ok = false;
        const double v = h.value("retry-after-ms").trimmed().toDouble(&ok);
        if (ok)
            ms = clampedMs(v);
    }
    if (ms < 0 && h.contains("retry-after")) {
        bool ok = false;
        const double seconds = h.value("retry-after").trimmed().toDouble(&ok);
        ms = ok ? clampedMs(seconds * 1000) : msUntil(h.value("retry-after").trimmed());
    }
    if (ms < 0) {
        for (const char *name : {"x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"}) {
            if (h.contains(name))
                ms = std::max(ms, parseGoDurationMs(h.value(name)));
        }
        for (const char *name : {"anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset",
                                 "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset"}) {
            if (h.contains(name))
                ms = std::max(ms, msUntil(h.value(name)));
        }
        // Azure: "x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after: 12" (seconds; one header
        // per throttled quota, the longest wins) and "x-ms-retry-after-ms".
        for (auto it = h.begin(); it != h.end(); ++it) {
            bool ok = false;
            if (it.key().startsWith("x-ms-ratelimit-") && it.key().endsWith("-retry-after")) {
                const double seconds = it.value().trimmed().toDouble(&ok);
                if (ok)
                    ms = std::max(ms, clampedMs(seconds * 1000));
            } else if (it.key() == "x-ms-retry-after-ms") {
                const double v = it.value().trimmed().toDouble(&ok);
                if (ok)
                    ms = std::max(ms, clampedMs(v));
            }
        }
    }
    if (ms < 0)
        return -1;
    return static_cast<int>(std::min<qint64>(ms, m_policy.maxServerDelayMs));
}

void HttpClient::noteRateLimit(const QHash<QByteArray, QByteArray> &h)
{
    // A successful answer announcing that no requests remain: pause the next request until reset.
    const bool exhausted = h.value("x-ratelimit-remaining-requests") == "0"
        || h.value("anthropic-ratelimit-requests-remaining") == "0";
    if (!exhausted)
        return;
    const int ms = serverDelayMs(h);
    if (ms > 0)
        m_notBefore = QDateTime::currentDateTimeUtc().addMSecs(ms);
}

void HttpClient::finish(Job *job, HttpResponse response)
{
    response.attempts = job->attempt;
    Callback done = std::move(job->done);
    auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [job](const auto &p) { return p.get() == job; });
    if (it != m_jobs.end()) {
        // The job's timer may be the sender of the current signal: free it on the next event. The
        // client keeps it until then, so a client destroyed first frees it too.
        job->timer.stop();
        m_finished.push_back(std::move(*it));
        m_jobs.erase(it);
        QTimer::singleShot(0, this, [this, job] {
            std::erase_if(m_finished, [job](const auto &p) { return p.get() == job; });
        });
    }
    if (done)
        done(response);
}

void HttpClient::cancelAll()
{
    std::vector<Job *> jobs;
    for (auto &j : m_jobs)
        jobs.push_back(j.get());
    for (Job *job : jobs) {
        if (job->reply) {
            job->timedOut = false;
            job->reply->abort(); // finished() → onFinished → Cancelled
        } else {
            HttpResponse r;
            r.errorKind = ErrorKind::Cancelled;
            r.error = tr("Cancelled.");
            finish(job, r);
        }
    }
}

} // namespace Conn
