#include "commands.h"

#include "cli/commandline.h"
#include "accountmanager.h"
#include "connectorregistry.h"
#include "failuretext.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>

#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace {

QString usageText()
{
    return QStringLiteral("Usage: burnrate accounts add --provider ID --name NAME [--base-url URL] [--option KEY=VALUE]...\n"
                          "       burnrate accounts edit NAME [--base-url URL] [--option KEY=VALUE]... [--new-secret]\n"
                          "       burnrate accounts list\n"
                          "       burnrate accounts test NAME\n"
                          "       burnrate accounts remove NAME [--delete-data]\n"
                          "\n"
                          "add     The secret (API key, or the credentials JSON the provider's connector expects) is read\n"
                          "        from standard input, never from the command line, and stored in the OS keychain only.\n"
                          "        Providers: %1. focus-folder needs no secret: --option path=DIR.\n"
                          "        s3-focus: --option bucket=B --option prefix=P --option region=R; the AWS keys as JSON.\n"
                          "        azure-blob-focus: --option container_url=URL --option prefix=P; the app registration or\n"
                          "        {\"sas\":\"...\"} as JSON.\n"
                          "        litellm: --base-url of the proxy; its master or admin key. langfuse: --base-url of a\n"
                          "        self-hosted instance or Langfuse Cloud US; the project's keys as PUBLIC:SECRET or\n"
                          "        {\"public_key\":\"pk-lf-...\",\"secret_key\":\"sk-lf-...\"}. Both sync into the telemetry.\n"
                          "        huggingface: --option namespace=USER_OR_ORG; a user access token (hf_...) from\n"
                          "        huggingface.co/settings/tokens. Its cost is estimated from the endpoints' observed states.\n"
                          "        --option history_days=N sets how far back the first sync goes.\n"
                          "edit    Changes the base URL or options. A secret is only ever sent to the host it was entered\n"
                          "        for: pointing the account to another host needs --new-secret (read from standard input).\n"
                          "remove  Keeps the account's data unless --delete-data is given.\n")
        .arg(Conn::ConnectorRegistry::ids().join(QStringLiteral(", ")));
}

// Reads the secret from standard input: everything up to EOF (a pipe or file) or one line from a
// terminal, with echo off. Trailing newlines are dropped.
QString readSecretFromStdin(const QString &prompt)
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "%s", qPrintable(prompt));
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QFile in;
    QByteArray bytes;
    if (in.open(stdin, QIODevice::ReadOnly))
        bytes = tty ? in.readLine() : in.readAll();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

// Empty when every key of `options` is one the connector knows; else the usage error.
QString unknownOption(const Conn::ConnectorEntry &entry, const QMap<QString, QString> &options)
{
    QStringList known{QStringLiteral("history_days")};
    for (const Conn::OptionField &f : entry.descriptor.options)
        known << f.key;
    // A credential that is not secret (Hugging Face's namespace) is kept with the options too.
    for (const Conn::CredentialField &f : entry.descriptor.credentials)
        if (!f.secret)
            known << f.key;
    known.removeDuplicates();
    for (auto it = options.begin(); it != options.end(); ++it) {
        if (!known.contains(it.key()))
            return QStringLiteral("%1 has no option \"%2\" (known: %3)")
                .arg(entry.descriptor.id, it.key(), known.join(QStringLiteral(", ")));
    }
    return {};
}

int add(const Cli::CommandLine &cli, Conn::AccountManager &manager, Conn::AccountConfig config)
{
    if (config.provider.isEmpty() || config.name.isEmpty())
        return cli.usageError(QStringLiteral("add needs --provider and --name"));
    const auto entry = Conn::ConnectorRegistry::find(config.provider);
    if (!entry)
        return cli.usageError(QStringLiteral("unknown provider \"%1\"").arg(config.provider));
    if (const QString unknown = unknownOption(*entry, config.options); !unknown.isEmpty())
        return cli.usageError(unknown);
    for (const Conn::OptionField &f : entry->descriptor.options) {
        if (f.directory && config.options.contains(f.key))
            config.options[f.key] = QDir(config.options[f.key]).absolutePath();
    }
    QString secret;
    if (entry->descriptor.needsSecret) {
        secret = readSecretFromStdin(QStringLiteral("%1 secret for \"%2\": ").arg(entry->descriptor.displayName, config.name));
        if (secret.isEmpty())
            return cli.fail(QStringLiteral("no secret on standard input (the %1 connector needs one)")
                               .arg(entry->descriptor.displayName));
    }
    QString error;
    const qint64 id = manager.addAccount(config, secret, &error);
    if (id == 0)
        return cli.fail(error);
    std::printf("added account \"%s\" (%s)%s\n", qPrintable(config.name), qPrintable(config.provider),
                entry->descriptor.needsSecret ? "; secret stored in the OS keychain" : "");
    return 0;
}

