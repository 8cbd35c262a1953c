#pragma once

#include "connector.h"
#include "fetchresult.h"
#include "pagecursorguard.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Conn {

class HttpClient;
class OAuthTokenSource;
struct HttpRequest;
struct HttpResponse;

/// The call-state machinery of the cloud billing connectors (Azure, Google Cloud): one call at a
/// time (a new call supersedes the running one), a generation counter that drops the callbacks of
/// superseded or cancelled calls, an OAuth2 bearer token fetched before every request, the page
/// count, and the test / fetch outcome signals. A subclass checks the account, sends the first
/// request, and reads each answer; request building and parsing stay with it.
/// Threading: as Connector — one thread, asynchronous; never emits from inside testConnection(),
/// fetch() or cancel().
class OAuthPagedConnector : public Connector {
    Q_OBJECT
public:
    /// Runs the query for yesterday (UTC); success says what the account can read.
    void testConnection(const AccountConfig &config, const QString &secret) override;
    void fetch(const AccountConfig &config, const QString &secret, const DateWindow &window) override;
    void cancel() override;

protected:
    explicit OAuthPagedConnector(QObject *parent);

    /// Checks the account of the new call (config() is set) and configures the token source; a
    /// plain message when the call cannot start (reported as a configuration error).
    virtual QString prepare(const QString &secret) = 0;
    /// Sends the first request of a prepared call.
    virtual void start() = 0;
    /// Reads one answer of the current call (a 401 has already dropped the cached token); ends
    /// the call with succeed() / fail() or sends the next request.
    virtual void onAnswer(const HttpResponse &response) = 0;
    /// The message of a successful testConnection().
    virtual QString testMessage() const = 0;

    /// Adds `Authorization: Bearer <token>` to `request` once a token is there, reports
    /// `progress`, and sends it; the answer goes to onAnswer() unless the call was superseded.
    void sendAuthorized(HttpRequest request, const QString &progress);
    /// Runs `step` after `ms` milliseconds unless the call was superseded meanwhile.
    void later(int ms, std::function<void()> step);
    void fail(ErrorKind kind, const QString &message);
    void succeed();

    HttpClient *http() const { return m_http; }
    /// The token source, owned by the subclass (created with http()); set in the constructor.
    void setTokens(OAuthTokenSource *tokens) { m_tokens = tokens; }
    const AccountConfig &config() const { return m_config; }
    const DateWindow &window() const { return m_window; }
    bool testing() const { return m_testing; }
    /// Records of the current call; answers add to it.
    FetchResult &result() { return *m_result; }
    const FetchResult &result() const { return *m_result; }
    /// Pages read so far in the current call; a subclass counts each with pageRead().
    int pages() const { return m_pages; }
    void pageRead() { ++m_pages; }
    /// Whether the page cursor `cursor` may be followed (see PageCursorGuard); when not, the call
    /// has failed with a message naming `source`.
    bool followCursor(const QString &source, const QString &cursor);

private:
    void begin(const AccountConfig &config, const QString &secret, bool test);

    HttpClient *m_http;
    OAuthTokenSource *m_tokens = nullptr;
    quint64 m_generation = 0;
    bool m_busy = false;
    bool m_testing = false;
    AccountConfig m_config;
    DateWindow m_window;
    std::shared_ptr<FetchResult> m_result;
    int m_pages = 0;
    PageCursorGuard m_cursors;
};

} // namespace Conn
