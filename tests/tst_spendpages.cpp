// The spend pages (By model, By feature, By provider / service, By team) in the real
// MainWindow, offscreen: they share one filter; clicking a table row, a series or a bar narrows
// it and every page reloads with it; breadcrumbs step back; the filter combos are filled from
// the store; the grain follows the range unless the user picks one.
#include "analytics/analytics.h"
#include "analytics/freshness.h"
#include "charts/timecostchart.h"
#include "charts/topnbarchart.h"
#include "domain/timeparse.h"
#include "guitestmain.h"
#include "otlptestdata.h"
#include "testsupport.h"
#include "import/demogenerator.h"
#include "shell/daterangebar.h"
#include "shell/mainwindow.h"
#include "spend/breakdowntablemodel.h"
#include "spend/byproviderpage.h"
#include "spend/coveragenote.h"
#include "spend/filterbreadcrumbs.h"
#include "spend/spendfilter.h"
#include "spend/spendfilterbar.h"
#include "spend/spendpage.h"
#include "spend/telemetrycard.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QComboBox>
#include <QFile>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {

constexpr int kLoadTimeoutMs = 60000;
const QStringList kSpendPages = {QStringLiteral("by-model"), QStringLiteral("by-feature"), QStringLiteral("by-provider"),
                                 QStringLiteral("by-team")};

SpendPage *spendPage(MainWindow &window, const QString &id)
{
    return qobject_cast<SpendPage *>(window.page(id));
}

// Shows the window at a desktop size on the spend page `id` (charts lay out their axes for the
// visible page); returns that page.
SpendPage *showWindowAt(MainWindow &window, const QString &id)
{
    window.resize(1440, 900);
    window.show();
    window.showPage(id);
    return spendPage(window, id);
}

// Spend pages load when shown: shows each in turn (as a user would), waits for it to load,
// then shows `back` again (already loaded: showing it again does not reload it).
void showEach(MainWindow &window, const QString &back)
{
    for (const QString &id : kSpendPages) {
        window.showPage(id);
        QTRY_VERIFY_WITH_TIMEOUT(spendPage(window, id)->isLoaded(), kLoadTimeoutMs);
    }
    window.showPage(back);
    QVERIFY(spendPage(window, back)->isLoaded());
}

#define SHOW_EACH(window, back)                                                                                         \
    do {                                                                                                               \
        showEach(window, QStringLiteral(back));                                                                        \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

Cost::BigMoney exactTotal(const QString &dbPath, qint64 from, qint64 to, std::vector<Analytics::Filter> filters)
{
    Cost::Store store;
    Analytics::TotalsRequest request;
    request.fromDay = from;
    request.toDay = to;
    request.filters = std::move(filters);
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    if (!store.open(dbPath.toStdString()) || !Analytics::totals(store.db(), request, rows, error))
        return -1;
    return rows.empty() ? 0 : rows.front().value;
}

int rowOf(const BreakdownTableModel *model, const QString &key)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->keyAt(r) == key)
            return r;
    }
    return -1;
}

