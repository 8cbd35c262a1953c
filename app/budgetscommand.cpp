#include "commands.h"

#include "cli/commandline.h"
#include "alerts/alertcenter.h"
#include "alerts/budgetalertwatcher.h"
#include "analytics/periods.h"
#include "budget/budgetalerts.h"
#include "budget/budgetevaluation.h"
#include "budget/budgetstore.h"
#include "domain/money.h"
#include "domain/numtext.h"
#include "domain/timeparse.h"
#include "store/store.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>

namespace {

constexpr int kBreached = 1;
constexpr int kCheckFailed = 3;

using Options = std::map<QString, QString>;

QString usageText()
{
    return QStringLiteral(
        "Usage: burnrate budgets add --name NAME --amount AMOUNT [--scope DIM=VALUE]\n"
        "                            [--period month|quarter|custom] [--from YYYY-MM-DD --to YYYY-MM-DD]\n"
        "                            [--thresholds P[:actual|forecast|both],...] [--on actual,forecast]\n"
        "       burnrate budgets list\n"
        "       burnrate budgets remove NAME\n"
        "       burnrate budgets check [--as-of YYYY-MM-DD] [--format text|json] [--dry-run]\n"
        "       burnrate budgets alerts [--name NAME]\n"
        "\n"
        "add     AMOUNT is exact, in the billing currency (5000, 1234.56). The scope is all spend unless\n"
        "        --scope names one DIM=VALUE (provider, model, feature, team, service, ...). Month and quarter\n"
        "        budgets repeat; a custom one covers --from to --to, both inclusive (default period: month).\n"
        "        Thresholds are percents of the amount. --on (default actual) says what the thresholds\n"
        "        without their own :suffix watch: actual spend so far, and/or the forecast end-of-period\n"
        "        spend. With neither option: 50 and 80 on actual, 100 on actual and forecast.\n"
        "check   Prints each budget's status as of --as-of (default today, UTC) and records every threshold\n"
        "        crossed for the first time in the period; each fires once per period (--dry-run records\n"
        "        nothing). Alerts that fire are added to the alert history and, when a webhook URL is\n"
        "        configured (Alerts > Alert settings in the window; kept in the keychain), posted to it.\n"
        "        Exit status: 0 no budget breached; 1 a budget is breached, that is its actual\n"
        "        spend is at least 100% of its amount or, for a budget with a threshold on forecast, its\n"
        "        forecast end-of-period spend is; 2 usage error; 3 the store could not be read.\n"
        "alerts  The alert history, newest first.\n");
}

std::string money(Cost::BigMoney v) { return Cost::formatMoney(v) + " (" + Budgets::humanMoney(v) + ")"; }

std::string percentText(double p)
{
    return Cost::formatNumber(p, 1) + "%";
}

std::string thresholdsText(const Budgets::Budget &b)
{
    std::string s;
    for (const auto &t : b.thresholds)
        s += (s.empty() ? "" : ",") + std::to_string(t.percent)
            + (t.onActual && t.onForecast ? ":both" : (t.onForecast ? ":forecast" : ":actual"));
    return s;
}

std::string periodText(const Budgets::Budget &b)
{
    if (b.period != Budgets::PeriodKind::Custom)
        return Budgets::periodKindName(b.period);
    return "custom " + Cost::formatDay(b.customStart) + " to " + Cost::formatDay(b.customEnd);
}

// "--on actual,forecast" → flags.
bool parseOn(const QString &text, bool &actual, bool &forecast)
{
    actual = forecast = false;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString p = part.trimmed();
        if (p == QStringLiteral("actual"))
            actual = true;
        else if (p == QStringLiteral("forecast"))
            forecast = true;
        else if (p == QStringLiteral("both"))
            actual = forecast = true;
        else
            return false;
    }
    return true;
}

bool parseThresholds(const QString &text, bool onActual, bool onForecast, std::vector<Budgets::Threshold> &out,
                     std::string &error)
{
    std::map<int, Budgets::Threshold> byPercent;
    for (const QString &item : text.split(QLatin1Char(','))) {
        const QStringList parts = item.trimmed().split(QLatin1Char(':'));
        bool ok = false;
        QString number = parts[0].trimmed();
        if (number.endsWith(QLatin1Char('%')))
            number.chop(1);
        const int percent = number.toInt(&ok);
        Budgets::Threshold t{percent, onActual, onForecast};
        if (!ok || parts.size() > 2 || (parts.size() == 2 && !parseOn(parts[1], t.onActual, t.onForecast))) {
            error = "'" + item.toStdString() + "' is not a threshold (PERCENT or PERCENT:actual|forecast|both)";
            return false;
        }
        if (byPercent.count(percent)) {
            error = "threshold " + std::to_string(percent) + "% is given twice";
            return false;
        }
        byPercent[percent] = t;
    }
    out.clear();
    for (const auto &[p, t] : byPercent)
        out.push_back(t);
    return true;
}

