// The PDF report and chart export, checked the way a reader would: pdfinfo for the pages and
// their size, pdftotext for the section titles, the KPI figures (equal to the store's own
// totals), repeated table headers and the axis labels of an exported chart (vector text).
#include "analytics/analytics.h"
#include "anomaly/anomalystore.h"
#include "anomaly/incidents.h"
#include "charts/chartcontextmenu.h"
#include "charts/chartexporter.h"
#include "charts/stackedcostchart.h"
#include "charts/timecostchart.h"
#include "domain/timeparse.h"
#include "domain/translations.h"
#include "export/exportactions.h"
#include "export/reportexportdialog.h"
#include "format/format.h"
#include "guitestmain.h"
#include "import/demogenerator.h"
#include "report/reportcanvas.h"
#include "report/reportdata.h"
#include "report/reportsection.h"
#include "report/reportwriter.h"
#include "store/store.h"
#include "testsupport.h"

#include <algorithm>
#include <cmath>
#include <atomic>
#include <memory>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QStatusBar>
#include <QProgressBar>
#include <QPushButton>
#include <QMenu>
#include <QSignalSpy>
#include <QTimer>
#include <QVBoxLayout>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const std::int64_t kEndDay = Cost::daysFromCivil(2026, 3, 31);

// Runs a poppler tool; its standard output, or a null string when it failed.
QString poppler(const QString &tool, const QStringList &args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pdfPages(const QString &path)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(poppler(QStringLiteral("pdfinfo"), {path}));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString pdfText(const QString &path, int page = 0)
{
    QStringList args{QStringLiteral("-layout")};
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    return poppler(QStringLiteral("pdftotext"), args << path << QStringLiteral("-"));
}

Cost::BigMoney total(Cost::SqliteDb &db, std::int64_t from, std::int64_t to, const std::vector<Analytics::Filter> &filters,
                     Analytics::Metric metric = Analytics::Metric::Billed)
{
    Analytics::TotalsRequest request;
    request.fromDay = from;
    request.toDay = to;
    request.filters = filters;
    request.metric = metric;
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    if (!Analytics::totals(db, request, rows, error) || rows.empty())
        return -1;
    return rows.front().value;
}

// A section added through the hook: a table far longer than a page.
class LongTableSection : public Report::ReportSection {
public:
    QString title() const override { return QStringLiteral("Hooked long table"); }
    void render(Report::ReportCanvas &canvas) const override
    {
        Report::ReportTable table;
        table.headers = {QStringLiteral("HookColumnA"), QStringLiteral("HookColumnB")};
        table.numeric = {false, true};
        for (int i = 0; i < 150; ++i)
            table.rows.push_back({QStringLiteral("row-%1").arg(i), QString::number(i * 7)});
        canvas.drawTable(table);
    }
};

// A section that holds the writer while it draws the file (the second layout pass) until the
// test has pressed Cancel: the export is cancelled mid-way whatever the machine's speed.
struct HoldGate {
    QSemaphore reached;
    QSemaphore resume;
    std::atomic_int renders{0};
};

class HoldSection : public Report::ReportSection {
public:
    explicit HoldSection(std::shared_ptr<HoldGate> gate) : m_gate(std::move(gate)) {}
    QString title() const override { return QStringLiteral("Held section"); }
    void render(Report::ReportCanvas &) const override
    {
        if (++m_gate->renders == 2) {
            m_gate->reached.release();
            m_gate->resume.tryAcquire(1, 60000);
        }
    }

private:
    std::shared_ptr<HoldGate> m_gate;
};

class EmptySection : public Report::ReportSection {
public:
    QString title() const override { return QStringLiteral("Nothing to show here"); }
    bool hasContent(const Report::ReportData &) const override { return false; }
    void render(Report::ReportCanvas &) const override {}
};

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void moneyFormat_data();
    void moneyFormat();
    void reportPagesAndSections_data();
    void reportPagesAndSections();
    void kpisEqualStoreTotals();
    void filteredReport();
    void anomalyMoneyCountedOnce_data();
    void anomalyMoneyCountedOnce();
    void reportWords_data();
    void reportWords();
    void sectionHookAndRepeatedHeaders();
    void cancelLeavesNoFile();
    void chartPdfKeepsAxisLabelsAsText();
    void contextMenuOffersExport();
    void chartExportConfirms();
    void exportDialogRunsOnWorker();
    void exportDialogCancelMidway();
    void commandLine();

private:
    QTemporaryDir m_dir;
    QString m_db;
    Report::ReportRequest request() const
    {
        Report::ReportRequest r;
        r.fromDay = kEndDay - 59;
        r.toDay = kEndDay;
        r.workspace = QStringLiteral("demo");
        return r;
    }
};

