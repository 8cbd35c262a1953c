#pragma once

#include "simulation/scenario.h"
#include "task/task.h"

#include <QObject>
#include <QString>

#include <functional>
#include <string>
#include <vector>

/// The saved scenarios as the Simulator page knows them, and the store writes that change
/// them (save, rename in one transaction, delete with undo), each off the GUI thread. The list
/// changes only once the store has. GUI thread.
class ScenarioLibrary : public QObject {
    Q_OBJECT
public:
    explicit ScenarioLibrary(const QString &dbPath, QObject *parent = nullptr);

    void setScenarios(std::vector<Simulation::Scenario> scenarios);
    const std::vector<Simulation::Scenario> &scenarios() const { return m_scenarios; }
    const Simulation::Scenario *find(const std::string &name) const;

    /// Saves (or replaces by name); `then` runs after success, before finished().
    void save(const Simulation::Scenario &scenario, std::function<void()> then = {});
    /// Renames `from` to `scenario.name` (saving `scenario`); fails when the name is taken.
    void rename(const std::string &from, const Simulation::Scenario &scenario, std::function<void()> then = {});
    /// Deletes a scenario; undoRemove() saves it again.
    void remove(const std::string &name, std::function<void()> then = {});
    void undoRemove();
    bool canUndo() const { return !m_deleted.name.empty(); }

Q_SIGNALS:
    /// A change reached the store (error empty) or failed; `message` says which for the user.
    void finished(const QString &error, const QString &message, bool undoable);

private:
    void run(std::function<bool(Cost::SqliteDb &, std::string &)> change, std::function<void()> onSuccess,
             const QString &message, bool undoable = false);

    QString m_dbPath;
    std::vector<Simulation::Scenario> m_scenarios;
    Simulation::Scenario m_deleted;
    Task::Runner m_writer{this, Task::Runner::Policy::Every};
};