int runAdd(const Cli::CommandLine &cli, const CommandContext &ctx, Options &o)
{
    std::string why;
    Budgets::Budget b;
    b.name = o[QStringLiteral("--name")].trimmed().toStdString();
    if (b.name.empty())
        return cli.usageError("--name is required");
    if (!o.count(QStringLiteral("--amount")))
        return cli.usageError("--amount is required");
    const std::string amount = o[QStringLiteral("--amount")].trimmed().toStdString();
    const Cost::ParseStatus ps = Cost::parseMoney(amount, b.amount);
    if (ps != Cost::ParseStatus::Ok)
        return cli.usageError("--amount '" + amount + "' is not an exact decimal amount (at most ten decimals)");
    if (o.count(QStringLiteral("--scope"))) {
        const QString scope = o[QStringLiteral("--scope")];
        const qsizetype eq = scope.indexOf(QLatin1Char('='));
        if (scope == QStringLiteral("total")) {
            // all spend
        } else if (eq <= 0) {
            return cli.usageError("--scope needs DIM=VALUE (e.g. feature=chatbot) or total");
        } else {
            b.scopeDim = scope.left(eq).trimmed().toStdString();
            b.scopeValue = scope.mid(eq + 1).toStdString();
        }
    }
    const std::string period = o.count(QStringLiteral("--period")) ? o[QStringLiteral("--period")].toStdString() : "month";
    const auto kind = Budgets::periodKindFromName(period);
    if (!kind)
        return cli.usageError("--period must be month, quarter or custom");
    b.period = *kind;
    const bool hasRange = o.count(QStringLiteral("--from")) || o.count(QStringLiteral("--to"));
    if (b.period == Budgets::PeriodKind::Custom) {
        if (!Cost::parseDate(o[QStringLiteral("--from")].toStdString(), b.customStart)
            || !Cost::parseDate(o[QStringLiteral("--to")].toStdString(), b.customEnd))
            return cli.usageError("a custom period needs --from and --to as YYYY-MM-DD");
    } else if (hasRange) {
        return cli.usageError("--from and --to only go with --period custom");
    }
    bool onActual = true, onForecast = false;
    if (o.count(QStringLiteral("--on")) && !parseOn(o[QStringLiteral("--on")], onActual, onForecast))
        return cli.usageError("--on takes actual, forecast or actual,forecast");
    if (o.count(QStringLiteral("--thresholds"))) {
        if (!parseThresholds(o[QStringLiteral("--thresholds")], onActual, onForecast, b.thresholds, why))
            return cli.usageError(why);
    } else if (o.count(QStringLiteral("--on"))) {
        b.thresholds = {{50, onActual, onForecast}, {80, onActual, onForecast}, {100, onActual, onForecast}};
    } else {
        b.thresholds = Budgets::defaultThresholds();
    }
    if (!Budgets::validate(b, why))
        return cli.usageError(why);
    Cost::Store store;
    if (!openStore(ctx, store, "budgets", Cost::Store::TeamStore::ReadWrite))
        return 1;
    if (!Budgets::addBudget(store.db(), b, why))
        return cli.fail(why);
    std::printf("budget '%s' added: %s, %s, %s, thresholds %s\n", b.name.c_str(), b.scopeText().c_str(),
                periodText(b).c_str(), money(b.amount).c_str(), thresholdsText(b).c_str());
    return 0;
}

int runList(const Cli::CommandLine &cli, const CommandContext &ctx)
{
    Cost::Store store;
    if (!openStore(ctx, store, "budgets", Cost::Store::TeamStore::ReadOnly))
        return 1;
    std::vector<Budgets::Budget> budgets;
    std::string error;
    if (!Budgets::loadBudgets(store.db(), budgets, error))
        return cli.fail(error);
    if (budgets.empty())
        std::printf("no budgets (add one with: burnrate budgets add --name NAME --amount AMOUNT)\n");
    for (const auto &b : budgets)
        std::printf("%s\t%s\t%s\t%s\tthresholds %s\n", b.name.c_str(), b.scopeText().c_str(), periodText(b).c_str(),
                    money(b.amount).c_str(), thresholdsText(b).c_str());
    return 0;
}

