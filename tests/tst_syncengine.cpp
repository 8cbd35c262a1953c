// Sync engine against the loopback connector over the fake server: paging, auth, every injected
// fault, idempotent re-sync, restatement, failure and cancel leaving complete windows only,
// HTTPS-only. Needs a Secret Service (run inside dbus-run-session + gnome-keyring, as CI does).
#include "accountmanager.h"
#include "domain/money.h"
#include "domain/translations.h"
#include "failuretext.h"
#include "fakeserver.h"
#include "httpclient.h"
#include "secretstore.h"
#include "store/store.h"
#include "testconnector.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <tuple>

using namespace TestSupport;

namespace {

const QDate kToday(2026, 3, 10);
const QByteArray kSecret = "lb-secret-0123456789";

struct DayTotal {
    qint64 billed = 0, tokens = 0, rows = 0;
    bool operator==(const DayTotal &o) const { return billed == o.billed && tokens == o.tokens && rows == o.rows; }
};
using Totals = std::map<QDate, DayTotal>;

char *toString(const Totals &t)
{
    QByteArray out;
    for (const auto &[day, v] : t)
        out += day.toString(Qt::ISODate).toLatin1() + "=" + QByteArray::number(v.billed) + "/" + QByteArray::number(v.tokens)
            + "/" + QByteArray::number(v.rows) + " ";
    return qstrdup(out.constData());
}

} // namespace