void TestReport::initTestCase()
{
    // The expectations are US English text; the suite also runs under de_DE.UTF-8, where the C
    // library's number format stays German (what that run is for) while Qt's is pinned here.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Translations::install(QStringLiteral("en")); // "%n incident(s)" as the app prints it
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils (pdfinfo, pdftotext) are needed");
    m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
    std::string error;
    QVERIFY2(TestSupport::writeDemoStore(m_db, kEndDay, 120, &error), error.c_str());
}

void TestReport::moneyFormat_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("expected");
    QTest::newRow("grouping") << "1234567.891" << "$1,234,567.89";
    QTest::newRow("half up") << "0.005" << "$0.01";
    QTest::newRow("just below half") << "999.9949999999" << "$999.99";
    QTest::newRow("negative (the locale's accounting style)") << "-2.5" << "($2.50)";
    QTest::newRow("zero") << "0" << "$0.00";
    QTest::newRow("beyond double precision") << "123456789012345.67" << "$123,456,789,012,345.67";
}

void TestReport::moneyFormat()
{
    QFETCH(QString, amount);
    QFETCH(QString, expected);
    const auto value = Cost::parseBigMoney(amount.toStdString());
    QVERIFY(value);
    QCOMPARE(Format::money(*value, QStringLiteral("USD"), Format::Precision::Cents), expected);
}

void TestReport::reportPagesAndSections_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QString>("pdfSize");
    QTest::newRow("A4") << int(Report::PageSize::A4) << "(A4)";
    QTest::newRow("Letter") << int(Report::PageSize::Letter) << "(letter)";
}

void TestReport::reportPagesAndSections()
{
    QFETCH(int, pageSize);
    QFETCH(QString, pdfSize);
    Report::ReportRequest r = request();
    r.pageSize = static_cast<Report::PageSize>(pageSize);
    const QString out = m_dir.filePath(QStringLiteral("report-%1.pdf").arg(pageSize));
    Report::ReportWriter writer(r);
    QList<int> progress;
    writer.setProgress([&](int percent, const QString &) { progress << percent; });
    QVERIFY2(writer.write(m_db, out), qPrintable(writer.error()));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), 100);
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));

    const int pages = pdfPages(out);
    QCOMPARE(pages, writer.stats().pages);
    QVERIFY2(pages >= 6, qPrintable(QString::number(pages))); // cover + five sections
    QVERIFY(poppler(QStringLiteral("pdfinfo"), {out}).contains(pdfSize));

    const QString text = pdfText(out);
    const QStringList titles{QStringLiteral("Contents"), QStringLiteral("Spend by model"), QStringLiteral("Spend by feature"),
                             QStringLiteral("Spend by provider"), QStringLiteral("Unit economics"),
                             QStringLiteral("Top movers vs the previous period")};
    for (const QString &title : titles)
        QVERIFY2(text.contains(title), qPrintable(title));
    // Every section starts on the page the contents promise, and every page is numbered.
    for (const Report::TocEntry &entry : writer.stats().toc)
        QVERIFY2(pdfText(out, entry.page).contains(entry.title), qPrintable(entry.title));
    QVERIFY(pdfText(out, pages).contains(QStringLiteral("Page %1 of %1").arg(pages)));
}

