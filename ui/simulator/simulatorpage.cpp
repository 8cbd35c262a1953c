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
#include "simulator/simulatordata.h"
#include "simulator/stepform.h"
#include "spend/spendfilter.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
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

QString filterText(const Analytics::Filter &f)
{
    return QStringLiteral("%1: %2").arg(QString::fromStdString(f.first), QString::fromStdString(f.second));
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
    auto *bar = new QWidget(this);
    // The period is the window's date range (and drill-down), as on every page; the label names
    // the days actually priced (the range cut to the days with data).
    m_period = new QLabel(bar);
    m_period->setObjectName(QStringLiteral("simPeriod"));
    m_period->setTextFormat(Qt::PlainText);
    m_period->setToolTip(tr("The usage priced: the date range and drill-down chosen above, from the first day with data"));
    m_filter = new QComboBox(bar);
    m_filter->setObjectName(QStringLiteral("simFilter"));
    m_filter->setMinimumContentsLength(22);
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scenarioBox = new QComboBox(bar);
    m_scenarioBox->setObjectName(QStringLiteral("simScenario"));
    m_scenarioBox->setMinimumContentsLength(30);
    m_scenarioBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto button = [bar](const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, bar);
        b->setToolTip(tip);
        return b;
    };
    QPushButton *save = button(tr("&Save"), tr("Save the scenario (Ctrl+S)"));
    QPushButton *saveAsButton = button(tr("Save &as\u2026"), tr("Save under a new name"));
    QPushButton *rename = button(tr("Re&name\u2026"), tr("Rename the saved scenario"));
    QPushButton *remove = button(tr("&Delete"), tr("Delete the saved scenario (can be undone)"));
    QPushButton *importButton = button(tr("Import\u2026"), tr("Load a scenario JSON file (burnrate simulate --scenario format)"));
    QPushButton *exportButton = button(tr("Export\u2026"), tr("Write the scenario as JSON for burnrate simulate --scenario"));
    QPushButton *prices = button(tr("&Prices\u2026"), tr("The price catalog: add or override prices, import LiteLLM (Ctrl+Shift+P)"));
    auto *saveShortcut = new QAction(this);
    saveShortcut->setShortcut(QKeySequence::Save);
    saveShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveShortcut);

    auto *row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Usage:"), bar));
    row1->addWidget(m_period);
    row1->addWidget(m_filter);
    row1->addStretch(1);
    row1->addWidget(prices);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(new QLabel(tr("Scenario:"), bar));
    row2->addWidget(m_scenarioBox);
    for (QPushButton *b : {save, saveAsButton, rename, remove, importButton, exportButton})
        row2->addWidget(b);
    row2->addStretch(1);
    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(row1);
    layout->addLayout(row2);

    auto saveCurrent = [this] {
        if (!m_savedName.isEmpty()) {
            saveAs(m_savedName);
            return;
        }
        const QString name = QInputDialog::getText(this, tr("Save scenario"), tr("Name:"), QLineEdit::Normal,
                                                   QString::fromStdString(m_editor->scenario().name));
        if (!name.trimmed().isEmpty())
            saveAs(name.trimmed());
    };
    connect(save, &QPushButton::clicked, this, saveCurrent);
    connect(saveShortcut, &QAction::triggered, this, saveCurrent);
    connect(saveAsButton, &QPushButton::clicked, this, [this] {
        const QString name = QInputDialog::getText(this, tr("Save scenario as"), tr("Name:"));
        if (!name.trimmed().isEmpty())
            saveAs(name.trimmed());
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        if (m_savedName.isEmpty()) {
            setStatus(tr("Save the scenario before renaming it."));
            return;
        }
        const QString name = QInputDialog::getText(this, tr("Rename scenario"), tr("New name:"), QLineEdit::Normal, m_savedName);
        if (!name.trimmed().isEmpty() && name.trimmed() != m_savedName)
            renameCurrent(name.trimmed());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (!m_savedName.isEmpty())
            deleteScenario(m_savedName);
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import scenario"), QString(), tr("Scenario (*.json)"));
        QString error;
        if (!path.isEmpty() && !importFrom(path, &error))
            QMessageBox::warning(this, tr("Import scenario"), error);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export scenario"),
                                                          QString::fromStdString(m_editor->scenario().name) + QStringLiteral(".json"),
                                                          tr("Scenario (*.json)"));
        QString error;
        if (!path.isEmpty() && !exportTo(path, &error))
            QMessageBox::warning(this, tr("Export scenario"), error);
    });
    connect(prices, &QPushButton::clicked, this, &SimulatorPage::openPrices);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        const QStringList parts = m_filter->itemData(index).toStringList();
        std::vector<Analytics::Filter> filters;
        for (int i = 0; i + 1 < parts.size(); i += 2)
            filters.emplace_back(parts[i].toStdString(), parts[i + 1].toStdString());
        setFilters(filters);
    });
    connect(m_scenarioBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        const QString name = m_scenarioBox->itemData(index).toString();
        if (const Scenario *s = m_library->find(name.toStdString())) {
            m_savedName = name;
            setScenario(*s);
        }
    });
    return bar;
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
        m_comparison->setData(m_snapshot.priced, m_library->scenarios());
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
    split->addWidget(m_result);
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
    fillFilters();
    m_editor->setChoices(snapshot.models, snapshot.features);
    const auto &saved = m_library->scenarios();
    if (!m_loadedOnce && m_savedName.isEmpty() && !saved.empty()) {
        m_savedName = QString::fromStdString(saved.front().name);
        m_editor->setScenario(saved.front());
    }
    m_loadedOnce = true;
    showPeriod();
    fillScenarioBox();
    m_estimate->setReport(snapshot.estimate);
    m_comparison->setData(snapshot.priced, saved);
    evaluateNow();
}

