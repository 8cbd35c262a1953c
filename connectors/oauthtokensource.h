#pragma once

#include "connector.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

namespace Conn {

class HttpClient;
struct HttpRequest;

/// The part of an OAuth2 token endpoint client that does not depend on the grant: sends the
/// grant request a subclass builds, maps refusals to plain messages, and caches the access token
/// until one minute before it expires. Lives on its HttpClient's thread.
class OAuthTokenSource : public QObject {
    Q_OBJECT
public:
    /// ok, access token (on success), error kind and plain message (on failure).
    using Callback = std::function<void(bool ok, const QString &token, ErrorKind kind, const QString &error)>;

    /// Calls `done` (never synchronously) with a valid token: the cached one, or a fresh one.
    void token(Callback done);
    /// Forgets the cached token (e.g. after a 401 from the data API).
    void invalidate() { m_token.clear(); }
    /// Token requests sent so far (tests check caching).
    int requestsMade() const { return m_requests; }

protected:
    /// Provider texts and quirks of the token endpoint.
    struct GrantTexts {
        QString refused;               ///< a refused grant: %1 host, %2 HTTP status, %3 error code, %4 ": description" or empty
        QString noToken;               ///< an answer without access_token: %1 host
        qint64 defaultLifetime = 3600; ///< seconds, when the answer has no expires_in
    };

    OAuthTokenSource(HttpClient *http, QObject *parent);

    /// Makes `request` an application/x-www-form-urlencoded POST of `fields` (name, value) to
    /// `url`; every value is percent-encoded ('+', '&', '=' occur in secrets).
    static void formPost(HttpRequest &request, const QUrl &url, const QList<QPair<const char *, QString>> &fields);

    /// The grant request to send at `now`; false with *error (a configuration error) when it cannot be built.
    virtual bool grantRequest(const QDateTime &now, HttpRequest &request, QString *error) const = 0;
    /// The provider's texts, asked for when an answer arrives.
    virtual GrantTexts grantTexts() const = 0;

private:
    HttpClient *m_http;
    QString m_token;
    QDateTime m_expires;
    int m_requests = 0;
};

} // namespace Conn
