// Budgets: period bounds, exact actual spend per scope, the end-of-period forecast, thresholds
// that fire once per period across restarts, validation and the store CRUD.
#include "budget/budgetalerts.h"
#include "budget/budgetevaluation.h"
#include "budget/budgetstore.h"
#include "budgetfixture.h"
#include "domain/timeparse.h"
#include "store/store.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <tuple>

using Budgets::Basis;
using Budgets::PeriodKind;
using BudgetFixture::day;
using BudgetFixture::Scope;
using BudgetFixture::spendOf;
using BudgetFixture::sumOf;

namespace {

Budgets::Budget makeBudget(const std::string &name, const Scope &scope, Cost::Money amount,
                           std::vector<Budgets::Threshold> thresholds, PeriodKind period = PeriodKind::Month)
{
    Budgets::Budget b;
    b.name = name;
    b.scopeDim = scope.dim;
    b.scopeValue = scope.value;
    b.period = period;
    b.amount = amount;
    b.thresholds = std::move(thresholds);
    return b;
}

QString money(Cost::BigMoney v) { return QString::fromStdString(Cost::formatMoney(v)); }

// (percent, basis, period start, as-of day) of a fired alert.
using Firing = std::tuple<int, Basis, std::int64_t, std::int64_t>;

} // namespace

class TestBudgets : public QObject {
    Q_OBJECT

    BudgetFixture::StoreCopies m_stores;
    QString freshStore() { return m_stores.fresh(); }

    // Opens the store at `path` (as a restarted app would), runs one check, closes it again.
    static Budgets::CheckResult checkOnce(const QString &path, std::int64_t asOf)
    {
        Cost::Store store;
        Budgets::CheckResult result;
        if (!store.open(path.toStdString()))
            qFatal("cannot open %s", store.error().c_str());
        std::string error;
        if (!Budgets::checkAndFire(store.db(), asOf, result, error))
            qFatal("check failed: %s", error.c_str());
        return result;
    }

    static void addBudget(const QString &path, Budgets::Budget &b)
    {
        Cost::Store store;
        std::string error;
        QVERIFY2(store.open(path.toStdString()), store.error().c_str());
        QVERIFY2(Budgets::addBudget(store.db(), b, error), error.c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_stores.init());
        Cost::Store store;
        QVERIFY(store.open(m_stores.templatePath().toStdString()));
        QCOMPARE(store.schemaVersion(), Cost::Store::kSchemaVersion);
        QCOMPARE(store.factCount(), 2 * (BudgetFixture::lastDay() - BudgetFixture::firstDay() + 1));
    }

    void periodBounds_data()
    {
        QTest::addColumn<int>("kind");
        TestSupport::addColumns<QString>({"asOf", "customFrom", "customTo", "start", "end"});
        const int month = int(PeriodKind::Month), quarter = int(PeriodKind::Quarter), custom = int(PeriodKind::Custom);
        QTest::newRow("month mid") << month << "2025-01-15" << "" << "" << "2025-01-01" << "2025-01-31";
        QTest::newRow("month first day") << month << "2025-03-01" << "" << "" << "2025-03-01" << "2025-03-31";
        QTest::newRow("leap february") << month << "2024-02-29" << "" << "" << "2024-02-01" << "2024-02-29";
        QTest::newRow("plain february") << month << "2025-02-10" << "" << "" << "2025-02-01" << "2025-02-28";
        QTest::newRow("december") << month << "2025-12-31" << "" << "" << "2025-12-01" << "2025-12-31";
        QTest::newRow("q1") << quarter << "2025-02-14" << "" << "" << "2025-01-01" << "2025-03-31";
        QTest::newRow("q2 first day") << quarter << "2025-04-01" << "" << "" << "2025-04-01" << "2025-06-30";
        QTest::newRow("q3 last day") << quarter << "2025-09-30" << "" << "" << "2025-07-01" << "2025-09-30";
        QTest::newRow("q4") << quarter << "2025-11-15" << "" << "" << "2025-10-01" << "2025-12-31";
        QTest::newRow("custom, inside") << custom << "2025-01-20" << "2025-01-10" << "2025-02-20" << "2025-01-10" << "2025-02-20";
        QTest::newRow("custom, after") << custom << "2025-06-01" << "2025-01-10" << "2025-02-20" << "2025-01-10" << "2025-02-20";
    }
    void periodBounds()
    {
        QFETCH(int, kind);
        QFETCH(QString, asOf);
        QFETCH(QString, customFrom);
        QFETCH(QString, customTo);
        QFETCH(QString, start);
        QFETCH(QString, end);
        Budgets::Budget b = makeBudget("b", {"", ""}, 1, {{100, true, false}}, PeriodKind(kind));
        if (b.period == PeriodKind::Custom) {
            b.customStart = day(qPrintable(customFrom));
            b.customEnd = day(qPrintable(customTo));
        }
        const Budgets::Period p = Budgets::periodFor(b, day(qPrintable(asOf)));
        QCOMPARE(QString::fromStdString(Cost::formatDay(p.start)), start);
        QCOMPARE(QString::fromStdString(Cost::formatDay(p.end)), end);
    }

