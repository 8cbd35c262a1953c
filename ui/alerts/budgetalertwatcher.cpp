#include "alerts/budgetalertwatcher.h"

#include "analytics/currency.h"
#include "domain/timeparse.h"
#include "format/dates.h"
#include "format/money.h"
#include "store/store.h"

#include <QCoreApplication>

#include <ctime>

namespace Ui {

AlertMessage budgetAlertMessage(const Budgets::Alert &a, const QString &currency)
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
    if (currency.isEmpty()) {
        m.body = QString::fromStdString(a.message); // the English the store keeps
    } else {
        const auto money = [&](Cost::BigMoney v) { return Format::money(v, currency, Format::Precision::Cents); };
        const QString period = Format::range(a.period.start, a.period.end);
        m.body = a.basis == Budgets::Basis::Actual
            ? QCoreApplication::translate("BudgetAlertWatcher", "Spend of %1 has reached %2% of %3 for budget \u201c%4\u201d, %5")
                  .arg(money(a.spend), QString::number(a.percent), money(a.amount), QString::fromStdString(a.budgetName), period)
            : QCoreApplication::translate("BudgetAlertWatcher", "Forecast spend of %1 by %2 has reached %3% of %4 for budget \u201c%5\u201d, %6")
                  .arg(money(a.spend), Format::shortDate(a.period.end, true), QString::number(a.percent), money(a.amount),
                       QString::fromStdString(a.budgetName), period);
    }
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
        QString currency;
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
            else if (!o.result.fired.empty())
                o.currency = QString::fromStdString(Analytics::displayCurrency(context.db()));
            return o;
        },
        [this](Task::Outcome<Outcome> &o) { finished(o.value.result, o.value.currency, o.ok() ? o.value.error : o.error); });
}

void BudgetAlertWatcher::finished(const Budgets::CheckResult &result, const QString &currency, const QString &error)
{
    if (!error.isEmpty())
        qWarning("budgets: %s", qPrintable(error));
    for (const Budgets::Alert &a : result.fired)
        m_center->post(Ui::budgetAlertMessage(a, currency));
    Q_EMIT checked(static_cast<int>(result.fired.size()), error);
    if (m_again) {
        m_again = false;
        check();
    }
}
