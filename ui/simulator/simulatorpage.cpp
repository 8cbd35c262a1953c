#include "simulator/simulatorpage.h"

#include "prices/estimateview.h"
#include "prices/priceeditordialog.h"
#include "format/format.h"
#include "shell/messagestack.h"
#include "shell/style.h"
#include "simulation/scenario.h"
#include "simulation/scenariostore.h"
#include "simulator/scenariocomparison.h"
#include "simulator/scenarioeditor.h"
#include "simulator/scenariolibrary.h"
#include "simulator/scenarioresultview.h"
#include "simulator/scenariotoolbar.h"
#include "simulator/simulatordata.h"
#include "simulator/stepform.h"
#include "spend/spendfilter.h"

#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

using Simulation::Scenario;

namespace {

constexpr int kDebounceMs = 60;

Scenario starterScenario()
{
    Scenario s;
    s.name = "Swap, cache and batch";
    s.steps.push_back(StepForm::defaultStep(Simulation::StepType::ModelSwap));
    s.steps.push_back(StepForm::defaultStep(Simulation::StepType::PromptCaching));
    s.steps.push_back(StepForm::defaultStep(Simulation::StepType::Batch));
    return s;
}

} // namespace

SimulatorPage::SimulatorPage(const QString &dbPath, QWidget *parent)
    : Page(dbPath, parent)
    , m_drillDown(SpendFilter::forStore(dbPath))
{
    connect(m_drillDown.get(), &SpendFilter::changed, this, &Page::reload);
    setObjectName(QStringLiteral("simulatorPage"));
    m_library = new ScenarioLibrary(dbPath, this);
    m_content = buildContent();
    m_stack = new MessageStack(m_content, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SimulatorPage::evaluateNow);
    m_editor->setScenario(starterScenario());
}

SimulatorPage::~SimulatorPage() = default;

QString SimulatorPage::title() const { return tr("Simulator"); }

QWidget *SimulatorPage::buildToolbar()
{
    m_toolbar = new ScenarioToolbar(this);
    connect(m_toolbar, &ScenarioToolbar::saveAsRequested, this, &SimulatorPage::saveAs);
    connect(m_toolbar, &ScenarioToolbar::renameRequested, this, [this](const QString &name) {
        if (m_savedName.isEmpty())
            setStatus(tr("Save the scenario before renaming it."));
        else
            renameCurrent(name);
    });
    connect(m_toolbar, &ScenarioToolbar::deleteRequested, this, &SimulatorPage::deleteScenario);
    connect(m_toolbar, &ScenarioToolbar::importRequested, this, [this](const QString &path) {
        QString error;
        if (!importFrom(path, &error))
            QMessageBox::warning(this, tr("Import scenario"), error);
    });
    connect(m_toolbar, &ScenarioToolbar::exportRequested, this, [this](const QString &path) {
        QString error;
        if (!exportTo(path, &error))
            QMessageBox::warning(this, tr("Export scenario"), error);
    });
    connect(m_toolbar, &ScenarioToolbar::pricesRequested, this, &SimulatorPage::openPrices);
    connect(m_toolbar, &ScenarioToolbar::filtersChosen, this, &SimulatorPage::setFilters);
    connect(m_toolbar, &ScenarioToolbar::scenarioChosen, this, [this](const QString &name) {
        if (const Scenario *s = m_library->find(name.toStdString())) {
            m_savedName = name;
            setScenario(*s);
        }
    });
    return m_toolbar;
}

