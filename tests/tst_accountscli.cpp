// The accounts / sync command-line contract, the focus-folder source end to end, and the canary
// secret: planted through `accounts add` on stdin, a full OpenAI sync against the loopback server,
// then every file the app wrote is searched for it — it must only be in the keychain.
// Needs a Secret Service (dbus-run-session + gnome-keyring, as CI runs the suite).
#include "accountstore.h"
#include "failuretext.h"
#include "fakeserver.h"
#include "secretbinding.h"
#include "secretstore.h"
#include "store/store.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {

const QByteArray kCanary = "sk-admin-CANARY-7f3e9b2c41d84a0e9c1b5d6f";

struct Run {
    int code = -1;
    QString out, err;
};

} // namespace

class TstAccountsCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_root; // HOME and every XDG directory of the child processes
    QString m_db;

    QProcessEnvironment env(bool withKeychain = true) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        const QString root = m_root.path();
        e.insert(QStringLiteral("HOME"), root + QStringLiteral("/home"));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), root + QStringLiteral("/config"));
        e.insert(QStringLiteral("XDG_DATA_HOME"), root + QStringLiteral("/data"));
        e.insert(QStringLiteral("XDG_CACHE_HOME"), root + QStringLiteral("/cache"));
        e.insert(QStringLiteral("XDG_STATE_HOME"), root + QStringLiteral("/state"));
        e.insert(QStringLiteral("TMPDIR"), root + QStringLiteral("/tmp"));
        if (!withKeychain)
            e.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        return e;
    }

    // Runs burnrate asynchronously so the in-process fake server keeps answering meanwhile.
    Run burnrate(const QStringList &args, const QByteArray &stdinBytes = {}, bool withKeychain = true)
    {
        QProcess p;
        p.setProcessEnvironment(env(withKeychain));
        p.setWorkingDirectory(m_root.path() + QStringLiteral("/home"));
        p.start(QStringLiteral(BURNRATE_BINARY), QStringList{QStringLiteral("--db"), m_db} + args);
        Run r;
        if (!p.waitForStarted())
            return r;
        p.write(stdinBytes);
        p.closeWriteChannel();
        // Keep this thread's event loop turning (the fake server lives here) until the child exits.
        (void)QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000);
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString billedTotal()
    {
        const Run r = burnrate({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("provider"),
                                QStringLiteral("--format"), QStringLiteral("json")});
        QStringList values;
        for (const auto &row : QJsonDocument::fromJson(r.out.toUtf8()).array())
            values << row.toObject().value(QStringLiteral("billed")).toString();
        QString sum;
        decimalSum(values, &sum);
        return values.isEmpty() ? QString() : sum;
    }

    qint64 accountId(const QString &name)
    {
        Cost::Store store;
        if (!store.open(m_db.toStdString()))
            return 0;
        Conn::AccountStore accounts(store.db());
        const auto a = accounts.byName(name);
        return a ? a->id : 0;
    }

