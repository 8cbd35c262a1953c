#pragma once

#include "simulation/scenarioengine.h"
#include "task/task.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QTableWidget;

/// Side-by-side comparison of saved scenarios: tick two or more, and each is evaluated on the
/// same priced usage (the page's period and filter) on a worker thread; the table shows
/// baseline, scenario, savings low / point / high per month and per year and the top features.
/// A newer request cancels and drops an older one. GUI thread.
class ScenarioComparison : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioComparison(QWidget *parent = nullptr);
    ~ScenarioComparison() override;

    /// The usage to price and the saved scenarios to choose from (keeps ticks by name).
    void setData(std::shared_ptr<const Simulation::PricedUsage> priced, std::shared_ptr<const Simulation::EndpointInputs> endpoints,
                 const std::vector<Simulation::Scenario> &scenarios);
    /// Ticks exactly the scenarios named; re-evaluates.
    void setChecked(const QStringList &names);
    QStringList checked() const;
    /// The results shown, in column order.
    const std::vector<Simulation::ScenarioResult> &results() const { return m_results; }
    QTableWidget *table() const { return m_table; }
    bool isBusy() const { return m_runner.isBusy(); }

Q_SIGNALS:
    /// The table shows the ticked scenarios' results.
    void compared();

private:
    void evaluate();
    void show(const std::vector<Simulation::ScenarioResult> &results);

    std::shared_ptr<const Simulation::PricedUsage> m_priced;
    std::shared_ptr<const Simulation::EndpointInputs> m_endpoints;
    std::vector<Simulation::Scenario> m_scenarios;
    std::vector<Simulation::ScenarioResult> m_results;
    Task::Runner m_runner{this, Task::Runner::Policy::Latest};
    bool m_filling = false;
    QListWidget *m_list = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_note = nullptr;
};