    // Actual spend over the period so far, exact, for quarter and custom periods too.
    void periodActual_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("asOf");
        QTest::addColumn<QString>("from"); // custom range, or the expected period start
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("sumTo"); // last day the actual covers
        QTest::addColumn<bool>("complete");
        const int quarter = int(PeriodKind::Quarter), custom = int(PeriodKind::Custom);
        QTest::newRow("quarter to date") << quarter << "2025-02-14" << "2025-01-01" << "2025-03-31" << "2025-02-14" << false;
        QTest::newRow("q4 complete") << quarter << "2024-12-31" << "2024-10-01" << "2024-12-31" << "2024-12-31" << true;
        QTest::newRow("custom to date") << custom << "2025-01-31" << "2025-01-10" << "2025-02-20" << "2025-01-31" << false;
        QTest::newRow("custom over") << custom << "2025-03-05" << "2025-01-10" << "2025-02-20" << "2025-02-20" << true;
    }
    void periodActual()
    {
        QFETCH(int, kind);
        QFETCH(QString, asOf);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, sumTo);
        QFETCH(bool, complete);
        Budgets::Budget b = makeBudget("b", {"", ""}, 1000 * Cost::kMoneyScale, {{100, true, true}}, PeriodKind(kind));
        b.customStart = day(qPrintable(from));
        b.customEnd = day(qPrintable(to));
        Cost::Store store;
        QVERIFY(store.open(m_stores.templatePath().toStdString()));
        Budgets::BudgetStatus s;
        std::string error;
        QVERIFY2(Budgets::evaluate(store.db(), b, day(qPrintable(asOf)), s, error), error.c_str());
        QCOMPARE(s.period.start, day(qPrintable(from)));
        QCOMPARE(s.period.end, day(qPrintable(to)));
        QCOMPARE(money(s.actual), money(sumOf({"", ""}, day(qPrintable(from)), day(qPrintable(sumTo)))));
        QCOMPARE(s.forecastDays == 0, complete);
        if (complete) {
            QCOMPARE(money(s.projected), money(s.actual));
            for (const auto &t : s.thresholds)
                QVERIFY2(t.basis == Basis::Actual || !t.crossed, "nothing is left to forecast in a finished period");
        }
    }

    void scopes_data()
    {
        QTest::addColumn<QString>("dim");
        QTest::addColumn<QString>("value");
        QTest::newRow("total") << "" << "";
        QTest::newRow("feature=chatbot") << "feature" << "chatbot";
        QTest::newRow("feature=search") << "feature" << "search";
        QTest::newRow("model=gpt-4o") << "model" << "gpt-4o";
        QTest::newRow("model=gemini-2.0-flash") << "model" << "gemini-2.0-flash";
        QTest::newRow("provider=OpenAI") << "provider" << "OpenAI";
        QTest::newRow("team=discovery") << "team" << "discovery";
        QTest::newRow("feature=unknown") << "feature" << "no-such-feature";
    }
    void scopes()
    {
        QFETCH(QString, dim);
        QFETCH(QString, value);
        const QByteArray d = dim.toUtf8(), v = value.toUtf8();
        const Scope scope{d.constData(), v.constData()};
        const Budgets::Budget b = makeBudget("b", scope, 1000 * Cost::kMoneyScale, {{100, true, false}});
        Cost::Store store;
        QVERIFY(store.open(m_stores.templatePath().toStdString()));
        Budgets::BudgetStatus s;
        std::string error;
        QVERIFY2(Budgets::evaluate(store.db(), b, day("2025-01-20"), s, error), error.c_str());
        const Cost::BigMoney expected = sumOf(scope, day("2025-01-01"), day("2025-01-20"));
        QCOMPARE(money(s.actual), money(expected));
        if (expected == 0) {
            QVERIFY(!s.forecastAvailable);
            QCOMPARE(money(s.projected), money(0));
        } else {
            QVERIFY(s.forecastAvailable);
            QVERIFY(s.projected > s.actual);
        }
    }

    // The exact day a threshold is reached: spend equal to the level counts, one unit less does not.
    void crossingDay_data()
    {
        QTest::addColumn<QString>("amount");
        QTest::addColumn<int>("percent");
        QTest::addColumn<QString>("expected");
        // search spends 50.50 a day: 1010 is exactly 20 days.
        QTest::newRow("50% on day 10") << "1010" << 50 << "2025-01-10";
        QTest::newRow("100% on day 20") << "1010" << 100 << "2025-01-20";
        QTest::newRow("one unit more: day 21") << "1010.0000000001" << 100 << "2025-01-21";
        QTest::newRow("150% on day 30") << "1010" << 150 << "2025-01-30";
        QTest::newRow("200% never in january") << "1010" << 200 << ""; // 31 × 50.50 = 1565.50 < 2020
    }
    void crossingDay()
    {
        QFETCH(QString, amount);
        QFETCH(int, percent);
        QFETCH(QString, expected);
        Cost::Money a = 0;
        QCOMPARE(Cost::parseMoney(amount.toStdString(), a), Cost::ParseStatus::Ok);
        const QString path = freshStore();
        Budgets::Budget b = makeBudget("search", {"feature", "search"}, a, {{percent, true, false}});
        addBudget(path, b);
        QString firedOn;
        for (std::int64_t d = day("2025-01-01"); d <= day("2025-01-31") && firedOn.isEmpty(); ++d)
            if (!checkOnce(path, d).fired.empty())
                firedOn = QString::fromStdString(Cost::formatDay(d));
        QCOMPARE(firedOn, expected);
    }

    // Acceptance: thresholds on actual fire exactly once per period, across restarts, and again
    // in the next period.
    void actualThresholdsFireOncePerPeriodAcrossRestarts()
    {
        const QString path = freshStore();
        const Scope total{"", ""};
        const Cost::Money amount = 3800 * Cost::kMoneyScale;
        Budgets::Budget b = makeBudget("all AI", total, amount, {{50, true, false}, {80, true, false}, {100, true, false}});
        addBudget(path, b);

        std::vector<Firing> fired;
        for (std::int64_t d = day("2025-01-01"); d <= day("2025-02-28"); ++d) {
            for (const Budgets::Alert &a : checkOnce(path, d).fired) {
                QCOMPARE(a.budgetId, b.id);
                fired.emplace_back(a.percent, a.basis, a.period.start, a.asOfDay);
            }
            QVERIFY2(checkOnce(path, d).fired.empty(), "a second check on the same day fired again");
        }
        // A late re-check of an earlier day of a period that has fired stays silent.
        QVERIFY(checkOnce(path, day("2025-01-25")).fired.empty());

        std::vector<Firing> expected;
        for (const auto &[month, monthEnd] : {std::pair{"2025-01-01", "2025-01-31"}, std::pair{"2025-02-01", "2025-02-28"}}) {
            const std::int64_t start = day(month);
            for (int pct : {50, 80, 100}) {
                Cost::BigMoney cum = 0;
                for (std::int64_t d = start; d <= day(monthEnd); ++d) {
                    cum += spendOf(total, d);
                    if (cum * 100 >= Cost::BigMoney(pct) * amount) {
                        expected.emplace_back(pct, Basis::Actual, start, d);
                        break;
                    }
                }
            }
        }
        QCOMPARE(expected.size(), std::size_t(6)); // the data reach every threshold in both months
        std::sort(fired.begin(), fired.end(), [](const Firing &x, const Firing &y) {
            return std::tie(std::get<2>(x), std::get<0>(x)) < std::tie(std::get<2>(y), std::get<0>(y));
        });
        auto show = [](const std::vector<Firing> &v) {
            std::string s;
            for (const auto &[pct, basis, start, on] : v)
                s += std::to_string(pct) + "% " + Budgets::basisName(basis) + " " + Cost::formatDay(start) + " on "
                    + Cost::formatDay(on) + "; ";
            return s;
        };
        QVERIFY2(fired == expected, ("fired " + show(fired) + " expected " + show(expected)).c_str());

        // The history holds the six alerts with their messages.
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        std::vector<Budgets::Alert> history;
        std::string error;
        QVERIFY2(Budgets::loadAlerts(store.db(), history, error), error.c_str());
        QCOMPARE(history.size(), std::size_t(6));
        for (const auto &a : history) {
            QVERIFY2(a.message.find("'all AI'") != std::string::npos, a.message.c_str());
            QVERIFY(a.spend * 100 >= Cost::BigMoney(a.percent) * amount);
            QCOMPARE(a.firedAt.size(), std::size_t(20));
        }
    }

    // Acceptance: a forecast threshold fires when the projection crosses, before actual does,
    // once per period across restarts.
    void forecastFiresBeforeActual()
    {
        const QString path = freshStore();
        const Scope total{"", ""};
        const std::int64_t jan = day("2025-01-01"), janEnd = day("2025-01-31");
        const Cost::BigMoney month = sumOf(total, jan, janEnd);
        const Cost::Money amount = static_cast<Cost::Money>(month * 85 / 100);
        Budgets::Budget b = makeBudget("tight", total, amount, {{100, true, true}});
        addBudget(path, b);
        // A generous forecast-only budget that must never fire.
        Budgets::Budget roomy = makeBudget("roomy", total, static_cast<Cost::Money>(month * 125 / 100), {{100, false, true}});
        addBudget(path, roomy);

        std::vector<Firing> fired;
        for (std::int64_t d = jan; d <= janEnd; ++d)
            for (const Budgets::Alert &a : checkOnce(path, d).fired) {
                QCOMPARE(a.budgetName, std::string("tight"));
                fired.emplace_back(a.percent, a.basis, a.period.start, a.asOfDay);
            }
        QCOMPARE(fired.size(), std::size_t(2));
        const auto &[fp, fBasis, fStart, fDay] = fired[0];
        const auto &[ap, aBasis, aStart, aDay] = fired[1];
        QCOMPARE(fBasis, Basis::Forecast);
        QCOMPARE(aBasis, Basis::Actual);
        QCOMPARE(fStart, jan);
        QVERIFY2(fDay <= day("2025-01-07"), Cost::formatDay(fDay).c_str()); // the projection is 15% over from the start
        Cost::BigMoney cum = 0;
        std::int64_t actualDay = 0;
        for (std::int64_t d = jan; d <= janEnd && !actualDay; ++d)
            if ((cum += spendOf(total, d)) >= amount)
                actualDay = d;
        QCOMPARE(aDay, actualDay);
        QVERIFY(fDay < aDay);

        // The mid-month projection is close to the real month, inside its own 80% range.
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        Budgets::BudgetStatus s;
        std::string error;
        QVERIFY2(Budgets::evaluate(store.db(), b, day("2025-01-15"), s, error), error.c_str());
        QCOMPARE(s.forecastDays, std::int64_t(16));
        QVERIFY(s.forecastAvailable);
        const double err = std::fabs(Cost::toDouble(s.projected - month)) / Cost::toDouble(month);
        QVERIFY2(err < 0.05, qPrintable(QStringLiteral("projected %1 vs %2").arg(money(s.projected), money(month))));
        QVERIFY(s.projectedLow80 <= s.projected && s.projected <= s.projectedHigh80);
        QVERIFY(s.projectedLow80 < s.projectedHigh80);
        QVERIFY(s.breachedForecast());
        QVERIFY(!s.breachedActual());
    }

    // Days after the store's last charge are unknown (an export that lags), not free.
    void exportLagIsForecastNotZero()
    {
        Cost::Store store;
        QVERIFY(store.open(m_stores.templatePath().toStdString()));
        const Budgets::Budget b = makeBudget("b", {"feature", "search"}, 1000 * Cost::kMoneyScale, {{100, true, true}});
        Budgets::BudgetStatus s;
        std::string error;
        QVERIFY2(Budgets::evaluate(store.db(), b, day("2025-04-10"), s, error), error.c_str());
        QCOMPARE(money(s.actual), money(0));
        QCOMPARE(s.forecastDays, std::int64_t(30));
        QVERIFY(s.forecastAvailable);
        // 30 days × 50.50 = 1515.
        QVERIFY2(std::fabs(Cost::toDouble(s.projected) - 1515.0) < 1515.0 * 0.02, money(s.projected).toUtf8().constData());
        QVERIFY(s.breachedForecast());
    }

    // A day still being billed counts at least its spend so far and is forecast, not learned from.
    void dayInProgressIsForecast()
    {
        Cost::Store store;
        QVERIFY(store.open(m_stores.templatePath().toStdString()));
        const Budgets::Budget b = makeBudget("b", {"feature", "search"}, 1000 * Cost::kMoneyScale, {{100, true, true}});
        Budgets::EvaluateOptions done, running;
        running.today = day("2025-01-10");
        Budgets::BudgetStatus sDone, sRunning;
        std::string error;
        QVERIFY(Budgets::evaluate(store.db(), b, day("2025-01-10"), sDone, error, done));
        QVERIFY(Budgets::evaluate(store.db(), b, day("2025-01-10"), sRunning, error, running));
        QCOMPARE(money(sRunning.actual), money(sDone.actual));
        QCOMPARE(sDone.forecastDays, std::int64_t(21));
        QCOMPARE(sRunning.forecastDays, std::int64_t(22));
        QVERIFY(sRunning.projected >= sDone.projected - Cost::kMoneyScale); // within 1.00 of each other
        QVERIFY(sRunning.projected <= sDone.projected + Cost::kMoneyScale);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << "name";
        QTest::newRow("zero amount") << "amount";
        QTest::newRow("unknown scope") << "scope";
        QTest::newRow("day scope") << "dayscope";
        QTest::newRow("custom backwards") << "custom";
        QTest::newRow("no thresholds") << "none";
        QTest::newRow("unsorted thresholds") << "unsorted";
        QTest::newRow("watching nothing") << "nothing";
        QTest::newRow("zero percent") << "zero";
    }
    void validation()
    {
        QFETCH(QString, field);
        Budgets::Budget b = makeBudget("ok", {"feature", "chatbot"}, Cost::kMoneyScale, {{50, true, false}, {100, true, true}});
        std::string error;
        QVERIFY2(Budgets::validate(b, error), error.c_str());
        if (field == QStringLiteral("name"))
            b.name.clear();
        else if (field == QStringLiteral("amount"))
            b.amount = 0;
        else if (field == QStringLiteral("scope"))
            b.scopeDim = "colour";
        else if (field == QStringLiteral("dayscope"))
            b.scopeDim = "day";
        else if (field == QStringLiteral("custom")) {
            b.period = PeriodKind::Custom;
            b.customStart = day("2025-02-01");
            b.customEnd = day("2025-01-01");
        } else if (field == QStringLiteral("none"))
            b.thresholds.clear();
        else if (field == QStringLiteral("unsorted"))
            std::swap(b.thresholds[0], b.thresholds[1]);
        else if (field == QStringLiteral("nothing"))
            b.thresholds[0].onActual = false;
        else if (field == QStringLiteral("zero"))
            b.thresholds[0].percent = 0;
        QVERIFY(!Budgets::validate(b, error));
        QVERIFY(!error.empty());
        Cost::Store store;
        QVERIFY(store.open(freshStore().toStdString()));
        QVERIFY(!Budgets::addBudget(store.db(), b, error));
        std::vector<Budgets::Budget> all;
        QVERIFY(Budgets::loadBudgets(store.db(), all, error));
        QVERIFY(all.empty());
    }

    void crud()
    {
        const QString path = freshStore();
        Cost::Store store;
        QVERIFY(store.open(path.toStdString()));
        std::string error;
        Budgets::Budget a = makeBudget("alpha", {"model", "gpt-4o"}, 12345678901234LL, {{50, true, false}, {100, true, true}},
                                       PeriodKind::Custom);
        a.customStart = day("2025-01-10");
        a.customEnd = day("2025-02-20");
        QVERIFY2(Budgets::addBudget(store.db(), a, error), error.c_str());
        QVERIFY(a.id > 0);
        Budgets::Budget dup = a;
        QVERIFY(!Budgets::addBudget(store.db(), dup, error));
        QVERIFY2(error.find("already exists") != std::string::npos, error.c_str());

        store.close();
        QVERIFY(store.open(path.toStdString()));
        Budgets::Budget loaded;
        QVERIFY2(Budgets::findBudget(store.db(), "alpha", loaded, error), error.c_str());
        QVERIFY(loaded == a); // every field, the exact amount included

        loaded.amount = 1;
        loaded.thresholds = {{90, false, true}};
        QVERIFY2(Budgets::updateBudget(store.db(), loaded, error), error.c_str());
        Budgets::Budget again;
        QVERIFY(Budgets::findBudget(store.db(), "alpha", again, error));
        QVERIFY(again == loaded);

        // Fire an alert, remove the budget: the history stays and a new budget gets a new id.
        Budgets::CheckResult r;
        QVERIFY2(Budgets::checkAndFire(store.db(), day("2025-01-12"), r, error), error.c_str());
        QCOMPARE(r.fired.size(), std::size_t(1));
        QVERIFY(Budgets::removeBudget(store.db(), "alpha", error));
        QVERIFY(!Budgets::removeBudget(store.db(), "alpha", error));
        QVERIFY(!Budgets::findBudget(store.db(), "alpha", loaded, error));
        Budgets::Budget b = makeBudget("alpha", {"", ""}, Cost::kMoneyScale, {{100, true, false}});
        QVERIFY(Budgets::addBudget(store.db(), b, error));
        QVERIFY(b.id > a.id);
        std::vector<Budgets::Alert> history;
        QVERIFY(Budgets::loadAlerts(store.db(), history, error));
        QCOMPARE(history.size(), std::size_t(1));
        QCOMPARE(history[0].budgetId, a.id);
        QVERIFY(Budgets::loadAlerts(store.db(), history, error, b.id));
        QVERIFY(history.empty());
    }
};

QTEST_GUILESS_MAIN(TestBudgets)
#include "tst_budgets.moc"