void TestReport::kpisEqualStoreTotals()
{
    const Report::ReportRequest r = request();
    const QString out = m_dir.filePath(QStringLiteral("kpi.pdf"));
    Report::ReportWriter writer(r);
    QVERIFY2(writer.write(m_db, out), qPrintable(writer.error()));
    const QString cover = pdfText(out, 1);

    Cost::Store store;
    QVERIFY(store.open(m_db.toStdString()));
    const Cost::BigMoney billed = total(store.db(), r.fromDay, r.toDay, {});
    const std::int64_t days = r.toDay - r.fromDay + 1;
    const Cost::BigMoney previous = total(store.db(), r.fromDay - days, r.fromDay - 1, {});
    const Cost::BigMoney tokens = total(store.db(), r.fromDay, r.toDay, {}, Analytics::Metric::Tokens);
    QVERIFY(billed > 0 && previous > 0 && tokens > 0);
    const QString billedText = Format::money(billed, QStringLiteral("USD"), Format::Precision::Cents);
    QVERIFY2(cover.contains(billedText), qPrintable(billedText + QStringLiteral("\n") + cover));
    QVERIFY2(cover.contains(Format::money(previous, QStringLiteral("USD"), Format::Precision::Cents)), qPrintable(cover));
    QVERIFY2(cover.contains(Format::count(static_cast<std::int64_t>(tokens))), qPrintable(cover));
    QVERIFY(cover.contains(QStringLiteral("Mar 31, 2026")));
    // The grand total is also the footer row of the by-model table.
    QVERIFY(pdfText(out, writer.stats().toc.front().page).contains(billedText)
            || pdfText(out, writer.stats().toc.front().page + 1).contains(billedText));
}

void TestReport::filteredReport()
{
    Cost::Store store;
    QVERIFY(store.open(m_db.toStdString()));
    Analytics::TotalsRequest byProvider;
    byProvider.by = {"provider"};
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    QVERIFY(Analytics::totals(store.db(), byProvider, rows, error) && !rows.empty());
    const std::string provider = rows.front().keys[0];

    Report::ReportRequest r = request();
    r.filters = {{"provider", provider}};
    const QString out = m_dir.filePath(QStringLiteral("filtered.pdf"));
    Report::ReportWriter writer(r);
    QVERIFY2(writer.write(m_db, out), qPrintable(writer.error()));
    const QString cover = pdfText(out, 1);
    const Cost::BigMoney filtered = total(store.db(), r.fromDay, r.toDay, r.filters);
    QVERIFY(filtered > 0 && filtered < total(store.db(), r.fromDay, r.toDay, {}));
    QVERIFY2(cover.contains(Format::money(filtered, QStringLiteral("USD"), Format::Precision::Cents)), qPrintable(cover));
    QVERIFY(cover.contains(QStringLiteral("provider = %1").arg(QString::fromStdString(provider))));
}

void TestReport::anomalyMoneyCountedOnce_data()
{
    QTest::addColumn<qint64>("fromDay");
    QTest::addColumn<qint64>("toDay");
    QTest::newRow("March") << qint64(Cost::daysFromCivil(2026, 3, 1)) << qint64(kEndDay);
    QTest::newRow("February") << qint64(Cost::daysFromCivil(2026, 2, 1)) << qint64(Cost::daysFromCivil(2026, 2, 28));
    QTest::newRow("60 days") << qint64(kEndDay - 59) << qint64(kEndDay);
}

