#pragma once

// app/cli: the command-line layer every `burnrate` subcommand shares (options declared once,
// one parser, usage and --help, the "burnrate NAME: why" messages) and the CLI's CSV output.

#include "analytics/analytics.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Cli {

/// Takes an option's (or a positional argument's) value; returns why it is wrong, or an empty string.
using Handler = std::function<QString(const QString &value)>;

/// One option of a subcommand, declared once: parsing, error messages and --help all come from it.
struct Option {
    QString name;            ///< "--from"
    QString valueName = {};  ///< "YYYY-MM-DD"; empty for a flag (the handler then gets an empty value)
    QString help = {};       ///< one line for --help
    bool repeatable = false; ///< shown as "..." in --help; a repeated option is handed to the handler again
    Handler apply = {};
    QString missing = {};    ///< why, when the value is missing; empty: the command's missing-value message
    bool usageOnError = true; ///< false: a bad value prints its reason only, without the usage
};

/// Positional arguments of a subcommand (or of one of its actions).
struct Positional {
    QString valueName;       ///< "FILE"
    QString help = {};
    Handler apply = {};      ///< called for each positional argument, in order
    bool dash = false;       ///< true: a lone "-" is a value (standard input/output), not an option
};

/// The command line of one `burnrate` subcommand: its usage text, its options and, for commands
/// like `budgets add|list|…`, its actions (the first argument), each with options of its own.
/// Every command parses the same way: options in any order, `--name value` (and `--name=value`
/// where allowed), handlers run left to right so the first problem is the one reported;
/// `--help`/`-h` prints the usage and the options on stdout (exit 0); an unknown option prints
/// why and the usage on stderr (exit 2). Messages are the command's own: "burnrate NAME: why".
class CommandLine {
public:
    CommandLine(QString command, QString usage);
    ~CommandLine();
    CommandLine(const CommandLine &) = delete;
    CommandLine &operator=(const CommandLine &) = delete;

    void add(Option option);
    void flag(const QString &name, const QString &help, std::function<void()> set);
    void positional(Positional positional);
    /// An option whose value is kept as given.
    void value(const QString &name, const QString &valueName, const QString &help, QString &target,
               const QString &missing = {});
    void value(const QString &name, const QString &valueName, const QString &help, std::string &target,
               const QString &missing = {});
    /// --size WxH, at least 320x240 (screenshots and chart exports).
    void windowSize(QSize &size, bool usageOnError);

    /// --from and --to, inclusive days: "'X' is not a date (YYYY-MM-DD)"; `missing` overrides the
    /// message for a missing value.
    void dateRange(std::optional<std::int64_t> &from, std::optional<std::int64_t> &to, const QString &missing = {});
    /// --format, one of `allowed` (help and the message "--format must be A or B" list them in order);
    /// `invalid` (with %1 for the value) overrides that message, `missing` the missing-value one.
    void format(std::string &format, const QStringList &allowed, const QString &missing = {}, const QString &invalid = {});
    /// Repeatable --filter DIM=VALUE (DIM trimmed); `missing` and `invalid` (with %1 for the value)
    /// override "--filter needs DIM=VALUE" for a missing and a wrong value.
    /// With `knownDimensions`, a DIM that is not an Analytics dimension is "unknown dimension 'DIM'".
    void filters(std::vector<Analytics::Filter> &filters, const QString &missing = {}, const QString &invalid = {},
                 bool knownDimensions = false);

    /// Declares an action (e.g. `budgets add`); declare its options on the returned command line,
    /// which starts with this one's messages and settings (so set those first).
    CommandLine &action(const QString &name, const QString &synopsis);
    /// The action parse() chose; empty for a command without actions.
    QString chosenAction() const { return m_chosen; }

    /// Why an unknown option (or an unexpected argument) is wrong; default "unknown option %1".
    /// `value` is set when setUnknownTakesValue() made it take the next argument.
    void setUnknownMessage(std::function<QString(const QString &arg, const QString &value)> message);
    /// The same with a template: %1 the argument, %2 the value it took.
    void setUnknownMessage(const QString &message);
    /// Unknown options, unexpected arguments and missing values print the usage alone.
    void setUsageOnlyErrors();
    /// Why an option lacks its value; %1 is the option. Default "%1 needs a value".
    void setMissingValueMessage(const QString &message);
    /// An unknown option takes the next argument as its value (or lacks one, at the end).
    void setUnknownTakesValue(bool takes) { m_unknownTakesValue = takes; }
    /// Accepts `--name=value` as well as `--name value`.
    void setInlineValues(bool inlineValues) { m_inlineValues = inlineValues; }
    /// Why the action is missing, and why it is unknown (%1); empty: the usage alone.
    void setActionMessages(const QString &missing, const QString &unknown);

    /// Parses `args` (after the subcommand's name). Returns nothing to go on, or the exit code when
    /// the command is done: 0 after --help, 2 after a usage error (both already printed).
    std::optional<int> parse(const QStringList &args);

    /// Prints "burnrate NAME: why" (unless why is empty) and the usage on stderr; returns 2.
    int usageError(const QString &why) const;
    int usageError(const std::string &why) const { return usageError(QString::fromStdString(why)); }
    int usageError(const char *why) const { return usageError(QString::fromUtf8(why)); }
    /// Prints "burnrate NAME: what" on stderr; returns `code`.
    int fail(const QString &what, int code = 1) const;
    int fail(const std::string &what, int code = 1) const { return fail(QString::fromStdString(what), code); }
    int fail(const char *what, int code = 1) const { return fail(QString::fromUtf8(what), code); }
    /// The usage, then every option and action, as --help prints it on stdout.
    QString help() const;
    int printHelp() const;

private:
    std::optional<int> parseOptions(const QStringList &args, int first);
    const Option *find(const QString &name) const;
    QString optionsHelp(const QString &indent) const;

    QString m_command;
    QString m_usage;
    const CommandLine *m_parent = nullptr;
    QString m_name;     // of an action
    QString m_synopsis; // of an action
    std::vector<Option> m_options;
    std::optional<Positional> m_positional;
    std::vector<std::unique_ptr<CommandLine>> m_actions;
    QString m_chosen;
    std::function<QString(const QString &, const QString &)> m_unknown;
    QString m_missing;
    QString m_actionMissing, m_actionUnknown;
    bool m_unknownTakesValue = false;
    bool m_inlineValues = false;
};

} // namespace Cli
