// The English plural translator: "%n day(s)" reads "1 day" / "2 days" in the app and the CLI.
#include "domain/plurals.h"

#include <QCoreApplication>
#include <QTest>

class TestPlurals : public QObject {
    Q_OBJECT

    static QString tr3(const char *text, int n) { return QCoreApplication::translate("Ctx", text, nullptr, n); }

private Q_SLOTS:
    void withoutTheTranslatorQtShowsTheMarker() { QCOMPARE(tr3("%n day(s) to go", 2), QStringLiteral("2 day(s) to go")); }

    void englishPlurals()
    {
        Plurals::installEnglish();
        QCOMPARE(tr3("%n day(s) to go", 1), QStringLiteral("1 day to go"));
        QCOMPARE(tr3("%n day(s) to go", 0), QStringLiteral("0 days to go"));
        QCOMPARE(tr3("%n day(s), %n charge(s)", 3), QStringLiteral("3 days, 3 charges"));
        QCOMPARE(tr3("Over %1 (%n day(s))", 30).arg(QStringLiteral("June")), QStringLiteral("Over June (30 days)"));
        // Texts without a count or without the marker are left as they are.
        QCOMPARE(tr3("dict(s)", -1), QStringLiteral("dict(s)"));
        QCOMPARE(tr3("%n rows", 2), QStringLiteral("2 rows"));
    }
};

QTEST_GUILESS_MAIN(TestPlurals)
#include "tst_plurals.moc"