// Issue #23 item 1: one spike shows in the total, its provider, model, feature and team series;
// the report counts its money once (grouped incidents), so the money above expected never exceeds
// what the period cost, and it is the grouped incidents' sum.
void TestReport::anomalyMoneyCountedOnce()
{
    QFETCH(qint64, fromDay);
    QFETCH(qint64, toDay);
    Report::ReportRequest r = request();
    r.fromDay = fromDay;
    r.toDay = toDay;
    const QString out = m_dir.filePath(QStringLiteral("incidents-%1.pdf").arg(fromDay));
    Report::ReportWriter writer(r);
    QVERIFY2(writer.write(m_db, out), qPrintable(writer.error()));
    const QString text = pdfText(out).simplified();

    Cost::Store store;
    QVERIFY(store.open(m_db.toStdString()));
    std::string error;
    std::vector<Analytics::Anomaly> all, starting;
    QVERIFY2(Analytics::AnomalyStore(store.db()).list(fromDay * 86400, (toDay + 1) * 86400, all, error), error.c_str());
    Cost::BigMoney seriesSum = 0, seriesMoved = 0;
    for (const Analytics::Anomaly &a : all)
        if (a.start >= fromDay * 86400) {
            starting.push_back(a);
            seriesSum += std::max<Cost::Money>(a.impact(), 0);
            seriesMoved += std::llabs(a.impact());
        }
    Analytics::ModelProviders providers;
    QVERIFY2(Analytics::modelProviders(store.db(), fromDay, toDay, providers, error), error.c_str());
    const std::vector<Analytics::Incident> incidents = Analytics::groupIncidents(starting, providers);
    QVERIFY2(!incidents.empty(), "the demo workspace has spikes in every month");
    // The demo's spikes show in several series each: summing the series would count them again.
    QVERIFY(incidents.size() < starting.size());
    const Cost::BigMoney spikes = Analytics::incidentMoney(incidents, true);
    QVERIFY(spikes > 0 && spikes <= seriesSum);
    Cost::BigMoney incidentsMoved = 0;
    for (const Analytics::Incident &incident : incidents)
        incidentsMoved += std::llabs(incident.impact);
    QVERIFY(incidentsMoved < seriesMoved);
    const Cost::BigMoney billed = total(store.db(), fromDay, toDay, {});
    QVERIFY2(spikes <= billed, qPrintable(QStringLiteral("%1 above expected, %2 billed").arg(Cost::toDouble(spikes)).arg(Cost::toDouble(billed))));
    const QString spikeText = QStringLiteral("(%1 above expected in all)").arg(Format::money(spikes, QStringLiteral("USD"), Format::Precision::Cents));
    QVERIFY2(text.contains(spikeText), qPrintable(spikeText + QStringLiteral("\n") + text.left(4000)));
    QVERIFY(text.contains(QStringLiteral("%1 incident").arg(incidents.size())));
}

void TestReport::reportWords_data()
{
    QTest::addColumn<qint64>("fromDay");
    QTest::addColumn<qint64>("toDay");
    QTest::addColumn<bool>("forecast");
    QTest::newRow("open: March, through the store's last day") << qint64(Cost::daysFromCivil(2026, 3, 1)) << qint64(kEndDay) << true;
    QTest::newRow("closed: February, read in April") << qint64(Cost::daysFromCivil(2026, 2, 1)) << qint64(Cost::daysFromCivil(2026, 2, 28))
                                                     << false;
}

