// The Forecast page on the demo store, offscreen: it loads, its projection and accuracy
// sentences are the forecaster's own numbers for the chosen series, the chart draws history,
// forecast and both bands; plus the month-end arithmetic and the words for money and accuracy.
#include "domain/timeparse.h"
#include "forecast/forecastview.h"
#include "forecasts/forecastchart.h"
#include "forecasts/forecastpage.h"
#include "format/format.h"
#include "guitestmain.h"
#include "testsupport.h"
#include "import/demogenerator.h"
#include "shell/mainwindow.h"
#include "store/store.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

constexpr int kLoadTimeoutMs = 60000;

Analytics::ForecastView expected(const QString &db, const Analytics::SeriesRef &ref, int horizon)
{
    Cost::Store store;
    if (!store.open(db.toStdString()))
        qFatal("cannot open the store");
    return Analytics::computeForecastView(store.db(), ref, horizon);
}

} // namespace

class TestForecastPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    const std::int64_t m_end = Cost::daysFromCivil(2025, 6, 18);

    bool load(ForecastPage &page)
    {
        QSignalSpy loaded(&page, &Page::loaded);
        page.setDateRange(m_end - 89, m_end);
        page.reload();
        return loaded.wait(kLoadTimeoutMs) || page.isLoaded();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(m_db, m_end, 150, &error), error.c_str());
    }

    void pagesAreRegistered()
    {
        QVERIFY(MainWindow::pageIds().contains(QStringLiteral("forecast")));
        QVERIFY(MainWindow::pageIds().contains(QStringLiteral("budgets")));
    }

    void compactMoney_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("thousands") << 41234.0 << "$41.2k";
        QTest::newRow("rounds up a unit") << 999960.0 << "$1.00M";
        QTest::newRow("hundreds") << 812.4 << "$812";
        QTest::newRow("small") << 3.456 << "$3.46";
        QTest::newRow("tens of thousands") << 38900.0 << "$38.9k";
    }
    void compactMoney()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(Format::compactUnitMoney(value, QStringLiteral("USD")), text);
    }

    void accuracyInWords()
    {
        Analytics::ForecastResult r;
        r.backtestMae = 310;
        r.seasonalNaiveMae = 460;
        r.backtestOrigins = 12;
        const QString text = Analytics::accuracySentence(r, QStringLiteral("USD"));
        QVERIFY2(text.contains(QStringLiteral("Typical daily error $310")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("$460")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("33% better")), qPrintable(text));
        r.backtestMae = 500;
        QVERIFY(Analytics::accuracySentence(r, QStringLiteral("USD")).contains(QStringLiteral("9% worse")));
        r.backtestOrigins = 0;
        QVERIFY(Analytics::accuracySentence(r, QStringLiteral("USD")).contains(QStringLiteral("Too little history")));
    }

    void monthProjectionSumsKnownAndForecastDays()
    {
        // History: June 1–20 at 10 a day (one missing day); forecast June 21–July 5 at 20 (80%: 15–26).
        Analytics::DailyHistory h;
        h.firstDay = Cost::daysFromCivil(2025, 5, 25);
        h.values.assign(27, 10.0); // May 25 .. June 20
        h.values[10] = std::nan(""); // June 4 unknown: not counted
        Analytics::ForecastResult fc;
        for (std::int64_t d = Cost::daysFromCivil(2025, 6, 21); d <= Cost::daysFromCivil(2025, 7, 5); ++d)
            fc.points.push_back({d, 20.0, 15.0, 26.0, 12.0, 30.0});
        const Analytics::MonthProjection m = Analytics::projectMonth(h, fc);
        QCOMPARE(m.monthStart, Cost::daysFromCivil(2025, 6, 1));
        QCOMPARE(m.monthEnd, Cost::daysFromCivil(2025, 6, 30));
        QCOMPARE(m.forecastDays, 10);
        QCOMPARE(m.actual, 190.0);          // 20 June days, one unknown
        QCOMPARE(m.projected, 190.0 + 200.0);
        QCOMPARE(m.low80, 190.0 + 150.0);
        QCOMPARE(m.high80, 190.0 + 260.0);
        QCOMPARE(m.low95, 190.0 + 120.0);
        QCOMPARE(m.high95, 190.0 + 300.0);
        const QString sentence = Analytics::projectionSentence(m, QStringLiteral("USD"));
        QVERIFY2(sentence.startsWith(QStringLiteral("June 2025 will end at $390, between $340 and $450")), qPrintable(sentence));
    }

    void monthProjectionCountsPartialDaysSoFar()
    {
        // June 1–19 complete at 10 a day; June 20 partial (4 so far, a NaN in the fitted values);
        // the forecast starts on June 20 at 20 a day (80%: 3–26).
        Analytics::DailyHistory h;
        h.firstDay = Cost::daysFromCivil(2025, 6, 1);
        h.values.assign(20, 10.0);
        h.values[19] = std::nan("");
        h.partialDays = 1;
        h.partialSoFar = {4.0};
        Analytics::ForecastResult fc;
        for (std::int64_t d = Cost::daysFromCivil(2025, 6, 20); d <= Cost::daysFromCivil(2025, 6, 30); ++d)
            fc.points.push_back({d, 20.0, 3.0, 26.0, 2.0, 30.0});
        const Analytics::MonthProjection m = Analytics::projectMonth(h, fc);
        QCOMPARE(m.forecastDays, 11);
        QCOMPARE(m.actual, 190.0 + 4.0);                  // month to date includes today's spend so far
        QCOMPARE(m.projected, 194.0 + 16.0 + 10 * 20.0);   // today adds only what is still to come
        QCOMPARE(m.low80, 194.0 + 0.0 + 10 * 3.0);         // a bound below what is spent adds nothing
        QCOMPARE(m.high80, 194.0 + 22.0 + 10 * 26.0);
    }

    void totalForecastMatchesForecaster()
    {
        ForecastPage page(m_db);
        page.resize(1200, 760);
        page.show();
        QVERIFY(load(page));
        const Analytics::ForecastView want = expected(m_db, {}, 30);
        QVERIFY(want.ok);
        const Analytics::ForecastView &got = page.view();
        QVERIFY(got.ok);
        QCOMPARE(got.result.points.size(), want.result.points.size());
        QCOMPARE(got.month.projected, want.month.projected);
        QCOMPARE(page.projectionLabel()->text(), Analytics::projectionSentence(want.month, QStringLiteral("USD")));
        QCOMPARE(page.accuracyLabel()->text(), Analytics::accuracySentence(want.result, QStringLiteral("USD")));
        // The projection of the current month is known spend plus the forecast of its rest.
        QVERIFY(want.month.forecastDays > 0);
        QVERIFY(want.month.low80 <= want.month.projected && want.month.projected <= want.month.high80);
        QVERIFY(want.month.low95 <= want.month.low80 && want.month.high80 <= want.month.high95);
        // The forecast starts the day after the last complete day and reaches the month's end.
        QCOMPARE(want.result.points.front().day, want.history.lastDay() + (want.history.partialLastDay ? 0 : 1));
        QVERIFY(want.result.points.back().day >= want.month.monthEnd);

        ForecastChart *chart = page.chart();
        QTRY_VERIFY(!chart->isRebuildPending());
        const QStringList names = chart->seriesNames();
        for (const QString &name : {QStringLiteral("95% range"), QStringLiteral("80% range"), QStringLiteral("Daily spend"),
                                    QStringLiteral("Forecast")})
            QVERIFY2(names.contains(name), qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(chart->moneyTickLabels().size() >= 2);
        QVERIFY(chart->timeTickLabels().size() >= 2);
        // At least 90 days of history, then the forecast.
        QVERIFY(chart->data().days() >= 90 + 30);
    }

    void seriesPickerForecastsOneModel()
    {
        ForecastPage page(m_db);
        page.resize(1200, 760);
        page.show();
        QVERIFY(load(page));
        QVERIFY(page.seriesCombo()->count() > 5); // total + providers, models, features, teams
        Analytics::SeriesRef model;
        for (int i = 0; i < page.seriesCombo()->count(); ++i) {
            const QStringList parts = page.seriesCombo()->itemData(i).toStringList();
            // The first named model (the demo's hour-billed endpoints have none, #18).
            if (parts.value(0) == QStringLiteral("model") && !parts.value(1).isEmpty()) {
                model = {"model", parts[1].toStdString()};
                break;
            }
        }
        QVERIFY(!model.value.empty());
        QSignalSpy loaded(&page, &Page::loaded);
        QVERIFY(page.selectSeries(model));
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QCOMPARE(page.view().ref, model);
        const Analytics::ForecastView want = expected(m_db, model, 30);
        QCOMPARE(page.projectionLabel()->text(), Analytics::projectionSentence(want.month, QStringLiteral("USD")));
        QVERIFY(page.view().month.projected < expected(m_db, {}, 30).month.projected);

        page.setHorizon(90);
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QVERIFY(page.view().result.points.size() >= 90);
        QCOMPARE(page.view().ref, model); // the choice survives the reload
    }

    void emptyStoreSaysSo()
    {
        const QString empty = m_dir.filePath(QStringLiteral("empty.sqlite"));
        ForecastPage page(empty);
        page.show();
        QVERIFY(load(page));
        QVERIFY(!page.view().ok);
    }
};

BURNRATE_GUI_TEST_MAIN(TestForecastPage)
#include "tst_forecastpage.moc"