nlohmann::json statusJson(const Budgets::BudgetStatus &s, const std::vector<Budgets::Alert> &fired)
{
    auto round1 = [](double v) { return std::round(v * 10.0) / 10.0; };
    const Budgets::Budget &b = s.budget;
    nlohmann::json j = {
        {"name", b.name},
        {"scope", b.scopeDim.empty() ? nlohmann::json(nullptr) : nlohmann::json{{"dim", b.scopeDim}, {"value", b.scopeValue}}},
        {"period", {{"kind", Budgets::periodKindName(b.period)}, {"start", Cost::formatDay(s.period.start)},
                    {"end", Cost::formatDay(s.period.end)}}},
        {"as_of", Cost::formatDay(s.asOfDay)},
        {"budget", Cost::formatMoney(b.amount)},
        {"actual", Cost::formatMoney(s.actual)},
        {"percent_used", round1(s.percentUsed)},
        {"forecast", {{"available", s.forecastAvailable}, {"projected", Cost::formatMoney(s.projected)},
                      {"low80", Cost::formatMoney(s.projectedLow80)}, {"high80", Cost::formatMoney(s.projectedHigh80)},
                      {"percent", round1(s.projectedPercent)}, {"days_forecast", s.forecastDays},
                      {"method", s.forecastMethod}}},
        {"breached", s.breached()},
        {"breached_actual", s.breachedActual()},
        {"breached_forecast", s.breachedForecast()},
    };
    nlohmann::json th = nlohmann::json::array();
    for (const auto &t : s.thresholds) {
        bool now = false;
        for (const auto &a : fired)
            now = now || (a.budgetId == b.id && a.percent == t.percent && a.basis == t.basis);
        th.push_back({{"percent", t.percent}, {"basis", Budgets::basisName(t.basis)}, {"crossed", t.crossed},
                      {"fired_now", now}});
    }
    j["thresholds"] = th;
    return j;
}

void printStatus(const Budgets::BudgetStatus &s, const std::vector<Budgets::Alert> &fired)
{
    const Budgets::Budget &b = s.budget;
    const std::int64_t day = std::clamp<std::int64_t>(s.asOfDay - s.period.start + 1, 0, s.period.days());
    std::printf("%s  [%s]  %s %s to %s (day %lld of %lld)\n", b.name.c_str(), b.scopeText().c_str(),
                Budgets::periodKindName(b.period).c_str(), Cost::formatDay(s.period.start).c_str(),
                Cost::formatDay(s.period.end).c_str(), static_cast<long long>(day),
                static_cast<long long>(s.period.days()));
    std::printf("  budget      %s\n", money(b.amount).c_str());
    std::printf("  actual      %s  %s used\n", money(s.actual).c_str(), percentText(s.percentUsed).c_str());
    if (s.forecastDays == 0)
        std::printf("  forecast    none needed: every day of the period is known\n");
    else if (!s.forecastAvailable)
        std::printf("  forecast    unavailable: no spend history for this scope (projection = actual)\n");
    else
        std::printf("  forecast    %s  %s projected; 80%% range %s to %s (%lld days forecast, %s)\n",
                    money(s.projected).c_str(), percentText(s.projectedPercent).c_str(),
                    Budgets::humanMoney(s.projectedLow80).c_str(), Budgets::humanMoney(s.projectedHigh80).c_str(),
                    static_cast<long long>(s.forecastDays), s.forecastMethod.c_str());
    std::string th;
    for (const auto &t : s.thresholds)
        th += (th.empty() ? "" : ", ") + std::to_string(t.percent) + "% " + Budgets::basisName(t.basis)
            + (t.crossed ? " reached" : " -");
    std::printf("  thresholds  %s\n", th.c_str());
    std::string status = "ok";
    if (s.breachedActual())
        status = "BREACHED: actual spend has reached the budget";
    else if (s.breachedForecast())
        status = "BREACHED: forecast to exceed the budget by the end of the period";
    std::printf("  status      %s\n", status.c_str());
    for (const auto &a : fired)
        if (a.budgetId == b.id)
            std::printf("  ALERT       %d%% %s: %s\n", a.percent, Budgets::basisName(a.basis).c_str(), a.message.c_str());
}

