// The command-line contract: burnrate --db X import / totals, as outside checks use it, and the
// command-line layer every subcommand shares (--help, -h, unknown options, --version).
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QImage>
#include <QTest>

#include <memory>

using TestSupport::runBurnrate;

namespace {

QStringList focusFiles(bool valid)
{
    QStringList files;
    QDirIterator it(TestSupport::dataPath(QStringLiteral("focus")), {QStringLiteral("*.csv")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (f.contains(QStringLiteral("saas_examples")) != valid)
            files << f;
    }
    files.sort();
    return files;
}

// A "file" column with a row per FOCUS fixture: the valid ones, or the SaaS examples that must fail.
void addFocusFileRows(bool valid)
{
    QTest::addColumn<QString>("file");
    for (const QString &f : focusFiles(valid))
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

    // A fresh folder per test (and data row); m_db is a store path in it, not created yet.
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;

    // burnrate --db m_db `args`.
    int runOnDb(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return runBurnrate(QStringList{QStringLiteral("--db"), m_db} + args, out, err);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = m_dir->filePath(QStringLiteral("x.sqlite"));
    }
    void cleanup() { m_dir.reset(); }

    void importThenTotalsReproducesEachFixture_data() { addFocusFileRows(true); }
    void importThenTotalsReproducesEachFixture()
    {
        QFETCH(QString, file);
        QString out, err;
        QCOMPARE(runOnDb({QStringLiteral("import"), file}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("rows imported")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral(" s")), qPrintable(out));
        QString expected;
        QVERIFY(TestSupport::csvColumnSum(file, QStringLiteral("BilledCost"), &expected));
        QCOMPARE(runOnDb({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("provider"), QStringLiteral("--format"),
                          QStringLiteral("json")},
                         &out, &err),
                 0);
        const QJsonArray rows = QJsonDocument::fromJson(out.toUtf8()).array();
        QVERIFY2(!rows.isEmpty(), qPrintable(out + err));
        // Re-add the per-provider exact decimals.
        QStringList values;
        for (const auto &r : rows)
            values << r.toObject().value(QStringLiteral("billed")).toString();
        QString got;
        QVERIFY(TestSupport::decimalSum(values, &got));
        QCOMPARE(got, expected);
    }

    void negativeFixturesFailWithFileAndLine_data() { addFocusFileRows(false); }
    void negativeFixturesFailWithFileAndLine()
    {
        QFETCH(QString, file);
        const QString good = TestSupport::dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv"));
        QString out, err;
        QCOMPARE(runOnDb({QStringLiteral("import"), good}, &out, &err), 0);
        QString before;
        QCOMPARE(runOnDb({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("day")}, &before), 0);
        QVERIFY(runOnDb({QStringLiteral("import"), file}, &out, &err) != 0);
        QVERIFY2(err.contains(file + QStringLiteral(":2: column ")), qPrintable(err));
        QString after;
        QCOMPARE(runOnDb({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("day")}, &after), 0);
        QCOMPARE(after, before);
    }

    void totalsByModelAndTokenKind()
    {
        QCOMPARE(runOnDb({QStringLiteral("import"), TestSupport::dataPath(QStringLiteral("focus/synthetic/synthetic_focus_1.2_ai_tokens.csv")),
                          TestSupport::dataPath(QStringLiteral("focus/working_draft_ai/ai_prompt_caching_a.csv"))}),
                 0);
        QString out;
        QCOMPARE(runOnDb({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("model,token_kind")}, &out), 0);
        QCOMPARE(out,
                 QStringLiteral("model,token_kind,billed,rows\n"
                                "example-model-2,input,37.50,1\n"
                                "example-model-2,output,27.00,1\n"
                                "solora-reasoning-pro,output,22.50,1\n"
                                "example-model-2,cached_input,12.00,1\n"
                                ",,8.10,1\n"
                                "solora-reasoning-pro,cache_write,7.50,1\n"
                                "solora-reasoning-pro,cached_input,2.40,1\n"
                                "solora-reasoning-pro,input,1.50,1\n"));
        QCOMPARE(runOnDb({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("month"), QStringLiteral("--metric"),
                          QStringLiteral("tokens")},
                         &out),
                 0);
        QCOMPARE(out, QStringLiteral("month,tokens,rows\n2025-01,12000000,4\n2025-06,54300000,4\n"));
        QCOMPARE(runOnDb({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("feature,team"), QStringLiteral("--from"),
                          QStringLiteral("2025-06-01"), QStringLiteral("--to"), QStringLiteral("2025-06-30")},
                         &out),
                 0);
        QCOMPARE(out, QStringLiteral("feature,team,billed,rows\n,search,76.50,3\n,,8.10,1\n"));
    }

    void usageErrorsExitWithTwo()
    {
        QString out, err;
        QCOMPARE(runBurnrate({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("colour")}, &out, &err), 2);
        QVERIFY(err.contains(QStringLiteral("unknown dimension")));
        QCOMPARE(runBurnrate({QStringLiteral("nonsense")}, &out, &err), 2);
        QCOMPARE(runBurnrate({QStringLiteral("import")}, &out, &err), 2);
    }

    // Every subcommand (and every action of one) answers --help and -h with its usage on stdout, and
    // an unknown option with exit 2 and its usage on stderr; neither touches the store.
    void subcommandHelpAndUnknownOptions_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("option"); // one of the command's own options, listed by --help
        // The row's name is the command line (space-separated words).
        const auto row = [](const char *command, const char *option) {
            QTest::newRow(command) << QString::fromLatin1(command).split(QLatin1Char(' ')) << QString::fromLatin1(option);
        };
        row("import", "FILE...");
        row("totals", "--metric");
        row("demo", "--days");
        row("rules", "export");
        row("rules list", "import");
        row("screenshot", "--page");
        row("report", "--page-size");
        row("export-chart", "--dpi");
        row("forecast", "--horizon");
        row("detect", "--sensitivity");
        row("anomalies", "--format");
        row("simulate", "--scenario");
        row("prices", "--model");
        row("prices check", "--filter");
        row("accounts", "--provider");
        row("accounts list", "--delete-data");
        row("sync", "--account");
        row("budgets", "--thresholds");
        row("budgets check", "--dry-run");
    }
    void subcommandHelpAndUnknownOptions()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, option);
        const QStringList base = QStringList{QStringLiteral("--db"), m_db} + command;
        const QString usage = QStringLiteral("Usage: burnrate ") + command.first() + QLatin1Char(' ');
        QString help;
        for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            QString out, err;
            QCOMPARE(runBurnrate(base + QStringList{flag}, &out, &err), 0);
            QVERIFY2(out.startsWith(usage), qPrintable(out));
            QVERIFY2(out.contains(option), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("--help")), qPrintable(out));
            QVERIFY2(!err.contains(QStringLiteral("Usage")), qPrintable(err)); // (Qt may warn there for GUI commands)
            QVERIFY(help.isEmpty() || out == help); // -h and --help print the same
            help = out;
        }
        QString out, err;
        QCOMPARE(runBurnrate(base + QStringList{QStringLiteral("--no-such-option")}, &out, &err), 2);
        QVERIFY2(err.contains(usage), qPrintable(err));
        QVERIFY2(out.isEmpty(), qPrintable(out));
        QVERIFY2(!QFileInfo::exists(m_db), "a usage error or --help created the store");
    }

    void unknownOptionsKeepTheirMessages()
    {
        QString out, err;
        QCOMPARE(runBurnrate({QStringLiteral("totals"), QStringLiteral("--by"), QStringLiteral("day"), QStringLiteral("--colour")},
                             &out, &err),
                 2);
        QVERIFY2(err.startsWith(QStringLiteral("burnrate totals: unknown option --colour\nUsage: burnrate totals")), qPrintable(err));
        QCOMPARE(runBurnrate({QStringLiteral("sync"), QStringLiteral("--all")}, &out, &err), 2);
        QVERIFY2(err.startsWith(QStringLiteral("burnrate sync: unexpected argument \"--all\"\nUsage: burnrate sync")), qPrintable(err));
        QCOMPARE(runBurnrate({QStringLiteral("totals"), QStringLiteral("--from"), QStringLiteral("March")}, &out, &err), 2);
        QVERIFY2(err.startsWith(QStringLiteral("burnrate totals: 'March' is not a date (YYYY-MM-DD)\n")), qPrintable(err));
        QCOMPARE(runBurnrate({QStringLiteral("anomalies"), QStringLiteral("--to")}, &out, &err), 2);
        QVERIFY2(err.startsWith(QStringLiteral("burnrate anomalies: --to needs a value\n")), qPrintable(err));
    }

    // #17 item 5: `screenshot --scale 2` renders at device pixel ratio 2 (twice the pixels).
    void screenshotAtScaleTwo()
    {
        QString out, err;
        QCOMPARE(runOnDb({QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("30")}, &out, &err), 0);
        const QString png = m_dir->filePath(QStringLiteral("overview@2x.png"));
        QCOMPARE(runOnDb({QStringLiteral("screenshot"), QStringLiteral("--page"), QStringLiteral("overview"), QStringLiteral("--out"), png,
                      QStringLiteral("--size"), QStringLiteral("1000x650"), QStringLiteral("--scale"), QStringLiteral("2")},
                     &out, &err),
                 0);
        QCOMPARE(QImage(png).size(), QSize(2000, 1300));
        QCOMPARE(runOnDb({QStringLiteral("screenshot"), QStringLiteral("--page"), QStringLiteral("overview"), QStringLiteral("--out"), png,
                      QStringLiteral("--scale"), QStringLiteral("9")},
                     &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("--scale must be a number from 1 to 4")), qPrintable(err));
    }

    void globalHelpAndVersion()
    {
        QString out, err;
        QCOMPARE(runBurnrate({QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY2(out.startsWith(QStringLiteral("Usage: burnrate [--db PATH] [COMMAND [OPTIONS]]")), qPrintable(out));
        for (const char *command : {"import", "totals", "budgets", "accounts", "prices", "simulate", "export-chart"})
            QVERIFY2(out.contains(QStringLiteral("\n  ") + QString::fromLatin1(command)), command);

        // The version is the CMake project's.
        QFile cmake(TestSupport::dataPath(QStringLiteral("../../CMakeLists.txt")));
        QVERIFY(cmake.open(QIODevice::ReadOnly));
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("project\\(Burnrate VERSION ([0-9.]+)")).match(QString::fromUtf8(cmake.readAll()));
        QVERIFY(m.hasMatch());
        QCOMPARE(runBurnrate({QStringLiteral("--version")}, &out, &err), 0);
        QCOMPARE(out, QStringLiteral("burnrate %1\n").arg(m.captured(1)));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
