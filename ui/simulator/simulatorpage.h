#pragma once

#include "shell/page.h"
#include "simulation/scenarioengine.h"
#include "simulator/simulatordata.h"
#include "task/task.h"

#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

class EstimateView;
class SpendFilter;
class QLabel;
class QPushButton;
class MessageStack;
class QTabWidget;
class ScenarioComparison;
class ScenarioEditor;
class ScenarioLibrary;
class ScenarioResultView;
class ScenarioToolbar;

/// The Simulator page: the real usage of the window's date range and drill-down (and the
/// scenario's filter), priced with the catalog; a
/// scenario editor whose every change re-evaluates (debounced, on a worker, stale runs
/// cancelled); savings with their range, the baseline-vs-scenario chart and per-feature table;
/// saved scenarios (save, rename, delete with undo, JSON import/export); the comparison of saved
/// scenarios; estimated vs billed; and the Prices dialog.
class SimulatorPage : public Page {
    Q_OBJECT
public:
    using Snapshot = SimulatorData::Snapshot;

    explicit SimulatorPage(const QString &dbPath, QWidget *parent = nullptr);
    ~SimulatorPage() override;

    QString title() const override;
    /// Loads usage, catalog and saved scenarios; runs on a worker thread.
    static Snapshot query(Cost::Store &store, const Simulation::UsageQuery &usage);

    /// The scenario as edited (name, steps, the page's filter).
    Simulation::Scenario currentScenario() const;
    /// Shows `scenario` in the editor (and its filter) and re-evaluates.
    void setScenario(const Simulation::Scenario &scenario);
    /// Restricts the usage to DIM=VALUE filters (empty = all usage); reloads.
    void setFilters(const std::vector<Analytics::Filter> &filters);

    /// Saves the current scenario under `name` (replacing one of that name).
    void saveAs(const QString &name);
    /// Renames the saved scenario shown; fails when `name` is taken.
    void renameCurrent(const QString &name);
    /// Deletes a saved scenario; undoDelete() puts it back.
    void deleteScenario(const QString &name);
    void undoDelete();
    bool exportTo(const QString &path, QString *error) const;
    bool importFrom(const QString &path, QString *error);
    /// Opens the Prices dialog (re-prices when prices change).
    void openPrices();

    const std::vector<Simulation::Scenario> &savedScenarios() const;
    const Simulation::ScenarioResult &result() const;
    std::shared_ptr<const Simulation::PricedUsage> priced() const { return m_snapshot.priced; }
    bool isEvaluating() const { return m_evaluator.isBusy() || m_debounce.isActive(); }
    ScenarioEditor *editor() const { return m_editor; }
    ScenarioResultView *resultView() const { return m_result; }
    ScenarioComparison *comparison() const { return m_comparison; }
    EstimateView *estimateView() const { return m_estimate; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    /// The result view shows the current scenario's evaluation.
    void evaluated();
    /// A save, rename, delete or undo reached the store (error empty on success).
    void scenariosChanged(const QString &error);
    /// The Prices dialog was opened (tests and screenshots reach it here).
    void pricesOpened(QWidget *dialog);

protected:
    void startLoad() override;
    void whenDrawn(const std::function<void()> &done) override;

private:
    QWidget *buildContent();
    QWidget *buildToolbar();
    void apply(const Snapshot &snapshot);
    void showMessage(const QString &message);
    std::vector<Analytics::Filter> usageFilters() const;
    void showPeriod();
    void fillScenarioBox();
    /// Marks the saved scenario shown "Name *" while it has unsaved edits.
    void markUnsaved();
    void evaluateNow();
    void setStatus(const QString &text, bool undo = false);

    MessageStack *m_stack = nullptr;
    QWidget *m_content = nullptr;
    ScenarioToolbar *m_toolbar = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_undo = nullptr;
    QTabWidget *m_tabs = nullptr;
    ScenarioEditor *m_editor = nullptr;
    ScenarioResultView *m_result = nullptr;
    ScenarioComparison *m_comparison = nullptr;
    EstimateView *m_estimate = nullptr;

    Snapshot m_snapshot;
    ScenarioLibrary *m_library = nullptr;
    std::vector<Analytics::Filter> m_filters; ///< the scenario's filter
    std::shared_ptr<SpendFilter> m_drillDown; ///< the drill-down every page shares
    QString m_savedName; ///< the saved scenario the editor shows ("" = unsaved)
    bool m_loadedOnce = false;
    QTimer m_debounce;
    Task::Runner m_evaluator{this, Task::Runner::Policy::Latest};
};