private Q_SLOTS:
    void init()
    {
        static int n = 0;
        for (const char *d : {"home", "config", "data", "cache", "state", "tmp"})
            QDir(m_root.path()).mkpath(QString::fromLatin1(d));
        m_db = m_root.filePath(QStringLiteral("data/store%1.sqlite").arg(++n));
    }

    void usageErrors()
    {
        QCOMPARE(burnrate({QStringLiteral("accounts")}).code, 2);
        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("x")}).code, 2);
        const Run secretOnCommandLine = burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                                                  QStringLiteral("openai"), QStringLiteral("--name"), QStringLiteral("x"),
                                                  QStringLiteral("--secret"), QStringLiteral("abc")});
        QCOMPARE(secretOnCommandLine.code, 2);
        QVERIFY(secretOnCommandLine.err.contains(QStringLiteral("standard input")));
        const Run unknown = burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                                      QStringLiteral("nope"), QStringLiteral("--name"), QStringLiteral("x")});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("focus-folder")));
        const Run noSecret = burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                                       QStringLiteral("openai"), QStringLiteral("--name"), QStringLiteral("x")});
        QCOMPARE(noSecret.code, 1);
        QVERIFY(noSecret.err.contains(QStringLiteral("no secret")));
        const Run noSuch = burnrate({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("ghost")});
        QCOMPARE(noSuch.code, 1);
        QVERIFY(noSuch.err.contains(QStringLiteral("ghost")));
        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("list")}).out.trimmed(), QStringLiteral("no accounts"));
    }

    void focusFolderNewRestatedIdenticalRemoved()
    {
        const QString folder = m_root.filePath(QStringLiteral("exports%1").arg(m_db.right(9)));
        QDir().mkpath(folder + QStringLiteral("/2025-06"));
        const QString source = dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv"));
        const QString file = folder + QStringLiteral("/2025-06/export.csv");
        QVERIFY(QFile::copy(source, file));

        const Run add = burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                                  QStringLiteral("focus-folder"), QStringLiteral("--name"), QStringLiteral("exports"),
                                  QStringLiteral("--option"), QStringLiteral("path=") + folder});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        const Run test = burnrate({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("exports")});
        QVERIFY2(test.code == 0 && test.out.contains(QStringLiteral("1 CSV file")), qPrintable(test.out + test.err));

        Run sync = burnrate({QStringLiteral("sync")});
        QVERIFY2(sync.code == 0, qPrintable(sync.err));
        QVERIFY2(sync.out.contains(QStringLiteral("exports: 4 charges written")), qPrintable(sync.out));
        QString want;
        QVERIFY(csvColumnSum(source, QStringLiteral("BilledCost"), &want));
        QCOMPARE(billedTotal(), want);

        sync = burnrate({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("exports")});
        QVERIFY2(sync.code == 0 && sync.out.contains(QStringLiteral("0 charges written")), qPrintable(sync.out));
        QCOMPARE(billedTotal(), want); // unchanged file: nothing doubles

        // A restated export of the same month replaces its partition.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        bytes.replace(",37.5,111122223333,", ",40.25,111122223333,");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
        f.close();
        sync = burnrate({QStringLiteral("sync")});
        QVERIFY2(sync.code == 0 && sync.out.contains(QStringLiteral("4 replaced")), qPrintable(sync.out + sync.err));
        QVERIFY(csvColumnSum(file, QStringLiteral("BilledCost"), &want));
        QCOMPARE(billedTotal(), want);

        const Run list = burnrate({QStringLiteral("accounts"), QStringLiteral("list")});
        QVERIFY2(list.out.contains(QStringLiteral("exports")) && list.out.contains(QStringLiteral("focus-folder")),
                 qPrintable(list.out));

        // A missing folder: sync exits non-zero with the reason, and the status keeps it.
        QVERIFY(QFile::rename(folder, folder + QStringLiteral(".moved")));
        sync = burnrate({QStringLiteral("sync")});
        QCOMPARE(sync.code, 1);
        QVERIFY2(sync.err.contains(QStringLiteral("does not exist")), qPrintable(sync.err));
        QVERIFY(burnrate({QStringLiteral("accounts"), QStringLiteral("list")}).out.contains(QStringLiteral("does not exist")));

        const Run keep = burnrate({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("exports")});
        QVERIFY2(keep.code == 0 && keep.out.contains(QStringLiteral("kept")), qPrintable(keep.out + keep.err));
        QCOMPARE(billedTotal(), want); // data kept
    }

    // The parts of one export run sit in one folder and stand or fall together: a restated month
    // whose second part is broken leaves the store with the month as it was, not with the first
    // part alone in place of the whole month.
    void folderPartsStandOrFallTogether()
    {
        const QString folder = m_root.filePath(QStringLiteral("parts%1").arg(m_db.right(9)));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/2025-06")));
        QFile source(dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = source.readAll().split('\n');
        QVERIFY(lines.size() >= 5);
        const QString part1 = folder + QStringLiteral("/2025-06/part-1.csv");
        const QString part2 = folder + QStringLiteral("/2025-06/part-2.csv");
        auto write = [](const QString &path, const QByteArray &bytes) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
        };
        const QByteArray header = lines[0] + '\n';
        const QByteArray rows1 = lines[1] + '\n' + lines[2] + '\n';
        const QByteArray rows2 = lines[3] + '\n' + lines[4] + '\n';
        QVERIFY(write(part1, header + rows1));
        QVERIFY(write(part2, header + rows2));
        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                           QStringLiteral("focus-folder"), QStringLiteral("--name"), QStringLiteral("parts"),
                           QStringLiteral("--option"), QStringLiteral("path=") + folder}).code, 0);
        Run sync = burnrate({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("parts")});
        QVERIFY2(sync.code == 0, qPrintable(sync.err));
        QString whole;
        QVERIFY(csvColumnSum(source.fileName(), QStringLiteral("BilledCost"), &whole));
        QCOMPARE(billedTotal(), whole);

        // The run is restated: part 1 changes a charge, part 2 arrives with a broken last row.
        QByteArray restated1 = rows1;
        QVERIFY(restated1.contains(",37.5,111122223333,"));
        restated1.replace(",37.5,111122223333,", ",40.25,111122223333,");
        QVERIFY(write(part1, header + restated1));
        // The row again with a BilledCost (the second column) that is no number.
        const QByteArray broken = ",not-a-number" + lines[4].mid(lines[4].indexOf(',', 1));
        QVERIFY(write(part2, header + rows2 + broken + '\n'));
        sync = burnrate({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("parts")});
        QCOMPARE(sync.code, 1);
        QVERIFY2(sync.err.contains(QStringLiteral("part-2.csv:4")), qPrintable(sync.err));
        QCOMPARE(billedTotal(), whole); // the month as it was, both parts

        // Part 2 fixed: the next sync stores the whole restated run.
        QVERIFY(write(part2, header + rows2));
        sync = burnrate({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("parts")});
        QVERIFY2(sync.code == 0, qPrintable(sync.err));
        QString restated;
        QVERIFY(decimalSum({whole, QStringLiteral("2.75")}, &restated));
        QCOMPARE(billedTotal(), restated);
        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("parts"),
                           QStringLiteral("--delete-data")}).code, 0);
    }

    void removeDeletesData()
    {
        const QString folder = m_root.filePath(QStringLiteral("del%1").arg(m_db.right(9)));
        QDir().mkpath(folder);
        QVERIFY(QFile::copy(dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv")),
                            folder + QStringLiteral("/a.csv")));
        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                           QStringLiteral("focus-folder"), QStringLiteral("--name"), QStringLiteral("d"),
                           QStringLiteral("--option"), QStringLiteral("path=") + folder}).code, 0);
        QCOMPARE(burnrate({QStringLiteral("sync")}).code, 0);
        QVERIFY(!billedTotal().isEmpty());
        const Run rm = burnrate({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("d"),
                                 QStringLiteral("--delete-data")});
        QVERIFY2(rm.code == 0, qPrintable(rm.err));
        QVERIFY2(billedTotal().isEmpty(), qPrintable(billedTotal()));
        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("list")}).out.trimmed(), QStringLiteral("no accounts"));
    }

    void withoutKeychainFailsClearly()
    {
        const Run add = burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                                  QStringLiteral("openai"), QStringLiteral("--name"), QStringLiteral("nokeychain")},
                                 kCanary + '\n', false);
        QCOMPARE(add.code, 1);
        QVERIFY2(add.err.contains(QStringLiteral("keychain")), qPrintable(add.err));
        QVERIFY(!add.err.contains(QString::fromLatin1(kCanary)));
        // Nothing half-done: no account without its secret.
        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("list")}).out.trimmed(), QStringLiteral("no accounts"));
    }

    // Issue #20: a base URL given the SDK way ("…/v1") requests the right paths, and `accounts test`
    // prints what the wizard shows for a failure (its headline, the message, how to re-enter the key).
    void testSaysWhatTheWizardSays()
    {
        FakeServer server;
        QVERIFY(server.start());
        server.route("GET", QStringLiteral("/v1/organization/usage/completions"), [](const FakeRequest &) {
            return FakeResponse::json(R"({"object":"page","data":[],"has_more":false,"next_page":null})");
        }, FakeServer::requireHeader("authorization", "Bearer " + kCanary));
        const Run add = burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                                  QStringLiteral("openai"), QStringLiteral("--name"), QStringLiteral("sdk style"),
                                  QStringLiteral("--base-url"), server.baseUrl() + QStringLiteral("/v1/")},
                                 "sk-admin-not-the-canary\n");
        QVERIFY2(add.code == 0, qPrintable(add.err));
        const Run test = burnrate({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("sdk style")});
        QCOMPARE(test.code, 1);
        const QString expected = QStringLiteral("burnrate accounts: sdk style: %1: 127.0.0.1 rejected the credentials (HTTP 401 "
                                                "Unauthorized)")
                                     .arg(Conn::FailureText::headline(Conn::ErrorKind::Unauthorized));
        QVERIFY2(test.err.startsWith(expected), qPrintable(test.err));
        QVERIFY2(test.err.trimmed().endsWith(QStringLiteral("To re-enter the key: burnrate accounts edit \"sdk style\" --new-secret")),
                 qPrintable(test.err));
        QVERIFY(!server.requests().isEmpty());
        for (const FakeRequest &r : server.requests())
            QCOMPARE(r.path, QStringLiteral("/v1/organization/usage/completions")); // not /v1/v1/…
    }

    void canarySecretOnlyInKeychain()
    {
        // The OpenAI Admin API on loopback: one bucket per requested window, with the canary as key.
        FakeServer server;
        QVERIFY(server.start());
        auto page = [](bool usage) {
            return [usage](const FakeRequest &req) {
                const qint64 start = req.queryValue(QStringLiteral("start_time")).toLongLong();
                QJsonObject result = usage
                    ? QJsonObject{{QStringLiteral("object"), QStringLiteral("organization.usage.completions.result")},
                                  {QStringLiteral("input_tokens"), 1000}, {QStringLiteral("output_tokens"), 200},
                                  {QStringLiteral("input_cached_tokens"), 100}, {QStringLiteral("num_model_requests"), 3},
                                  {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")}}
                    : QJsonObject{{QStringLiteral("object"), QStringLiteral("organization.costs.result")},
                                  {QStringLiteral("amount"), QJsonObject{{QStringLiteral("value"), 0.25},
                                                                         {QStringLiteral("currency"), QStringLiteral("usd")}}},
                                  {QStringLiteral("line_item"), QStringLiteral("gpt-4o-mini, input")}};
                const QJsonObject bucket{{QStringLiteral("object"), QStringLiteral("bucket")},
                                         {QStringLiteral("start_time"), start},
                                         {QStringLiteral("end_time"), start + 86400},
                                         {QStringLiteral("results"), QJsonArray{result}}};
                const QJsonObject body{{QStringLiteral("object"), QStringLiteral("page")},
                                       {QStringLiteral("data"), QJsonArray{bucket}},
                                       {QStringLiteral("has_more"), false},
                                       {QStringLiteral("next_page"), QJsonValue::Null}};
                return FakeResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
            };
        };
        const auto auth = FakeServer::requireHeader("authorization", "Bearer " + kCanary);
        server.route("GET", QStringLiteral("/v1/organization/usage/completions"), page(true), auth);
        server.route("GET", QStringLiteral("/v1/organization/costs"), page(false), auth);

        const Run add = burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"),
                                  QStringLiteral("openai"), QStringLiteral("--name"), QStringLiteral("canary"),
                                  QStringLiteral("--base-url"), server.baseUrl(), QStringLiteral("--option"),
                                  QStringLiteral("history_days=5")},
                                 kCanary + '\n');
        QVERIFY2(add.code == 0, qPrintable(add.err));
        const Run test = burnrate({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("canary")});
        QVERIFY2(test.code == 0, qPrintable(test.out + test.err));
        const Run sync = burnrate({QStringLiteral("sync")});
        QVERIFY2(sync.code == 0, qPrintable(sync.out + sync.err));
        QVERIFY(!server.requests().isEmpty());
        for (const FakeRequest &r : server.requests())
            QCOMPARE(r.header("authorization"), QByteArray("Bearer " + kCanary));
        QVERIFY2(!billedTotal().isEmpty(), "the sync stored nothing");
        // Exported files and listings too.
        const Run totals = burnrate({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("model,day"),
                                     QStringLiteral("--format"), QStringLiteral("csv")});
        QFile exported(m_root.filePath(QStringLiteral("home/totals.csv")));
        QVERIFY(exported.open(QIODevice::WriteOnly));
        exported.write(totals.out.toUtf8());
        exported.close();
        const Run list = burnrate({QStringLiteral("accounts"), QStringLiteral("list")});

        for (const Run &r : {add, test, sync, totals, list})
            QVERIFY(!(r.out + r.err).contains(QString::fromLatin1(kCanary)));
        int searched = 0;
        QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = f.readAll();
            ++searched;
            QVERIFY2(!bytes.contains(kCanary), qPrintable(QStringLiteral("canary found in ") + path));
            QVERIFY2(!bytes.contains(kCanary.mid(9)), qPrintable(QStringLiteral("canary tail found in ") + path));
        }
        QVERIFY(searched >= 2); // at least the store and the export

        const qint64 id = accountId(QStringLiteral("canary"));
        QVERIFY(id > 0);
        const Conn::SecretResult inKeychain = Conn::readSecret(Conn::accountSecretKey(id));
        QVERIFY2(inKeychain.ok, qPrintable(inKeychain.error));
        QCOMPARE(Conn::unbindSecret(inKeychain.value).secret, QString::fromLatin1(kCanary));
        QCOMPARE(Conn::unbindSecret(inKeychain.value).hosts, QStringList{QStringLiteral("127.0.0.1")});

        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("canary"),
                           QStringLiteral("--delete-data")}).code, 0);
        QVERIFY(Conn::readSecret(Conn::accountSecretKey(id)).notFound);
    }

    // A secret goes only to the host it was entered for: pointing the account elsewhere asks for
    // it again, and an account whose base URL changed behind the CLI's back sends nothing there.
    void secretStaysWithItsHost()
    {
        auto emptyPages = [](FakeServer &server, const QByteArray &key) {
            const auto page = [](const FakeRequest &) {
                return FakeResponse::json(R"({"object":"page","data":[],"has_more":false,"next_page":null})");
            };
            const auto auth = FakeServer::requireHeader("authorization", "Bearer " + key);
            server.route("GET", QStringLiteral("/v1/organization/usage/completions"), page, auth);
            server.route("GET", QStringLiteral("/v1/organization/costs"), page, auth);
        };
        FakeServer home, away;
        QVERIFY(home.start() && away.start());
        emptyPages(home, kCanary);
        emptyPages(away, kCanary);
        const QString awayUrl = QStringLiteral("http://localhost:%1").arg(away.port()); // another host name, same machine
        QVERIFY(burnrate({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--provider"), QStringLiteral("openai"),
                          QStringLiteral("--name"), QStringLiteral("bound"), QStringLiteral("--base-url"), home.baseUrl()},
                         kCanary + '\n').code == 0);
        const QString refused = QStringLiteral("The secret for account bound was entered for 127.0.0.1; the account now "
                                               "points to localhost. Enter the secret again for the new host.");

        // The CLI refuses the new host without the secret.
        const Run edit = burnrate({QStringLiteral("accounts"), QStringLiteral("edit"), QStringLiteral("bound"),
                                   QStringLiteral("--base-url"), awayUrl});
        QCOMPARE(edit.code, 1);
        QVERIFY2(edit.err.contains(refused) && edit.err.contains(QStringLiteral("--new-secret")), qPrintable(edit.err));
        const qint64 id = accountId(QStringLiteral("bound"));
        auto baseUrl = [&] {
            Cost::Store store;
            return store.open(m_db.toStdString()) ? Conn::AccountStore(store.db()).byId(id)->baseUrl : QString();
        };
        QCOMPARE(baseUrl(), home.baseUrl());
        // Another port of the same host is the same host: no secret needed.
        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("edit"), QStringLiteral("bound"), QStringLiteral("--base-url"),
                           QStringLiteral("http://127.0.0.1:%1").arg(away.port())}).code, 0);
        QCOMPARE(baseUrl(), QStringLiteral("http://127.0.0.1:%1").arg(away.port()));

        // The base URL changed in the store itself: neither a test nor a sync sends the secret there.
        {
            Cost::Store store;
            QVERIFY(store.open(m_db.toStdString()));
            Conn::AccountStore accounts(store.db());
            Conn::AccountConfig a = *accounts.byId(id);
            a.baseUrl = awayUrl;
            QString error;
            QVERIFY2(accounts.update(a, &error), qPrintable(error));
        }
        const Run test = burnrate({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("bound")});
        QCOMPARE(test.code, 1);
        QVERIFY2(test.err.contains(refused), qPrintable(test.err));
        const Run sync = burnrate({QStringLiteral("sync")});
        QVERIFY(sync.code != 0);
        QVERIFY2(sync.err.contains(refused), qPrintable(sync.err));
        QVERIFY(away.requests().isEmpty()); // nothing reached the new host
        QVERIFY(!(test.err + sync.err).contains(QString::fromLatin1(kCanary)));

        // Entered again for the new host, the secret goes there (and is bound to it).
        const Run again = burnrate({QStringLiteral("accounts"), QStringLiteral("edit"), QStringLiteral("bound"), QStringLiteral("--base-url"),
                                    awayUrl, QStringLiteral("--new-secret")},
                                   kCanary + '\n');
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QCOMPARE(Conn::unbindSecret(Conn::readSecret(Conn::accountSecretKey(id)).value).hosts, QStringList{QStringLiteral("localhost")});
        const Run resync = burnrate({QStringLiteral("sync")});
        QVERIFY2(resync.code == 0, qPrintable(resync.out + resync.err));
        QVERIFY(!away.requests().isEmpty());
        for (const FakeRequest &r : away.requests())
            QCOMPARE(r.header("authorization"), QByteArray("Bearer " + kCanary));
        QCOMPARE(burnrate({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("bound")}).code, 0);
    }
};

QTEST_GUILESS_MAIN(TstAccountsCli)
#include "tst_accountscli.moc"
