#include "commands.h"

#include "cli/commandline.h"
#include "accountmanager.h"
#include "anomaly/anomalyscan.h"
#include "connectorregistry.h"
#include "store/store.h"
#include "syncworker.h"

#include <QDateTime>
#include <QEventLoop>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

int runSyncCommand(const CommandContext &ctx, const QStringList &args)
{
    QString name;
    Cli::CommandLine cli(QStringLiteral("sync"),
                         QStringLiteral("Usage: burnrate sync [--account NAME]\n"
                                        "Syncs every active (not paused) account, or only NAME. Exits 1 with the reason when a\n"
                                        "sync fails; windows fetched before the failure stay stored.\n"));
    const QString unexpected = QStringLiteral("unexpected argument \"%1\"");
    cli.setUnknownMessage(unexpected);
    cli.setMissingValueMessage(unexpected);
    cli.setInlineValues(true);
    cli.value(QStringLiteral("--account"), QStringLiteral("NAME"), QStringLiteral("sync only this account"), name);
    if (const auto done = cli.parse(args))
        return *done;
    Conn::AccountManager manager(ctx.dbPath);
    QString error;
    if (!manager.open(&error)) {
        std::fprintf(stderr, "burnrate sync: %s\n", qPrintable(error));
        return 1;
    }
    QList<qint64> ids;
    if (!name.isEmpty()) {
        const auto account = manager.accountByName(name);
        if (!account) {
            std::fprintf(stderr, "burnrate sync: no account named \"%s\"\n", qPrintable(name));
            return 1;
        }
        if (account->paused) {
            std::fprintf(stderr, "burnrate sync: account \"%s\" is paused\n", qPrintable(name));
            return 1;
        }
        ids << account->id;
    }

    // Sources that bill per request (AWS Cost Explorer) say what this run will cost first.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (const Conn::AccountConfig &a : manager.accounts()) {
        if ((ids.isEmpty() && !a.paused) || ids.contains(a.id)) {
            const QString note = Conn::ConnectorRegistry::requestNote(a, manager.status(a.id), today);
            if (!note.isEmpty())
                std::printf("%s: %s\n", qPrintable(a.name), qPrintable(note));
        }
    }
    std::fflush(stdout);

    const bool tty = isatty(STDERR_FILENO);
    Conn::SyncEngine *engine = manager.engine();
    QObject::connect(engine, &Conn::SyncEngine::progress, engine,
                     [tty](qint64, int done, int total, const QString &text) {
                         if (tty)
                             std::fprintf(stderr, "\r  [%d/%d] %-60s", done, total, qPrintable(text.left(60)));
                         else if (text == Conn::SyncWorker::waitingText()) // the sync's own wait notice
                             std::fprintf(stderr, "burnrate sync: %s\n", qPrintable(text));
                     });
    QObject::connect(engine, &Conn::SyncEngine::accountFinished, engine, [tty](const Conn::SyncOutcome &o) {
        if (tty)
            std::fprintf(stderr, "\r%80s\r", "");
        if (o.ok) {
            const QString written = o.telemetry ? QStringLiteral("%1 model calls added to the telemetry").arg(o.rows)
                                                : QStringLiteral("%1 charges written, %2 replaced").arg(o.rows).arg(o.replaced);
            std::printf("%s: %s, %d windows%s\n", qPrintable(o.accountName), qPrintable(written), o.windows,
                        o.syncedThrough.isValid()
                            ? qPrintable(QStringLiteral(", synced through %1").arg(o.syncedThrough.addDays(-1).toString(Qt::ISODate)))
                            : "");
            for (const QString &notice : o.notices)
                std::printf("  note: %s\n", qPrintable(notice));
        } else {
            std::fprintf(stderr, "burnrate sync: %s\n", qPrintable(o.error));
        }
        std::fflush(stdout);
    });
    QList<Conn::SyncOutcome> outcomes;
    QEventLoop loop;
    QObject::connect(engine, &Conn::SyncEngine::finished, &loop, [&](const QList<Conn::SyncOutcome> &all) {
        outcomes = all;
        loop.quit();
    });
    if (!manager.sync(ids, &error)) {
        std::fprintf(stderr, "burnrate sync: %s\n", qPrintable(error));
        return 1;
    }
    loop.exec();
    // Like an import, a sync that changed the store is followed by the anomaly scan (windows
    // stored before a failure count too). A failed scan is reported; the sync stands.
    if (std::any_of(outcomes.begin(), outcomes.end(), [](const Conn::SyncOutcome &o) { return o.rows > 0 || o.replaced > 0; })) {
        Cost::Store store;
        if (!store.open(ctx.dbPath.toStdString(), Cost::Store::TeamStore::ReadWrite))
            std::fprintf(stderr, "burnrate sync: anomaly scan failed: %s\n", store.error().c_str());
        else if (!Analytics::scanIsCurrent(store.db()))
            runPostImportAnomalyScan(store, "sync");
    }
    for (const Conn::SyncOutcome &o : outcomes)
        if (!o.ok)
            return 1;
    return 0;
}
