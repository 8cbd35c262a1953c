// `burnrate sync` runs the same post-import anomaly scan as `burnrate import`: a focus-folder
// account (a local folder of FOCUS exports, no secret) is synced, and the spike on its last day is
// stored and listed by `burnrate anomalies` without a new scan.
#include "domain/timeparse.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t kDay = 86400;
const std::int64_t kFirstDay = Cost::daysFromCivil(2025, 3, 3);
constexpr int kDays = 56;

QString iso(std::int64_t t) { return QString::fromStdString(Cost::formatTimestamp(t)); }

// One charge a day for kDays days: about $100 on working days, $60 at weekends, ten times that on
// the last day.
bool writeExport(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray csv = "ChargePeriodStart,ChargePeriodEnd,BillingPeriodStart,BillingPeriodEnd,BilledCost,BillingCurrency,"
                     "ProviderName,ServiceName,ChargeCategory\n";
    for (int d = 0; d < kDays; ++d) {
        const std::int64_t day = kFirstDay + d;
        int y;
        unsigned m, dd;
        Cost::civilFromDays(day, y, m, dd);
        const std::int64_t periodStart = Cost::daysFromCivil(y, m, 1) * kDay;
        const std::int64_t periodEnd = Cost::daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * kDay;
        double cost = (d % 7 >= 5 ? 60.0 : 100.0) * (1.0 + 0.05 * std::sin(d * 1.7));
        if (d == kDays - 1)
            cost *= 10;
        csv += (iso(day * kDay) + u',' + iso((day + 1) * kDay) + u',' + iso(periodStart) + u',' + iso(periodEnd) + u','
                + QString::number(cost, 'f', 4) + u",USD,Example Cloud,Example Model Service,Usage\n"_s)
                   .toUtf8();
    }
    return f.write(csv) == csv.size();
}

} // namespace

class TestAnomalySync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void syncRunsTheAnomalyScan()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(u"exports"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(writeExport(folder + u"/export.csv"_s));
        const QString db = dir.filePath(u"s.sqlite"_s);
        // The children keep their settings and caches in the temporary directory.
        for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
            qputenv(var, dir.filePath(QString::fromLatin1(var)).toLocal8Bit());
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({u"--db"_s, db, u"accounts"_s, u"add"_s, u"--provider"_s, u"focus-folder"_s, u"--name"_s,
                                           u"exports"_s, u"--option"_s, u"path="_s + folder},
                                          &out, &err),
                 0);
        QCOMPARE(TestSupport::runBurnrate({u"--db"_s, db, u"sync"_s}, &out, &err), 0);
        QVERIFY2(out.contains(u"exports: %1 charges written"_s.arg(kDays)), qPrintable(out + err));
        QVERIFY2(out.contains(u"anomalies: "_s), qPrintable(out + err));

        // The scan is current: listing does not scan again, and shows the spike on the total series.
        QCOMPARE(TestSupport::runBurnrate({u"--db"_s, db, u"anomalies"_s, u"--format"_s, u"json"_s}, &out, &err), 0);
        QVERIFY2(!err.contains(u"scanning"_s), qPrintable(err));
        const QJsonArray list = QJsonDocument::fromJson(out.toUtf8()).array();
        bool spike = false;
        for (const QJsonValue &v : list) {
            const QJsonObject a = v.toObject();
            spike = spike
                || (a[u"grain"_s].toString() == u"day"_s && a[u"series"_s].toObject()[u"dimension"_s].toString().isEmpty()
                    && a[u"start"_s].toString() == iso((kFirstDay + kDays - 1) * kDay) && a[u"impact"_s].toString().toDouble() > 500);
        }
        QVERIFY2(spike, qPrintable(out));

        // A sync that brings nothing new leaves the scan alone.
        QCOMPARE(TestSupport::runBurnrate({u"--db"_s, db, u"sync"_s}, &out, &err), 0);
        QVERIFY2(!out.contains(u"anomalies: "_s), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestAnomalySync)
#include "tst_anomalysync.moc"
