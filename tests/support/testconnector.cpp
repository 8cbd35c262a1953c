#include "testconnector.h"

#include "accountmanager.h"
#include "domain/money.h"
#include "domain/timeparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

namespace TestSupport {

LoopbackConnector::LoopbackConnector(QObject *parent)
    : Conn::Connector(parent)
    , m_http(new Conn::HttpClient(this))
{
}

Conn::ConnectorDescriptor &LoopbackConnector::staticDescriptor()
{
    static Conn::ConnectorDescriptor d = [] {
        Conn::ConnectorDescriptor c;
        c.id = QStringLiteral("loopback");
        c.displayName = QStringLiteral("Loopback");
        c.credentials.push_back({QStringLiteral("api_key"), QStringLiteral("API key"), {}, true, false, false, {}});
        c.defaultBaseUrl = QStringLiteral("https://loopback.invalid");
        c.setDays(2, 3, 10);
        return c;
    }();
    return d;
}

void LoopbackConnector::registerIt()
{
    Conn::ConnectorRegistry::add({staticDescriptor(), [](QObject *parent) -> Conn::Connector * {
                                      return new LoopbackConnector(parent);
                                  }});
}

void LoopbackConnector::testConnection(const Conn::AccountConfig &config, const QString &secret)
{
    m_http->setPolicy(retryPolicy());
    Conn::HttpRequest req;
    req.url = QUrl(baseUrl(config) + QStringLiteral("/v1/usage?from=2000-01-01&to=2000-01-02"));
    req.headers.push_back({"Authorization", "Bearer " + secret.toUtf8()});
    m_http->send(req, [this](const Conn::HttpResponse &r) {
        Q_EMIT testFinished(Conn::TestResult{r.ok, r.errorKind, r.ok ? QStringLiteral("Connected.") : r.error});
    });
}

void LoopbackConnector::fetch(const Conn::AccountConfig &config, const QString &secret, const Conn::DateWindow &window)
{
    m_http->setPolicy(retryPolicy());
    m_config = config;
    m_secret = secret;
    m_window = window;
    m_result = std::make_shared<Conn::FetchResult>();
    m_pages = 0;
    fetchPage(QString());
}

void LoopbackConnector::fetchPage(const QString &page)
{
    QUrl url(baseUrl(m_config) + QStringLiteral("/v1/usage"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), m_window.from.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("to"), m_window.to.toString(Qt::ISODate));
    if (!page.isEmpty())
        q.addQueryItem(QStringLiteral("page"), page);
    url.setQuery(q);
    Conn::HttpRequest req;
    req.url = url;
    req.headers.push_back({"Authorization", "Bearer " + m_secret.toUtf8()});
    m_http->send(req, [this](const Conn::HttpResponse &r) {
        if (!r.ok) {
            Q_EMIT fetchFailed(r.errorKind, r.error);
            return;
        }
        ++m_pages;
        Q_EMIT fetchProgress(m_pages, 0, QStringLiteral("page %1").arg(m_pages));
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        Conn::FetchResult &res = *m_result;
        for (const QJsonValue &v : o.value(QStringLiteral("data")).toArray()) {
            const QJsonObject item = v.toObject();
            Cost::Record rec;
            const QDate day = QDate::fromString(item.value(QStringLiteral("day")).toString(), Qt::ISODate);
            rec.chargeStart = QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
            rec.chargeEnd = rec.chargeStart + 86400;
            rec.setDim(Cost::Dim::Provider, res.text("Loopback"));
            rec.setDim(Cost::Dim::BillingAccount, res.text("org-1"));
            rec.setDim(Cost::Dim::Currency, res.text("USD"));
            rec.setDim(Cost::Dim::Model, res.text(item.value(QStringLiteral("model")).toString()));
            rec.tokenKind = Cost::TokenKind::Input;
            Cost::Money m = 0;
            if (Cost::parseMoney(item.value(QStringLiteral("cost")).toString().toStdString(), m) != Cost::ParseStatus::Ok) {
                Q_EMIT fetchFailed(Conn::ErrorKind::BadResponse, QStringLiteral("bad cost"));
                return;
            }
            rec.setAmount(Cost::Amount::Billed, m);
            rec.tokens = item.value(QStringLiteral("tokens")).toInteger();
            res.add(rec);
        }
        const QJsonValue next = o.value(QStringLiteral("next_page"));
        if (next.isString()) {
            fetchPage(next.toString());
            return;
        }
        res.requests = m_pages;
        Q_EMIT fetchFinished(m_result);
    });
}

LoopbackProvider::LoopbackProvider(FakeServer &server, const QByteArray &secret, int size)
    : pageSize(size)
{
    server.route("GET", QStringLiteral("/v1/usage"),
                 [this](const FakeRequest &req) {
                     const QDate from = QDate::fromString(req.queryValue(QStringLiteral("from")), Qt::ISODate);
                     const QDate to = QDate::fromString(req.queryValue(QStringLiteral("to")), Qt::ISODate);
                     QJsonArray all;
                     for (auto it = data.begin(); it != data.end(); ++it) {
                         if (it.key() < from || it.key() >= to)
                             continue;
                         for (const LoopbackItem &i : it.value())
                             all.push_back(QJsonObject{{QStringLiteral("day"), it.key().toString(Qt::ISODate)},
                                                       {QStringLiteral("model"), i.model},
                                                       {QStringLiteral("cost"), i.cost},
                                                       {QStringLiteral("tokens"), i.tokens}});
                     }
                     const int page = req.queryValue(QStringLiteral("page")).toInt();
                     QJsonArray slice;
                     for (int i = page * pageSize; i < std::min<int>(all.size(), (page + 1) * pageSize); ++i)
                         slice.push_back(all[i]);
                     QJsonObject body{{QStringLiteral("data"), slice}};
                     body.insert(QStringLiteral("next_page"), (page + 1) * pageSize < all.size()
                                                                  ? QJsonValue(QString::number(page + 1))
                                                                  : QJsonValue(QJsonValue::Null));
                     return FakeResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
                 },
                 FakeServer::requireHeader("authorization", "Bearer " + secret, "Bearer readonly"));
}

LoopbackServer::LoopbackServer(const QByteArray &secret, int pageSize) : provider(server, secret, pageSize)
{
    if (!server.start())
        qFatal("the loopback server did not start");
}

std::unique_ptr<Conn::AccountManager> openManager(const QString &db, int testTimeoutMs, QString *error)
{
    auto manager = std::make_unique<Conn::AccountManager>(db);
    if (!manager->open(error))
        return {};
    Conn::RetryPolicy quick;
    quick.maxAttempts = 1;
    quick.timeoutMs = testTimeoutMs;
    manager->setTestPolicy(quick);
    return manager;
}

} // namespace TestSupport
