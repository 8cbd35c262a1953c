// Translations (issue #17 item 4): English plural forms and the complete German translation are
// embedded and used, German dates read in the German order, a page shows German texts with comma
// decimals, and what the command line writes for scripts (CSV, JSON) stays locale-free.
#include "alerts/budgetalertwatcher.h"
#include "anomalies/anomalytext.h"
#include "domain/timeparse.h"
#include "domain/translations.h"
#include "format/format.h"
#include "guitestmain.h"
#include "overview/kpitile.h"
#include "overview/overviewpage.h"
#include "shell/mainwindow.h"
#include "testsupport.h"

#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace {

constexpr int kLoadTimeoutMs = 60000;

QString translate(const char *context, const char *text, int n = -1)
{
    return QCoreApplication::translate(context, text, nullptr, n);
}

QSet<QString> placeholders(const QString &text)
{
    QSet<QString> found;
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

// One message of a .ts file: its source and its translation forms (one unless numerus).
struct TsMessage {
    QString context;
    QString source;
    QString type; // the translation's type attribute: empty when finished
    bool numerus = false;
    QStringList forms;
};

std::vector<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    std::vector<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement())
                            m.forms << xml.readElementText();
                    } else {
                        m.forms << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.push_back(m);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

// burnrate with a language and a locale, as a user's shell would start it.
int runIn(const QString &lang, const QString &locale, const QStringList &args, QByteArray *out)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BURNRATE_LANG"), lang);
    env.insert(QStringLiteral("LC_ALL"), locale);
    env.insert(QStringLiteral("LANG"), locale);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BURNRATE_BINARY), args);
    if (!p.waitForFinished(120000))
        return -1;
    *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestL10n : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void withoutTranslationsQtShowsTheMarker()
    {
        // Before any install(): the English source text, "(s)" and all.
        QCOMPARE(translate("ForecastPage", "%n day(s)", 2), QStringLiteral("2 day(s)"));
    }

    void cleanup()
    {
        qunsetenv("BURNRATE_LANG");
        QLocale::setDefault(QLocale::c());
        Translations::install(QStringLiteral("en"));
    }

    void englishPlurals_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("shown");
        QTest::newRow("one day") << "ForecastPage" << "%n day(s)" << 1 << "1 day";
        QTest::newRow("no days") << "ForecastPage" << "%n day(s)" << 0 << "0 days";
        QTest::newRow("30 days") << "ForecastPage" << "%n day(s)" << 30 << "30 days";
        QTest::newRow("one credit") << "ContractsDialog" << "%n credit(s)" << 1 << "1 credit";
        QTest::newRow("irregular") << "AnomalyScanner" << "%n more cost anomalies found" << 1 << "1 more cost anomaly found";
        QTest::newRow("irregular, many") << "AnomalyScanner" << "%n more cost anomalies found" << 4 << "4 more cost anomalies found";
    }
    void englishPlurals()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, shown);
        QVERIFY(Translations::install(QStringLiteral("en")));
        QCOMPARE(translate(context.toUtf8().constData(), source.toUtf8().constData(), n), shown);
        // English carries plural forms only: other texts are their source.
        QCOMPARE(translate("OverviewPage", "Month to date"), QStringLiteral("Month to date"));
    }

    void languageChoice_data()
    {
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << "de" << "de";
        QTest::newRow("en") << "en" << "en";
        QTest::newRow("a locale name") << "de_DE.UTF-8" << "de";
        QTest::newRow("no translation") << "xx" << "en";
    }
    void languageChoice()
    {
        QFETCH(QString, env);
        QFETCH(QString, language);
        qputenv("BURNRATE_LANG", env.toUtf8());
        QCOMPARE(Translations::language(), language);
    }

    // Every message of burnrate_de.ts is finished, non-empty and keeps the source's placeholders.
    void germanIsComplete()
    {
        QString error;
        const std::vector<TsMessage> messages = readTs(QStringLiteral(BURNRATE_TS_DE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 1000, qPrintable(QString::number(messages.size())));
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source.left(60);
            if (!m.type.isEmpty())
                problems << QStringLiteral("%1 (%2)").arg(where, m.type);
            if (m.forms.isEmpty() || (m.numerus && m.forms.size() != 2))
                problems << QStringLiteral("%1 (%2 forms)").arg(where).arg(m.forms.size());
            for (const QString &form : m.forms) {
                QSet<QString> want = placeholders(m.source), got = placeholders(form);
                if (m.numerus) { // German "1 Tag" may spell the one out; %n stays in the other form
                    want.remove(QStringLiteral("%n"));
                    got.remove(QStringLiteral("%n"));
                }
                if (form.trimmed().isEmpty() != m.source.trimmed().isEmpty() || want != got)
                    problems << QStringLiteral("%1 → %2").arg(where, form.left(60));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // burnrate_en.ts holds plural forms only: every one is finished, and neither form shows "(s)".
    void englishPluralsAreComplete()
    {
        QString error;
        const std::vector<TsMessage> messages = readTs(QStringLiteral(BURNRATE_TS_EN), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.empty());
        QStringList problems;
        for (const TsMessage &m : messages)
            if (!m.type.isEmpty() || m.forms.size() != 2 || m.forms[0].isEmpty() || m.forms.join(QString()).contains(QStringLiteral("(s)")))
                problems << m.context + QStringLiteral(": ") + m.source.left(60);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void germanTexts()
    {
        QVERIFY(Translations::install(QStringLiteral("de")));
        QCOMPARE(translate("OverviewPage", "Month to date"), QStringLiteral("Monat bis heute"));
        QCOMPARE(translate("ForecastPage", "%n day(s)", 1), QStringLiteral("1 Tag"));
        QCOMPARE(translate("ForecastPage", "%n day(s)", 3), QStringLiteral("3 Tage"));
        // Back to English: the German texts go, the English plurals stay.
        QVERIFY(Translations::install(QStringLiteral("en")));
        QCOMPARE(translate("OverviewPage", "Month to date"), QStringLiteral("Month to date"));
        QCOMPARE(translate("ForecastPage", "%n day(s)", 3), QStringLiteral("3 days"));
    }

    // German dates in the German order ("5. Dez. 2026", not "Dez. 5, 2026"); tst_format pins English.
    void germanDates()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        Translations::install(QStringLiteral("de"));
        const auto day = [](int y, int m, int d) { return Format::dayOfDate(QDate(y, m, d)); };
        QCOMPARE(Format::day(QDate(2026, 12, 5)), QStringLiteral("5. Dez. 2026"));
        QCOMPARE(Format::shortDate(day(2026, 3, 3)), QStringLiteral("3. März"));
        QCOMPARE(Format::briefRange(day(2026, 3, 4), day(2026, 3, 6)), QStringLiteral("4.\u20136. März"));
        QCOMPARE(Format::briefRange(day(2026, 11, 28), day(2026, 12, 5)), QStringLiteral("28. Nov. \u2013 5. Dez."));
        QCOMPARE(Format::range(day(2026, 3, 1), day(2026, 3, 31)), QStringLiteral("1. März \u2013 31. März 2026 (31 Tage)"));
        QCOMPARE(Format::timestamp(QDateTime(QDate(2026, 12, 5), QTime(14, 44), Qt::UTC)), QStringLiteral("5. Dez. 2026 14:44"));
        QCOMPARE(QLocale().toString(QDate(2026, 12, 5), Format::dateEditFormat()), Format::day(QDate(2026, 12, 5)));
    }

    // The Overview in German: translated tile captions and menus, comma decimals.
    void overviewInGerman()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(Translations::install(QStringLiteral("de")));
        const QString path = m_dir.filePath(QStringLiteral("overview.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(path, Cost::daysFromCivil(2026, 3, 18), 60, &error), error.c_str());
        MainWindow window(path);
        window.resize(1440, 900);
        window.show();
        auto *page = qobject_cast<OverviewPage *>(window.page(QStringLiteral("overview")));
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
        QCOMPARE(page->monthToDateTile()->caption(), QStringLiteral("Monat bis heute"));
        QCOMPARE(page->last30Tile()->caption(), QStringLiteral("Letzte 30 Tage"));
        QStringList menus;
        for (QAction *menu : window.menuBar()->actions())
            menus << menu->text();
        QVERIFY2(menus.contains(QStringLiteral("&Datei")) && menus.contains(QStringLiteral("&Hilfe")), qPrintable(menus.join(u' ')));
        // A money or percentage figure with a decimal comma somewhere on the page, none with a point.
        QStringList texts;
        for (QLabel *label : page->findChildren<QLabel *>())
            texts << label->text();
        for (KpiTile *tile : page->findChildren<KpiTile *>())
            texts << tile->value() << tile->detail();
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QRegularExpression(QStringLiteral("\\d,\\d"))), qPrintable(all));
        QVERIFY2(!all.contains(QRegularExpression(QStringLiteral("\\d\\.\\d\\d?(\\D|$)"))), qPrintable(all));
    }

    // An anomaly's root cause, kept as parts, worded in German with a decimal comma; without the
    // parts (found before schema 15) the stored English shows; the English wording is the stored one.
    void anomalyCauseInGerman()
    {
        Analytics::CausePhrase p;
        p.kind = Analytics::CausePhrase::Kind::Lead;
        p.percent = 82;
        p.dimension = "feature";
        p.value = "agent";
        p.secondDimension = "model";
        p.second = "claude-3-5-sonnet";
        p.hasTokenKind = true;
        p.tokenKind = "output";
        p.ratio = 1.5;
        Analytics::Anomaly a;
        a.explanation = Analytics::englishSentence(p);
        a.explanationParts = Analytics::toJson(p);
        QVERIFY(Translations::install(QStringLiteral("en")));
        QCOMPARE(AnomalyText::explanation(a), QString::fromStdString(a.explanation));

        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(Translations::install(QStringLiteral("de")));
        QCOMPARE(AnomalyText::explanation(a), QStringLiteral("82% aus Funktion agent auf claude-3-5-sonnet, Ausgabe-Token \u00d71,5"));
        p.kind = Analytics::CausePhrase::Kind::Evenly;
        p.skip = "feature";
        p.change = Analytics::CausePhrase::Change::New;
        a.explanationParts = Analytics::toJson(p);
        QCOMPARE(AnomalyText::explanation(a), QStringLiteral("gleichm\u00e4\u00dfig \u00fcber alle Modelle, Ausgabe-Token neu"));
        a.explanationParts.clear();
        QCOMPARE(AnomalyText::explanation(a), QString::fromStdString(a.explanation));
    }

    // A budget alert in the app: German words, German money and dates; the command line's (no
    // currency given) keeps the stored English.
    void budgetAlertInGerman()
    {
        Budgets::Alert a;
        a.budgetName = "Chatbot";
        a.period = {Cost::daysFromCivil(2026, 3, 1), Cost::daysFromCivil(2026, 3, 31)};
        a.percent = 80;
        a.basis = Budgets::Basis::Actual;
        a.spend = 81240 * (Cost::kMoneyScale / 100);
        a.amount = 100000 * (Cost::kMoneyScale / 100);
        a.message = "Spend of $812.40 has reached 80% of $1,000.00 for budget 'Chatbot'";
        QCOMPARE(Ui::budgetAlertMessage(a).body, QString::fromStdString(a.message));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(Translations::install(QStringLiteral("de")));
        const QString body = Ui::budgetAlertMessage(a, QStringLiteral("USD")).body;
        QVERIFY2(body.contains(QStringLiteral("812,40")) && body.contains(QStringLiteral("1.000,00")) && body.contains(QStringLiteral("M\u00e4rz"))
                     && body.contains(QStringLiteral("erreicht")),
                 qPrintable(body));
    }

    // `burnrate totals` under German: the same bytes as under C (dot decimals, English headers).
    void cliStaysLocaleFree_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << "csv";
        QTest::newRow("json") << "json";
    }
    void cliStaysLocaleFree()
    {
        QFETCH(QString, format);
        const QString path = m_dir.filePath(QStringLiteral("cli.sqlite"));
        if (!QFile::exists(path)) {
            std::string error;
            QVERIFY2(TestSupport::writeDemoStore(path, Cost::daysFromCivil(2026, 3, 18), 60, &error), error.c_str());
        }
        const QStringList args{QStringLiteral("--db"), path, QStringLiteral("totals"), QStringLiteral("--by"),
                               QStringLiteral("model"), QStringLiteral("--format"), format};
        QByteArray german, plain;
        QCOMPARE(runIn(QStringLiteral("de"), QStringLiteral("de_DE.UTF-8"), args, &german), 0);
        QCOMPARE(runIn(QStringLiteral("en"), QStringLiteral("C.UTF-8"), args, &plain), 0);
        QVERIFY(!german.isEmpty());
        QCOMPARE(german, plain);
        if (format == QLatin1String("csv")) {
            QVERIFY2(german.startsWith("model,"), german.left(200).constData());
            QVERIFY2(QString::fromUtf8(german).contains(QRegularExpression(QStringLiteral("\\d\\.\\d"))), german.left(400).constData());
        }
    }
};

BURNRATE_GUI_TEST_MAIN(TestL10n)
#include "tst_l10n.moc"
