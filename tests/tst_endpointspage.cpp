// The Endpoints page (issue #18 item 4) on the demo store: its table is Endpoints::endpointStats for
// the range, column by column; the week heat map of the busy endpoint is full and of the idle one
// mostly empty (and its cells add up to the stats); the comparison with the pay-per-token API; the
// empty state of a store without endpoints; the report's "Self-hosted endpoints" section.
#include "domain/timeparse.h"
#include "domain/translations.h"
#include "endpoints/endpointhours.h"
#include "endpoints/endpointspage.h"
#include "endpoints/endpointstats.h"
#include "endpoints/endpointtext.h"
#include "endpoints/utilisationheatmap.h"
#include "format/format.h"
#include "format/hours.h"
#include "format/money.h"
#include "guitestmain.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricestore.h"
#include "report/endpointsection.h"
#include "shell/mainwindow.h"
#include "store/store.h"
#include "testsupport.h"

#include <QLabel>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>

namespace {

constexpr int kLoadTimeoutMs = 60000;
const std::int64_t kEnd = Cost::daysFromCivil(2026, 3, 29); // a Sunday: the last 14 days hold 10 weekdays
const std::int64_t kFrom = kEnd - 13;
constexpr auto kCents = Format::Precision::Cents;
const QString kUsd = QStringLiteral("USD");

QString cell(QTableWidget *table, int row, int col)
{
    const QTableWidgetItem *item = table->item(row, col);
    return item ? item->text() : QString();
}

QString orDash(const std::optional<Cost::BigMoney> &v) { return v ? Format::money(*v, kUsd, kCents) : QStringLiteral("\u2014"); }

} // namespace

class TestEndpointsPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    std::vector<Endpoints::EndpointStats> m_stats; // endpointStats for [kFrom, kEnd], read by the test

    bool load(EndpointsPage &page, std::int64_t from, std::int64_t to)
    {
        QSignalSpy loaded(&page, &Page::loaded);
        page.show(); // a hidden page does not load
        page.setDateRange(from, to);
        page.reload();
        return loaded.wait(kLoadTimeoutMs);
    }

    const Endpoints::EndpointStats *find(const char *endpoint) const
    {
        for (const auto &s : m_stats)
            if (s.endpoint == endpoint)
                return &s;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Translations::install(QStringLiteral("en")); // "%n endpoint(s)" as the app prints it
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(m_db, kEnd, 30, &error), error.c_str());
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        Pricing::PriceCatalog catalog;
        QVERIFY2(Pricing::loadCatalog(store.db(), catalog, error), error.c_str());
        QVERIFY2(Endpoints::endpointStats(store.db(), catalog, kFrom, kEnd, m_stats, error), error.c_str());
        QCOMPARE(m_stats.size(), std::size_t(2));
    }

    void pageIsRegistered() { QVERIFY(MainWindow::pageIds().contains(QStringLiteral("endpoints"))); }

    void tableIsTheEndpointStats()
    {
        EndpointsPage page(m_db);
        QVERIFY(load(page, kFrom, kEnd));
        QVERIFY(!page.isShowingEmptyState());
        QTableWidget *table = page.table();
        QCOMPARE(table->rowCount(), static_cast<int>(m_stats.size()));
        QCOMPARE(table->columnCount(), static_cast<int>(Endpoints::kColumnCount));
        Cost::BigMoney cost = 0, idle = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            const Endpoints::EndpointStats &s = m_stats[static_cast<std::size_t>(row)];
            cost += s.cost;
            idle += s.idleCost;
            QCOMPARE(cell(table, row, Endpoints::kColEndpoint), QString::fromStdString(s.endpoint));
            QCOMPARE(cell(table, row, Endpoints::kColProvider), QString::fromStdString(s.provider));
            QCOMPARE(cell(table, row, Endpoints::kColInstance), QString::fromStdString(s.instanceType));
            QCOMPARE(cell(table, row, Endpoints::kColAccelerator), QString::fromStdString(s.accelerator));
            QCOMPARE(cell(table, row, Endpoints::kColHours), Format::hours(s.hours));
            QCOMPARE(cell(table, row, Endpoints::kColCost), Format::money(s.cost, kUsd, kCents));
            QCOMPARE(cell(table, row, Endpoints::kColUtilisation), Format::percent(s.utilisationPercent()));
            QCOMPARE(cell(table, row, Endpoints::kColIdleCost), Format::money(s.idleCost, kUsd, kCents));
            QCOMPARE(cell(table, row, Endpoints::kColPer1kRequests), orDash(s.costPer1kRequests));
            QCOMPARE(cell(table, row, Endpoints::kColApiEquivalent), orDash(s.apiEquivalentCost));
            QCOMPARE(cell(table, row, Endpoints::kColBreakEven),
                     s.breakEvenRequestsPerMonth ? Format::count(*s.breakEvenRequestsPerMonth) : QStringLiteral("\u2014"));
        }
        // The demo's figures, by hand: 14 days × 24 h at $7.09 (busy every hour) and at $0.526 (idle but
        // 10 weekdays × 2 h).
        QCOMPARE(cell(table, 0, Endpoints::kColEndpoint), QStringLiteral("support-llama"));
        QCOMPARE(cell(table, 0, Endpoints::kColHours), QStringLiteral("336"));
        QCOMPARE(cell(table, 0, Endpoints::kColCost), QStringLiteral("$2,382.24"));
        QCOMPARE(cell(table, 0, Endpoints::kColUtilisation), QStringLiteral("100.0%"));
        QCOMPARE(cell(table, 1, Endpoints::kColEndpoint), QStringLiteral("mistral-lab/blue"));
        QCOMPARE(cell(table, 1, Endpoints::kColIdleCost), QStringLiteral("$166.22"));
        QCOMPARE(cell(table, 1, Endpoints::kColUtilisation), Format::percent(100.0 * 20 / 336));

        const QString summary = page.summaryLabel()->text();
        QVERIFY2(summary.contains(Format::money(cost, kUsd, kCents)) && summary.contains(Format::money(idle, kUsd, kCents))
                     && summary.contains(QStringLiteral("across 2 endpoints")),
                 qPrintable(summary));
    }

    // Selecting a row shows its week and its comparison with the API.
    void selectionShowsTheWeekAndTheComparison()
    {
        EndpointsPage page(m_db);
        QVERIFY(load(page, kFrom, kEnd));
        QCOMPARE(page.table()->currentRow(), 0);
        for (int row : {1, 0}) {
            page.table()->selectRow(row);
            const Endpoints::EndpointStats &s = m_stats[static_cast<std::size_t>(row)];
            const Endpoints::WeekHours &week = page.heatMap()->week();
            std::int64_t paid = 0, busy = 0, requests = 0;
            for (const auto &c : week.cells) {
                paid += c.paidHours;
                busy += c.busyHours;
                requests += c.requests;
            }
            QCOMPARE(paid, s.paidClockHours);
            QCOMPARE(busy, s.busyClockHours);
            QCOMPARE(requests, s.requests);
            QVERIFY(page.detailLabel()->text().contains(QString::fromStdString(s.endpoint)));
            QCOMPARE(page.comparisonLabel()->text(), Endpoints::apiComparisonText(s));
            QVERIFY(s.apiEquivalentCost); // both demo models are in the catalog
            QVERIFY2(page.comparisonLabel()->text().contains(Format::money(*s.apiEquivalentCost, kUsd, kCents)),
                     qPrintable(page.comparisonLabel()->text()));
        }
    }

    // The busy endpoint's week is full, the idle one's mostly empty: calls only at 10:00 and 11:00 UTC
    // on the demo's five working days. (The demo generator's weekday is one ahead of the calendar —
    // demogenerator.cpp counts 1970-01-01 as a Friday — so its quiet days are Friday and Saturday UTC;
    // the heat map shows the calendar's.)
    void heatMapOfTheBusyAndTheIdleEndpoint()
    {
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        std::vector<Endpoints::WeekHours> weeks;
        std::string error;
        QVERIFY2(Endpoints::endpointWeekHours(store.db(), m_stats, kFrom, kEnd, weeks, error), error.c_str());
        QCOMPARE(weeks.size(), m_stats.size());
        const auto *llama = find("support-llama");
        const auto *mistral = find("mistral-lab/blue");
        QVERIFY(llama && mistral);
        const Endpoints::WeekHours &busy = weeks[static_cast<std::size_t>(llama - m_stats.data())];
        const Endpoints::WeekHours &idle = weeks[static_cast<std::size_t>(mistral - m_stats.data())];
        int fullCells = 0, usedCells = 0;
        QSet<int> usedDays;
        for (int d = 0; d < 7; ++d)
            for (int h = 0; h < 24; ++h) {
                QCOMPARE(busy.at(d, h).paidHours, std::int64_t(2)); // two weeks
                QCOMPARE(idle.at(d, h).paidHours, std::int64_t(2));
                fullCells += busy.at(d, h).busyShare() == 1.0 ? 1 : 0;
                if (idle.at(d, h).busyHours > 0) {
                    ++usedCells;
                    usedDays.insert(d);
                    QVERIFY2(h == 10 || h == 11, qPrintable(QStringLiteral("day %1 hour %2").arg(d).arg(h)));
                    QCOMPARE(idle.at(d, h).busyShare(), 1.0);
                } else {
                    QCOMPARE(idle.at(d, h).busyShare(), 0.0);
                }
            }
        QCOMPARE(usedDays.size(), 5);
        QCOMPARE(fullCells, 7 * 24);
        QCOMPARE(usedCells, 10); // of 168
        // Hour 0 is Thursday, 1970-01-01.
        QCOMPARE(Endpoints::weekdayOfHour(0), 3);
        QCOMPARE(Endpoints::weekdayOfHour(24 * 4), 0);
        QCOMPARE(Endpoints::weekdayOfHour(-1), 2);
    }

    void emptyStoreSaysWhereEndpointsComeFrom()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.sqlite"));
        {
            Cost::Store store;
            QVERIFY(store.open(path.toStdString()));
        }
        EndpointsPage page(path);
        QVERIFY(load(page, kFrom, kEnd));
        QVERIFY(page.isShowingEmptyState());
        QVERIFY2(page.emptyLabel()->text().contains(QStringLiteral("SageMaker"))
                     && page.emptyLabel()->text().contains(QStringLiteral("Hugging Face")),
                 qPrintable(page.emptyLabel()->text()));
        // The demo store before its endpoints began: empty too.
        EndpointsPage before(m_db);
        QVERIFY(load(before, kEnd - 400, kEnd - 300));
        QVERIFY(before.isShowingEmptyState());
    }

    void reportHasTheSection()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is needed");
        Report::registerEndpointSection();
        Report::ReportRequest r;
        r.fromDay = kFrom;
        r.toDay = kEnd;
        QString text, error;
        QStringList titles;
        QVERIFY2(TestSupport::reportText(m_db, r, m_dir.filePath(QStringLiteral("report.pdf")), &text, &titles, &error),
                 qPrintable(error));
        QVERIFY2(titles.contains(QStringLiteral("Self-hosted endpoints")), qPrintable(titles.join(QLatin1Char(','))));
        text = text.simplified();
        for (const auto &s : m_stats) {
            QVERIFY2(text.contains(QString::fromStdString(s.endpoint)), s.endpoint.c_str());
            QVERIFY2(text.contains(Format::money(s.cost, kUsd, kCents)), qPrintable(text.right(3000)));
            QVERIFY(text.contains(Format::money(s.idleCost, kUsd, kCents)));
            QVERIFY(text.contains(Format::money(*s.apiEquivalentCost, kUsd, kCents)));
        }
        // A range without endpoints leaves the section out.
        r.fromDay = kEnd - 400;
        r.toDay = kEnd - 300;
        QVERIFY2(TestSupport::reportText(m_db, r, m_dir.filePath(QStringLiteral("report2.pdf")), &text, &titles, &error),
                 qPrintable(error));
        QVERIFY2(!titles.contains(QStringLiteral("Self-hosted endpoints")), qPrintable(titles.join(QLatin1Char(','))));
    }
};

BURNRATE_GUI_TEST_MAIN(TestEndpointsPage)
#include "tst_endpointspage.moc"