// Issue #23 item 9: one date format, no brackets inside brackets, the app's digits for unit
// prices, and a forecast only where it follows the report's period.
void TestReport::reportWords()
{
    QFETCH(qint64, fromDay);
    QFETCH(qint64, toDay);
    QFETCH(bool, forecast);
    Report::ReportRequest r = request();
    r.fromDay = fromDay;
    r.toDay = toDay;
    r.generatedAt = QDateTime(QDate(2026, 4, 2), QTime(9, 30, 12));
    const QString out = m_dir.filePath(QStringLiteral("words-%1.pdf").arg(fromDay));
    Report::ReportWriter writer(r);
    QVERIFY2(writer.write(m_db, out), qPrintable(writer.error()));
    const QString laidOut = pdfText(out);
    const QString text = laidOut.simplified();

    // No brackets inside brackets, line by line of the laid-out text (a line of prose, or one row of
    // a chart's labels). A negative amount in accounting style on a chart axis, "($80)", is no bracket.
    const QRegularExpression negative(QStringLiteral("\\(\\$[\\d.,]+[kM]?\\)"));
    const QRegularExpression nested(QStringLiteral("\\([^()]*\\("));
    for (QString line : laidOut.split(QLatin1Char('\n'))) {
        line.replace(negative, QStringLiteral("-amount"));
        QVERIFY2(!nested.match(line).hasMatch(), qPrintable(line.simplified()));
    }
    QVERIFY2(!text.contains(QStringLiteral("(s)")), qPrintable(text.left(2000)));
    QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("\\d{4}-\\d{2}-\\d{2}"))), "ISO dates are for files, not for reading");
    const int days = static_cast<int>(toDay - fromDay + 1);
    QVERIFY2(text.contains(QStringLiteral("this range (%1)").arg(Format::dayRange(fromDay - days, fromDay - 1))), qPrintable(text.left(6000)));
    QVERIFY(text.contains(Format::range(fromDay, toDay)));
    // When it was made: the one timestamp format, on the cover and in every footer.
    QVERIFY2(text.count(QStringLiteral("Apr 2, 2026 09:30")) >= 2, qPrintable(text.left(3000)));
    QVERIFY(!text.contains(QStringLiteral("4/2/26")));

    bool hasForecast = false;
    for (const Report::TocEntry &entry : writer.stats().toc)
        hasForecast = hasForecast || entry.title == QStringLiteral("Forecasts");
    QCOMPARE(hasForecast, forecast);

    // Cost per request as the app shows it (Format::unitPrice: three significant digits).
    Cost::Store store;
    QVERIFY(store.open(m_db.toStdString()));
    Report::ReportData data;
    std::string error;
    QVERIFY2(Report::gatherReportData(store.db(), r, data, {}, nullptr, error), error.c_str());
    int checked = 0;
    for (const Analytics::BreakdownRow &row : data.byFeature.rows) {
        const double perRequest = row.costPerRequest();
        if (!std::isfinite(perRequest) || perRequest >= 0.01)
            continue;
        const QString shown = Format::unitPrice(perRequest, data.currency);
        QVERIFY2(text.contains(QStringLiteral(" ") + shown + QStringLiteral(" ")), qPrintable(shown));
        ++checked;
    }
    QVERIFY2(checked > 0, "the demo workspace has features that cost under a cent per request");
}

void TestReport::sectionHookAndRepeatedHeaders()
{
    Report::registerSection("test-long", Report::kOrderAnomalies, [] { return std::make_unique<LongTableSection>(); });
    Report::registerSection("test-empty", Report::kOrderBudgets, [] { return std::make_unique<EmptySection>(); });
    const QString out = m_dir.filePath(QStringLiteral("hooked.pdf"));
    Report::ReportWriter writer(request());
    const bool ok = writer.write(m_db, out);
    QVERIFY(Report::unregisterSection("test-long"));
    QVERIFY(Report::unregisterSection("test-empty"));
    QVERIFY2(ok, qPrintable(writer.error()));

    const auto &toc = writer.stats().toc;
    // Built-in sections (anomalies, forecasts, budgets, …) may follow the hooked one: find it by title.
    const auto hooked = std::find_if(toc.begin(), toc.end(),
                                     [](const auto &entry) { return entry.title == QStringLiteral("Hooked long table"); });
    QVERIFY(hooked != toc.end());
    for (const auto &entry : toc)
        QVERIFY(entry.title != QStringLiteral("Nothing to show here"));
    QVERIFY(!pdfText(out).contains(QStringLiteral("Nothing to show here")));
    const int first = hooked->page;
    // The table ends where the next section starts (each section starts on a new page).
    const int last = std::next(hooked) != toc.end() ? std::next(hooked)->page - 1 : pdfPages(out);
    QVERIFY2(last - first >= 2, "150 rows span several pages");
    int rowsSeen = 0;
    for (int page = first; page <= last; ++page) {
        const QString text = pdfText(out, page);
        QVERIFY2(text.contains(QStringLiteral("HookColumnA")), qPrintable(QStringLiteral("header repeated on page %1").arg(page)));
        rowsSeen += static_cast<int>(text.count(QRegularExpression(QStringLiteral("\\brow-\\d+\\b"))));
    }
    QCOMPARE(rowsSeen, 150); // no row lost or duplicated at a break
}

