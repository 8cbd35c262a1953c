#include "failuretext.h"

#include "redact.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Conn::FailureText {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Conn::FailureText", text); }

bool says(const QString &line)
{
    return std::any_of(line.begin(), line.end(), [](QChar c) { return c.isLetter(); });
}

} // namespace

QString firstMeaningfulLine(const QString &text, int cap)
{
    QString line;
    for (const QString &candidate : redactSecrets(text).split(QLatin1Char('\n'))) {
        if (says(candidate)) {
            line = candidate.simplified();
            break;
        }
    }
    if (line.size() <= cap)
        return line;
    // The last sentence that ends within the cap, when it keeps at least a third of it.
    for (qsizetype i = cap - 1; i >= cap / 3; --i) {
        const QChar c = line.at(i);
        if ((c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?')) && line.at(i + 1).isSpace())
            return line.left(i + 1);
    }
    qsizetype cut = line.lastIndexOf(QLatin1Char(' '), cap - 1);
    if (cut <= 0)
        cut = cap - 1; // one endless word (already redacted when it looked like a key)
    QString kept = line.left(cut);
    while (!kept.isEmpty() && (kept.back().isPunct() || kept.back().isSpace()))
        kept.chop(1);
    return kept + QChar(0x2026);
}

QString providerMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    const QJsonValue error = o.value(QStringLiteral("error"));
    QString message = error.toObject().value(QStringLiteral("message")).toString();
    for (const char *key : {"error_description", "message", "Message"}) {
        if (message.isEmpty())
            message = o.value(QLatin1String(key)).toString();
    }
    return firstMeaningfulLine(message.isEmpty() ? error.toString() : message);
}

QString shownUrl(const QUrl &url)
{
    // The path alone goes through redactSecrets: "127.0.0.1:8443/v1/…" would read as one long
    // letter-digit run, a path starting with '/' does not.
    const QString origin = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                               .toDisplayString();
    return origin + redactSecrets(url.path());
}

QString sentence(const QString &text)
{
    QString a = text.trimmed();
    if (!a.isEmpty() && !a.endsWith(QLatin1Char('.')) && !a.endsWith(QLatin1Char('!')) && !a.endsWith(QLatin1Char('?'))
        && !a.endsWith(QChar(0x2026)))
        a += QLatin1Char('.');
    return a;
}

QString sentences(const QString &first, const QString &second)
{
    if (first.trimmed().isEmpty() || second.trimmed().isEmpty())
        return first.trimmed().isEmpty() ? second.trimmed() : first.trimmed();
    return sentence(first) + QLatin1Char(' ') + second.trimmed();
}

QString headline(ErrorKind kind)
{
    using K = ErrorKind;
    switch (kind) {
    case K::None: return tr("Connected");
    case K::Unauthorized: return tr("The key was rejected (HTTP 401)");
    case K::Forbidden: return tr("The key lacks a permission (HTTP 403)");
    case K::Dns: return tr("The server name could not be found (DNS)");
    case K::Tls: return tr("The secure connection failed (TLS)");
    case K::Timeout: return tr("The server did not answer in time");
    case K::Network: return tr("The connection failed");
    case K::RateLimited: return tr("The provider is rate-limiting requests (HTTP 429)");
    case K::Server: return tr("The provider's server failed (HTTP 5xx)");
    case K::Http: return tr("The provider refused the request");
    case K::BadResponse: return tr("The provider sent an unexpected answer");
    case K::InsecureUrl: return tr("The address is not secure (HTTPS required)");
    case K::Config: return tr("The settings are incomplete");
    case K::Storage: return tr("The store refused the data");
    case K::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString nextStep(ErrorKind kind)
{
    using K = ErrorKind;
    switch (kind) {
    case K::None:
    case K::Cancelled: return {};
    case K::Unauthorized: return tr("Enter the key again (or a new one) for this account, then sync again.");
    case K::Forbidden: return tr("Give the key the permission named above (or use a key that has it), then sync again.");
    case K::Dns: return tr("Check the base URL and the network connection, then sync again.");
    case K::Tls: return tr("Check the system clock and any proxy, then sync again.");
    case K::Timeout:
    case K::Network: return tr("Check the network connection, then sync again.");
    case K::RateLimited: return tr("Wait a few minutes, then sync again.");
    case K::Server: return tr("The provider's service had a problem: sync again later.");
    case K::Http: return tr("Check the base URL and the account's settings, then sync again.");
    case K::BadResponse: return tr("Sync again; if it fails the same way, report this message.");
    case K::InsecureUrl: return tr("Use an https:// base URL (plain http:// only for 127.0.0.1 or localhost).");
    case K::Config: return tr("Complete the account's settings, then sync again.");
    case K::Storage: return tr("Check the free disk space and that the store file is writable, then sync again.");
    }
    return {};
}

QString testText(const TestResult &result)
{
    return result.ok ? result.message : tr("%1: %2").arg(headline(result.kind), result.message);
}

} // namespace Conn::FailureText
