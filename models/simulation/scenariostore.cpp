#include "simulation/scenariostore.h"

#include <QDateTime>

namespace Simulation {

bool saveScenario(Cost::SqliteDb &db, const Scenario &scenario, std::string &error)
{
    if (scenario.name.empty()) {
        error = "a saved scenario needs a name";
        return false;
    }
    const std::string now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    Cost::SqliteStmt st(db, "INSERT INTO scenario(name, definition, created_at, updated_at) VALUES(?1, ?2, ?3, ?3)"
                            " ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at");
    st.bind(1, std::string_view(scenario.name));
    const std::string json = scenarioToJson(scenario);
    st.bind(2, std::string_view(json));
    st.bind(3, std::string_view(now));
    if (!st.exec()) {
        error = "cannot save scenario '" + scenario.name + "': " + st.error();
        return false;
    }
    return true;
}

bool loadScenarios(Cost::SqliteDb &db, std::vector<Scenario> &out, std::string &error)
{
    out.clear();
    Cost::SqliteStmt st(db, "SELECT name, definition FROM scenario ORDER BY name");
    if (!st.ok()) {
        error = st.error();
        return false;
    }
    while (st.step()) {
        Scenario s;
        if (!parseScenario(st.text(1), s, error)) {
            error = "saved scenario '" + std::string(st.text(0)) + "': " + error;
            return false;
        }
        out.push_back(std::move(s));
    }
    if (!st.error().empty()) {
        error = st.error();
        return false;
    }
    return true;
}

bool removeScenario(Cost::SqliteDb &db, const std::string &name, std::string &error)
{
    Cost::SqliteStmt st(db, "DELETE FROM scenario WHERE name = ?1");
    st.bind(1, std::string_view(name));
    if (!st.exec()) {
        error = st.error();
        return false;
    }
    return db.changes() > 0;
}

} // namespace Simulation