class TstSyncEngine : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<LoopbackServer> m_loopback;
    std::unique_ptr<Conn::AccountManager> m_manager;
    qint64 m_account = 0;

    Conn::RetryPolicy fastPolicy()
    {
        Conn::RetryPolicy p;
        p.maxAttempts = 4;
        p.timeoutMs = 1500;
        p.baseDelayMs = 20;
        p.maxDelayMs = 100;
        p.maxServerDelayMs = 1500;
        return p;
    }

    void fillData()
    {
        m_loopback->provider.data.clear();
        for (QDate d(2026, 3, 1); d <= kToday; d = d.addDays(1)) {
            const int n = d.day();
            m_loopback->provider.data[d] = {{QStringLiteral("model-a"), QStringLiteral("%1.25").arg(n), 1000 * n},
                                   {QStringLiteral("model-b"), QStringLiteral("0.%1000000001").arg(n), 10 * n},
                                   {QStringLiteral("model-c"), QStringLiteral("3"), 7}};
        }
    }

    Totals expected(const QDate &from = QDate(2000, 1, 1), const QDate &to = QDate(2100, 1, 1))
    {
        Totals t;
        for (auto it = m_loopback->provider.data.begin(); it != m_loopback->provider.data.end(); ++it) {
            if (it.key() < from || it.key() >= to || it.value().isEmpty())
                continue;
            DayTotal &v = t[it.key()];
            for (const LoopbackItem &i : it.value()) {
                Cost::Money m = 0;
                Cost::parseMoney(i.cost.toStdString(), m);
                v.billed += m;
                v.tokens += i.tokens;
                ++v.rows;
            }
        }
        return t;
    }

    // Per-day totals from the charges themselves (fact rows), and the rollups must agree.
    Totals stored()
    {
        Cost::Store store;
        if (!store.open(m_db.toStdString()))
            return {};
        Totals t, rollup;
        Cost::SqliteStmt st(store.db(), "SELECT f.start / 86400, sum(f.billed), sum(f.tokens), count(*) FROM fact f"
                                        " GROUP BY 1");
        while (st.step())
            t[QDate(1970, 1, 1).addDays(st.int64(0))] = {st.int64(1), st.int64(2), st.int64(3)};
        Cost::SqliteStmt r(store.db(), "SELECT day, sum(billed), sum(tokens), sum(rows) FROM rollup_daily GROUP BY 1");
        while (r.step())
            rollup[QDate(1970, 1, 1).addDays(r.int64(0))] = {r.int64(1), r.int64(2), r.int64(3)};
        if (!(rollup == t))
            qWarning("rollups disagree with facts: %s vs %s", toString(rollup), toString(t));
        return rollup == t ? t : Totals{};
    }

    QList<Conn::SyncOutcome> sync()
    {
        QSignalSpy done(m_manager->engine(), &Conn::SyncEngine::finished);
        QString error;
        if (!m_manager->sync({m_account}, &error)) {
            qWarning("sync did not start: %s", qPrintable(error));
            return {};
        }
        if (!done.wait(60000))
            return {};
        return done.first().first().value<QList<Conn::SyncOutcome>>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Translations::install(QStringLiteral("en")); // "%n complete window(s)" as the app prints it
        LoopbackConnector::registerIt();
        QString error;
        QVERIFY2(Conn::writeSecret(QStringLiteral("burnrate-test/probe"), QStringLiteral("x"), &error),
                 qPrintable(QStringLiteral("no Secret Service (run under dbus-run-session + gnome-keyring): ") + error));
        Conn::deleteSecret(QStringLiteral("burnrate-test/probe"), &error);
    }

    void init()
    {
        static int n = 0;
        m_db = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++n));
        m_loopback = std::make_unique<LoopbackServer>(kSecret, 4);
        fillData();
        m_manager = std::make_unique<Conn::AccountManager>(m_db);
        QString error;
        QVERIFY2(m_manager->open(&error), qPrintable(error));
        m_manager->engine()->setToday(kToday);
        m_manager->engine()->setRetryPolicy(fastPolicy());
        Conn::AccountConfig a;
        a.name = QStringLiteral("lb");
        a.provider = QStringLiteral("loopback");
        a.baseUrl = m_loopback->server.baseUrl();
        m_account = m_manager->addAccount(a, QString::fromLatin1(kSecret), &error);
        QVERIFY2(m_account > 0, qPrintable(error));
    }

    void cleanup()
    {
        QString error;
        if (m_manager && m_account)
            m_manager->removeAccount(m_account, true, &error);
        m_manager.reset();
        m_loopback.reset();
    }

    void initialSyncPagesAndAuth()
    {
        const auto outcomes = sync();
        QCOMPARE(outcomes.size(), 1);
        QVERIFY2(outcomes[0].ok, qPrintable(outcomes[0].error));
        QCOMPARE(outcomes[0].windows, 4); // 10 days in 3-day windows
        QCOMPARE(outcomes[0].rows, 30);
        QCOMPARE(stored(), expected());
        // Window 1 has 9 charges: pages 0 (no page parameter), 1 and 2 of four items.
        QStringList pages;
        for (const FakeRequest &r : m_loopback->server.requestsFor(QStringLiteral("/v1/usage"))) {
            QCOMPARE(r.header("authorization"), QByteArray("Bearer " + kSecret));
            if (r.queryValue(QStringLiteral("from")) == QStringLiteral("2026-03-01"))
                pages << r.queryValue(QStringLiteral("page"));
        }
        QCOMPARE(pages, QStringList({QString(), QStringLiteral("1"), QStringLiteral("2")}));
        const Conn::SyncStatus s = m_manager->status(m_account);
        QVERIFY(s.lastSuccess.isValid());
        QVERIFY(s.lastError.isEmpty());
        QCOMPARE(s.totalRows, 30);
        QCOMPARE(s.syncedThrough, kToday); // today is partial: fetched again next time
        QCOMPARE(s.firstDay, QDate(2026, 3, 1));
    }

    void resyncIdempotentAndRestated()
    {
        QVERIFY(sync().value(0).ok);
        const Totals first = stored();
        m_loopback->server.clearRequests();
        QVERIFY(sync().value(0).ok);
        QCOMPARE(stored(), first); // no double counting
        // Only the restatement window (2 days before the last synced day) is fetched again.
        for (const FakeRequest &r : m_loopback->server.requests())
            QVERIFY2(r.queryValue(QStringLiteral("from")) >= QStringLiteral("2026-03-08"), qPrintable(r.query.toString()));

        // The provider revises 03-09, drops 03-08 entirely, and (outside the window) changes 03-02.
        m_loopback->provider.data[QDate(2026, 3, 9)][0].cost = QStringLiteral("99.5");
        m_loopback->provider.data[QDate(2026, 3, 8)].clear();
        const Totals beforeOld = expected(QDate(2026, 3, 2), QDate(2026, 3, 3));
        m_loopback->provider.data[QDate(2026, 3, 2)][0].cost = QStringLiteral("1000");
        const auto o = sync().value(0);
        QVERIFY2(o.ok, qPrintable(o.error));
        Totals want = expected();
        want[QDate(2026, 3, 2)] = beforeOld.at(QDate(2026, 3, 2)); // not re-fetched: still the old value
        QCOMPARE(stored(), want);
        QVERIFY(!stored().count(QDate(2026, 3, 8)));
    }

    void faults_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("count");
        QTest::newRow("429 with Retry-After") << int(Fault::RateLimit) << 2;
        QTest::newRow("500 then success") << int(Fault::ServerError) << 2;
        QTest::newRow("dropped connection") << int(Fault::Drop) << 1;
        QTest::newRow("truncated body") << int(Fault::Truncate) << 1;
        QTest::newRow("malformed JSON") << int(Fault::MalformedJson) << 1;
        QTest::newRow("slow response") << int(Fault::Slow) << 1;
    }

    void faults()
    {
        QFETCH(int, fault);
        QFETCH(int, count);
        m_loopback->server.setRetryAfterSeconds(1);
        m_loopback->server.setSlowDelayMs(3000); // > the 1.5 s client timeout
        m_loopback->server.injectFault(static_cast<Fault>(fault), count);
        const auto o = sync().value(0);
        QVERIFY2(o.ok, qPrintable(o.error));
        QCOMPARE(stored(), expected());
        // 4 windows of 3, 3, 3 and 1 pages, plus one retry per injected fault.
        QCOMPARE(m_loopback->server.requestsFor(QStringLiteral("/v1/usage")).size(), 10 + count);
    }

    void persistentFailureKeepsCompleteWindows_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("message");
        QTest::newRow("500") << int(Fault::ServerError) << QStringLiteral("HTTP 500");
        QTest::newRow("malformed JSON") << int(Fault::MalformedJson) << QStringLiteral("malformed JSON");
        QTest::newRow("truncated") << int(Fault::Truncate) << QStringLiteral("connection");
    }

    void persistentFailureKeepsCompleteWindows()
    {
        QFETCH(int, fault);
        QFETCH(QString, message);
        // Window 2 fails on its second page, every attempt: its first page must not be stored.
        m_loopback->server.setFaultRule([fault](const FakeRequest &r) {
            return r.queryValue(QStringLiteral("from")) == QStringLiteral("2026-03-04")
                    && r.queryValue(QStringLiteral("page")) == QStringLiteral("1")
                ? fault
                : -1;
        });
        const auto o = sync().value(0);
        QVERIFY(!o.ok);
        QVERIFY2(o.error.contains(message), qPrintable(o.error));
        QVERIFY2(o.error.contains(TestSupport::days(QDate(2026, 3, 4), QDate(2026, 3, 6)) + QStringLiteral(": ")), qPrintable(o.error)); // the failed window, as the user reads it
        QVERIFY2(o.error.startsWith(QStringLiteral("lb: ")), qPrintable(o.error));
        // What was stored and what to do next, from the shared sync path (issue #20 item 5).
        const QString storedText = QStringLiteral("Stored: %1 (1 complete window). Not stored: %2; the next sync fetches it. ")
                                       .arg(TestSupport::days(QDate(2026, 3, 1), QDate(2026, 3, 3)),
                                            TestSupport::days(QDate(2026, 3, 4), QDate(2026, 3, 10)));
        QVERIFY2(o.error.contains(storedText + Conn::FailureText::nextStep(o.kind)), qPrintable(o.error));
        QVERIFY2(!o.error.contains(QStringLiteral("..")) && !o.error.contains(QStringLiteral("(gave up")), qPrintable(o.error));
        QCOMPARE(o.windows, 1);
        QCOMPARE(stored(), expected(QDate(2026, 3, 1), QDate(2026, 3, 4))); // window 1 only, complete
        Conn::SyncStatus s = m_manager->status(m_account);
        QCOMPARE(s.lastError, o.error);
        QVERIFY(!s.lastSuccess.isValid());
        QCOMPARE(s.syncedThrough, QDate(2026, 3, 4));

        // The fault clears: the next sync resumes and the store ends exact, without duplicates.
        m_loopback->server.setFaultRule({});
        const auto again = sync().value(0);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(stored(), expected());
        s = m_manager->status(m_account);
        QVERIFY(s.lastError.isEmpty());
        QVERIFY(s.lastSuccess.isValid());
    }

    void cancelLeavesCompleteWindows()
    {
        Conn::SyncEngine *engine = m_manager->engine();
        // Cancelled as the third window (Mar 7–9) starts. By its index: in German the window's
        // text ("7.–9. März") does not start with its first day's ("7. März").
        connect(engine, &Conn::SyncEngine::progress, this, [engine](qint64, int window, int, const QString &text) {
            if (window == 2 && text.startsWith(QStringLiteral("Fetching ")))
                engine->cancel();
        });
        const auto o = sync().value(0);
        disconnect(engine, &Conn::SyncEngine::progress, this, nullptr);
        QVERIFY(!o.ok);
        QVERIFY(o.cancelled);
        QCOMPARE(o.windows, 2);
        QCOMPARE(stored(), expected(QDate(2026, 3, 1), QDate(2026, 3, 7)));
        QCOMPARE(m_manager->status(m_account).syncedThrough, QDate(2026, 3, 7));
        // The next sync continues and completes.
        QVERIFY(sync().value(0).ok);
        QCOMPARE(stored(), expected());
    }

    void httpsOnly()
    {
        QString error;
        Conn::AccountConfig a;
        a.name = QStringLiteral("plain");
        a.provider = QStringLiteral("loopback");
        a.baseUrl = QStringLiteral("http://example.com");
        QCOMPARE(m_manager->addAccount(a, QStringLiteral("k"), &error), 0);
        QVERIFY2(error.contains(QStringLiteral("HTTPS")), qPrintable(error));
        QVERIFY(!m_manager->accountByName(QStringLiteral("plain")));

        Conn::HttpClient http;
        QSignalSpy none(&http, &Conn::HttpClient::retrying);
        Conn::HttpResponse got;
        bool called = false;
        Conn::HttpRequest req;
        req.url = QUrl(QStringLiteral("http://example.com/v1/usage"));
        http.send(req, [&](const Conn::HttpResponse &r) {
            got = r;
            called = true;
        });
        QTRY_VERIFY(called);
        QCOMPARE(got.errorKind, Conn::ErrorKind::InsecureUrl);
        QCOMPARE(got.attempts, 0);
        QVERIFY(Conn::HttpClient::isAllowedUrl(QUrl(QStringLiteral("http://localhost:8080/x"))));
        QVERIFY(Conn::HttpClient::isAllowedUrl(QUrl(QStringLiteral("https://api.openai.com"))));
    }

    void distinctErrorMessages()
    {
        Conn::RetryPolicy p = fastPolicy();
        p.maxAttempts = 2;
        p.timeoutMs = 800;
        m_manager->setTestPolicy(p);
        auto test = [&](const QString &baseUrl, const QString &secret) {
            Conn::AccountConfig a = *m_manager->account(m_account);
            a.baseUrl = baseUrl;
            QSignalSpy spy(m_manager.get(), &Conn::AccountManager::testFinished);
            m_manager->testConnection(a, secret);
            if (!spy.wait(20000))
                return Conn::TestResult{false, Conn::ErrorKind::None, QStringLiteral("no answer")};
            return spy.first().at(1).value<Conn::TestResult>();
        };
        const Conn::TestResult ok = test(m_loopback->server.baseUrl(), QString()); // stored secret from the keychain
        QVERIFY2(ok.ok, qPrintable(ok.message));
        const Conn::TestResult unauthorized = test(m_loopback->server.baseUrl(), QStringLiteral("wrong"));
        QCOMPARE(unauthorized.kind, Conn::ErrorKind::Unauthorized);
        QVERIFY(unauthorized.message.contains(QStringLiteral("401")));
        const Conn::TestResult forbidden = test(m_loopback->server.baseUrl(), QStringLiteral("readonly"));
        QCOMPARE(forbidden.kind, Conn::ErrorKind::Forbidden);
        QVERIFY(forbidden.message.contains(QStringLiteral("403")));
        const Conn::TestResult dns = test(QStringLiteral("https://no-such-host.invalid"), QStringLiteral("k"));
        QCOMPARE(dns.kind, Conn::ErrorKind::Dns);
        QVERIFY(dns.message.contains(QStringLiteral("DNS")));
        const Conn::TestResult tls = test(QStringLiteral("https://127.0.0.1:%1").arg(m_loopback->server.port()), QStringLiteral("k"));
        QCOMPARE(tls.kind, Conn::ErrorKind::Tls);
        QVERIFY(tls.message.contains(QStringLiteral("TLS")));
        m_loopback->server.setSlowDelayMs(3000);
        m_loopback->server.injectFault(Fault::Slow, 2);
        const Conn::TestResult timeout = test(m_loopback->server.baseUrl(), QString());
        QCOMPARE(timeout.kind, Conn::ErrorKind::Timeout);
        QVERIFY(timeout.message.contains(QStringLiteral("did not answer")));
        const QStringList messages{unauthorized.message, forbidden.message, dns.message, tls.message, timeout.message};
        for (const QString &m : messages) {
            QCOMPARE(messages.count(m), 1);
            QVERIFY(!m.contains(QString::fromLatin1(kSecret)));
        }
    }
};

QTEST_GUILESS_MAIN(TstSyncEngine)
#include "tst_syncengine.moc"
