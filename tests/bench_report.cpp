// Prints how long a report of a large store takes: reading the store, then both layout passes.
//   bench_report [STORE] [OUT.pdf] [MONTHS]   (default: /work/bench/r1m.sqlite, 12 months ending
//   at the store's last day)
#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "report/reportwriter.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // QPainter text needs the font database
    const QString db = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/work/bench/r1m.sqlite");
    const QString out = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("/tmp/bench_report.pdf");
    const int months = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 12;
    if (!QFileInfo::exists(db)) {
        std::fprintf(stderr, "no store at %s\n", qPrintable(db));
        return 1;
    }

    Cost::Store store;
    std::int64_t first = 0, last = 0;
    if (!store.open(db.toStdString()) || !Analytics::dataRange(store.db(), first, last)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(db));
        return 1;
    }
    std::printf("store: %s, %lld charges, data %s .. %s\n", qPrintable(db), static_cast<long long>(store.factCount()),
                Cost::formatDay(first).c_str(), Cost::formatDay(last).c_str());
    store.close();

    Report::ReportRequest request;
    request.toDay = last;
    request.fromDay = last - months * 365 / 12 + 1;
    request.workspace = QFileInfo(db).completeBaseName();

    QElapsedTimer total;
    total.start();
    Report::ReportWriter writer(request);
    if (!writer.write(db, out)) {
        std::fprintf(stderr, "report failed: %s\n", qPrintable(writer.error()));
        return 1;
    }
    const qint64 ms = total.elapsed();
    std::printf("report %s .. %s (%d months): %d pages, read %lld ms, render %lld ms, total %lld ms -> %s\n",
                Cost::formatDay(request.fromDay).c_str(), Cost::formatDay(request.toDay).c_str(), months,
                writer.stats().pages, static_cast<long long>(writer.stats().gatherMs),
                static_cast<long long>(writer.stats().renderMs), static_cast<long long>(ms), qPrintable(out));
    return 0;
}