QWidget *SimulatorPage::buildContent()
{
    auto *content = new QWidget(this);
    QWidget *toolbar = buildToolbar();
    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("simStatus"));
    Style::text(m_status, Style::kSecondary);
    m_undo = new QPushButton(tr("&Undo"), content);
    m_undo->hide();
    connect(m_undo, &QPushButton::clicked, this, &SimulatorPage::undoDelete);
    connect(m_library, &ScenarioLibrary::finished, this, [this](const QString &error, const QString &message, bool undoable) {
        fillScenarioBox();
        m_comparison->setData(m_snapshot.priced, m_snapshot.endpoints, m_library->scenarios());
        setStatus(message, undoable);
        Q_EMIT scenariosChanged(error);
    });
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_undo);
    statusRow->addStretch(1);

    m_editor = new ScenarioEditor(content);
    m_editor->setMinimumWidth(300);
    m_editor->setMaximumWidth(420);
    m_result = new ScenarioResultView(content);
    auto *split = new QSplitter(Qt::Horizontal, content);
    split->addWidget(m_editor);
    // In a small window the result (savings, chart, feature table) scrolls rather than stacking
    // the chart's legend over the table.
    auto *resultScroll = new QScrollArea(content);
    resultScroll->setAccessibleName(tr("Scenario result"));
    resultScroll->setFrameShape(QFrame::NoFrame);
    resultScroll->setWidgetResizable(true);
    resultScroll->setWidget(m_result);
    split->addWidget(resultScroll);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    m_comparison = new ScenarioComparison(content);
    m_estimate = new EstimateView(content);
    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("simTabs"));
    m_tabs->addTab(split, tr("S&cenario"));
    m_tabs->addTab(m_comparison, tr("C&ompare saved"));
    m_tabs->addTab(m_estimate, tr("&Estimated vs billed"));

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(20, 4, 20, 12);
    layout->setSpacing(6);
    layout->addWidget(toolbar);
    layout->addLayout(statusRow);
    layout->addWidget(m_tabs, 1);

    connect(m_editor, &ScenarioEditor::changed, this, [this] {
        m_debounce.start();
        markUnsaved();
    });
    connect(m_result, &ScenarioResultView::addPricesRequested, this, &SimulatorPage::openPrices);
    return content;
}

SimulatorPage::Snapshot SimulatorPage::query(Cost::Store &store, const Simulation::UsageQuery &usage)
{
    return SimulatorData::load(store, usage);
}

void SimulatorPage::startLoad()
{
    Simulation::UsageQuery q;
    q.filters = usageFilters();
    if (toDay() >= fromDay()) {
        q.fromDay = fromDay();
        q.toDay = toDay();
    }
    runQuery([q](Cost::Store &store) { return query(store, q); }, [this](const Snapshot &s) { apply(s); },
             [this](const QString &message) { showMessage(tr("Cannot open the store: %1").arg(message)); });
}

void SimulatorPage::showMessage(const QString &message)
{
    m_stack->showMessage(message);
}

void SimulatorPage::apply(const Snapshot &snapshot)
{
    if (snapshot.empty) {
        showMessage(tr("No cost data yet: import a FOCUS export or load the demo workspace to simulate changes on real usage."));
        return;
    }
    if (!snapshot.error.isEmpty()) {
        showMessage(tr("Cannot simulate: %1").arg(snapshot.error));
        return;
    }
    m_stack->showContent();
    m_snapshot = snapshot;
    m_library->setScenarios(snapshot.scenarios);
    m_toolbar->setFilterChoices(m_snapshot.choices, m_filters);
    m_editor->setChoices(snapshot.models, snapshot.features, snapshot.endpointNames);
    const auto &saved = m_library->scenarios();
    if (!m_loadedOnce && m_savedName.isEmpty() && !saved.empty()) {
        m_savedName = QString::fromStdString(saved.front().name);
        m_editor->setScenario(saved.front());
    }
    m_loadedOnce = true;
    showPeriod();
    fillScenarioBox();
    m_estimate->setReport(snapshot.estimate);
    m_comparison->setData(snapshot.priced, snapshot.endpoints, saved);
    evaluateNow();
}

void SimulatorPage::fillScenarioBox()
{
    m_toolbar->setScenarios(m_library->scenarios(), m_savedName, QString::fromStdString(m_editor->scenario().name));
    markUnsaved();
}

void SimulatorPage::markUnsaved()
{
    const Scenario *stored = m_savedName.isEmpty() ? nullptr : m_library->find(m_savedName.toStdString());
    m_toolbar->markEdited(m_savedName, stored && Simulation::scenarioToJson(*stored) != Simulation::scenarioToJson(currentScenario()));
}

Scenario SimulatorPage::currentScenario() const
{
    Scenario s = m_editor->scenario();
    if (!m_savedName.isEmpty())
        s.name = m_savedName.toStdString();
    s.filters = m_filters;
    return s;
}

const Simulation::ScenarioResult &SimulatorPage::result() const { return m_result->result(); }

void SimulatorPage::setScenario(const Scenario &scenario)
{
    m_editor->setScenario(scenario);
    if (scenario.filters != m_filters) {
        setFilters(scenario.filters); // reloads, then evaluates
        return;
    }
    fillScenarioBox();
    m_debounce.start();
}

std::vector<Analytics::Filter> SimulatorPage::usageFilters() const
{
    // The scenario's own filter, narrowed further by the drill-down on the dimensions the
    // scenario leaves open (a dimension filtered twice would select nothing).
    std::vector<Analytics::Filter> filters = m_filters;
    for (const Analytics::Filter &step : m_drillDown->filters()) {
        const bool taken = std::any_of(filters.begin(), filters.end(),
                                       [&](const Analytics::Filter &f) { return f.first == step.first; });
        if (!taken)
            filters.push_back(step);
    }
    return filters;
}

