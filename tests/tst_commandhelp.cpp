// Every subcommand the program lists answers --help (exit 0, its usage on stdout), and the man
// page and bash completion generated from those texts at build time (packaging/linux/gendocs.cmake)
// cover each command and each of its options. The commands come from `burnrate --help` itself, so
// a new subcommand is covered without touching this file.
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::runBurnrate;

namespace {

// The command names of `burnrate --help`: the first word of each line under "Commands:".
QStringList listedCommands()
{
    QString out;
    if (runBurnrate({QStringLiteral("--help")}, &out) != 0)
        return {};
    const qsizetype start = out.indexOf(QStringLiteral("\nCommands:\n"));
    if (start < 0)
        return {};
    QStringList commands;
    const QStringList lines = out.mid(start + 11).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.startsWith(QStringLiteral("  ")))
            break; // the blank line after the list
        commands << line.trimmed().section(QLatin1Char(' '), 0, 0);
    }
    return commands;
}

// The long options declared in a command's --help tables ("  --name VALUE   what it does").
QStringList declaredOptions(const QString &help)
{
    QStringList options;
    static const QRegularExpression option(QStringLiteral("^ +(--[a-z][a-z0-9-]*)"), QRegularExpression::MultilineOption);
    for (auto it = option.globalMatch(help); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!options.contains(name))
            options << name;
    }
    return options;
}

QString readText(const char *path)
{
    QFile file(QString::fromUtf8(path));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void addCommandRows()
{
    QTest::addColumn<QString>("command");
    for (const QString &command : listedCommands())
        QTest::newRow(qPrintable(command)) << command;
}

} // namespace

class TestCommandHelp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theProgramListsItsCommands()
    {
        const QStringList commands = listedCommands();
        QVERIFY2(commands.size() >= 15, qPrintable(commands.join(QLatin1Char(' '))));
        for (const char *known : {"import", "totals", "demo", "screenshot", "budgets", "accounts", "sync"})
            QVERIFY2(commands.contains(QString::fromLatin1(known)), known);
        QCOMPARE(QStringList(commands).removeDuplicates(), 0);
    }

    void everyCommandAnswersHelp_data() { addCommandRows(); }
    void everyCommandAnswersHelp()
    {
        QFETCH(QString, command);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("x.sqlite"));
        QString out, err;
        QCOMPARE(runBurnrate({QStringLiteral("--db"), db, command, QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY2(out.startsWith(QStringLiteral("Usage: burnrate ") + command + QLatin1Char(' ')) ||
                     out.startsWith(QStringLiteral("Usage: burnrate ") + command + QLatin1Char('\n')),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("--help")), qPrintable(out));
        QVERIFY2(!err.contains(QStringLiteral("Usage")), qPrintable(err));
        QVERIFY2(!QFileInfo::exists(db), "--help created the store");
    }

    // burnrate(1) has a section per command holding its --help text, with every option in it.
    void theManPageCoversEveryCommand_data() { addCommandRows(); }
    void theManPageCoversEveryCommand()
    {
        QFETCH(QString, command);
        const QString man = readText(BURNRATE_MANPAGE);
        QVERIFY2(!man.isEmpty(), BURNRATE_MANPAGE);
        const QString heading = QStringLiteral("\n.SS ") + command + QLatin1Char('\n');
        const qsizetype start = man.indexOf(heading);
        QVERIFY2(start >= 0, qPrintable(QStringLiteral("no section for ") + command));
        const qsizetype end = man.indexOf(QRegularExpression(QStringLiteral("\n\\.S[SH] ")), start + heading.size());
        const QString section = man.mid(start, end < 0 ? -1 : end - start);
        QString help;
        QCOMPARE(runBurnrate({command, QStringLiteral("--help")}, &help), 0);
        const QStringList options = declaredOptions(help);
        for (const QString &option : options)
            QVERIFY2(section.contains(option), qPrintable(command + QLatin1Char(' ') + option));
        const QString usage = help.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(section.contains(usage), qPrintable(usage));
    }

    // The bash completion offers the command, its actions and its options.
    void theCompletionCoversEveryCommand_data() { addCommandRows(); }
    void theCompletionCoversEveryCommand()
    {
        QFETCH(QString, command);
        const QString completion = readText(BURNRATE_COMPLETION);
        QVERIFY2(completion.contains(QStringLiteral("complete -o default -F _burnrate burnrate")), BURNRATE_COMPLETION);
        const QRegularExpression commandList(QStringLiteral("compgen -W \"([a-z -]+)\" -- \"\\$cur\"\\)\\)\n"));
        bool listed = false;
        for (auto it = commandList.globalMatch(completion); it.hasNext();)
            listed = listed || it.next().captured(1).split(QLatin1Char(' ')).contains(command);
        QVERIFY2(listed, qPrintable(command));
        QString help;
        QCOMPARE(runBurnrate({command, QStringLiteral("--help")}, &help), 0);
        const QRegularExpression caseLine(QStringLiteral("\n +%1\\) words=\"([^\"]*)\"").arg(QRegularExpression::escape(command)));
        const QString offered = caseLine.match(completion).captured(1); // the first match: the options
        for (const QString &option : declaredOptions(help))
            QVERIFY2(offered.split(QLatin1Char(' ')).contains(option), qPrintable(command + QLatin1Char(' ') + option));
    }
};

QTEST_GUILESS_MAIN(TestCommandHelp)
#include "tst_commandhelp.moc"
