#pragma once

#include "connector.h"
#include "pagecursorguard.h"
#include "reportjson.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <vector>

namespace Conn {

class HttpClient;
struct HttpResponse;

/// Shared machinery of the OpenAI and Anthropic Admin API connectors. Both fetch a window as a
/// few cursor-paged GET reports (usage, then cost), authenticate with request headers, and turn
/// each page into records with a pure parser. This class runs the reports one after the other,
/// follows every page (`has_more` / `next_page`), reports progress, cancels, drops records outside
/// the window, and maps failures to plain messages. Threading: as Connector (one thread).
class AdminReportConnector : public Connector {
    Q_OBJECT
public:
    explicit AdminReportConnector(QObject *parent = nullptr);

    void testConnection(const AccountConfig &config, const QString &secret) override;
    void fetch(const AccountConfig &config, const QString &secret, const DateWindow &window) override;
    void cancel() override;

    /// A comma / space separated list option ("proj_a, proj_b"), trimmed, without empties.
    static QStringList listOption(const AccountConfig &config, const QString &key);
    /// Buckets to ask for in one page: the window's days, within the endpoint's maximum.
    static int pageLimit(const DateWindow &window, int maximum);

protected:
    /// Parses one page body, appends its records to `result`, and tells whether more pages follow.
    using PageParser = std::function<bool(const QByteArray &body, FetchResult &result, bool *hasMore,
                                          QString *nextPage, QString *error)>;
    /// One paged GET report.
    struct Report {
        QString label;       ///< "usage" / "costs", for progress texts and errors
        QString path;        ///< appended to the base URL's path, e.g. "/v1/organization/costs"
        QUrlQuery query;     ///< without the cursor
        QString cursorParam = QStringLiteral("page");
        PageParser parse;
    };

    /// A PageParser from a pure page parser and `append`, which turns the page's rows into records.
    template<typename Row>
    static PageParser reportParser(bool (*parse)(const QByteArray &, ReportJson::Page<Row> &, QString *),
                                   std::function<void(std::vector<Row> &rows, FetchResult &result)> append)
    {
        return [parse, append](const QByteArray &body, FetchResult &result, bool *hasMore, QString *nextPage, QString *error) {
            ReportJson::Page<Row> page;
            if (!parse(body, page, error))
                return false;
            append(page.rows, result);
            *hasMore = page.hasMore;
            *nextPage = page.nextPage;
            return true;
        };
    }

    /// Headers that authenticate `secret` the way the provider wants.
    virtual QList<QPair<QByteArray, QByteArray>> authHeaders(const QString &secret) const = 0;
    /// The reports of one window; an empty list with *error set for a bad configuration.
    virtual QList<Report> windowReports(const AccountConfig &config, const DateWindow &window, QString *error) const = 0;
    /// One cheap request proving the key can read usage (its first page only is fetched). By
    /// default the first report of yesterday's window (with the default options when the
    /// account's are bad, so the key is tested anyway).
    virtual Report testReport(const AccountConfig &config) const;
    /// How to tell the provider's admin key from its other keys, and what to tell the user.
    struct AdminKey {
        QString keyPrefix;   ///< every key of the provider starts so ("sk-")
        QString adminPrefix; ///< an admin key starts so ("sk-admin-")
        QString missing;     ///< no key was entered
        QString wrongKind;   ///< a key of the provider that cannot read usage (a project key)
        QString authHint;    ///< what to do about a 401 / 403 (where admin keys are made)
    };
    /// The provider's admin key rules and texts.
    virtual AdminKey adminKey() const = 0;
    /// A plain message when the secret cannot be the right kind of key; empty when it may be right.
    /// By default adminKey()'s prefix rules; a connector whose secret packs several fields checks them.
    virtual QString checkSecret(const QString &secret) const;
    /// What a successful connection test says; by default that the key can read usage.
    virtual QString testSuccessText(const FetchResult &result) const;

private:
    void start(const AccountConfig &config, const QString &secret, QList<Report> reports, bool testOnly);
    void requestPage();
    void onPage(quint64 generation, const HttpResponse &response);
    void fail(ErrorKind kind, const QString &message);
    void succeed();

    HttpClient *m_http = nullptr;
    quint64 m_generation = 0;
    bool m_testOnly = false;
    bool m_busy = false;
    QString m_baseUrl;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QList<Report> m_reports;
    int m_report = 0;
    int m_pages = 0;      ///< pages of the current report
    int m_totalPages = 0; ///< pages of the whole call
    QString m_cursor;
    PageCursorGuard m_cursors; ///< of the current report
    DateWindow m_window;
    std::shared_ptr<FetchResult> m_result;
};

} // namespace Conn
