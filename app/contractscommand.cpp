#include "commands.h"

#include "cli/commandline.h"
#include "cli/csvfield.h"
#include "analytics/periods.h"
#include "contracts/contractjson.h"
#include "contracts/contractledger.h"
#include "contracts/contractstore.h"
#include "domain/timeparse.h"
#include "store/store.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace {

std::string dayOrEmpty(std::int64_t day) { return day == Contracts::kOpenEnded ? std::string() : Cost::formatDay(day); }

const char *kindName(const Contracts::Contract &c)
{
    return c.tokenKind ? Pricing::priceKindName(*c.tokenKind) : "";
}

int list(const std::vector<Contracts::Contract> &contracts)
{
    std::cout << "name,provider,account,model,token_kind,from,to,discount_pct,negotiated_prices,credits,commitments\n";
    for (const auto &c : contracts) {
        Cost::BigMoney credits = 0;
        for (const auto &cr : c.credits)
            credits += cr.amount;
        std::string commitments;
        for (const auto &m : c.commitments)
            commitments += (commitments.empty() ? "" : "; ") + std::string(Contracts::commitmentKindName(m.kind)) + " "
                + Cost::formatMoney(m.amount, 2);
        std::cout << Cli::csvField(c.name) << ',' << Cli::csvField(c.provider) << ',' << Cli::csvField(c.account) << ','
                  << Cli::csvField(c.model) << ',' << kindName(c) << ',' << Cost::formatDay(c.fromDay) << ',' << dayOrEmpty(c.toDay)
                  << ',' << (c.discountBp ? Contracts::discountText(c.discountBp) : std::string()) << ',' << c.prices.size() << ','
                  << (c.credits.empty() ? std::string() : Cost::formatMoney(credits, 2)) << ',' << Cli::csvField(commitments) << '\n';
    }
    return 0;
}

std::string lastDayText(std::int64_t toDayExclusive)
{
    return toDayExclusive >= Contracts::kOpenEnded ? std::string() : Cost::formatDay(toDayExclusive - 1);
}

/// One line of the statement as it is printed (CSV and JSON share it).
struct StatusLine {
    std::string contract, line, from, to, amount, used, left, status, day, currency, note;
};

std::vector<StatusLine> statusLines(const Contracts::Statement &s)
{
    auto money = [](Cost::BigMoney v) { return Cost::formatMoney(v, 2); };
    std::vector<StatusLine> lines;
    auto dayText = [](const std::optional<std::int64_t> &d) { return d ? Cost::formatDay(*d) : std::string(); };
    for (const Contracts::CommitmentMonth &m : s.commitments) {
        // `left`: what a complete month left unused, or what the forecast leaves at an open month's end.
        lines.push_back({m.contract, Contracts::commitmentKindName(m.kind), Cost::formatDay(m.fromDay), lastDayText(m.toDay),
                         money(m.committed), money(m.used), money(m.complete ? m.unused : m.forecastUnused),
                         Contracts::statusName(Contracts::status(m)), dayText(Contracts::statusDay(m)), m.currency, m.note});
    }
    for (const Contracts::CreditBalance &b : s.credits) {
        // `left`: the balance, or what the forecast leaves when the credit expires.
        const bool expiring = Contracts::status(b) == Contracts::LineStatus::ExpiresUnused;
        lines.push_back({b.contract, "credit", Cost::formatDay(b.fromDay), lastDayText(b.untilDay), money(b.amount), money(b.used),
                         money(expiring ? b.forecastLeftAtExpiry : b.remaining), Contracts::statusName(Contracts::status(b)),
                         dayText(Contracts::statusDay(b)), b.currency, b.note});
    }
    return lines;
}

int status(Cost::Store &store, const std::vector<Contracts::Contract> &contracts, std::optional<std::int64_t> from,
           std::optional<std::int64_t> to, const std::string &format)
{
    std::int64_t firstDay = 0, lastDay = 0;
    if (!Analytics::dataRange(store.db(), firstDay, lastDay)) {
        std::fprintf(stderr, "burnrate contracts: the store holds no charges\n");
        return 1;
    }
    const std::int64_t asOf = Analytics::lastCompleteDay(Analytics::todayUtc(), lastDay);
    std::int64_t earliest = asOf;
    for (const auto &c : contracts)
        earliest = std::min(earliest, c.fromDay);
    Contracts::Statement s;
    std::string error;
    if (!Contracts::buildStatement(store.db(), contracts, from.value_or(earliest), to.value_or(asOf), asOf, s, error)) {
        std::fprintf(stderr, "burnrate contracts: %s\n", error.c_str());
        return 1;
    }
    const std::vector<StatusLine> lines = statusLines(s);
    if (format == "json") {
        nlohmann::json rows = nlohmann::json::array();
        for (const StatusLine &l : lines)
            rows.push_back({{"contract", l.contract}, {"line", l.line}, {"from", l.from}, {"to", l.to}, {"amount", l.amount},
                            {"used", l.used}, {"left", l.left}, {"status", l.status}, {"day", l.day}, {"currency", l.currency},
                            {"note", l.note}});
        std::cout << nlohmann::json{{"from", Cost::formatDay(s.fromDay)}, {"to", Cost::formatDay(s.toDay)},
                                    {"as_of", Cost::formatDay(s.asOfDay)}, {"unused_commitment", Cost::formatMoney(s.unusedTotal(), 2)},
                                    {"lines", rows}}
                         .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
        return 0;
    }
    std::cout << "contract,line,from,to,amount,used,left,status,day,currency,note\n";
    for (const StatusLine &l : lines)
        std::cout << Cli::csvField(l.contract) << ',' << l.line << ',' << l.from << ',' << l.to << ',' << l.amount << ',' << l.used
                  << ',' << l.left << ',' << l.status << ',' << l.day << ',' << l.currency << ',' << Cli::csvField(l.note) << '\n';
    return 0;
}

} // namespace