// Applies the --base-url / --option changes of `edit` to the account `name`; a new secret (from
// standard input) with --new-secret. Another host without a new secret is refused by the manager.
int edit(const Cli::CommandLine &cli, Conn::AccountManager &manager, const QString &name, const Conn::AccountConfig &change,
         bool newSecret)
{
    auto account = manager.accountByName(name);
    if (!account)
        return cli.fail(QStringLiteral("no account named \"%1\"").arg(name));
    const auto entry = Conn::ConnectorRegistry::find(account->provider);
    if (!entry)
        return cli.fail(QStringLiteral("unknown provider \"%1\"").arg(account->provider));
    if (const QString unknown = unknownOption(*entry, change.options); !unknown.isEmpty())
        return cli.usageError(unknown);
    if (!change.baseUrl.isEmpty())
        account->baseUrl = change.baseUrl;
    for (auto it = change.options.begin(); it != change.options.end(); ++it)
        account->options.insert(it.key(), it.value());
    std::optional<QString> secret;
    if (newSecret && entry->descriptor.needsSecret) {
        secret = readSecretFromStdin(QStringLiteral("%1 secret for \"%2\": ").arg(entry->descriptor.displayName, name));
        if (secret->isEmpty())
            return cli.fail(QStringLiteral("no secret on standard input (--new-secret)"));
    }
    QString error;
    if (!manager.updateAccount(*account, secret, &error))
        return cli.fail(secret ? error : error + QStringLiteral(" (burnrate accounts edit --new-secret reads it from standard input)"));
    std::printf("updated account \"%s\"%s\n", qPrintable(name), secret ? "; new secret stored in the OS keychain" : "");
    return 0;
}

QString when(const QDateTime &t) { return t.isValid() ? t.toString(Qt::ISODate) : QStringLiteral("never"); }

int list(Conn::AccountManager &manager)
{
    const QList<Conn::AccountConfig> accounts = manager.accounts();
    if (accounts.isEmpty()) {
        std::printf("no accounts\n");
        return 0;
    }
    QTextStream out(stdout);
    out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
               .arg(QStringLiteral("NAME"), -20)
               .arg(QStringLiteral("PROVIDER"), -12)
               .arg(QStringLiteral("STATE"), -6)
               .arg(QStringLiteral("LAST SUCCESS"), -20)
               .arg(QStringLiteral("ROWS"), 9)
               .arg(QStringLiteral("LAST ERROR"));
    for (const Conn::AccountConfig &a : accounts) {
        const Conn::SyncStatus s = manager.status(a.id);
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(a.name, -20)
                   .arg(a.provider, -12)
                   .arg(a.paused ? QStringLiteral("paused") : QStringLiteral("active"), -6)
                   .arg(when(s.lastSuccess), -20)
                   .arg(s.totalRows, 9)
                   .arg(s.lastError.isEmpty() ? QStringLiteral("-") : s.lastError);
    }
    return 0;
}

int test(const Cli::CommandLine &cli, Conn::AccountManager &manager, const QString &name)
{
    const auto account = manager.accountByName(name);
    if (!account)
        return cli.fail(QStringLiteral("no account named \"%1\"").arg(name));
    Conn::TestResult result;
    QEventLoop loop;
    QObject::connect(&manager, &Conn::AccountManager::testFinished, &loop,
                     [&](quint64, const Conn::TestResult &r) {
                         result = r;
                         loop.quit();
                     });
    manager.testConnection(*account);
    loop.exec();
    // The wizard's words: its headline and message (and where it says "Go Back", the command).
    QString text = Conn::FailureText::testText(result);
    if (!result.ok && (result.kind == Conn::ErrorKind::Unauthorized || result.kind == Conn::ErrorKind::Forbidden))
        text += QStringLiteral(" To re-enter the key: burnrate accounts edit \"%1\" --new-secret").arg(name);
    if (!result.ok)
        return cli.fail(QStringLiteral("%1: %2").arg(name, text));
    std::printf("%s: %s\n", qPrintable(name), qPrintable(text));
    return 0;
}

int remove(const Cli::CommandLine &cli, Conn::AccountManager &manager, const QString &name, bool deleteData)
{
    if (name.isEmpty())
        return cli.usageError(QStringLiteral("remove needs the account NAME"));
    const auto account = manager.accountByName(name);
    if (!account)
        return cli.fail(QStringLiteral("no account named \"%1\"").arg(name));
    const qint64 rows = manager.status(account->id).totalRows;
    QString error;
    if (!manager.removeAccount(account->id, deleteData, &error))
        return cli.fail(error);
    if (deleteData)
        std::printf("removed account \"%s\" and its %lld stored charges\n", qPrintable(name), static_cast<long long>(rows));
    else
        std::printf("removed account \"%s\"; its %lld stored charges were kept\n", qPrintable(name),
                    static_cast<long long>(rows));
    return 0;
}

} // namespace

