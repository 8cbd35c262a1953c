#include "commands.h"

#include "cli/commandline.h"
#include "allocation/allocation.h"
#include "store/store.h"

#include <cstdio>
#include <fstream>
#include <sstream>

int runRulesCommand(const CommandContext &ctx, const QStringList &args)
{
    QStringList files;
    auto file = [&](const QString &f) {
        files << f;
        return QString();
    };
    Cli::CommandLine cli(QStringLiteral("rules"),
                         QStringLiteral("Usage: burnrate rules import FILE.json   replace the allocation rules and re-allocate all data\n"
                                        "       burnrate rules export FILE.json   write the rules (- for standard output)\n"
                                        "       burnrate rules list\n"));
    cli.setUsageOnlyErrors();
    cli.setActionMessages({}, {});
    cli.action(QStringLiteral("import"), QStringLiteral("FILE.json"))
        .positional({.valueName = QStringLiteral("FILE.json"), .help = QStringLiteral("the rules to import"), .apply = file});
    cli.action(QStringLiteral("export"), QStringLiteral("FILE.json"))
        .positional({.valueName = QStringLiteral("FILE.json"), .help = QStringLiteral("where to write them (- for standard output)"),
                     .apply = file, .dash = true});
    cli.action(QStringLiteral("list"), {});
    if (const auto done = cli.parse(args))
        return *done;
    const QString verb = cli.chosenAction();
    if (verb != QStringLiteral("list") && files.size() != 1)
        return cli.usageError(QString());
    Cost::Store store;
    if (!openStore(ctx, store, "rules", verb == QStringLiteral("import") ? Cost::Store::TeamStore::ReadWrite : Cost::Store::TeamStore::ReadOnly))
        return 1;
    std::vector<Allocation::Rule> rules;
    std::string error;
    if (verb == QStringLiteral("import")) {
        const std::string path = files[0].toStdString();
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "burnrate rules: cannot read %s\n", path.c_str());
            return 1;
        }
        std::stringstream buf;
        buf << in.rdbuf();
        if (!Allocation::fromJson(buf.str(), rules, error)) {
            std::fprintf(stderr, "burnrate rules: %s: %s\n", path.c_str(), error.c_str());
            return 1;
        }
        if (!Allocation::saveRules(store.db(), rules, error)) {
            std::fprintf(stderr, "burnrate rules: %s\n", error.c_str());
            return 1;
        }
        std::printf("%zu allocation rules imported; all stored charges re-allocated\n", rules.size());
        return 0;
    }
    if (!Allocation::loadRules(store.db(), rules, error)) {
        std::fprintf(stderr, "burnrate rules: %s\n", error.c_str());
        return 1;
    }
    if (verb == QStringLiteral("list")) {
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const auto &r = rules[i];
            std::string targets;
            for (const auto &t : r.targets)
                targets += (targets.empty() ? "" : ", ") + (t.feature.empty() ? std::string("(tag)") : t.feature) + "/"
                    + (t.team.empty() ? std::string("(tag)") : t.team) + " " + std::to_string(t.sharePpm / 10000) + "%";
            std::printf("%zu. %s%s: %s %s '%s' -> %s\n", i + 1, r.name.empty() ? "(unnamed)" : r.name.c_str(),
                        r.enabled ? "" : " [disabled]", r.dimension.c_str(),
                        r.match == Allocation::Match::Exact ? "is" : (r.match == Allocation::Match::Glob ? "matches" : "matches regex"),
                        r.pattern.c_str(), targets.c_str());
        }
        return 0;
    }
    const std::string json = Allocation::toJson(rules);
    if (files[0] == QStringLiteral("-")) {
        std::fwrite(json.data(), 1, json.size(), stdout);
        return 0;
    }
    std::ofstream out(files[0].toStdString(), std::ios::binary | std::ios::trunc);
    out << json;
    if (!out) {
        std::fprintf(stderr, "burnrate rules: cannot write %s\n", qPrintable(files[0]));
        return 1;
    }
    std::printf("%zu allocation rules exported to %s\n", rules.size(), qPrintable(files[0]));
    return 0;
}
