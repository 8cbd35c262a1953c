#include "commands.h"

#include "cli/commandline.h"
#include "cli/csvfield.h"
#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "store/store.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace {

QString usageText()
{
    QString dims;
    for (const auto &d : Analytics::dimensionNames())
        dims += QLatin1Char(' ') + QString::fromStdString(d);
    return QStringLiteral("Usage: burnrate totals --by DIM[,DIM] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
                          "                      [--metric billed|effective|list|tokens] [--format csv|json]\n"
                          "                      [--filter DIM=VALUE]...\nDIM:")
        + dims + QStringLiteral("\n--to is inclusive. Money is printed as exact decimals.\n");
}

} // namespace

int runTotalsCommand(const CommandContext &ctx, const QStringList &args)
{
    Analytics::TotalsRequest req;
    std::string format = "csv";
    Cli::CommandLine cli(QStringLiteral("totals"), usageText());
    cli.add({.name = QStringLiteral("--by"), .valueName = QStringLiteral("DIM[,DIM]"),
             .help = QStringLiteral("one row per value of these dimensions"), .repeatable = true,
             .apply = [&](const QString &v) {
                 for (const QString &d : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                     req.by.push_back(d.trimmed().toStdString());
                 return QString();
             }});
    cli.dateRange(req.fromDay, req.toDay, QStringLiteral("--from/--to need a date"));
    cli.add({.name = QStringLiteral("--metric"), .valueName = QStringLiteral("billed|effective|list|tokens"),
             .help = QStringLiteral("what to add up (default: billed)"), .apply = [&](const QString &v) {
                 const auto m = Analytics::metricFromName(v.toStdString());
                 if (!m)
                     return QStringLiteral("--metric must be billed, effective, list or tokens");
                 req.metric = *m;
                 return QString();
             }});
    cli.format(format, {QStringLiteral("csv"), QStringLiteral("json")}, QStringLiteral("--format must be csv or json"));
    cli.filters(req.filters);
    if (const auto done = cli.parse(args))
        return *done;
    for (const auto &d : req.by) {
        const auto &names = Analytics::dimensionNames();
        if (std::find(names.begin(), names.end(), d) == names.end())
            return cli.usageError(QStringLiteral("unknown dimension '%1'").arg(QString::fromStdString(d)));
    }
    Cost::Store store;
    if (!openStore(ctx, store, "totals", Cost::Store::TeamStore::ReadOnly)) // checked on PostgreSQL too (tst_storecopy)
        return 1;
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    if (!Analytics::totals(store.db(), req, rows, error)) {
        std::fprintf(stderr, "burnrate totals: %s\n", error.c_str());
        return 1;
    }
    const bool money = req.metric != Analytics::Metric::Tokens;
    const char *metricName = req.metric == Analytics::Metric::Billed ? "billed"
        : req.metric == Analytics::Metric::Effective                ? "effective"
        : req.metric == Analytics::Metric::List                     ? "list"
                                                                    : "tokens";
    auto valueText = [&](Cost::BigMoney v) {
        if (money)
            return Cost::formatMoney(v, 2);
        return Cost::formatMoney(v * Cost::kMoneyScale, 0);
    };
    if (format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &r : rows) {
            nlohmann::json o = nlohmann::json::object();
            for (std::size_t i = 0; i < req.by.size(); ++i)
                o[req.by[i]] = r.keys[i];
            // Exact decimal as a string: a JSON number would be read back as a double.
            o[metricName] = valueText(r.value);
            o["rows"] = r.rows;
            out.push_back(std::move(o));
        }
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    std::string header;
    for (const auto &d : req.by)
        header += d + ",";
    std::cout << header << metricName << ",rows\n";
    for (const auto &r : rows) {
        std::string line;
        for (const auto &k : r.keys)
            line += Cli::csvField(k) + ",";
        std::cout << line << valueText(r.value) << "," << r.rows << "\n";
    }
    return 0;
}
