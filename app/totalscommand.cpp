#include "commands.h"

#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "store/store.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace {

int usage(const char *why)
{
    if (why)
        std::fprintf(stderr, "burnrate totals: %s\n", why);
    std::fprintf(stderr, "Usage: burnrate totals --by DIM[,DIM] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
                         "                      [--metric billed|effective|list|tokens] [--format csv|json]\n"
                         "                      [--filter DIM=VALUE]...\nDIM:");
    for (const auto &d : Analytics::dimensionNames())
        std::fprintf(stderr, " %s", d.c_str());
    std::fprintf(stderr, "\n--to is inclusive. Money is printed as exact decimals.\n");
    return 2;
}

std::string csvField(const std::string &s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace

int runTotalsCommand(const CommandContext &ctx, const QStringList &args)
{
    Analytics::TotalsRequest req;
    std::string format = "csv";
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        auto value = [&](QString &out) {
            if (i + 1 >= args.size())
                return false;
            out = args[++i];
            return true;
        };
        QString v;
        if (a == QStringLiteral("--by")) {
            if (!value(v))
                return usage("--by needs a value");
            for (const QString &d : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                req.by.push_back(d.trimmed().toStdString());
        } else if (a == QStringLiteral("--from") || a == QStringLiteral("--to")) {
            if (!value(v))
                return usage("--from/--to need a date");
            std::int64_t day = 0;
            if (!Cost::parseDate(v.toStdString(), day))
                return usage(("'" + v.toStdString() + "' is not a date (YYYY-MM-DD)").c_str());
            (a == QStringLiteral("--from") ? req.fromDay : req.toDay) = day;
        } else if (a == QStringLiteral("--metric")) {
            if (!value(v))
                return usage("--metric needs a value");
            const auto m = Analytics::metricFromName(v.toStdString());
            if (!m)
                return usage("--metric must be billed, effective, list or tokens");
            req.metric = *m;
        } else if (a == QStringLiteral("--format")) {
            if (!value(v) || (v != QStringLiteral("csv") && v != QStringLiteral("json")))
                return usage("--format must be csv or json");
            format = v.toStdString();
        } else if (a == QStringLiteral("--filter")) {
            if (!value(v) || !v.contains(QLatin1Char('=')))
                return usage("--filter needs DIM=VALUE");
            const auto eq = v.indexOf(QLatin1Char('='));
            req.filters.emplace_back(v.left(eq).trimmed().toStdString(), v.mid(eq + 1).toStdString());
        } else {
            return usage(("unknown option " + a.toStdString()).c_str());
        }
    }
    for (const auto &d : req.by) {
        const auto &names = Analytics::dimensionNames();
        if (std::find(names.begin(), names.end(), d) == names.end())
            return usage(("unknown dimension '" + d + "'").c_str());
    }
    Cost::Store store;
    if (!store.open(ctx.dbPath.toStdString())) {
        std::fprintf(stderr, "burnrate totals: %s\n", store.error().c_str());
        return 1;
    }
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
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::string header;
    for (const auto &d : req.by)
        header += d + ",";
    std::cout << header << metricName << ",rows\n";
    for (const auto &r : rows) {
        std::string line;
        for (const auto &k : r.keys)
            line += csvField(k) + ",";
        std::cout << line << valueText(r.value) << "," << r.rows << "\n";
    }
    return 0;
}
