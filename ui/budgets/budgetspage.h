#pragma once

#include "budget/budgetburndown.h"
#include "forecast/forecastview.h"
#include "shell/page.h"
#include "task/task.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

class BurnDownChart;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;

/// The Budgets page: every budget with its status this period (spent, projected, thresholds),
/// add / edit / remove (with confirmation), and the burn-down chart of the selected budget.
/// Reads and writes run on the thread pool with their own connection.
class BudgetsPage : public Page {
    Q_OBJECT
public:
    struct Snapshot {
        QString error;
        QString currency;
        std::vector<Budgets::BurnDown> budgets; ///< ordered by name
        std::vector<Analytics::SeriesRef> choices;
    };

    explicit BudgetsPage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override;
    RangeUse rangeUse() const override { return RangeUse::None; }
    QString rangeNote() const override;

    /// Reads every budget's burn-down as of `asOfDay`; runs on a worker thread.
    static Snapshot query(Cost::Store &store, qint64 asOfDay);

    const Snapshot &snapshot() const { return m_snapshot; }
    /// Evaluates as of `day` instead of today (UTC); 0 = today. For tests and fixed-date stores.
    void setAsOfDay(qint64 day) { m_asOfDay = day; }
    QTableWidget *table() const { return m_table; }
    BurnDownChart *chart() const { return m_chart; }
    QLabel *captionLabel() const { return m_caption; }
    /// Selects the budget in `row` of the table (shows its burn-down).
    void selectRow(int row);

    /// Opens the editor for a new budget / the selected one; asks, then removes the selected one.
    void addBudget();
    void editBudget();
    void removeBudget();

Q_SIGNALS:
    /// A budget was added, changed or removed (alerts may need a new check).
    void budgetsChanged();

protected:
    void startLoad() override;
    void whenDrawn(const std::function<void()> &done) override;

private:
    void apply(const Snapshot &snapshot);
    void showSelected();
    /// Runs `change` on a worker with its own store, then reloads (or shows the error).
    void runChange(std::function<bool(Cost::SqliteDb &, std::string &)> change, const QString &what);
    /// Opens the budget dialog on `initial`; once accepted, stores its budget with `save` (add or update).
    void openDialog(const Budgets::Budget &initial,
                    std::function<bool(Cost::SqliteDb &, Budgets::Budget &, std::string &)> save, const QString &what);

    QStackedWidget *m_stack = nullptr;
    QWidget *m_content = nullptr;
    QWidget *m_empty = nullptr;
    QTableWidget *m_table = nullptr;
    BurnDownChart *m_chart = nullptr;
    QLabel *m_chartTitle = nullptr;
    QLabel *m_caption = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    Snapshot m_snapshot;
    qint64 m_selectedId = 0;
    qint64 m_asOfDay = 0;
    Task::Runner m_writer{this, Task::Runner::Policy::Every};
};