void TestReport::cancelLeavesNoFile()
{
    const QString out = m_dir.filePath(QStringLiteral("cancelled.pdf"));
    std::atomic_bool cancel{false};
    Report::ReportWriter writer(request());
    writer.setCancelCheck([&cancel] { return cancel.load(); });
    writer.setProgress([&](int percent, const QString &) {
        if (percent >= 60)
            cancel = true;
    });
    QVERIFY(!writer.write(m_db, out));
    QCOMPARE(writer.error(), QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(out));
}

void TestReport::chartPdfKeepsAxisLabelsAsText()
{
    Cost::Store store;
    QVERIFY(store.open(m_db.toStdString()));
    Analytics::DailyBreakdown daily;
    std::string error;
    QVERIFY(Analytics::dailyBreakdown(store.db(), "model", kEndDay - 59, kEndDay, 8, daily, error));
    StackedCostChart chart;
    chart.resize(900, 420);
    chart.setData(daily, QStringLiteral("USD"));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QTest::qWait(50);
    const QStringList dates = chart.dateTickLabels();
    const QStringList money = chart.moneyTickLabels();
    QVERIFY(dates.size() >= 3 && money.size() >= 3);

    ChartExporter::Caption caption{QStringLiteral("Daily cost by model"), QStringLiteral("Feb 1 \u2013 Mar 31"),
                                   QStringLiteral("none"), QStringLiteral("USD"), QDateTime::currentDateTime()};
    const QString pdf = m_dir.filePath(QStringLiteral("chart.pdf"));
    QString err;
    QVERIFY2(ChartExporter::exportChart(&chart, caption, pdf, ChartExporter::Format::Pdf, 0, &err), qPrintable(err));
    QCOMPARE(pdfPages(pdf), 1);
    const QString text = pdfText(pdf).simplified();
    QVERIFY(text.contains(QStringLiteral("Daily cost by model")));
    for (QString label : dates + money) {
        label.remove(QChar(0x200B)); // labels made unique with zero-width spaces
        QVERIFY2(text.contains(label.simplified()), qPrintable(label + QStringLiteral(" not in: ") + text));
    }

    const QString svg = m_dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY(ChartExporter::exportChart(&chart, caption, svg, ChartExporter::Format::Svg, 0, &err));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QVERIFY(svgFile.readAll().contains("Daily cost by model"));

    const QString png = m_dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(ChartExporter::exportChart(&chart, caption, png, ChartExporter::Format::Png, 192, &err));
    const QImage image(png);
    QVERIFY(image.width() >= 900 * 2 * 0.75 * 192 / 144); // 192 dpi: twice the pixels of the screen chart
    QVERIFY(qAbs(image.dotsPerMeterX() - qRound(192 / 0.0254)) <= 1);

    const QList<QStringList> rows = ChartExporter::dataRows(&chart);
    QCOMPARE(rows.size(), 1 + 60); // header + one row per day
    QCOMPARE(rows.front().size(), 1 + static_cast<int>(daily.names.size()));
}

