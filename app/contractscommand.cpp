#include "commands.h"

#include "cli/commandline.h"
#include "cli/csvfield.h"
#include "contracts/contractjson.h"
#include "contracts/contractstore.h"
#include "domain/timeparse.h"
#include "store/store.h"

#include <QFile>

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
                       "       burnrate contracts list                         one CSV line per contract\n"));
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
    if (const auto done = cli.parse(args))
        return *done;
    const QString verb = cli.chosenAction();
    if (verb == QStringLiteral("import") && files.size() != 1)
        return cli.usageError("import needs exactly one FILE.json");

    Cost::Store store;
    if (!openStore(ctx, store, "contracts"))
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
