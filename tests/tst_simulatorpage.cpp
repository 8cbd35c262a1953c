// The Simulator page offscreen, on the demo store and on a store whose only model has no price:
// an edited step gives the engine's exact figures (usage and catalog loaded here, independently),
// saved scenarios round-trip through the store (save, rename, delete, undo), JSON export→import,
// the comparison shows each saved scenario's own evaluation, unpriced usage is a loud banner, and
// the Prices dialog's add / override / remove persist and re-price the page.
// With BURNRATE_SCREENSHOT_DIR set, the comparison and the Prices dialog are saved as PNGs.
#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "forecasts/forecastchart.h"
#include "format/format.h"
#include "guitestmain.h"
#include "import/demogenerator.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "prices/estimateview.h"
#include "prices/priceeditordialog.h"
#include "pricing/pricestore.h"
#include "shell/daterangebar.h"
#include "shell/mainwindow.h"
#include "simulation/endpointsteps.h"
#include "simulation/scenariostore.h"
#include "simulator/scenariocomparison.h"
#include "simulator/scenarioeditor.h"
#include "simulator/scenarioresultview.h"
#include "simulator/simulatorpage.h"
#include "simulator/stepform.h"
#include "spend/spendfilter.h"
#include "store/store.h"
#include "testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

constexpr int kTimeoutMs = 30000;

Cost::Money usd(const char *text)
{
    Cost::Money m = 0;
    Pricing::priceFromJson(text, m);
    return m;
}

// The engine's result for `scenario` on the store's default usage (last 30 days with data), the
// range the tests' load() gives the page.
Simulation::ScenarioResult expected(const QString &db, const Simulation::Scenario &scenario)
{
    Simulation::UsageQuery q;
    q.filters = scenario.filters;
    TestSupport::StoreUsage loaded;
    std::string error;
    if (!TestSupport::loadStoreUsage(db, q, &loaded, &error))
        qFatal("%s", error.c_str());
    if (loaded.usage->currency.empty())
        loaded.usage->currency = "USD";
    Cost::Store store;
    Simulation::EndpointInputs endpoints;
    if (!store.open(db.toStdString()) || !Simulation::loadEndpointInputs(store.db(), *loaded.catalog, *loaded.usage, endpoints, error))
        qFatal("cannot load the endpoints: %s", error.c_str());
    return Simulation::evaluate(loaded.priced(), scenario, nullptr, &endpoints);
}

std::vector<Simulation::Scenario> stored(const QString &db)
{
    Cost::Store store;
    std::vector<Simulation::Scenario> out;
    std::string error;
    if (!store.open(db.toStdString()) || !Simulation::loadScenarios(store.db(), out, error))
        qFatal("cannot read scenarios");
    return out;
}

QStringList names(const std::vector<Simulation::Scenario> &list)
{
    QStringList out;
    for (const auto &s : list)
        out << QString::fromStdString(s.name);
    return out;
}

} // namespace

class TestSimulatorPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo, m_solora;
    const std::int64_t m_end = Cost::daysFromCivil(2025, 6, 18);

    // Shows the page its store's last 30 days with data (the engine's default period).
    static bool load(SimulatorPage &page)
    {
        Cost::Store store;
        std::int64_t first = 0, last = 0;
        if (!store.open(page.dbPath().toStdString()) || !Analytics::dataRange(store.db(), first, last))
            return false;
        QSignalSpy loaded(&page, &Page::loaded);
        page.setDateRange(last - 29, last);
        page.reload();
        return loaded.wait(kTimeoutMs) && !page.isEvaluating();
    }
    static bool settle(SimulatorPage &page)
    {
        QSignalSpy evaluated(&page, &SimulatorPage::evaluated);
        return evaluated.wait(kTimeoutMs) || !page.isEvaluating();
    }
    static bool storeChange(SimulatorPage &page, const std::function<void()> &action)
    {
        QSignalSpy changed(&page, &SimulatorPage::scenariosChanged);
        action();
        return changed.wait(kTimeoutMs) && changed.first().first().toString().isEmpty();
    }
    void snap(QWidget &widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_demo = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(m_demo, m_end, 60, &error), error.c_str());

        m_solora = m_dir.filePath(QStringLiteral("solora.sqlite"));
        Cost::Store s2;
        QVERIFY(s2.open(m_solora.toStdString()));
        Cost::FocusImporter importer(s2.db());
        const auto r = importer.importFile(
            TestSupport::dataPath(QStringLiteral("focus/working_draft_ai/per_token_foundation_model_api.csv")).toStdString(),
            Cost::Ingestor::newBatch(s2.db()));
        QVERIFY(r.ok);
    }

    // Days still arriving (today, a provider a day late) are drawn apart with their spend so far,
    // not as a fall of baseline and scenario; the figures above the chart still count them.
    void partialDaysAreDrawnApart()
    {
        Simulation::ScenarioResult r;
        r.currency = "USD";
        const std::int64_t first = Cost::daysFromCivil(2025, 6, 1);
        for (int i = 0; i < 5; ++i)
            r.daily.push_back({first + i, Cost::BigMoney(Cost::kMoneyScale) * (i == 4 ? 100 : 300), Cost::BigMoney(Cost::kMoneyScale) * (i == 4 ? 80 : 240)});
        r.fromDay = first;
        r.toDay = first + 4;
        r.days = 5;
        ScenarioResultView view;
        view.resize(900, 600);
        view.show();
        const std::int64_t until = (first + 4) * 86400 + 9 * 3600; // June 5, 9:00: June 5 is partial
        view.setResult(r, until);
        const ForecastChart::Data &data = view.chart()->data();
        QCOMPARE(data.actual.size(), std::size_t(5));
        QCOMPARE(data.actual[3], 300.0);
        QCOMPARE(data.forecast[3], 240.0);
        QVERIFY(std::isnan(data.actual[4]) && std::isnan(data.forecast[4]));
        bool drawn = false;
        view.whenDrawn([&] { drawn = true; });
        QTRY_VERIFY_WITH_TIMEOUT(drawn, kTimeoutMs);
        const QStringList names = view.chart()->seriesNames();
        QVERIFY2(std::any_of(names.begin(), names.end(), [](const QString &n) { return n.contains(QStringLiteral("(spend so far)")); }),
                 qPrintable(names.join(QStringLiteral(" | "))));

        // Complete data (or none known): every day drawn in full.
        view.setResult(r, (first + 5) * 86400);
        QCOMPARE(view.chart()->data().actual[4], 100.0);
        view.setResult(r);
        QCOMPARE(view.chart()->data().actual[4], 100.0);
        // All days partial: the first stays drawn.
        view.setResult(r, first * 86400 + 3600);
        QCOMPARE(view.chart()->data().actual[0], 300.0);
        QVERIFY(std::isnan(view.chart()->data().actual[1]));
    }

    void pageIsRegistered() { QVERIFY(MainWindow::pageIds().contains(QStringLiteral("simulator"))); }

    // The starter scenario, then an edited share: the page shows the engine's exact figures.
    void editingAStepGivesTheEnginesFigures()
    {
        SimulatorPage page(m_demo);
        page.resize(1200, 760);
        page.show();
        QVERIFY(load(page));
        Simulation::ScenarioResult want = expected(m_demo, page.currentScenario());
        QVERIFY(want.baseline > 0);
        QCOMPARE(page.result().baseline, want.baseline);
        QCOMPARE(page.result().savings, want.savings);
        const Cost::BigMoney before = want.savings;

        // Prompt caching is step 1: 55% cacheable instead of 40%, through the spin box.
        page.editor()->selectStep(1);
        auto *cacheable = page.findChild<QDoubleSpinBox *>(QStringLiteral("stepCacheable"));
        QVERIFY(cacheable && cacheable->isVisibleTo(&page));
        cacheable->setValue(55.0);
        QVERIFY(settle(page));

        Simulation::Scenario hand; // built here, not read from the page
        hand.name = "Swap, cache and batch";
        Simulation::ScenarioStep caching;
        caching.type = Simulation::StepType::PromptCaching;
        caching.cacheablePpm = 550'000;
        caching.hitRatePpm = 700'000;
        caching.bandPpm = 0;
        Simulation::ScenarioStep batch;
        batch.type = Simulation::StepType::Batch;
        batch.sharePpm = 300'000;
        hand.steps = {StepForm::defaultStep(Simulation::StepType::ModelSwap), caching, batch};
        QCOMPARE(hand.steps[0].scope.models, std::vector<std::string>{"gpt-4o"});
        QCOMPARE(Simulation::scenarioToJson(page.currentScenario()), Simulation::scenarioToJson(hand));
        want = expected(m_demo, hand);
        const Simulation::ScenarioResult got = page.result(); // a copy: the page moves on
        QVERIFY(want.savings != before);
        QCOMPARE(got.savings, want.savings);
        QCOMPARE(got.savingsLow, want.savingsLow);
        QCOMPARE(got.savingsHigh, want.savingsHigh);
        QCOMPARE(got.monthly, want.monthly);
        QCOMPARE(got.annual, want.annual);
        QCOMPARE(got.daily.size(), want.daily.size());
        const QString currency = QStringLiteral("USD");
        QVERIFY2(page.resultView()->monthlyLabel()->text().contains(Format::money(want.monthly, currency, Format::Precision::WholeFromThousand).toHtmlEscaped()),
                 qPrintable(page.resultView()->monthlyLabel()->text()));
        QCOMPARE(page.resultView()->featureTable()->rowCount(), static_cast<int>(want.features.size()));
        QVERIFY(!page.resultView()->unpricedBanner()->isVisibleTo(&page));

        // The swap's ±10% band makes a range; widening it to 25% widens the range exactly.
        QVERIFY(got.savingsLow < got.savingsHigh);
        page.editor()->selectStep(0);
        page.findChild<QDoubleSpinBox *>(QStringLiteral("stepBand"))->setValue(25.0);
        QVERIFY(settle(page));
        hand.steps[0].bandPpm = 250'000;
        want = expected(m_demo, hand);
        QCOMPARE(page.result().savings, want.savings);
        QCOMPARE(page.result().savingsLow, want.savingsLow);
        QCOMPARE(page.result().savingsHigh, want.savingsHigh);
        QVERIFY(want.savingsHigh - want.savingsLow > got.savingsHigh - got.savingsLow);

        // The swap's chunking fields: the standard context band and 10% more input on the moved traffic.
        auto *chunk = page.findChild<QCheckBox *>(QStringLiteral("stepStandardContext"));
        auto *overhead = page.findChild<QDoubleSpinBox *>(QStringLiteral("stepInputOverhead"));
        QVERIFY(chunk && chunk->isVisibleTo(&page) && overhead && overhead->isVisibleTo(&page));
        chunk->setChecked(true);
        overhead->setValue(10.0);
        QVERIFY(settle(page));
        hand.steps[0].standardContext = true;
        hand.steps[0].inputOverheadPpm = 100'000;
        QCOMPARE(Simulation::scenarioToJson(page.currentScenario()), Simulation::scenarioToJson(hand));
        want = expected(m_demo, hand);
        QCOMPARE(page.result().savings, want.savings);
        page.editor()->selectStep(2); // batch: no target model, no chunking fields
        QVERIFY(!chunk->isVisibleTo(&page));
    }

    // An endpoint step added through the editor: the demo's endpoints are offered by name and the
    // page shows the engine's figures, with the endpoint as a row of its own.
    void endpointStepPricesTheEndpointsHours()
    {
        SimulatorPage page(m_demo);
        page.resize(1200, 760);
        page.show();
        QVERIFY(load(page));
        page.editor()->addStep(Simulation::StepType::EndpointScaling);
        QVERIFY(settle(page));
        auto *endpoints = page.findChild<QLineEdit *>(QStringLiteral("stepEndpoints"));
        QVERIFY(endpoints && endpoints->isVisibleTo(&page));
        QVERIFY(!page.findChild<QLineEdit *>(QStringLiteral("stepFeatures"))->isVisibleTo(&page));
        QVERIFY(page.findChild<QWidget *>(QStringLiteral("stepConcurrency"))->isVisibleTo(&page));
        QVERIFY(endpoints->completer() && endpoints->completer()->model()->rowCount() == 2);
        endpoints->setText(QStringLiteral("mistral-lab/blue"));
        QVERIFY(settle(page));
        const Simulation::Scenario scenario = page.currentScenario();
        QCOMPARE(scenario.steps.back().scope.endpoints, std::vector<std::string>{"mistral-lab/blue"});
        const Simulation::ScenarioResult want = expected(m_demo, scenario);
        const Simulation::ScenarioResult got = page.result();
        QCOMPARE(got.savings, want.savings);
        QCOMPARE(got.savingsLow, want.savingsLow);
        const auto row = std::find_if(got.features.begin(), got.features.end(),
                                      [](const Simulation::FeatureResult &f) { return f.feature == "(endpoint mistral-lab/blue)"; });
        QVERIFY(row != got.features.end());
        QVERIFY(row->savings() > 0); // the idle endpoint scales to zero most hours
        QCOMPARE(page.resultView()->featureTable()->rowCount(), static_cast<int>(want.features.size()));
        snap(page, QStringLiteral("simulator-endpoint-step"));
    }

    // The usage the scenario runs on: the window's range (90 days instead of 30), and a filter.
    void periodAndFilter()
    {
        SimulatorPage page(m_demo);
        page.show();
        QVERIFY(load(page));
        QCOMPARE(page.result().days, std::int64_t(30));
        QSignalSpy loaded(&page, &Page::loaded);
        page.setDateRange(m_end - 89, m_end);
        QVERIFY(loaded.wait(kTimeoutMs));
        const Simulation::ScenarioResult &r = page.result();
        QCOMPARE(r.fromDay, m_end - 59); // the range starts 90 days back; the period at the first of the demo's 60 days
        QCOMPARE(r.toDay, m_end);
        {
            Simulation::UsageQuery q;
            q.fromDay = m_end - 59;
            q.toDay = m_end;
            TestSupport::StoreUsage loaded;
            std::string error;
            QVERIFY2(TestSupport::loadStoreUsage(m_demo, q, &loaded, &error), error.c_str());
            const auto want = Simulation::evaluate(loaded.priced(), page.currentScenario());
            QCOMPARE(r.savings, want.savings);
            QCOMPARE(r.monthly, want.monthly);
        }
        page.setDateRange(m_end - 29, m_end);
        QVERIFY(loaded.wait(kTimeoutMs));
        page.setFilters({{"feature", "chatbot"}});
        QVERIFY(loaded.wait(kTimeoutMs));
        QCOMPARE(page.currentScenario().filters.size(), std::size_t(1));
        const auto want = expected(m_demo, page.currentScenario());
        QCOMPARE(page.result().baseline, want.baseline);
        QCOMPARE(page.result().savings, want.savings);
        QCOMPARE(page.result().features.size(), std::size_t(1));
        QCOMPARE(page.result().features[0].feature, std::string("chatbot"));
    }

    // Issue #23 item 5: "Last month" picked in the shell is the period priced, day for day, and the
    // page names it; a drill-down narrows the usage like every other page. (Failed before: the
    // page priced the last 30 days of data, May 20 - Jun 18, whatever the picker said.)
    void pricesTheRangeItShows()
    {
        MainWindow window(m_demo);
        window.resize(1280, 800);
        window.showPage(QStringLiteral("simulator"));
        window.show();
        auto *page = qobject_cast<SimulatorPage *>(window.page(QStringLiteral("simulator")));
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && !page->isEvaluating(), kTimeoutMs);

        DateRangeBar *bar = window.dateRangeBar();
        QSignalSpy loaded(page, &Page::loaded);
        bar->setPreset(DateRangeBar::Preset::LastMonth);
        QVERIFY(loaded.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && !page->isEvaluating(), kTimeoutMs);
        QCOMPARE(bar->fromDay(), Cost::daysFromCivil(2025, 5, 1));
        QCOMPARE(bar->toDay(), Cost::daysFromCivil(2025, 5, 31));
        QCOMPARE(page->result().fromDay, bar->fromDay());
        QCOMPARE(page->result().toDay, bar->toDay());
        const auto &cells = page->priced()->usage().cells;
        QVERIFY(!cells.empty());
        const auto [first, last] = std::minmax_element(cells.begin(), cells.end(),
                                                       [](const auto &a, const auto &b) { return a.day < b.day; });
        QCOMPARE(first->day, bar->fromDay());
        QCOMPARE(last->day, bar->toDay());
        const QString shown = page->findChild<QLabel *>(QStringLiteral("simPeriod"))->text();
        QVERIFY2(shown.startsWith(Format::shortDate(bar->fromDay(), true) + QStringLiteral(" \u2013 ")
                                  + Format::shortDate(bar->toDay(), true)),
                 qPrintable(shown));
        {
            Simulation::UsageQuery q;
            q.fromDay = bar->fromDay();
            q.toDay = bar->toDay();
            TestSupport::StoreUsage want;
            std::string error;
            QVERIFY2(TestSupport::loadStoreUsage(m_demo, q, &want, &error), error.c_str());
            QCOMPARE(page->result().baseline, Simulation::evaluate(want.priced(), page->currentScenario()).baseline);
        }

        // The drill-down narrows the priced usage and is named next to the period.
        const std::shared_ptr<SpendFilter> drill = SpendFilter::forStore(m_demo);
        drill->narrow(QStringLiteral("provider"), QStringLiteral("Anthropic"));
        QVERIFY(loaded.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && !page->isEvaluating(), kTimeoutMs);
        {
            Simulation::UsageQuery q;
            q.fromDay = bar->fromDay();
            q.toDay = bar->toDay();
            q.filters = {{"provider", "Anthropic"}};
            TestSupport::StoreUsage want;
            std::string error;
            QVERIFY2(TestSupport::loadStoreUsage(m_demo, q, &want, &error), error.c_str());
            QVERIFY(!want.usage->cells.empty());
            QCOMPARE(page->result().baseline, Simulation::evaluate(want.priced(), page->currentScenario()).baseline);
        }
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("simPeriod"))->text().endsWith(QStringLiteral("provider: Anthropic")));
        drill->clear();
        QVERIFY(loaded.wait(kTimeoutMs));
    }

    void saveRenameDeleteUndoAndCompare()
    {
        SimulatorPage page(m_demo);
        page.resize(1200, 760);
        page.show();
        QVERIFY(load(page));
        QVERIFY(storeChange(page, [&] { page.saveAs(QStringLiteral("Alpha")); }));
        page.editor()->addStep(Simulation::StepType::Compression);
        QVERIFY(settle(page));
        QVERIFY(storeChange(page, [&] { page.saveAs(QStringLiteral("Beta")); }));
        auto saved = stored(m_demo);
        QCOMPARE(names(saved), (QStringList{QStringLiteral("Alpha"), QStringLiteral("Beta")}));
        QCOMPARE(saved[1].steps.size(), std::size_t(4));
        QCOMPARE(Simulation::scenarioToJson(saved[1]), Simulation::scenarioToJson(page.currentScenario()));

        QVERIFY(storeChange(page, [&] { page.renameCurrent(QStringLiteral("Gamma")); }));
        QCOMPARE(names(stored(m_demo)), (QStringList{QStringLiteral("Alpha"), QStringLiteral("Gamma")}));
        QVERIFY(storeChange(page, [&] { page.deleteScenario(QStringLiteral("Alpha")); }));
        QCOMPARE(names(stored(m_demo)), QStringList{QStringLiteral("Gamma")});
        QVERIFY(page.statusLabel()->text().contains(QStringLiteral("Deleted")));
        QVERIFY(storeChange(page, [&] { page.undoDelete(); }));
        QCOMPARE(names(stored(m_demo)), (QStringList{QStringLiteral("Alpha"), QStringLiteral("Gamma")}));
        QCOMPARE(names(page.savedScenarios()), (QStringList{QStringLiteral("Alpha"), QStringLiteral("Gamma")}));

        // Comparison: each column is that saved scenario's own evaluation on the page's usage.
        ScenarioComparison *cmp = page.comparison();
        QSignalSpy compared(cmp, &ScenarioComparison::compared);
        cmp->setChecked({QStringLiteral("Alpha"), QStringLiteral("Gamma")});
        QVERIFY(compared.wait(kTimeoutMs));
        QCOMPARE(cmp->results().size(), std::size_t(2));
        saved = stored(m_demo);
        for (std::size_t i = 0; i < 2; ++i) {
            const Simulation::ScenarioResult want = expected(m_demo, saved[i]);
            QCOMPARE(cmp->results()[i].name, saved[i].name);
            QCOMPARE(cmp->results()[i].monthly, want.monthly);
            QCOMPARE(cmp->results()[i].annualHigh, want.annualHigh);
            QCOMPARE(cmp->table()->item(3, static_cast<int>(i))->text(), Format::money(want.monthly, QStringLiteral("USD"), Format::Precision::WholeFromThousand));
        }
        QVERIFY(cmp->results()[0].savings != cmp->results()[1].savings);

        // A taken name is refused and changes nothing.
        QSignalSpy changed(&page, &SimulatorPage::scenariosChanged);
        page.renameCurrent(QStringLiteral("Alpha"));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!changed.first().first().toString().isEmpty());
        QCOMPARE(names(stored(m_demo)), (QStringList{QStringLiteral("Alpha"), QStringLiteral("Gamma")}));
    }

    // Issue #23 item 10: a saved scenario with edits not yet saved reads "Name *" until saved.
    void editedScenarioShowsUnsavedMark()
    {
        SimulatorPage page(m_demo);
        page.resize(1200, 760);
        page.show();
        QVERIFY(load(page));
        auto *box = page.findChild<QComboBox *>(QStringLiteral("simScenario"));
        QVERIFY(box);
        QVERIFY(storeChange(page, [&] { page.saveAs(QStringLiteral("Marked")); }));
        QCOMPARE(box->currentText(), QStringLiteral("Marked"));
        page.editor()->addStep(Simulation::StepType::Batch);
        QVERIFY(settle(page));
        QCOMPARE(box->currentText(), QStringLiteral("Marked *"));
        QVERIFY(storeChange(page, [&] { page.saveAs(QStringLiteral("Marked")); }));
        QCOMPARE(box->currentText(), QStringLiteral("Marked"));
        page.editor()->removeSelected(); // back to the stored steps' count, but not what is stored
        QVERIFY(settle(page));
        QCOMPARE(box->currentText(), QStringLiteral("Marked *"));
        QVERIFY(storeChange(page, [&] { page.deleteScenario(QStringLiteral("Marked")); }));
    }

    // Issue #23 item 10: the "Add step" button leaves room for its menu arrow beside the text.
    void addStepArrowClearsItsText()
    {
        SimulatorPage page(m_demo);
        page.resize(1200, 760);
        page.show();
        QVERIFY(load(page));
        auto *add = page.findChild<QAbstractButton *>(QStringLiteral("addStep"));
        QVERIFY(add && add->isVisible());
        const int text = add->fontMetrics().horizontalAdvance(QStringLiteral("Add step"));
        const int arrow = add->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, add);
        QVERIFY2(add->width() >= text + arrow + 4, qPrintable(QStringLiteral("%1 < %2 + %3").arg(add->width()).arg(text).arg(arrow)));
        auto *push = qobject_cast<QPushButton *>(add);
        QVERIFY(push && push->menu() && push->menu()->actions().size() == Simulation::kStepTypeCount);
    }

    void jsonExportImportRoundTrip()
    {
        SimulatorPage page(m_demo);
        page.show();
        QVERIFY(load(page));
        page.editor()->addStep(Simulation::StepType::SelfHosted);
        page.editor()->addStep(Simulation::StepType::Routing);
        QVERIFY(settle(page));
        const std::string before = Simulation::scenarioToJson(page.currentScenario());
        const Cost::BigMoney savings = page.result().savings;
        const QString path = m_dir.filePath(QStringLiteral("exported.json"));
        QString error;
        QVERIFY2(page.exportTo(path, &error), qPrintable(error));
        page.editor()->removeSelected();
        QVERIFY(settle(page));
        QVERIFY(Simulation::scenarioToJson(page.currentScenario()) != before);
        QVERIFY2(page.importFrom(path, &error), qPrintable(error));
        QVERIFY(settle(page));
        QCOMPARE(Simulation::scenarioToJson(page.currentScenario()), before);
        QCOMPARE(page.result().savings, savings);

        QFile broken(m_dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(R"({"burnrate_scenario": 1, "name": "x", "steps": [{"type": "batch", "share_pct": 140}]})");
        broken.close();
        QVERIFY(!page.importFrom(broken.fileName(), &error));
        QVERIFY2(error.contains(QStringLiteral("steps[0] (batch): field 'share_pct'")), qPrintable(error));
        QCOMPARE(Simulation::scenarioToJson(page.currentScenario()), before); // nothing lost
    }

    // Solora Saturn has no price: a banner says so (never $0); prices added in the dialog re-price
    // the page, an override changes the figure, removing it makes the model unpriced again.
    void unpricedBannerAndPriceEditor()
    {
        SimulatorPage page(m_solora);
        page.resize(1200, 760);
        page.show();
        QVERIFY(load(page));
        QLabel *banner = page.resultView()->unpricedBanner();
        QVERIFY(banner->isVisibleTo(&page));
        QVERIFY2(banner->text().contains(QStringLiteral("solora-saturn-4.8")) && banner->text().contains(QStringLiteral("UNPRICED")),
                 qPrintable(banner->text()));
        QCOMPARE(page.result().baseline, Cost::BigMoney(0));

        PriceEditorDialog *dialog = nullptr;
        connect(&page, &SimulatorPage::pricesOpened, this, [&](QWidget *d) { dialog = qobject_cast<PriceEditorDialog *>(d); });
        page.openPrices();
        QVERIFY(dialog);
        QSignalSpy catalogLoaded(dialog, &PriceEditorDialog::loaded);
        QVERIFY(catalogLoaded.wait(kTimeoutMs));
        QVERIFY(dialog->table()->rowCount() > 50);
        dialog->setFilter(QStringLiteral("gpt-4o-mini"));
        int visible = 0;
        for (int r = 0; r < dialog->table()->rowCount(); ++r)
            visible += !dialog->table()->isRowHidden(r);
        QVERIFY(visible > 0 && visible < 10);

        // Validation names the field and saves nothing.
        dialog->prefillUnpriced(0);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("priceModel"))->text(), QStringLiteral("solora-saturn-4.8"));
        dialog->findChild<QLineEdit *>(QStringLiteral("price_input"))->setText(QStringLiteral("five"));
        QString error;
        QVERIFY(!dialog->saveForm(&error));
        QVERIFY2(error.startsWith(QStringLiteral("Input: 'five'")), qPrintable(error));

        auto saveAndReload = [&](const char *input, const char *output) {
            dialog->findChild<QLineEdit *>(QStringLiteral("price_input"))->setText(QString::fromLatin1(input));
            dialog->findChild<QLineEdit *>(QStringLiteral("price_output"))->setText(QString::fromLatin1(output));
            QSignalSpy done(dialog, &PriceEditorDialog::finished);
            QSignalSpy reloaded(&page, &Page::loaded);
            QSignalSpy catalog(dialog, &PriceEditorDialog::loaded);
            QString e;
            if (!dialog->saveForm(&e))
                return false;
            return done.wait(kTimeoutMs) && done.first().first().toBool() && (reloaded.size() > 0 || reloaded.wait(kTimeoutMs))
                && (catalog.size() > 0 || catalog.wait(kTimeoutMs));
        };
        QVERIFY(saveAndReload("5", "24"));
        QVERIFY(!banner->isVisibleTo(&page));
        QCOMPARE(page.result().baseline, Cost::BigMoney(usd("42") + usd("50.4"))); // 8.4M × $5 + 2.1M × $24
        QVERIFY(saveAndReload("5", "25")); // override the user price
        QCOMPARE(page.result().baseline, Cost::BigMoney(usd("94.5")));
        {
            Cost::Store store;
            Pricing::PriceCatalog c;
            std::string e;
            QVERIFY(store.open(m_solora.toStdString()) && Pricing::loadStoredPrices(store.db(), c, e));
            QCOMPARE(c.size(), std::size_t(1)); // replaced, not added twice
        }

        QVERIFY(dialog->selectUserEntry(QStringLiteral("solora-saturn-4.8"), Pricing::kAlways));
        dialog->removeSelected();
        auto *confirm = dialog->findChild<QMessageBox *>(QStringLiteral("confirmRemovePrice"));
        QVERIFY(confirm);
        QSignalSpy done(dialog, &PriceEditorDialog::finished);
        QSignalSpy reloaded(&page, &Page::loaded);
        confirm->button(QMessageBox::Yes)->click();
        QVERIFY(done.wait(kTimeoutMs));
        QVERIFY(done.first().first().toBool());
        QVERIFY(reloaded.wait(kTimeoutMs));
        QVERIFY(banner->isVisibleTo(&page));
        QCOMPARE(page.result().baseline, Cost::BigMoney(0));

        // LiteLLM import on a worker: a broken file names the entry and field and changes nothing.
        QFile broken(m_dir.filePath(QStringLiteral("litellm-broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(R"({"gpt-4o": {"input_cost_per_token": "two", "litellm_provider": "openai"}})");
        broken.close();
        const std::size_t before = dialog->catalog().size();
        QSignalSpy imported(dialog, &PriceEditorDialog::finished);
        dialog->importFile(broken.fileName());
        QVERIFY(imported.wait(kTimeoutMs));
        QVERIFY(!imported.first().first().toBool());
        QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("field &#x27;input_cost_per_token&#x27;"))
                     || dialog->statusLabel()->text().contains(QStringLiteral("field 'input_cost_per_token'")),
                 qPrintable(dialog->statusLabel()->text()));
        QCOMPARE(dialog->catalog().size(), before);
        imported.clear();
        QSignalSpy catalogAfter(dialog, &PriceEditorDialog::loaded);
        dialog->importFile(TestSupport::dataPath(QStringLiteral("prices/model_prices_and_context_window.json")));
        QVERIFY(dialog->isBusy());
        QVERIFY(imported.wait(kTimeoutMs));
        QVERIFY(imported.first().first().toBool());
        QVERIFY2(dialog->statusLabel()->text().startsWith(QStringLiteral("Imported ")), qPrintable(dialog->statusLabel()->text()));
        QVERIFY(catalogAfter.wait(kTimeoutMs));
        QVERIFY(dialog->catalog().size() > before + 100);
        dialog->close();
    }

    void estimatedVsBilledTab()
    {
        SimulatorPage page(m_demo);
        page.show();
        QVERIFY(load(page));
        auto *models = page.findChild<QTableWidget *>(QStringLiteral("estimateModels"));
        auto *days = page.findChild<QTableWidget *>(QStringLiteral("estimateDays"));
        QVERIFY(models->rowCount() >= 5);
        QCOMPARE(days->rowCount(), 30);
        const QString summary = page.findChild<QLabel *>(QStringLiteral("estimateSummary"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral("Billed $")), qPrintable(summary));
    }

    void screenshots()
    {
        if (qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR").isEmpty())
            QSKIP("set BURNRATE_SCREENSHOT_DIR to render the comparison and the Prices dialog");
        MainWindow window(m_demo);
        window.resize(1280, 800);
        window.showPage(QStringLiteral("simulator"));
        window.show();
        auto *page = qobject_cast<SimulatorPage *>(window.page(QStringLiteral("simulator")));
        QSignalSpy loaded(page, &Page::loaded);
        QVERIFY(loaded.wait(kTimeoutMs));
        for (const QString &name : names(page->savedScenarios()))
            QVERIFY(storeChange(*page, [&] { page->deleteScenario(name); }));
        // Three scenarios worth comparing, built the way the editor builds them.
        using Simulation::StepType;
        Simulation::Scenario swap;
        swap.name = "Half of gpt-4o to mini";
        swap.steps = {StepForm::defaultStep(StepType::ModelSwap)};
        Simulation::Scenario cache = swap;
        cache.name = "Cache + batch";
        cache.steps = {StepForm::defaultStep(StepType::PromptCaching), StepForm::defaultStep(StepType::Batch)};
        Simulation::Scenario all = swap;
        all.name = "All of it + compress chatbot";
        all.steps = {StepForm::defaultStep(StepType::ModelSwap), StepForm::defaultStep(StepType::PromptCaching),
                     StepForm::defaultStep(StepType::Batch), StepForm::defaultStep(StepType::Compression)};
        all.steps.back().scope.features = {"chatbot"};
        for (const Simulation::Scenario &s : {swap, cache, all}) {
            page->setScenario(s);
            QVERIFY(storeChange(*page, [&] { page->saveAs(QString::fromStdString(s.name)); }));
        }
        QSignalSpy compared(page->comparison(), &ScenarioComparison::compared);
        page->comparison()->setChecked(names(page->savedScenarios()));
        QVERIFY(compared.wait(kTimeoutMs));
        page->tabs()->setCurrentWidget(page->comparison());
        QTest::qWait(100);
        snap(window, QStringLiteral("simulator-compare"));
        page->tabs()->setCurrentWidget(page->estimateView());
        QTest::qWait(50);
        snap(window, QStringLiteral("simulator-estimate"));
        PriceEditorDialog *dialog = nullptr;
        connect(page, &SimulatorPage::pricesOpened, this, [&](QWidget *d) { dialog = qobject_cast<PriceEditorDialog *>(d); });
        page->openPrices();
        QSignalSpy catalogLoaded(dialog, &PriceEditorDialog::loaded);
        QVERIFY(catalogLoaded.wait(kTimeoutMs));
        auto field = [&](const char *name, const char *text) {
            dialog->findChild<QLineEdit *>(QString::fromLatin1(name))->setText(QString::fromLatin1(text));
        };
        dialog->findChild<QComboBox *>(QStringLiteral("priceProvider"))->setCurrentText(QStringLiteral("Anthropic"));
        field("priceModel", "claude-3-5-haiku");
        field("priceFrom", "2025-06-01");
        field("price_input", "0.72");
        field("price_cache_read", "0.072");
        field("price_cache_write_5m", "0.90");
        field("price_cache_write_1h", "1.44");
        field("price_output", "3.60");
        QSignalSpy done(dialog, &PriceEditorDialog::finished);
        QVERIFY(dialog->saveForm());
        QVERIFY(done.wait(kTimeoutMs));
        QVERIFY(catalogLoaded.wait(kTimeoutMs));
        dialog->setFilter(QStringLiteral("claude-3"));
        dialog->resize(1180, 760);
        QTest::qWait(100);
        snap(*dialog, QStringLiteral("prices-editor"));
    }
};

BURNRATE_GUI_TEST_MAIN(TestSimulatorPage)
#include "tst_simulatorpage.moc"