int runAccountsCommand(const CommandContext &ctx, const QStringList &args)
{
    Conn::AccountConfig config;
    QStringList names;
    bool deleteData = false;
    bool newSecret = false;
    auto name = [&](const QString &n) {
        names << n;
        return QString();
    };
    Cli::CommandLine cli(QStringLiteral("accounts"), usageText());
    cli.setActionMessages({}, QStringLiteral("unknown subcommand \"%1\""));
    const QString unexpected = QStringLiteral("unexpected argument \"%1\"");
    cli.setUnknownMessage([unexpected](const QString &arg, const QString &) {
        const bool secret = arg == QStringLiteral("--secret") || arg.startsWith(QStringLiteral("--secret="))
            || arg == QStringLiteral("--api-key") || arg.startsWith(QStringLiteral("--api-key="));
        return secret ? QStringLiteral("secrets are never taken from the command line; pipe them to standard input")
                      : unexpected.arg(arg);
    });
    cli.setMissingValueMessage(unexpected);
    Cli::CommandLine &addCli = cli.action(QStringLiteral("add"), QStringLiteral("--provider ID --name NAME [--base-url URL] [--option KEY=VALUE]..."));
    addCli.value(QStringLiteral("--provider"), QStringLiteral("ID"), QStringLiteral("the connector: %1").arg(Conn::ConnectorRegistry::ids().join(QStringLiteral(", "))), config.provider);
    addCli.value(QStringLiteral("--name"), QStringLiteral("NAME"), QStringLiteral("the account's name"), config.name);
    addCli.value(QStringLiteral("--base-url"), QStringLiteral("URL"), QStringLiteral("another endpoint than the provider's"), config.baseUrl);
    auto option = [&](const QString &v) {
        const qsizetype eq = v.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return QStringLiteral("--option wants KEY=VALUE, got \"%1\"").arg(v);
        config.options.insert(v.left(eq), v.mid(eq + 1));
        return QString();
    };
    addCli.add({.name = QStringLiteral("--option"), .valueName = QStringLiteral("KEY=VALUE"),
             .help = QStringLiteral("a connector option (e.g. path=DIR, history_days=N)"), .repeatable = true,
             .apply = option});
    Cli::CommandLine &editCli = cli.action(QStringLiteral("edit"), QStringLiteral("NAME [--base-url URL] [--option KEY=VALUE]... [--new-secret]"));
    editCli.positional({.valueName = QStringLiteral("NAME"), .help = QStringLiteral("the account to change"),
                        .apply = [&](const QString &n) { return names.isEmpty() ? name(n) : unexpected.arg(n); }});
    editCli.value(QStringLiteral("--base-url"), QStringLiteral("URL"), QStringLiteral("another endpoint (another host needs --new-secret)"), config.baseUrl);
    editCli.add({.name = QStringLiteral("--option"), .valueName = QStringLiteral("KEY=VALUE"),
                 .help = QStringLiteral("a connector option to set"), .repeatable = true, .apply = option});
    editCli.flag(QStringLiteral("--new-secret"), QStringLiteral("read a new secret from standard input"), [&] { newSecret = true; });
    Cli::CommandLine &listCli = cli.action(QStringLiteral("list"), {});
    Cli::CommandLine &testCli = cli.action(QStringLiteral("test"), QStringLiteral("NAME"));
    listCli.setUsageOnlyErrors();
    testCli.setUsageOnlyErrors();
    testCli.positional({.valueName = QStringLiteral("NAME"), .help = QStringLiteral("the account to test"), .apply = name});
    Cli::CommandLine &removeCli = cli.action(QStringLiteral("remove"), QStringLiteral("NAME [--delete-data]"));
    removeCli.positional({.valueName = QStringLiteral("NAME"), .help = QStringLiteral("the account to remove"),
                       .apply = [&](const QString &n) { return names.isEmpty() ? name(n) : unexpected.arg(n); }});
    removeCli.flag(QStringLiteral("--delete-data"), QStringLiteral("delete its stored charges too"), [&] { deleteData = true; });
    if (const auto done = cli.parse(args))
        return *done;
    const QString sub = cli.chosenAction();
    if ((sub == QStringLiteral("test") || sub == QStringLiteral("edit")) && names.size() != 1)
        return cli.usageError(QString());
    Conn::AccountManager manager(ctx.dbPath);
    QString error;
    if (!manager.open(&error))
        return cli.fail(error);
    if (sub == QStringLiteral("add"))
        return add(cli, manager, config);
    if (sub == QStringLiteral("edit"))
        return edit(cli, manager, names.first(), config, newSecret);
    if (sub == QStringLiteral("list"))
        return list(manager);
    if (sub == QStringLiteral("test"))
        return test(cli, manager, names.first());
    return remove(cli, manager, names.value(0), deleteData);
}
