#pragma once

#include "alerts/alertcenter.h"
#include "budget/budgetalerts.h"
#include "task/task.h"

#include <QObject>
#include <QString>

/// Checks every budget as of today (UTC) and posts the thresholds that fire to the AlertCenter
/// (kind "budget"). MainWindow calls check() on start and after every import or sync.
///
/// Threading contract: lives on the GUI thread; the check runs on the thread pool with its own
/// store connection. A check requested while one runs is run once more afterwards.
class BudgetAlertWatcher : public QObject {
    Q_OBJECT
public:
    BudgetAlertWatcher(const QString &dbPath, Ui::AlertCenter *center, QObject *parent = nullptr);

    /// Starts a check (coalesced with one already running).
    void check();
    bool isRunning() const { return m_runner.isBusy(); }
    /// Checks as of `day` instead of today (UTC); 0 = today. For tests and fixed-date stores.
    void setAsOfDay(qint64 day) { m_asOfDay = day; }

Q_SIGNALS:
    /// A check finished; `fired` alerts were posted. `error` is set when the store could not be read.
    void checked(int fired, const QString &error);

private:
    void finished(const Budgets::CheckResult &result, const QString &currency, const QString &error);

    QString m_dbPath;
    Ui::AlertCenter *m_center;
    bool m_again = false;
    qint64 m_asOfDay = 0;
    Task::Runner m_runner{this, Task::Runner::Policy::Every};
};

namespace Ui {
/// The alert channels' message for a fired budget alert: critical from 100%, warning from 80%.
/// With the store's `currency`, the body is worded in the user's language and locale; without
/// (the command line), it is the English the store keeps.
AlertMessage budgetAlertMessage(const Budgets::Alert &alert, const QString &currency = QString());
} // namespace Ui