int runContractsCommand(const CommandContext &ctx, const QStringList &args)
{
    QStringList files;
    QString out;
    bool replace = false;
    Cli::CommandLine cli(
        QStringLiteral("contracts"),
        QStringLiteral("Usage: burnrate contracts import FILE.json [--replace]   add or update contracts by name (--replace: and\n"
                       "                                                     remove the stored ones the file does not name)\n"
                       "       burnrate contracts export [--out FILE.json]     write the contracts (standard output by default)\n"
                       "       burnrate contracts list                         one CSV line per contract\n"
                       "       burnrate contracts status [--from DATE] [--to DATE] [--format csv|json]\n"
                       "                                 commitments month by month (used, unused) and credits\n"
                       "                                 (balance), with the forecast day each is met or runs out\n"));
    cli.setActionMessages({}, QStringLiteral("unknown subcommand %1"));
    Cli::CommandLine &importCli = cli.action(QStringLiteral("import"), QStringLiteral("FILE.json [--replace]"));
    importCli.positional({.valueName = QStringLiteral("FILE.json"), .help = QStringLiteral("the contracts file to import"),
                          .apply = [&](const QString &f) {
                              files << f;
                              return QString();
                          }});
    importCli.flag(QStringLiteral("--replace"), QStringLiteral("remove stored contracts the file does not name"), [&] { replace = true; });
    Cli::CommandLine &exportCli = cli.action(QStringLiteral("export"), QStringLiteral("[--out FILE.json]"));
    exportCli.value(QStringLiteral("--out"), QStringLiteral("FILE.json"), QStringLiteral("where to write (default: standard output)"), out);
    cli.action(QStringLiteral("list"), {});
    std::optional<std::int64_t> fromDay, toDay;
    std::string format = "csv";
    Cli::CommandLine &statusCli = cli.action(QStringLiteral("status"), QStringLiteral("[--from DATE] [--to DATE] [--format csv|json]"));
    statusCli.dateRange(fromDay, toDay);
    statusCli.format(format, {QStringLiteral("csv"), QStringLiteral("json")});
    if (const auto done = cli.parse(args))
        return *done;
    const QString verb = cli.chosenAction();
    if (verb == QStringLiteral("import") && files.size() != 1)
        return cli.usageError("import needs exactly one FILE.json");

    Cost::Store store;
    if (!openStore(ctx, store, "contracts", verb == QStringLiteral("import") ? Cost::Store::TeamStore::ReadWrite : Cost::Store::TeamStore::ReadOnly))
        return 1;
    std::string error;
    if (verb == QStringLiteral("import")) {
        QByteArray bytes;
        if (!readInputFile(files[0], bytes, "contracts"))
            return 1;
        std::vector<Contracts::Contract> contracts;
        if (!Contracts::fromJson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), contracts, error))
            return cli.fail(files[0].toStdString() + ": " + error);
        Contracts::ImportResult result;
        if (!Contracts::importContracts(store.db(), contracts, replace, result, error))
            return cli.fail(error);
        std::printf("%d contracts added, %d replaced, %d removed from %s\n", result.added, result.replaced, result.removed,
                    qPrintable(files[0]));
        return 0;
    }
    std::vector<Contracts::Contract> contracts;
    if (!Contracts::loadContracts(store.db(), contracts, error))
        return cli.fail(error);
    if (verb == QStringLiteral("list"))
        return list(contracts);
    if (verb == QStringLiteral("status"))
        return status(store, contracts, fromDay, toDay, format);
    const std::string json = Contracts::toJson(contracts);
    if (out.isEmpty() || out == QStringLiteral("-")) {
        std::fwrite(json.data(), 1, json.size(), stdout);
        return 0;
    }
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(json.data(), static_cast<qint64>(json.size())) != static_cast<qint64>(json.size()) || !file.flush()) {
        return cli.fail(out + QStringLiteral(": ") + file.errorString());
    }
    std::printf("%zu contracts exported to %s\n", contracts.size(), qPrintable(out));
    return 0;
}