// Newly fired alerts go through the app's alert channels: the alert history and, when a URL is
// in the keychain, the webhook (waiting for delivery, retries included). Notes go to stderr.
void deliverFired(const CommandContext &ctx, const std::vector<Budgets::Alert> &fired)
{
    if (fired.empty())
        return;
    Ui::AlertCenter center(ctx.dbPath);
    for (const Budgets::Alert &a : fired)
        center.post(Ui::budgetAlertMessage(a));
    if (!center.waitForDeliveries(120000))
        std::fprintf(stderr, "burnrate budgets: webhook delivery still pending after 120 s\n");
    const QList<Ui::AlertRecord> history = center.history(static_cast<int>(fired.size()));
    int delivered = 0;
    QString failure;
    for (const Ui::AlertRecord &r : history) {
        if (r.webhookStatus == QLatin1String("delivered"))
            ++delivered;
        else if (r.webhookStatus == QLatin1String("failed"))
            failure = r.webhookError;
    }
    if (delivered > 0)
        std::fprintf(stderr, "burnrate budgets: %d alert%s posted to the webhook\n", delivered, delivered == 1 ? "" : "s");
    if (!failure.isEmpty())
        std::fprintf(stderr, "burnrate budgets: webhook delivery failed: %s\n", qPrintable(failure));
}

int runCheck(const Cli::CommandLine &cli, const CommandContext &ctx, Options &o, const std::string &format)
{
    std::int64_t asOf = Analytics::todayUtc();
    if (o.count(QStringLiteral("--as-of")) && !Cost::parseDate(o[QStringLiteral("--as-of")].toStdString(), asOf))
        return cli.usageError("--as-of must be a date, YYYY-MM-DD");
    Cost::Store store;
    if (!openStore(ctx, store, "budgets", Cost::Store::TeamStore::ReadWrite))
        return kCheckFailed;
    Budgets::CheckResult result;
    std::string error;
    const bool ok = o.count(QStringLiteral("--dry-run"))
        ? Budgets::evaluateAll(store.db(), asOf, result.statuses, error)
        : Budgets::checkAndFire(store.db(), asOf, result, error);
    if (!ok)
        return cli.fail(error, kCheckFailed);
    int breached = 0;
    for (const auto &s : result.statuses)
        breached += s.breached() ? 1 : 0;
    if (format == "json") {
        nlohmann::json budgets = nlohmann::json::array();
        for (const auto &s : result.statuses)
            budgets.push_back(statusJson(s, result.fired));
        nlohmann::json fired = nlohmann::json::array();
        for (const auto &a : result.fired)
            fired.push_back({{"budget", a.budgetName}, {"percent", a.percent}, {"basis", Budgets::basisName(a.basis)},
                             {"period_start", Cost::formatDay(a.period.start)}, {"spend", Cost::formatMoney(a.spend)},
                             {"message", a.message}});
        const nlohmann::json out = {{"as_of", Cost::formatDay(asOf)}, {"budgets", budgets}, {"fired", fired},
                                    {"breached", breached}};
        std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
        if (result.statuses.empty())
            std::printf("no budgets (add one with: burnrate budgets add --name NAME --amount AMOUNT)\n");
        for (const auto &s : result.statuses) {
            printStatus(s, result.fired);
            std::printf("\n");
        }
        std::printf("%zu budget%s as of %s: %d breached, %zu alert%s fired now\n", result.statuses.size(),
                    result.statuses.size() == 1 ? "" : "s", Cost::formatDay(asOf).c_str(), breached,
                    result.fired.size(), result.fired.size() == 1 ? "" : "s");
    }
    deliverFired(ctx, result.fired);
    return breached > 0 ? kBreached : 0;
}

int runAlerts(const Cli::CommandLine &cli, const CommandContext &ctx, Options &o)
{
    std::string why;
    Cost::Store store;
    if (!openStore(ctx, store, "budgets", Cost::Store::TeamStore::ReadOnly))
        return 1;
    std::optional<std::int64_t> id;
    if (o.count(QStringLiteral("--name"))) {
        Budgets::Budget b;
        if (!Budgets::findBudget(store.db(), o[QStringLiteral("--name")].toStdString(), b, why))
            return cli.fail(why);
        id = b.id;
    }
    std::vector<Budgets::Alert> alerts;
    if (!Budgets::loadAlerts(store.db(), alerts, why, id))
        return cli.fail(why);
    if (alerts.empty())
        std::printf("no budget alerts have fired\n");
    for (const auto &a : alerts)
        std::printf("%s\t%s\t%d%% %s\t%s\n", a.firedAt.c_str(), a.budgetName.c_str(), a.percent,
                    Budgets::basisName(a.basis).c_str(), a.message.c_str());
    return 0;
}

} // namespace