void TestReport::contextMenuOffersExport()
{
    // A chart without a menu of its own gets one; a chart with its own menu keeps its entries
    // and gains ours.
    QWidget page;
    auto *plain = new StackedCostChart(&page);
    auto *own = new TimeCostChart(&page);
    auto *layout = new QVBoxLayout(&page);
    layout->addWidget(plain);
    layout->addWidget(own);
    page.resize(800, 600);
    ChartContextMenu menus(&page);
    QSignalSpy requested(&menus, &ChartContextMenu::exportRequested);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    for (QChartView *view : {static_cast<QChartView *>(plain), static_cast<QChartView *>(own)}) {
        QStringList entries;
        QTimer::singleShot(200, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions())
                entries << action->text();
            // Pick "Export chart as SVG…" as the user would.
            for (QAction *action : menu->actions()) {
                if (action->text().contains(QStringLiteral("SVG")))
                    action->trigger();
            }
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(20, 20), view->mapToGlobal(QPoint(20, 20)));
        QApplication::sendEvent(view->viewport(), &event);
        QVERIFY2(entries.contains(QStringLiteral("Export chart as PDF\u2026")), qPrintable(entries.join(QStringLiteral(" | "))));
        // Issue #23 item 10: one CSV entry, whether the chart has a menu of its own or not.
        QCOMPARE(entries.count(QStringLiteral("Export data as CSV\u2026")), 1);
        QCOMPARE(entries.filter(QStringLiteral("CSV")).size(), 1);
    }
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(0).at(1).value<ChartExporter::Format>(), ChartExporter::Format::Svg);
}

// Issue #23 item 10: a saved chart is confirmed on the status bar with the file's name.
void TestReport::chartExportConfirms()
{
    Cost::Store store;
    QVERIFY(store.open(m_db.toStdString()));
    Analytics::DailyBreakdown daily;
    std::string error;
    QVERIFY(Analytics::dailyBreakdown(store.db(), "model", kEndDay - 29, kEndDay, 8, daily, error));
    QMainWindow window;
    auto *chart = new StackedCostChart;
    chart->setData(daily, QStringLiteral("USD"));
    window.setCentralWidget(chart);
    window.resize(900, 500);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ExportActions actions(m_db, &window);
    QSignalSpy saved(&actions, &ExportActions::chartSaved);
    const ChartExporter::Caption caption{QStringLiteral("Daily cost by model"), QStringLiteral("Mar 2 \u2013 Mar 31, 2026"), {}, QStringLiteral("USD"), {}};
    const QString svg = m_dir.filePath(QStringLiteral("confirmed-chart.svg"));
    QVERIFY(actions.writeChart(chart, caption, svg, ChartExporter::Format::Svg, 96));
    QVERIFY(QFileInfo(svg).size() > 0);
    QCOMPARE(saved.size(), 1);
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("confirmed-chart.svg")), qPrintable(window.statusBar()->currentMessage()));
    const QString csv = m_dir.filePath(QStringLiteral("confirmed-chart.csv"));
    QVERIFY(actions.writeChart(chart, caption, csv, ChartExporter::Format::Csv, 96));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Chart data saved to %1").arg(QDir::toNativeSeparators(csv)));
}

void TestReport::exportDialogRunsOnWorker()
{
    ReportExportDialog dialog(m_db, kEndDay - 59, kEndDay, {{"provider", "OpenAI"}});
    const QString out = m_dir.filePath(QStringLiteral("dialog.pdf"));
    dialog.pathEdit()->setText(out);
    QSignalSpy finished(&dialog, &ReportExportDialog::finished);
    dialog.start();
    QVERIFY(dialog.isRunning()); // start() returned while the report renders elsewhere
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    QCOMPARE(dialog.progressBar()->value(), 100);
    QVERIFY(pdfText(out, 1).contains(QStringLiteral("provider = OpenAI")));
    // Issue #23 item 10: after success the dialog offers Close and Open, not Cancel and Export.
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QStringList shown;
    for (QAbstractButton *b : buttons->buttons())
        if (!b->isHidden())
            shown << b->text().remove(QLatin1Char('&'));
    shown.sort();
    QCOMPARE(shown, QStringList({QStringLiteral("Close"), QStringLiteral("Open file"), QStringLiteral("Open folder")}));

    // Cancel right away: no file, the error says so.
    const QString cancelled = m_dir.filePath(QStringLiteral("dialog-cancelled.pdf"));
    dialog.pathEdit()->setText(cancelled);
    dialog.start();
    dialog.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    QCOMPARE(finished.at(1).at(1).toString(), QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(cancelled));
    QVERIFY(!buttons->button(QDialogButtonBox::Cancel)->isHidden()); // not saved: Cancel and Export again
    QVERIFY(buttons->button(QDialogButtonBox::Close)->isHidden());
}

