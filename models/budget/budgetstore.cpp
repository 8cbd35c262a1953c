#include "budget/budgetstore.h"

#include "domain/timeparse.h"

#include <ctime>

namespace Budgets {

namespace {

bool fail(Cost::SqliteDb &db, std::string &error, const std::string &what, const std::string &detail)
{
    error = what + ": " + detail;
    db.exec("ROLLBACK");
    return false;
}

bool writeThresholds(Cost::SqliteDb &db, const Budget &b, std::string &error)
{
    Cost::SqliteStmt del(db, "DELETE FROM budget_threshold WHERE budget_id = ?1");
    del.bind(1, b.id);
    if (!del.exec()) {
        error = del.error();
        return false;
    }
    Cost::SqliteStmt ins(db, "INSERT INTO budget_threshold(budget_id, percent, on_actual, on_forecast) VALUES(?1, ?2, ?3, ?4)");
    for (const Threshold &t : b.thresholds) {
        ins.bind(1, b.id);
        ins.bind(2, std::int64_t{t.percent});
        ins.bind(3, std::int64_t{t.onActual ? 1 : 0});
        ins.bind(4, std::int64_t{t.onForecast ? 1 : 0});
        if (!ins.exec()) {
            error = ins.error();
            return false;
        }
    }
    return true;
}

void bindDefinition(Cost::SqliteStmt &st, const Budget &b)
{
    st.bind(1, std::string_view(b.name));
    st.bind(2, std::string_view(b.scopeDim));
    st.bind(3, std::string_view(b.scopeDim.empty() ? std::string() : b.scopeValue));
    st.bind(4, std::string_view(periodKindName(b.period)));
    if (b.period == PeriodKind::Custom) {
        st.bind(5, b.customStart);
        st.bind(6, b.customEnd);
    } else {
        st.bindNull(5);
        st.bindNull(6);
    }
    st.bind(7, b.amount);
}

bool loadWhere(Cost::SqliteDb &db, const std::string &where, const std::string *name, std::vector<Budget> &out,
               std::string &error)
{
    out.clear();
    Cost::SqliteStmt st(db, "SELECT id, name, scope_dim, scope_value, period, custom_start, custom_end, amount FROM budget"
                                + where + " ORDER BY name");
    if (!st.ok()) {
        error = "cannot read budgets: " + st.error();
        return false;
    }
    if (name)
        st.bind(1, std::string_view(*name));
    while (st.step()) {
        Budget b;
        b.id = st.int64(0);
        b.name = std::string(st.text(1));
        b.scopeDim = std::string(st.text(2));
        b.scopeValue = std::string(st.text(3));
        b.period = periodKindFromName(std::string(st.text(4))).value_or(PeriodKind::Month);
        b.customStart = st.isNull(5) ? 0 : st.int64(5);
        b.customEnd = st.isNull(6) ? 0 : st.int64(6);
        b.amount = st.int64(7);
        out.push_back(std::move(b));
    }
    if (!st.error().empty()) {
        error = "cannot read budgets: " + st.error();
        return false;
    }
    Cost::SqliteStmt th(db, "SELECT percent, on_actual, on_forecast FROM budget_threshold WHERE budget_id = ?1 ORDER BY percent");
    for (Budget &b : out) {
        th.reset();
        th.bind(1, b.id);
        while (th.step())
            b.thresholds.push_back({static_cast<int>(th.int64(0)), th.int64(1) != 0, th.int64(2) != 0});
        if (!th.error().empty()) {
            error = "cannot read budget thresholds: " + th.error();
            return false;
        }
    }
    return true;
}

} // namespace

bool addBudget(Cost::SqliteDb &db, Budget &b, std::string &error)
{
    if (!validate(b, error))
        return false;
    if (!db.exec("BEGIN IMMEDIATE")) {
        error = "cannot save budget: " + db.error();
        return false;
    }
    Cost::SqliteStmt exists(db, "SELECT 1 FROM budget WHERE name = ?1");
    exists.bind(1, std::string_view(b.name));
    const bool duplicate = exists.step();
    exists.reset();
    if (duplicate)
        return fail(db, error, "cannot save budget", "a budget called '" + b.name + "' already exists");
    Cost::SqliteStmt st(db, "INSERT INTO budget(name, scope_dim, scope_value, period, custom_start, custom_end, amount,"
                            " created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bindDefinition(st, b);
    const std::string now = Cost::formatTimestamp(static_cast<std::int64_t>(std::time(nullptr)));
    st.bind(8, std::string_view(now));
    if (!st.exec())
        return fail(db, error, "cannot save budget", st.error());
    const std::int64_t id = db.lastInsertRowid();
    Budget saved = b;
    saved.id = id;
    std::string why;
    if (!writeThresholds(db, saved, why))
        return fail(db, error, "cannot save budget thresholds", why);
    if (!db.exec("COMMIT"))
        return fail(db, error, "cannot save budget", db.error());
    b.id = id;
    return true;
}

bool updateBudget(Cost::SqliteDb &db, const Budget &b, std::string &error)
{
    if (!validate(b, error))
        return false;
    if (!db.exec("BEGIN IMMEDIATE")) {
        error = "cannot save budget: " + db.error();
        return false;
    }
    Cost::SqliteStmt st(db, "UPDATE budget SET name = ?1, scope_dim = ?2, scope_value = ?3, period = ?4, custom_start = ?5,"
                            " custom_end = ?6, amount = ?7 WHERE id = ?8");
    bindDefinition(st, b);
    st.bind(8, b.id);
    if (!st.exec())
        return fail(db, error, "cannot save budget", st.error());
    if (db.changes() != 1)
        return fail(db, error, "cannot save budget", "no budget with id " + std::to_string(b.id));
    std::string why;
    if (!writeThresholds(db, b, why))
        return fail(db, error, "cannot save budget thresholds", why);
    if (!db.exec("COMMIT"))
        return fail(db, error, "cannot save budget", db.error());
    return true;
}

bool removeBudget(Cost::SqliteDb &db, const std::string &name, std::string &error)
{
    if (!db.exec("BEGIN IMMEDIATE")) {
        error = "cannot remove budget: " + db.error();
        return false;
    }
    Cost::SqliteStmt find(db, "SELECT id FROM budget WHERE name = ?1");
    find.bind(1, std::string_view(name));
    if (!find.step())
        return fail(db, error, "cannot remove budget", "there is no budget called '" + name + "'");
    const std::int64_t id = find.int64(0);
    find.reset();
    Cost::SqliteStmt delThresholds(db, "DELETE FROM budget_threshold WHERE budget_id = ?1");
    delThresholds.bind(1, id);
    Cost::SqliteStmt delBudget(db, "DELETE FROM budget WHERE id = ?1");
    delBudget.bind(1, id);
    if (!delThresholds.exec())
        return fail(db, error, "cannot remove budget", delThresholds.error());
    if (!delBudget.exec())
        return fail(db, error, "cannot remove budget", delBudget.error());
    if (!db.exec("COMMIT"))
        return fail(db, error, "cannot remove budget", db.error());
    return true;
}

bool loadBudgets(Cost::SqliteDb &db, std::vector<Budget> &out, std::string &error)
{
    return loadWhere(db, std::string(), nullptr, out, error);
}

bool findBudget(Cost::SqliteDb &db, const std::string &name, Budget &out, std::string &error)
{
    std::vector<Budget> found;
    if (!loadWhere(db, " WHERE name = ?1", &name, found, error))
        return false;
    if (found.empty()) {
        error = "there is no budget called '" + name + "'";
        return false;
    }
    out = std::move(found.front());
    return true;
}

} // namespace Budgets