void SimulatorPage::fillFilters()
{
    m_filling = true;
    m_filter->clear();
    m_filter->addItem(tr("All usage"), QStringList{});
    int current = 0;
    auto add = [&](const std::vector<Analytics::Filter> &filters) {
        QStringList data, text;
        for (const auto &f : filters) {
            data << QString::fromStdString(f.first) << QString::fromStdString(f.second);
            text << filterText(f);
        }
        m_filter->addItem(text.join(QStringLiteral(", ")), data);
        if (filters == m_filters)
            current = m_filter->count() - 1;
    };
    for (const auto &c : m_snapshot.choices)
        if (c.dim == "provider" || c.dim == "model" || c.dim == "feature")
            add({{c.dim, c.value}});
    if (!m_filters.empty() && current == 0)
        add(m_filters); // a scenario's own filter that is not among the choices
    m_filter->setCurrentIndex(current);
    m_filling = false;
}

void SimulatorPage::fillScenarioBox()
{
    m_filling = true;
    m_scenarioBox->clear();
    if (m_savedName.isEmpty())
        m_scenarioBox->addItem(tr("%1 (not saved)").arg(QString::fromStdString(m_editor->scenario().name)), QString());
    for (const Scenario &s : m_library->scenarios()) {
        const QString name = QString::fromStdString(s.name);
        m_scenarioBox->addItem(name, name);
        if (name == m_savedName)
            m_scenarioBox->setCurrentIndex(m_scenarioBox->count() - 1);
    }
    m_filling = false;
    markUnsaved();
}

void SimulatorPage::markUnsaved()
{
    // "Name *" while the saved scenario shown differs from what is stored, as editors mark files.
    const int index = m_savedName.isEmpty() ? -1 : m_scenarioBox->findData(m_savedName);
    if (index < 0)
        return;
    const Scenario *stored = m_library->find(m_savedName.toStdString());
    const bool edited = stored && Simulation::scenarioToJson(*stored) != Simulation::scenarioToJson(currentScenario());
    m_scenarioBox->setItemText(index, edited ? tr("%1 *").arg(m_savedName) : m_savedName);
    m_scenarioBox->setItemData(index, edited ? tr("Edited since it was saved: Save (Ctrl+S) keeps the changes") : QString(),
                               Qt::ToolTipRole);
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
        m_period->clear();
        return;
    }
    const Simulation::UsageSnapshot &usage = m_snapshot.priced->usage();
    QString text = tr("%1 \u2013 %2").arg(Format::shortDate(usage.fromDay, true), Format::shortDate(usage.toDay, true));
    QStringList steps;
    for (const SpendFilter::Step &step : m_drillDown->steps())
        if (std::none_of(m_filters.begin(), m_filters.end(),
                         [&](const Analytics::Filter &f) { return f.first == step.dimension.toStdString(); }))
            steps << filterText({step.dimension.toStdString(), step.value.toStdString()});
    if (!steps.isEmpty())
        text += QStringLiteral(" \u00B7 ") + steps.join(QStringLiteral(", "));
    m_period->setText(text);
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
    m_evaluator.compute([priced = m_snapshot.priced, scenario = currentScenario()](
                            Task::Context &context) { return Simulation::evaluate(*priced, scenario, context.cancelFlag()); },
                        [this](Task::Outcome<Simulation::ScenarioResult> &outcome) {
                            m_result->setResult(outcome.value);
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