void TestReport::exportDialogCancelMidway()
{
    // Last of all sections: only the check before the file is committed can still stop it.
    auto gate = std::make_shared<HoldGate>();
    Report::registerSection("test-hold", 100000, [gate] { return std::make_unique<HoldSection>(gate); });
    const auto unregister = qScopeGuard([] { Report::unregisterSection("test-hold"); });
    ReportExportDialog dialog(m_db, kEndDay - 59, kEndDay, {});
    const QString out = m_dir.filePath(QStringLiteral("dialog-midway.pdf"));
    dialog.pathEdit()->setText(out);
    QSignalSpy finished(&dialog, &ReportExportDialog::finished);
    dialog.start();
    QVERIFY(gate->reached.tryAcquire(1, 60000)); // the PDF is being written now

    // The dialog's Cancel while it runs stops the report instead of closing the dialog.
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons && buttons->button(QDialogButtonBox::Cancel));
    buttons->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(dialog.statusLabel()->text(), QStringLiteral("Cancelling\u2026"));
    QVERIFY(dialog.isRunning());
    gate->resume.release();

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("cancelled"));
    QVERIFY(!dialog.isRunning());
    QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("cancelled")), qPrintable(dialog.statusLabel()->text()));
    // Neither the PDF nor a temporary file of it is left behind.
    QVERIFY(!QFile::exists(out));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("dialog-midway*")}, QDir::Files | QDir::Hidden).size(), 0);
}

void TestReport::commandLine()
{
    const QString pdf = m_dir.filePath(QStringLiteral("cli.pdf"));
    QString out, err;
    // This report in US English (the dates below); the next one in the suite's locale.
    const QByteArray suiteLocale = qgetenv("LC_ALL");
    qputenv("LC_ALL", "C.UTF-8");
    const int code = TestSupport::runBurnrate({QStringLiteral("--db"), m_db, QStringLiteral("report"), QStringLiteral("--from"),
                                               QStringLiteral("2026-03-01"), QStringLiteral("--to"), QStringLiteral("2026-03-31"),
                                               QStringLiteral("--page-size"), QStringLiteral("letter"), QStringLiteral("--out"), pdf},
                                              &out, &err);
    qputenv("LC_ALL", suiteLocale);
    QCOMPARE(code, 0);
    QVERIFY2(pdfPages(pdf) >= 6, qPrintable(err));
    QVERIFY(pdfText(pdf, 1).contains(QStringLiteral("Mar 1 \u2013 Mar 31, 2026")));
    QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), m_db, QStringLiteral("report"), QStringLiteral("--page-size"),
                                       QStringLiteral("a3"), QStringLiteral("--out"), pdf}),
             2);

    for (const QString &suffix : {QStringLiteral("pdf"), QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("csv")}) {
        const QString file = m_dir.filePath(QStringLiteral("overview-chart.%1").arg(suffix));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), m_db, QStringLiteral("export-chart"), QStringLiteral("--page"),
                                           QStringLiteral("overview"), QStringLiteral("--out"), file},
                                          &out, &err),
                 0);
        QVERIFY2(QFileInfo(file).size() > 0, qPrintable(err));
    }
    QVERIFY(pdfText(m_dir.filePath(QStringLiteral("overview-chart.pdf"))).contains(QStringLiteral("Overview")));
}

BURNRATE_GUI_TEST_MAIN(TestReport)
#include "tst_report.moc"