int runBudgetsCommand(const CommandContext &ctx, const QStringList &args)
{
    Options o; // option name -> value as given ("1" for a flag)
    QStringList names;
    std::string format = "text";
    Cli::CommandLine cli(QStringLiteral("budgets"), usageText());
    cli.setActionMessages(QStringLiteral("a subcommand is required"), QStringLiteral("unknown subcommand '%1'"));
    auto keep = [&o](Cli::CommandLine &action, const QString &name, const QString &valueName, const QString &help) {
        action.add({.name = name, .valueName = valueName, .help = help, .apply = [&o, name](const QString &v) {
                        o[name] = v;
                        return QString();
                    }});
    };
    Cli::CommandLine &add = cli.action(QStringLiteral("add"), QStringLiteral("--name NAME --amount AMOUNT [options]"));
    keep(add, QStringLiteral("--name"), QStringLiteral("NAME"), QStringLiteral("the budget's name"));
    keep(add, QStringLiteral("--amount"), QStringLiteral("AMOUNT"), QStringLiteral("exact, in the billing currency"));
    keep(add, QStringLiteral("--scope"), QStringLiteral("DIM=VALUE"), QStringLiteral("the spend it covers (default: total)"));
    keep(add, QStringLiteral("--period"), QStringLiteral("month|quarter|custom"), QStringLiteral("default: month"));
    keep(add, QStringLiteral("--from"), QStringLiteral("YYYY-MM-DD"), QStringLiteral("first day of a custom period"));
    keep(add, QStringLiteral("--to"), QStringLiteral("YYYY-MM-DD"), QStringLiteral("last day of a custom period, inclusive"));
    keep(add, QStringLiteral("--thresholds"), QStringLiteral("P[:actual|forecast|both],..."),
         QStringLiteral("alert thresholds, percents of the amount"));
    keep(add, QStringLiteral("--on"), QStringLiteral("actual,forecast"), QStringLiteral("what thresholds without a :suffix watch"));
    Cli::CommandLine &list = cli.action(QStringLiteral("list"), {});
    list.setUnknownMessage(QStringLiteral("list takes no options"));
    const QString removeNeedsName = QStringLiteral("remove takes the budget's name");
    Cli::CommandLine &remove = cli.action(QStringLiteral("remove"), QStringLiteral("NAME"));
    remove.setUnknownMessage(removeNeedsName);
    remove.positional({.valueName = QStringLiteral("NAME"), .help = QStringLiteral("the budget to remove"),
                       .apply = [&](const QString &name) {
                           names << name;
                           return names.size() > 1 ? removeNeedsName : QString();
                       }});
    Cli::CommandLine &check = cli.action(QStringLiteral("check"), QStringLiteral("[--as-of YYYY-MM-DD] [--format text|json] [--dry-run]"));
    keep(check, QStringLiteral("--as-of"), QStringLiteral("YYYY-MM-DD"), QStringLiteral("the day to check (default: today, UTC)"));
    check.format(format, {QStringLiteral("text"), QStringLiteral("json")});
    check.flag(QStringLiteral("--dry-run"), QStringLiteral("record no alerts"), [&o] { o[QStringLiteral("--dry-run")] = QStringLiteral("1"); });
    keep(cli.action(QStringLiteral("alerts"), QStringLiteral("[--name NAME]")), QStringLiteral("--name"), QStringLiteral("NAME"),
         QStringLiteral("only this budget's alerts"));
    if (args.value(0) == QStringLiteral("help"))
        return cli.printHelp();
    if (const auto done = cli.parse(args))
        return *done;
    const QString verb = cli.chosenAction();
    if (verb == QStringLiteral("add"))
        return runAdd(cli, ctx, o);
    if (verb == QStringLiteral("list"))
        return runList(cli, ctx);
    if (verb == QStringLiteral("remove")) {
        if (names.size() != 1)
            return cli.usageError(removeNeedsName);
        Cost::Store store;
        if (!openStore(ctx, store, "budgets", Cost::Store::TeamStore::ReadWrite))
            return 1;
        std::string error;
        if (!Budgets::removeBudget(store.db(), names[0].toStdString(), error))
            return cli.fail(error);
        std::printf("budget '%s' removed (its alert history stays)\n", qPrintable(names[0]));
        return 0;
    }
    if (verb == QStringLiteral("check"))
        return runCheck(cli, ctx, o, format);
    return runAlerts(cli, ctx, o);
}
