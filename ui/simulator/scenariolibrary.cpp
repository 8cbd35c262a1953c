#include "simulator/scenariolibrary.h"

#include "simulation/scenariostore.h"
#include "store/sqlitedb.h"

#include <algorithm>

using Simulation::Scenario;

ScenarioLibrary::ScenarioLibrary(const QString &dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(dbPath)
{
}

void ScenarioLibrary::setScenarios(std::vector<Scenario> scenarios) { m_scenarios = std::move(scenarios); }

const Scenario *ScenarioLibrary::find(const std::string &name) const
{
    for (const Scenario &s : m_scenarios)
        if (s.name == name)
            return &s;
    return nullptr;
}

void ScenarioLibrary::run(std::function<bool(Cost::SqliteDb &, std::string &)> change, std::function<void()> onSuccess,
                          const QString &message, bool undoable)
{
    m_writer.write(m_dbPath, std::move(change), [this, onSuccess, message, undoable](const QString &error) {
        if (error.isEmpty()) {
            onSuccess();
            std::sort(m_scenarios.begin(), m_scenarios.end(), [](const Scenario &a, const Scenario &b) { return a.name < b.name; });
        }
        Q_EMIT finished(error, error.isEmpty() ? message : tr("Not saved: %1").arg(error), undoable && error.isEmpty());
    });
}

void ScenarioLibrary::save(const Scenario &s, std::function<void()> then)
{
    run([s](Cost::SqliteDb &db, std::string &e) { return Simulation::saveScenario(db, s, e); },
        [this, s, then] {
            std::erase_if(m_scenarios, [&](const Scenario &o) { return o.name == s.name; });
            m_scenarios.push_back(s);
            if (then)
                then();
        },
        tr("Saved \u201c%1\u201d.").arg(QString::fromStdString(s.name)));
}

void ScenarioLibrary::rename(const std::string &from, const Scenario &s, std::function<void()> then)
{
    if (find(s.name)) {
        const QString error = tr("A scenario named \u201c%1\u201d exists already.").arg(QString::fromStdString(s.name));
        Q_EMIT finished(error, error, false);
        return;
    }
    run(
        [s, from](Cost::SqliteDb &db, std::string &e) {
            // Both in one transaction: never two copies, never none.
            if (!db.exec("BEGIN IMMEDIATE")) {
                e = db.error();
                return false;
            }
            if (Simulation::saveScenario(db, s, e) && Simulation::removeScenario(db, from, e) && db.exec("COMMIT"))
                return true;
            if (e.empty())
                e = "scenario '" + from + "' is no longer saved";
            db.exec("ROLLBACK");
            return false;
        },
        [this, s, from, then] {
            std::erase_if(m_scenarios, [&](const Scenario &o) { return o.name == from; });
            m_scenarios.push_back(s);
            if (then)
                then();
        },
        tr("Renamed to \u201c%1\u201d.").arg(QString::fromStdString(s.name)));
}

void ScenarioLibrary::remove(const std::string &name, std::function<void()> then)
{
    if (const Scenario *s = find(name))
        m_deleted = *s;
    run([name](Cost::SqliteDb &db, std::string &e) { return Simulation::removeScenario(db, name, e); },
        [this, name, then] {
            std::erase_if(m_scenarios, [&](const Scenario &o) { return o.name == name; });
            if (then)
                then();
        },
        tr("Deleted \u201c%1\u201d.").arg(QString::fromStdString(name)), true);
}

void ScenarioLibrary::undoRemove()
{
    if (m_deleted.name.empty())
        return;
    const Scenario s = m_deleted;
    m_deleted = {};
    run([s](Cost::SqliteDb &db, std::string &e) { return Simulation::saveScenario(db, s, e); },
        [this, s] { m_scenarios.push_back(s); }, tr("Restored \u201c%1\u201d.").arg(QString::fromStdString(s.name)));
}
