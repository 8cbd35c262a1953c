#include "cli/commandline.h"

#include "domain/timeparse.h"

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Cli {

namespace {

// "%1 needs a value" with the option filled in; an empty template stays empty (usage only).
QString fill(const QString &message, const QString &arg)
{
    return message.contains("%1"_L1) ? message.arg(arg) : message;
}

constexpr qsizetype kHelpColumn = 32;

bool isHelp(const QString &arg) { return arg == "--help"_L1 || arg == "-h"_L1; }

} // namespace

CommandLine::CommandLine(QString command, QString usage)
    : m_command(std::move(command))
    , m_usage(std::move(usage))
    , m_unknown([](const QString &arg, const QString &) { return u"unknown option %1"_s.arg(arg); })
    , m_missing(u"%1 needs a value"_s)
{
}

CommandLine::~CommandLine() = default;

void CommandLine::add(Option option) { m_options.push_back(std::move(option)); }

void CommandLine::flag(const QString &name, const QString &help, std::function<void()> set)
{
    add({.name = name, .valueName = {}, .help = help, .repeatable = false, .apply = [set = std::move(set)](const QString &) {
             set();
             return QString();
         }});
}

void CommandLine::positional(Positional positional) { m_positional = std::move(positional); }

void CommandLine::value(const QString &name, const QString &valueName, const QString &help, QString &target,
                        const QString &missing)
{
    add({.name = name, .valueName = valueName, .help = help, .apply = [&target](const QString &v) {
             target = v;
             return QString();
         },
         .missing = missing});
}

void CommandLine::value(const QString &name, const QString &valueName, const QString &help, std::string &target,
                        const QString &missing)
{
    add({.name = name, .valueName = valueName, .help = help, .apply = [&target](const QString &v) {
             target = v.toStdString();
             return QString();
         },
         .missing = missing});
}

void CommandLine::windowSize(QSize &size, bool usageOnError)
{
    add({.name = u"--size"_s, .valueName = u"WxH"_s,
         .help = u"window size (default: %1x%2)"_s.arg(size.width()).arg(size.height()),
         .apply = [&size](const QString &v) {
             const QStringList wh = v.split(QLatin1Char('x'));
             bool okW = false, okH = false;
             if (wh.size() == 2)
                 size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
             if (!okW || !okH || size.width() < 320 || size.height() < 240)
                 return u"--size must be WxH, at least 320x240"_s;
             return QString();
         },
         .usageOnError = usageOnError});
}

void CommandLine::dateRange(std::optional<std::int64_t> &from, std::optional<std::int64_t> &to, const QString &missing)
{
    auto date = [](std::optional<std::int64_t> &out) {
        return [&out](const QString &v) {
            std::int64_t day = 0;
            if (!Cost::parseDate(v.toStdString(), day))
                return u"'%1' is not a date (YYYY-MM-DD)"_s.arg(v);
            out = day;
            return QString();
        };
    };
    add({.name = u"--from"_s, .valueName = u"YYYY-MM-DD"_s, .help = u"first day (default: all data)"_s,
         .apply = date(from), .missing = missing});
    add({.name = u"--to"_s, .valueName = u"YYYY-MM-DD"_s, .help = u"last day, inclusive"_s, .apply = date(to),
         .missing = missing});
}

void CommandLine::format(std::string &format, const QStringList &allowed, const QString &missing, const QString &invalid)
{
    const QString list = allowed.size() > 1 ? allowed.mid(0, allowed.size() - 1).join(", "_L1) + " or "_L1 + allowed.last()
                                            : allowed.value(0);
    const QString why = invalid.isEmpty() ? u"--format must be "_s + list : invalid;
    add({.name = u"--format"_s, .valueName = allowed.join(QLatin1Char('|')),
         .help = u"output format (default: %1)"_s.arg(QString::fromStdString(format)),
         .apply = [&format, allowed, why](const QString &v) {
             if (!allowed.contains(v))
                 return fill(why, v);
             format = v.toStdString();
             return QString();
         },
         .missing = missing});
}

void CommandLine::filters(std::vector<Analytics::Filter> &filters, const QString &missing, const QString &invalid,
                          bool knownDimensions)
{
    const QString needs = u"--filter needs DIM=VALUE"_s;
    const QString why = invalid.isEmpty() ? needs : invalid;
    add({.name = u"--filter"_s, .valueName = u"DIM=VALUE"_s, .help = u"only charges whose DIM is VALUE"_s,
         .repeatable = true,
         .apply = [&filters, why, knownDimensions](const QString &v) {
             const qsizetype eq = v.indexOf(QLatin1Char('='));
             if (eq < 0)
                 return fill(why, v);
             const std::string dim = v.left(eq).trimmed().toStdString();
             const auto &dims = Analytics::dimensionNames();
             if (knownDimensions && std::find(dims.begin(), dims.end(), dim) == dims.end())
                 return u"unknown dimension '%1'"_s.arg(QString::fromStdString(dim));
             filters.emplace_back(dim, v.mid(eq + 1).toStdString());
             return QString();
         },
         .missing = missing.isEmpty() ? needs : missing});
}

CommandLine &CommandLine::action(const QString &name, const QString &synopsis)
{
    auto child = std::make_unique<CommandLine>(m_command, m_usage);
    child->m_parent = this;
    child->m_synopsis = synopsis;
    child->m_name = name;
    child->m_unknown = m_unknown;
    child->m_missing = m_missing;
    child->m_unknownTakesValue = m_unknownTakesValue;
    child->m_inlineValues = m_inlineValues;
    m_actions.push_back(std::move(child));
    return *m_actions.back();
}

void CommandLine::setUnknownMessage(std::function<QString(const QString &, const QString &)> message)
{
    m_unknown = std::move(message);
}

void CommandLine::setUnknownMessage(const QString &message)
{
    m_unknown = [message](const QString &arg, const QString &value) {
        return message.contains("%2"_L1) ? message.arg(arg, value) : fill(message, arg);
    };
}

void CommandLine::setUsageOnlyErrors()
{
    m_unknown = [](const QString &, const QString &) { return QString(); };
    m_missing.clear();
}

void CommandLine::setMissingValueMessage(const QString &message) { m_missing = message; }

void CommandLine::setActionMessages(const QString &missing, const QString &unknown)
{
    m_actionMissing = missing;
    m_actionUnknown = unknown;
}

std::optional<int> CommandLine::parse(const QStringList &args)
{
    if (m_actions.empty())
        return parseOptions(args, 0);
    if (!args.isEmpty() && isHelp(args.first()))
        return printHelp();
    if (args.isEmpty())
        return usageError(m_actionMissing);
    for (const auto &a : m_actions) {
        if (a->m_name == args.first()) {
            m_chosen = a->m_name;
            return a->parseOptions(args, 1);
        }
    }
    return usageError(fill(m_actionUnknown, args.first()));
}

std::optional<int> CommandLine::parseOptions(const QStringList &args, int first)
{
    for (int i = first; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (isHelp(arg))
            return (m_parent ? m_parent : this)->printHelp();
        // An unknown option, or an argument the command does not take.
        auto unexpected = [&] {
            if (!m_unknownTakesValue)
                return usageError(m_unknown(arg, {}));
            if (i + 1 >= args.size())
                return usageError(fill(m_missing, arg));
            return usageError(m_unknown(arg, args[i + 1]));
        };
        const bool dashValue = arg == "-"_L1 && m_positional && m_positional->dash;
        if (!arg.startsWith(QLatin1Char('-')) || dashValue) {
            if (!m_positional)
                return unexpected();
            if (const QString why = m_positional->apply(arg); !why.isEmpty())
                return usageError(why);
            continue;
        }
        QString name = arg;
        std::optional<QString> value;
        if (m_inlineValues && arg.startsWith("--"_L1) && arg.contains(QLatin1Char('='))) {
            name = arg.section(QLatin1Char('='), 0, 0);
            value = arg.section(QLatin1Char('='), 1);
        }
        const Option *option = find(name);
        if (!option || (option->valueName.isEmpty() && value))
            return unexpected();
        if (!option->valueName.isEmpty() && !value) {
            if (i + 1 >= args.size())
                return usageError(option->missing.isEmpty() ? fill(m_missing, arg) : option->missing);
            value = args[++i];
        }
        if (const QString why = option->apply(value.value_or(QString())); !why.isEmpty())
            return option->usageOnError ? usageError(why) : fail(why, 2);
    }
    return std::nullopt;
}

const Option *CommandLine::find(const QString &name) const
{
    const auto it = std::find_if(m_options.begin(), m_options.end(), [&](const Option &o) { return o.name == name; });
    return it == m_options.end() ? nullptr : &*it;
}

int CommandLine::usageError(const QString &why) const
{
    if (!why.isEmpty())
        std::fprintf(stderr, "burnrate %s: %s\n", qPrintable(m_command), qPrintable(why));
    std::fputs(qPrintable(m_usage), stderr);
    return 2;
}

int CommandLine::fail(const QString &what, int code) const
{
    std::fprintf(stderr, "burnrate %s: %s\n", qPrintable(m_command), qPrintable(what));
    return code;
}

QString CommandLine::optionsHelp(const QString &indent) const
{
    QStringList lines;
    auto row = [&](const QString &left, const QString &help) {
        // A long option name gets its help on the next line, in the same column.
        const QString name = indent + left;
        lines << (name.size() < kHelpColumn ? name.leftJustified(kHelpColumn) + help
                                            : name + QLatin1Char('\n') + QString(kHelpColumn, QLatin1Char(' ')) + help);
    };
    if (m_positional)
        row(m_positional->valueName, m_positional->help);
    for (const Option &o : m_options)
        row(o.name + (o.valueName.isEmpty() ? QString() : u" "_s + o.valueName) + (o.repeatable ? "..."_L1 : ""_L1), o.help);
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString CommandLine::help() const
{
    QString text = m_usage;
    if (!m_actions.empty()) {
        text += "\nActions:\n"_L1;
        for (const auto &a : m_actions)
            text += u"  "_s + a->m_name + (a->m_synopsis.isEmpty() ? QString() : u" "_s + a->m_synopsis) + u"\n"_s
                + a->optionsHelp(u"      "_s);
    } else if (!m_options.empty() || m_positional) {
        text += "\nOptions:\n"_L1 + optionsHelp(u"  "_s);
    }
    return text + u"\n"_s + u"  -h, --help"_s.leftJustified(kHelpColumn) + u"print this help\n"_s;
}

int CommandLine::printHelp() const
{
    std::fputs(qPrintable(help()), stdout);
    return 0;
}

} // namespace Cli
