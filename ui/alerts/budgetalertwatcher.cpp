#include "alerts/budgetalertwatcher.h"

#include "domain/timeparse.h"
#include "store/store.h"

#include <QCoreApplication>

#include <ctime>

namespace Ui {

AlertMessage budgetAlertMessage(const Budgets::Alert &a)
{
    AlertMessage m;
    m.kind = QStringLiteral("budget");
    m.severity = a.percent >= 100 ? QStringLiteral("critical")
        : a.percent >= 80         ? QStringLiteral("warning")
                                  : QStringLiteral("info");
    m.title = a.basis == Budgets::Basis::Actual
        ? QCoreApplication::translate("BudgetAlertWatcher", "Budget \u201c%1\u201d reached %2%")
              .arg(QString::fromStdString(a.budgetName)).arg(a.percent)
        : QCoreApplication::translate("BudgetAlertWatcher", "Budget \u201c%1\u201d forecast to reach %2%")
              .arg(QString::fromStdString(a.budgetName)).arg(a.percent);
    m.body = QString::fromStdString(a.message);
    m.at = QDateTime::fromString(QString::fromStdString(a.firedAt), Qt::ISODate);
    return m;
}

} // namespace Ui

BudgetAlertWatcher::BudgetAlertWatcher(const QString &dbPath, Ui::AlertCenter *center, QObject *parent)
    : QObject(parent)
    , m_dbPath(dbPath)
    , m_center(center)
{
}

void BudgetAlertWatcher::check()
{
    if (m_runner.isBusy()) {
        m_again = true;
        return;
    }
    struct Outcome {
        Budgets::CheckResult result;
        QString error;
    };
    m_runner.run(
        m_dbPath,
        [asOf = m_asOfDay](Task::Context &context) {
            Outcome o;
            std::string error;
            const std::int64_t day = asOf != 0 ? asOf : Cost::dayOf(static_cast<std::int64_t>(std::time(nullptr)));
            if (!Budgets::checkAndFire(context.db(), day, o.result, error))
                o.error = QString::fromStdString(error);
            return o;
        },
        [this](Task::Outcome<Outcome> &o) { finished(o.value.result, o.ok() ? o.value.error : o.error); });
}

void BudgetAlertWatcher::finished(const Budgets::CheckResult &result, const QString &error)
{
    if (!error.isEmpty())
        qWarning("budgets: %s", qPrintable(error));
    for (const Budgets::Alert &a : result.fired)
        m_center->post(Ui::budgetAlertMessage(a));
    Q_EMIT checked(static_cast<int>(result.fired.size()), error);
    if (m_again) {
        m_again = false;
        check();
    }
}
