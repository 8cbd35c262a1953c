// Issue #23 item 7: a series keeps its colour for the session. SeriesColours' rule on its own,
// then through the real window: gpt-4o has one colour in the 90-day view, under "All data",
// after a drill-down, on the Overview and in the report, and no two series of a chart share one.
#include "charts/stackedcostchart.h"
#include "charts/timecostchart.h"
#include "domain/timeparse.h"
#include "format/seriescolours.h"
#include "guitestmain.h"
#include "overview/overviewpage.h"
#include "report/reportchart.h"
#include "shell/daterangebar.h"
#include "shell/mainwindow.h"
#include "spend/spendfilter.h"
#include "spend/spendpage.h"
#include "testsupport.h"

#include <QAreaSeries>
#include <QChart>
#include <QBarSet>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTemporaryDir>
#include <QTest>

#include <set>

namespace {

constexpr int kTimeoutMs = 60000;

std::vector<SeriesColours::Series> keys(const QStringList &names)
{
    std::vector<SeriesColours::Series> out;
    for (const QString &name : names)
        out.push_back({name, name == QLatin1String("Other")});
    return out;
}

// The colour each drawn series of `series` has, by name (areas or the bar sets of stacked bars).
QHash<QString, QColor> drawnColours(const QList<QAbstractSeries *> &series)
{
    QHash<QString, QColor> out;
    for (QAbstractSeries *s : series) {
        if (auto *area = qobject_cast<QAreaSeries *>(s))
            out.insert(area->name(), area->color());
        else if (auto *bars = qobject_cast<QStackedBarSeries *>(s))
            for (QBarSet *set : bars->barSets())
                out.insert(set->label(), set->color());
    }
    return out;
}

// No two series but "Other" share a colour.
bool distinct(const QHash<QString, QColor> &colours)
{
    QSet<QRgb> seen;
    for (auto it = colours.cbegin(); it != colours.cend(); ++it) {
        if (it.key() == QLatin1String("Other"))
            continue;
        if (seen.contains(it.value().rgba()))
            return false;
        seen.insert(it.value().rgba());
    }
    return true;
}

} // namespace

class TestSeriesColours : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() { SeriesColours::reset(); }

    void theFirstChartTakesThePaletteInRankOrder()
    {
        QCOMPARE(SeriesColours::assign(keys({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("Other")})),
                 (std::vector<int>{0, 1, 2, -1}));
    }

    void aSeriesKeepsItsSlotWhateverItsRank()
    {
        SeriesColours::assign(keys({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        // c now ranks first, d is new: c keeps 2, d takes the least used free slot (3), a keeps 0.
        QCOMPARE(SeriesColours::assign(keys({QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("a")})),
                 (std::vector<int>{2, 3, 0}));
        QCOMPARE(SeriesColours::assign(keys({QStringLiteral("d"), QStringLiteral("b")})), (std::vector<int>{3, 1}));
    }

    void oneChartNeverRepeatsAColourWhileOneIsFree()
    {
        // Twelve series over two charts fill the palette and share two slots between them...
        QStringList first, second;
        for (int i = 0; i < 6; ++i) {
            first << QStringLiteral("m%1").arg(i);
            second << QStringLiteral("n%1").arg(i);
        }
        SeriesColours::assign(keys(first));
        SeriesColours::assign(keys(second));
        const QStringList mixed = first.mid(0, 5) + second.mid(0, 5);
        const std::vector<int> got = SeriesColours::assign(keys(mixed));
        // ...yet a chart of ten of them shows ten colours, the larger series keeping theirs.
        QCOMPARE(std::set<int>(got.begin(), got.end()).size(), std::size_t(10));
        QCOMPARE(got[0], 0);
    }

    void aSeriesKeepsItsColourAcrossRangesDrillDownsPagesAndTheReport()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const std::int64_t endDay = Cost::daysFromCivil(2025, 6, 18);
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(path, endDay, 180, &error), error.c_str());

        MainWindow window(path);
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.showPage(QStringLiteral("by-model")));
        auto *page = qobject_cast<SpendPage *>(window.page(QStringLiteral("by-model")));
        QVERIFY(page);
        const QString model = QStringLiteral("gpt-4o");
        auto colourNow = [&](const QString &when) {
            const QHash<QString, QColor> drawn = drawnColours(page->timeChart()->chartSeries());
            if (!distinct(drawn))
                qWarning("%s: two series share a colour", qPrintable(when));
            return distinct(drawn) ? drawn.value(model) : QColor();
        };
        auto settle = [&] { return QTest::qWaitFor([&] { return page->isLoaded(); }, kTimeoutMs); };

        window.dateRangeBar()->setPreset(DateRangeBar::Preset::Last90Days);
        QVERIFY(settle());
        const QColor colour = colourNow(QStringLiteral("90 days"));
        QVERIFY(colour.isValid());

        window.dateRangeBar()->setPreset(DateRangeBar::Preset::All);
        QVERIFY(settle());
        QCOMPARE(colourNow(QStringLiteral("all data")), colour);

        window.dateRangeBar()->setPreset(DateRangeBar::Preset::Last7Days);
        QVERIFY(settle());
        QCOMPARE(colourNow(QStringLiteral("7 days")), colour);

        const std::shared_ptr<SpendFilter> drill = SpendFilter::forStore(path);
        drill->narrow(QStringLiteral("provider"), QStringLiteral("OpenAI"));
        QVERIFY(settle());
        QVERIFY(page->timeChart()->seriesNames().size() < 6); // the drill-down took effect
        QCOMPARE(colourNow(QStringLiteral("drill-down")), colour);

        // The Overview's chart (another page, another chart) and the report's paper colours.
        drill->clear();
        QVERIFY(window.showPage(QStringLiteral("overview")));
        auto *overview = qobject_cast<OverviewPage *>(window.page(QStringLiteral("overview")));
        QVERIFY(QTest::qWaitFor([&] { return overview->isLoaded(); }, kTimeoutMs));
        QCOMPARE(drawnColours(overview->chart()->chart()->series()).value(model), colour);
        const int slot = SeriesColours::assign({{model, false}}).front();
        QCOMPARE(Palette::current().series(slot), colour);
        QCOMPARE(ReportChart::seriesColours({"claude-3-5-sonnet", model.toStdString()}).back(), Palette::light().series(slot));
    }
};

BURNRATE_GUI_TEST_MAIN(TestSeriesColours)
#include "tst_seriescolours.moc"