void SimulatorPage::showPeriod()
{
    if (!m_snapshot.priced) {
        m_toolbar->setPeriodText(QString());
        return;
    }
    const Simulation::UsageSnapshot &usage = m_snapshot.priced->usage();
    QString text = tr("%1 \u2013 %2").arg(Format::shortDate(usage.fromDay, true), Format::shortDate(usage.toDay, true));
    QStringList steps;
    for (const SpendFilter::Step &step : m_drillDown->steps())
        if (std::none_of(m_filters.begin(), m_filters.end(),
                         [&](const Analytics::Filter &f) { return f.first == step.dimension.toStdString(); }))
            steps << ScenarioToolbar::filterText({step.dimension.toStdString(), step.value.toStdString()});
    if (!steps.isEmpty())
        text += QStringLiteral(" \u00B7 ") + steps.join(QStringLiteral(", "));
    m_toolbar->setPeriodText(text);
}

void SimulatorPage::setFilters(const std::vector<Analytics::Filter> &filters)
{
    m_filters = filters;
    reload();
}

void SimulatorPage::evaluateNow()
{
    m_debounce.stop();
    if (!m_snapshot.priced)
        return;
    // A stale evaluation stops early (Latest cancels it) and its result is dropped.
    m_evaluator.compute([priced = m_snapshot.priced, endpoints = m_snapshot.endpoints, scenario = currentScenario()](
                            Task::Context &context) {
                            return Simulation::evaluate(*priced, scenario, context.cancelFlag(), endpoints.get());
                        },
                        [this](Task::Outcome<Simulation::ScenarioResult> &outcome) {
                            m_result->setResult(outcome.value, m_snapshot.completeUntil);
                            Q_EMIT evaluated();
                        });
}

void SimulatorPage::whenDrawn(const std::function<void()> &done)
{
    if (!isEvaluating()) {
        m_result->whenDrawn(done);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(this, &SimulatorPage::evaluated, this, [this, connection, done] {
        disconnect(*connection);
        m_result->whenDrawn(done);
    });
}

void SimulatorPage::setStatus(const QString &text, bool undo)
{
    m_status->setText(text);
    m_undo->setVisible(undo);
}

void SimulatorPage::saveAs(const QString &name)
{
    Scenario s = currentScenario();
    s.name = name.toStdString();
    m_library->save(s, [this, s] {
        m_savedName = QString::fromStdString(s.name);
        Scenario edited = m_editor->scenario();
        edited.name = s.name;
        m_editor->setScenario(edited);
    });
}

void SimulatorPage::renameCurrent(const QString &name)
{
    Scenario s = currentScenario();
    s.name = name.toStdString();
    m_library->rename(m_savedName.toStdString(), s, [this, s] {
        m_savedName = QString::fromStdString(s.name);
        m_editor->setScenario(s);
    });
}

void SimulatorPage::deleteScenario(const QString &name)
{
    m_library->remove(name.toStdString(), [this, name] {
        if (m_savedName == name)
            m_savedName.clear();
    });
}

void SimulatorPage::undoDelete() { m_library->undoRemove(); }

bool SimulatorPage::exportTo(const QString &path, QString *error) const
{
    QFile file(path);
    const std::string json = Simulation::scenarioToJson(currentScenario());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(json.data(), static_cast<qint64>(json.size())) != static_cast<qint64>(json.size())) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool SimulatorPage::importFrom(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    Scenario s;
    std::string e;
    if (!Simulation::parseScenario(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), s, e)) {
        if (error)
            *error = tr("%1: %2").arg(path, QString::fromStdString(e));
        return false;
    }
    m_savedName.clear(); // an imported scenario is not saved until the user saves it
    setScenario(s);
    fillScenarioBox();
    setStatus(tr("Imported \u201c%1\u201d (not saved yet).").arg(QString::fromStdString(s.name)));
    return true;
}

void SimulatorPage::openPrices()
{
    std::vector<Simulation::UnpricedUsage> unpriced;
    if (m_snapshot.priced)
        unpriced = m_snapshot.priced->unpriced();
    auto *dialog = new PriceEditorDialog(dbPath(), unpriced, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PriceEditorDialog::pricesChanged, this, &Page::reload);
    dialog->open();
    Q_EMIT pricesOpened(dialog);
}

const std::vector<Simulation::Scenario> &SimulatorPage::savedScenarios() const { return m_library->scenarios(); }