void clickRow(SpendPage *page, int row)
{
    QTableView *view = page->table();
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestSpendPages : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    const std::int64_t m_end = Cost::daysFromCivil(2025, 6, 18);

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale::c());
        m_path = m_dir.filePath(QStringLiteral("spend.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(m_path, m_end, 200, &error), error.c_str());
    }

    void pagesAreRegistered()
    {
        for (const QString &id : kSpendPages)
            QVERIFY2(MainWindow::pageIds().contains(id), qPrintable(id));
    }

    void drillDownNarrowsEveryPage()
    {
        MainWindow window(m_path);
        SpendPage *byModel = showWindowAt(window, QStringLiteral("by-model"));
        SpendPage *byFeature = spendPage(window, QStringLiteral("by-feature"));
        QVERIFY(byModel && byFeature);
        QAbstractItemModelTester tester(byModel->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        SHOW_EACH(window, "by-model");
        QCOMPARE(byModel->filter(), byFeature->filter()); // one filter for all
        const qint64 from = byModel->fromDay(), to = byModel->toDay();
        const Cost::BigMoney everything = exactTotal(m_path, from, to, {});
        for (const QString &id : kSpendPages)
            QVERIFY(spendPage(window, id)->snapshot().breakdown.total == everything);
        QCOMPARE(byModel->breadcrumbs()->texts(), QStringList{QStringLiteral("All spend")});
        QVERIFY(!byModel->breadcrumbs()->backButton()->isEnabled());

        // Clicking the gpt-4o row narrows the shared filter; every page reloads with it.
        const int row = rowOf(byModel->tableModel(), QStringLiteral("gpt-4o"));
        QVERIFY(row >= 0);
        const Cost::BigMoney gpt4o = byModel->tableModel()->rowAt(row).cost;
        clickRow(byModel, row);
        QCOMPARE(byModel->filter()->steps(), (QList<SpendFilter::Step>{{QStringLiteral("model"), QStringLiteral("gpt-4o")}}));
        // Only the shown page reloads now; the hidden ones are stale until shown.
        QTRY_VERIFY_WITH_TIMEOUT(byModel->isLoaded(), kLoadTimeoutMs);
        QVERIFY(byModel->snapshot().breakdown.total == gpt4o);
        QVERIFY(byFeature->isStale() && !byFeature->isLoaded());
        QVERIFY(byFeature->snapshot().breakdown.total == everything);
        SHOW_EACH(window, "by-model");
        const std::vector<Analytics::Filter> modelOnly = {{"model", "gpt-4o"}};
        for (const QString &id : kSpendPages) {
            const SpendPage *page = spendPage(window, id);
            QVERIFY2(page->snapshot().breakdown.query.filters == modelOnly, qPrintable(id));
            QVERIFY2(page->snapshot().breakdown.total == gpt4o, qPrintable(id));
            QCOMPARE(page->breadcrumbs()->texts(), (QStringList{QStringLiteral("All spend"), QStringLiteral("Model: gpt-4o")}));
        }
        QCOMPARE(byModel->tableModel()->rowCount(), 1);
        QCOMPARE(byModel->filterBar()->combo(QStringLiteral("model"))->currentText(), QStringLiteral("gpt-4o"));
        QCOMPARE(byFeature->filterBar()->combo(QStringLiteral("model"))->currentText(), QStringLiteral("gpt-4o"));

        // On By feature, the top feature of gpt-4o narrows further.
        window.showPage(QStringLiteral("by-feature"));
        const QString feature = byFeature->tableModel()->keyAt(0);
        const Cost::BigMoney both = byFeature->tableModel()->rowAt(0).cost;
        clickRow(byFeature, 0);
        QCOMPARE(byFeature->filter()->depth(), 2);
        SHOW_EACH(window, "by-feature");
        QVERIFY(byModel->snapshot().breakdown.total == both);
        QVERIFY(both == exactTotal(m_path, from, to, {{"model", "gpt-4o"}, {"feature", feature.toStdString()}}));
        QCOMPARE(byFeature->breadcrumbs()->texts().last(), QStringLiteral("Feature: %1").arg(feature));

        // The "Model: gpt-4o" crumb steps back to it; Back steps back to everything.
        QTest::mouseClick(byFeature->breadcrumbs()->crumb(1), Qt::LeftButton);
        QCOMPARE(byFeature->filter()->depth(), 1);
        SHOW_EACH(window, "by-feature");
        QVERIFY(byFeature->snapshot().breakdown.total == gpt4o);
        QTest::mouseClick(byFeature->breadcrumbs()->backButton(), Qt::LeftButton);
        QVERIFY(byFeature->filter()->isEmpty());
        SHOW_EACH(window, "by-feature");
        for (const QString &id : kSpendPages) {
            QVERIFY(spendPage(window, id)->snapshot().breakdown.query.filters.empty());
            QVERIFY(spendPage(window, id)->snapshot().breakdown.total == everything);
        }
        // Ten models and the demo's self-hosted endpoints, billed by the hour without a model (#18).
        QCOMPARE(byModel->tableModel()->rowCount(), 11);
        QCOMPARE(byModel->filterBar()->combo(QStringLiteral("model"))->currentIndex(), 0);
    }

    // Issue #23 item 11: Alt+Left goes Back through the drill-down, Alt+Right forward again;
    // a new narrowing clears what was ahead.
    void altLeftGoesBack()
    {
        MainWindow window(m_path);
        SpendPage *byModel = showWindowAt(window, QStringLiteral("by-model"));
        QVERIFY(byModel);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        SpendFilter *filter = byModel->filter();
        filter->clear();
        filter->narrow(QStringLiteral("model"), QStringLiteral("gpt-4o"));
        filter->narrow(QStringLiteral("feature"), QStringLiteral("search"));
        QCOMPARE(filter->depth(), 2);
        QTest::keyClick(byModel->table(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(filter->steps(), (QList<SpendFilter::Step>{{QStringLiteral("model"), QStringLiteral("gpt-4o")}}));
        QTest::keyClick(byModel->table(), Qt::Key_Left, Qt::AltModifier);
        QVERIFY(filter->isEmpty());
        QTest::keyClick(byModel->table(), Qt::Key_Left, Qt::AltModifier); // nothing further back
        QVERIFY(filter->isEmpty());
        QTest::keyClick(byModel->table(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(filter->depth(), 1);
        QTest::keyClick(byModel->table(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(filter->depth(), 2);
        QCOMPARE(filter->steps().last(), (SpendFilter::Step{QStringLiteral("feature"), QStringLiteral("search")}));
        QTest::keyClick(byModel->table(), Qt::Key_Left, Qt::AltModifier);
        filter->narrow(QStringLiteral("team"), QStringLiteral("support")); // a new path: nothing ahead
        QTest::keyClick(byModel->table(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(filter->steps().last().dimension, QStringLiteral("team"));
        filter->clear();
        QTRY_VERIFY_WITH_TIMEOUT(byModel->isLoaded(), kLoadTimeoutMs);
    }

    void loadedOnceChartsAreDrawn()
    {
        MainWindow window(m_path);
        window.resize(1440, 900);
        window.showPage(QStringLiteral("by-model"));
        SpendPage *page = spendPage(window, QStringLiteral("by-model"));
        // What loaded() promises (and the screenshot command relies on): the charts have drawn.
        bool drawn = false;
        int timeTicks = 0, moneyTicks = 0, bars = 0;
        connect(page, &Page::loaded, this, [&] {
            drawn = !page->timeChart()->isRebuildPending() && !page->topChart()->isRebuildPending();
            timeTicks = static_cast<int>(page->timeChart()->timeTickLabels().size());
            moneyTicks = static_cast<int>(page->timeChart()->moneyTickLabels().size());
            bars = page->topChart()->barSeries() ? static_cast<int>(page->topChart()->barSeries()->barSets().size()) : 0;
        });
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QVERIFY(drawn);
        QVERIFY(timeTicks >= 2);
        QVERIFY(moneyTicks >= 3);
        QCOMPARE(bars, SpendPage::kTopN + 1);
        // Hidden pages have not queried anything.
        for (const QString &id : kSpendPages) {
            if (id != QStringLiteral("by-model"))
                QVERIFY2(spendPage(window, id)->isStale() && spendPage(window, id)->snapshot().empty, qPrintable(id));
        }
    }

    void chartsNarrowToo()
    {
        MainWindow window(m_path);
        SpendPage *byTeam = showWindowAt(window, QStringLiteral("by-team"));
        SHOW_EACH(window, "by-team");
        QVERIFY(byTeam->filter()->isEmpty()); // a new window starts unfiltered
        QTRY_VERIFY(!byTeam->timeChart()->isRebuildPending() && !byTeam->topChart()->isRebuildPending());

        // Clicking the top team's area in the time chart.
        auto *area = qobject_cast<QAreaSeries *>(byTeam->timeChart()->chartSeries().first());
        QVERIFY(area);
        const QString topTeam = byTeam->timeChart()->data().series.front().key;
        Q_EMIT area->clicked(QPointF(1, 1));
        QCOMPARE(byTeam->filter()->steps(), (QList<SpendFilter::Step>{{QStringLiteral("team"), topTeam}}));
        byTeam->filter()->clear();

        // Clicking the second bar of the top-N chart; "Other" does not narrow.
        QHorizontalStackedBarSeries *bars = byTeam->topChart()->barSeries();
        QVERIFY(bars);
        Q_EMIT bars->clicked(0, bars->barSets().at(1));
        QCOMPARE(byTeam->filter()->steps().size(), 1);
        QCOMPARE(byTeam->filter()->steps().first().value, byTeam->topChart()->items().at(1).key);
        byTeam->filter()->clear();
        SHOW_EACH(window, "by-model");

        // Legend markers hide and show series.
        SpendPage *byModel = spendPage(window, QStringLiteral("by-model"));
        TimeCostChart *chart = byModel->timeChart();
        QTRY_VERIFY(!chart->isRebuildPending());
        QCOMPARE(chart->seriesNames().size(), SpendPage::kTopN + 1);
        QCOMPARE(chart->seriesNames().last(), QStringLiteral("Other"));
        QLegendMarker *marker = chart->chart()->legend()->markers().first();
        const QString name = marker->label();
        Q_EMIT marker->clicked();
        QVERIFY(chart->isSeriesHidden(name));
        QTRY_VERIFY(!chart->isRebuildPending());
        chart->chart()->legend()->markers().first()->clicked();
        QVERIFY(!chart->isSeriesHidden(name));
        // Other has no filter value: clicking it keeps the filter.
        QTRY_VERIFY(!chart->isRebuildPending());
        Q_EMIT qobject_cast<QAreaSeries *>(chart->chartSeries().last())->clicked(QPointF(1, 1));
        QVERIFY(byModel->filter()->isEmpty());
    }

    void filterCombosComeFromTheStore()
    {
        MainWindow window(m_path);
        window.show();
        SHOW_EACH(window, "by-model");
        SpendPage *byModel = spendPage(window, QStringLiteral("by-model"));
        QComboBox *providers = byModel->filterBar()->combo(QStringLiteral("provider"));
        QStringList names;
        for (int i = 1; i < providers->count(); ++i)
            names << providers->itemText(i);
        QCOMPARE(names, (QStringList{QStringLiteral("Anthropic"), QStringLiteral("AWS"), QStringLiteral("Google Cloud"),
                                     QStringLiteral("Microsoft"), QStringLiteral("OpenAI")}));
        // All, the four token kinds, and none (the demo endpoints' hour-billed charges, #18).
        QCOMPARE(byModel->filterBar()->combo(QStringLiteral("token_kind"))->count(), 6);

        // Choosing a provider narrows every page; the model combo then offers that provider's models only.
        providers->setCurrentIndex(providers->findText(QStringLiteral("Anthropic")));
        Q_EMIT providers->activated(providers->currentIndex());
        QCOMPARE(byModel->filter()->steps().first(), (SpendFilter::Step{QStringLiteral("provider"), QStringLiteral("Anthropic")}));
        SHOW_EACH(window, "by-model");
        QComboBox *models = byModel->filterBar()->combo(QStringLiteral("model"));
        QCOMPARE(models->count(), 3); // All, claude-3-5-haiku, claude-3-5-sonnet
        QComboBox *teamProviders = spendPage(window, QStringLiteral("by-team"))->filterBar()->combo(QStringLiteral("provider"));
        QCOMPARE(teamProviders->currentText(), QStringLiteral("Anthropic"));
        // The provider combo still offers every provider (its own filter does not apply to it).
        QCOMPARE(providers->count(), 6);
        Q_EMIT providers->activated(0);
        QVERIFY(byModel->filter()->isEmpty());
    }

    void providerOrService()
    {
        MainWindow window(m_path);
        window.show();
        window.showPage(QStringLiteral("by-provider"));
        auto *page = qobject_cast<ByProviderPage *>(window.page(QStringLiteral("by-provider")));
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->tableModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Provider"));
        QVERIFY(rowOf(page->tableModel(), QStringLiteral("OpenAI")) >= 0);
        QTest::mouseClick(page->findChild<QToolButton *>(QStringLiteral("groupByService")), Qt::LeftButton);
        QVERIFY(page->isGroupedByService());
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && page->snapshot().breakdown.query.dimension == "service", kLoadTimeoutMs);
        QCOMPARE(page->tableModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Service"));
        QVERIFY(rowOf(page->tableModel(), QStringLiteral("Azure OpenAI")) >= 0);
        clickRow(page, rowOf(page->tableModel(), QStringLiteral("Azure OpenAI")));
        QCOMPARE(page->filter()->steps().first(), (SpendFilter::Step{QStringLiteral("service"), QStringLiteral("Azure OpenAI")}));
        page->filter()->clear();
    }

    // Buckets still arriving are hatched and named in the legend, at every grain and style; the
    // note is not a series (it cannot be hidden, it is not exported).
    void partialBucketsAreHatched()
    {
        TimeCostChart chart;
        chart.resize(900, 400);
        chart.show();
        TimeCostChart::Data d;
        d.grain = Analytics::Grain::Day;
        const qint64 first = Cost::daysFromCivil(2025, 6, 1);
        for (qint64 day = first; day < first + 5; ++day)
            d.bucketStarts.push_back(day * 86400);
        d.rangeStart = first * 86400;
        d.rangeEnd = (first + 5) * 86400;
        d.currency = QStringLiteral("USD");
        d.series.push_back({QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o"), false, {100, 110, 105, 120, 30}});
        d.series.push_back({QStringLiteral("Other"), QString(), true, {10, 12, 11, 9, 2}});
        auto drawn = [&](const TimeCostChart::Data &data) {
            chart.setData(data);
            QTRY_VERIFY(!chart.isRebuildPending());
        };
        auto markers = [&] {
            QStringList names;
            for (QLegendMarker *marker : chart.chart()->legend()->markers())
                names << marker->label();
            return names;
        };

        d.completeUntil = (first + 4) * 86400 + 9 * 3600; // June 5, 9:00: the last day is arriving
        drawn(d);
        QCOMPARE(chart.firstPartialBucket(), 4);
        QVERIFY2(chart.partialNote().startsWith(QStringLiteral("Partial")), qPrintable(chart.partialNote()));
        QCOMPARE(chart.chartSeries().size(), 2);
        QCOMPARE(chart.seriesNames(), (QStringList{QStringLiteral("gpt-4o"), QStringLiteral("Other")}));
        QCOMPARE(markers(), (QStringList{QStringLiteral("gpt-4o"), QStringLiteral("Other"), chart.partialNote()}));
        const QList<QLegendMarker *> all = chart.chart()->legend()->markers();
        Q_EMIT all.last()->clicked(); // the note's marker hides nothing
        QVERIFY(!chart.isSeriesHidden(chart.partialNote()));
        QCOMPARE(chart.exportRows().size(), 1 + 5 * 2);

        chart.setStyle(TimeCostChart::Style::Bars);
        drawn(d);
        QCOMPARE(markers().size(), 3);
        QCOMPARE(chart.firstPartialBucket(), 4);

        // Complete to the end of the range, or no freshness known: nothing hatched.
        d.completeUntil = (first + 5) * 86400;
        drawn(d);
        QCOMPARE(chart.firstPartialBucket(), 5);
        QVERIFY(chart.partialNote().isEmpty());
        QCOMPARE(markers().size(), 2);
        d.completeUntil = 0;
        drawn(d);
        QVERIFY(chart.partialNote().isEmpty());

        // Hourly: the hour the data stops in is the first partial one.
        TimeCostChart::Data h = d;
        h.grain = Analytics::Grain::Hour;
        h.bucketStarts.clear();
        for (int i = 0; i < 5; ++i)
            h.bucketStarts.push_back(first * 86400 + i * 3600);
        h.completeUntil = first * 86400 + 2 * 3600 + 1800;
        chart.setStyle(TimeCostChart::Style::Area);
        drawn(h);
        QCOMPARE(chart.firstPartialBucket(), 2);
        QVERIFY(!chart.partialNote().isEmpty());
    }

    // The page hands the chart its slice's freshness.
    void spendPageKnowsItsFreshness()
    {
        MainWindow window(m_path);
        SpendPage *page = showWindowAt(window, QStringLiteral("by-model"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        Cost::Store store;
        std::int64_t until = 0;
        std::string error;
        QVERIFY(store.open(m_path.toStdString()));
        QVERIFY2(Analytics::sliceCompleteUntil(store.db(), {}, until, error), error.c_str());
        QVERIFY(until > 0);
        QCOMPARE(page->snapshot().completeUntil, until);
        QTRY_VERIFY(!page->timeChart()->isRebuildPending());
        QCOMPARE(page->timeChart()->data().completeUntil, until);
    }

    void grainFollowsTheRange_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("grain");
        QTest::addColumn<QString>("autoText");
        QTest::newRow("2 days: hourly") << 2 << int(Analytics::Grain::Hour) << QStringLiteral("Auto (hourly)");
        QTest::newRow("7 days: daily") << 7 << int(Analytics::Grain::Day) << QStringLiteral("Auto (daily)");
        QTest::newRow("120 days: daily") << 120 << int(Analytics::Grain::Day) << QStringLiteral("Auto (daily)");
        QTest::newRow("180 days: weekly") << 180 << int(Analytics::Grain::Week) << QStringLiteral("Auto (weekly)");
        QTest::newRow("600 days: monthly") << 600 << int(Analytics::Grain::Month) << QStringLiteral("Auto (monthly)");
    }
    void grainFollowsTheRange()
    {
        QFETCH(int, days);
        QFETCH(int, grain);
        QFETCH(QString, autoText);
        MainWindow window(m_path);
        window.show();
        window.showPage(QStringLiteral("by-feature"));
        SpendPage *page = spendPage(window, QStringLiteral("by-feature"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        window.dateRangeBar()->setCustomRange(m_end - days + 1, m_end);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && page->fromDay() == m_end - days + 1, kLoadTimeoutMs);
        QCOMPARE(int(page->grain()), grain);
        QCOMPARE(int(page->snapshot().breakdown.query.grain), grain);
        QCOMPARE(page->grainCombo()->currentIndex(), 0);
        QCOMPARE(page->grainCombo()->currentText(), autoText);
        QCOMPARE(int(Analytics::autoGrain(m_end - days + 1, m_end)), grain);
        // Hourly is offered up to a month, daily up to two years.
        auto *items = qobject_cast<QStandardItemModel *>(page->grainCombo()->model());
        QCOMPARE(items->item(1)->isEnabled(), days <= 31);
        QCOMPARE(items->item(2)->isEnabled(), true);
    }

    void grainCanBeChosen()
    {
        MainWindow window(m_path);
        SpendPage *page = showWindowAt(window, QStringLiteral("by-model"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->grain(), Analytics::Grain::Day); // the default 90 days
        QComboBox *combo = page->grainCombo();
        combo->setCurrentIndex(combo->findText(QStringLiteral("Monthly")));
        Q_EMIT combo->activated(combo->currentIndex());
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && page->snapshot().breakdown.query.grain == Analytics::Grain::Month,
                                 kLoadTimeoutMs);
        QCOMPARE(page->chosenGrain(), std::optional(Analytics::Grain::Month));
        QVERIFY(page->snapshot().breakdown.bucketStarts.size() >= 3 && page->snapshot().breakdown.bucketStarts.size() <= 4);
        QTRY_VERIFY(!page->timeChart()->isRebuildPending());
        // One tick per month: Mar, Apr, May, Jun 2025.
        QTRY_COMPARE(page->timeChart()->timeTickLabels(), (QStringList{QStringLiteral("Mar 2025"), QStringLiteral("Apr 2025"),
                                                                     QStringLiteral("May 2025"), QStringLiteral("Jun 2025")}));

        // Hourly over a week, then a range too long for hours: back to automatic.
        window.dateRangeBar()->setPreset(DateRangeBar::Preset::Last7Days);
        page->setChosenGrain(Analytics::Grain::Hour);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && page->snapshot().breakdown.query.grain == Analytics::Grain::Hour,
                                 kLoadTimeoutMs);
        QCOMPARE(page->snapshot().breakdown.bucketStarts.size(), std::size_t(7 * 24));
        window.dateRangeBar()->setPreset(DateRangeBar::Preset::All);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && page->snapshot().breakdown.query.grain == Analytics::Grain::Week,
                                 kLoadTimeoutMs);
        QVERIFY(!page->chosenGrain());
        QCOMPARE(combo->currentIndex(), 0);
    }

    // The By feature page says how much of the range's bill the telemetry accounts for; a range
    // without telemetry has no such line, and the other spend pages never show it.
    void byFeatureShowsTelemetryCoverage()
    {
        const QString path = m_dir.filePath(QStringLiteral("coverage.sqlite"));
        const QString bill = m_dir.filePath(QStringLiteral("coverage-bill.csv"));
        const QString spans = m_dir.filePath(QStringLiteral("coverage-spans.jsonl"));
        QFile b(bill), t(spans);
        QVERIFY(b.open(QIODevice::WriteOnly) && t.open(QIODevice::WriteOnly));
        b.write(TestSupport::focusTokenCsv({{"2026-03-01", "OpenAI", "gpt-4o-2024-08-06", "Input", "2.00", "1000000", ""},
                                            {"2026-03-02", "OpenAI", "gpt-4o-2024-08-06", "Input", "2.00", "1000000", ""}}));
        t.write(TestSupport::otlpSpanJson("0102030405060708", 250'000) + "\n"); // 2026-03-01, feature chat
        b.close();
        t.close();
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), path, QStringLiteral("import"), bill}, &out, &err), 0);
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), path, QStringLiteral("telemetry"), QStringLiteral("import"), spans},
                                          &out, &err),
                 0);
        MainWindow window(path);
        SpendPage *page = showWindowAt(window, QStringLiteral("by-feature"));
        QVERIFY(page->coverageNote());
        const std::int64_t first = Cost::daysFromCivil(2026, 3, 1);
        window.dateRangeBar()->setCustomRange(first, first);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && page->fromDay() == first, kLoadTimeoutMs);
        QTRY_VERIFY(page->coverageNote()->isVisible());
        // 250k of the day's 1M billed tokens: chat gets $0.50, (untracked) $1.50.
        QVERIFY2(page->coverageNote()->text().contains(QStringLiteral("25.0%")), qPrintable(page->coverageNote()->text()));
        QVERIFY(!page->coverageNote()->text().contains(QStringLiteral("flagged")));
        // The telemetry card: chat's $0.50 over its one request is $500.00 per 1,000 requests.
        TelemetryCard *card = page->telemetryCard();
        QVERIFY(card && card->isVisible());
        const QAbstractItemModel *m = card->table()->model();
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("chat"));
        QCOMPARE(m->index(0, 1).data().toString(), QStringLiteral("$0.50"));
        QCOMPARE(m->index(0, 2).data().toString(), QStringLiteral("1"));
        QCOMPARE(m->index(0, 3).data().toString(), QStringLiteral("$500.00"));
        QCOMPARE(card->exportRows().value(1).value(3), QStringLiteral("500.00"));
        // Two days: the second has billed tokens and no telemetry, a flagged day.
        window.dateRangeBar()->setCustomRange(first, first + 1);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && page->toDay() == first + 1, kLoadTimeoutMs);
        QVERIFY2(page->coverageNote()->text().contains(QStringLiteral("12.5%")) && page->coverageNote()->text().contains(QStringLiteral("flagged")),
                 qPrintable(page->coverageNote()->text()));
        window.dateRangeBar()->setCustomRange(first + 1, first + 1);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && page->fromDay() == first + 1, kLoadTimeoutMs);
        QVERIFY(!page->coverageNote()->isVisible());
        QVERIFY(!card->isVisible()); // no telemetry that day
        QVERIFY(!spendPage(window, QStringLiteral("by-model"))->coverageNote());
        QVERIFY(!spendPage(window, QStringLiteral("by-model"))->telemetryCard());
    }
};

BURNRATE_GUI_TEST_MAIN(TestSpendPages)
#include "tst_spendpages.moc"
