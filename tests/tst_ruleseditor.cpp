// The allocation rules editor, offscreen: the item models under QAbstractItemModelTester,
// live validation that blocks Save with its reason, the preview of what a rule moves in the
// last 30 days, saving that re-allocates the store exactly, undoable delete, reordering,
// JSON import/export, and the main window's Data menu reloading after a save.
#include "allocation/allocation.h"
#include "analytics/analytics.h"
#include "domain/timeparse.h"
#include "guitestmain.h"
#include "testsupport.h"
#include "import/demogenerator.h"
#include "import/focusimporter.h"
#include "rules/ruleform.h"
#include "rules/ruleseditordialog.h"
#include "rules/ruleslistpanel.h"
#include "rules/rulestablemodel.h"
#include "rules/targetstablemodel.h"
#include "shell/mainwindow.h"
#include "shell/storestatus.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using Cost::BigMoney;

namespace {

constexpr int kTimeoutMs = 30000;

// One charge a line; the last day with data is 2025-06-20, so "the last 30 days" are
// 2025-05-22 … 2025-06-20 and the April charge lies outside them.
const char kCsv[] = "ProviderName,BillingAccountId,SubAccountId,BillingPeriodStart,ChargePeriodStart,ChargePeriodEnd,"
                    "BilledCost,BillingCurrency,ServiceName,Tags\n"
                    "OpenAI,acct,proj-x,2025-06-01T00:00:00Z,2025-06-10T00:00:00Z,2025-06-10T01:00:00Z,1.25,USD,OpenAI API,\n"
                    "OpenAI,acct,proj-x,2025-06-01T00:00:00Z,2025-06-11T00:00:00Z,2025-06-11T01:00:00Z,1.0000000001,USD,"
                    "OpenAI API,\n"
                    "OpenAI,acct,proj-x,2025-06-01T00:00:00Z,2025-06-15T00:00:00Z,2025-06-15T01:00:00Z,2.50,USD,OpenAI API,\n"
                    "OpenAI,acct,proj-x,2025-04-01T00:00:00Z,2025-04-01T00:00:00Z,2025-04-01T01:00:00Z,100.00,USD,"
                    "OpenAI API,\n"
                    "OpenAI,acct,proj-y,2025-06-01T00:00:00Z,2025-06-12T00:00:00Z,2025-06-12T01:00:00Z,3.00,USD,OpenAI API,"
                    "\"{\"\"feature\"\":\"\"search\"\",\"\"team\"\":\"\"discovery\"\"}\"\n"
                    "OpenAI,acct,proj-z-eu,2025-06-01T00:00:00Z,2025-06-20T00:00:00Z,2025-06-20T01:00:00Z,0.70,USD,"
                    "OpenAI API,\n";

QString exact(BigMoney value)
{
    return QString::fromStdString(Cost::formatMoney(value));
}

std::vector<std::int64_t> ppm(const QStringList &shares)
{
    std::vector<std::int64_t> out;
    for (const QString &s : shares) {
        std::int64_t v = 0;
        TargetsTableModel::parseShare(s, v);
        out.push_back(v);
    }
    return out;
}

} // namespace

class TestRulesEditor : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_stores = 0;

    // A fresh store holding kCsv.
    QString makeStore()
    {
        const QString path = m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_stores));
        const QString csv = m_dir.filePath(QStringLiteral("charges.csv"));
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(kCsv) < 0)
            return {};
        file.close();
        Cost::Store store;
        if (!store.open(path.toStdString()))
            return {};
        Cost::FocusImporter importer(store.db());
        const auto result = importer.importFile(csv.toStdString(), Cost::Ingestor::newBatch(store.db()));
        if (!result.ok) {
            qWarning("import failed: %s", result.error.toString().c_str());
            return {};
        }
        return path;
    }

    // Billed cost by feature over all days, exact ("" = unallocated).
    static std::map<std::string, BigMoney> byFeature(const QString &path)
    {
        Cost::Store store;
        std::map<std::string, BigMoney> out;
        std::vector<Analytics::TotalsRow> rows;
        std::string error;
        Analytics::TotalsRequest request;
        request.by = {"feature"};
        if (!store.open(path.toStdString()) || !Analytics::totals(store.db(), request, rows, error))
            qWarning("totals failed: %s", error.c_str());
        for (const auto &row : rows)
            out[row.keys[0]] += row.value;
        return out;
    }

    static BigMoney billedTotal(const QString &path)
    {
        Cost::Store store;
        std::vector<Analytics::TotalsRow> rows;
        std::string error;
        if (!store.open(path.toStdString()) || !Analytics::totals(store.db(), {}, rows, error) || rows.empty())
            return -1;
        return rows.front().value;
    }

    // Adds a rule through the panel and fills it in through the form, as a user would.
    static void addRule(RulesEditorDialog &dialog, const QString &pattern, const QStringList &features,
                        const QStringList &teams, const QStringList &shares, int match = 0)
    {
        dialog.rulesPanel()->addRule();
        RuleForm *form = dialog.ruleForm();
        form->dimensionBox()->setCurrentText(QStringLiteral("sub_account"));
        form->matchBox()->setCurrentIndex(match);
        QTest::keyClicks(form->patternEdit(), pattern);
        TargetsTableModel *targets = form->targetsModel();
        for (int i = 0; i < features.size(); ++i) {
            if (i >= targets->rowCount())
                targets->appendTarget();
            targets->setData(targets->index(i, TargetsTableModel::FeatureColumn), features[i]);
            targets->setData(targets->index(i, TargetsTableModel::TeamColumn), teams.value(i));
            targets->setData(targets->index(i, TargetsTableModel::ShareColumn), shares.value(i));
        }
    }

    static bool waitForPreview(RulesEditorDialog &dialog)
    {
        return QTest::qWaitFor([&] { return dialog.isPreviewSettled(); }, kTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale::c()); // money reads "$1,234.50" whatever the machine's locale
    }

    void rulesModelPassesTheTester_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("order");
        QTest::newRow("first down one") << 0 << 1 << QStringLiteral("b a c d");
        QTest::newRow("first to last") << 0 << 3 << QStringLiteral("b c d a");
        QTest::newRow("last to first") << 3 << 0 << QStringLiteral("d a b c");
        QTest::newRow("middle up one") << 2 << 1 << QStringLiteral("a c b d");
    }

    void rulesModelPassesTheTester()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, order);
        RulesTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<Allocation::Rule> rules;
        for (const char *name : {"a", "b", "c", "d"}) {
            Allocation::Rule r;
            r.name = name;
            r.dimension = "model";
            r.pattern = std::string("m-") + name;
            r.targets = {{"chatbot", "", Allocation::kShareScale}};
            rules.push_back(r);
        }
        model.setRules(rules);
        QVERIFY(model.moveRule(from, to));
        QStringList names;
        for (const auto &r : model.rules())
            names << QString::fromStdString(r.name);
        QCOMPARE(names.join(QLatin1Char(' ')), order);
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("1"));

        // The check box is the enabled flag.
        const QModelIndex name = model.index(1, RulesTableModel::NameColumn);
        QCOMPARE(model.data(name, Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QVERIFY(model.setData(name, Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!model.rules()[1].enabled);
        QVERIFY(!model.setData(model.index(1, RulesTableModel::TargetsColumn), QStringLiteral("x")));

        Allocation::Rule broken = rules[0];
        broken.targets[0].sharePpm = 900000;
        model.insertRule(2, broken);
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(model.firstProblem().startsWith(QStringLiteral("Rule 3 (a): shares add up to 90")));
        QCOMPARE(model.data(model.index(2, RulesTableModel::ConditionColumn)).toString(),
                 QStringLiteral("model is \u201Cm-a\u201D"));
        QVERIFY(model.removeRule(2));
        QVERIFY(!model.removeRule(7));
        QVERIFY(!model.moveRule(0, 9));
        QVERIFY(model.firstProblem().isEmpty());
    }

    void targetsModelPassesTheTester()
    {
        TargetsTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &TargetsTableModel::edited);
        model.setTargets({{"chatbot", "support", 600000}});
        QCOMPARE(edited.count(), 0);
        model.appendTarget(); // takes what is left
        QCOMPARE(model.targets()[1].sharePpm, 400000);
        QCOMPARE(model.data(model.index(1, TargetsTableModel::ShareColumn)).toString(), QStringLiteral("40%"));
        QVERIFY(model.setData(model.index(1, TargetsTableModel::ShareColumn), QStringLiteral("33.3333 %")));
        QCOMPARE(model.targets()[1].sharePpm, 333333);
        QVERIFY(!model.setData(model.index(1, TargetsTableModel::ShareColumn), QStringLiteral("lots")));
        QCOMPARE(model.totalPpm(), 933333);
        QVERIFY(model.removeTarget(0));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(edited.count(), 3);
    }

    void showsUnallocatedAndPreviewsExactly()
    {
        const QString path = makeStore();
        QVERIFY(!path.isEmpty());
        RulesEditorDialog dialog(path);
        QAbstractItemModelTester tester(dialog.rulesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester targetsTester(dialog.ruleForm()->targetsModel(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kTimeoutMs);
        QCOMPARE(dialog.rulesModel()->rowCount(), 0);
        // 1.25 + 1.0000000001 + 2.50 + 0.70 of 8.4500000001 has no feature (the April 100 is outside).
        QCOMPARE(dialog.unallocatedText(),
                 QStringLiteral("Unallocated in the last 30 days (May 22 \u2013 Jun 20, 2025): $5.45 of $8.45 billed "
                                "(64.5%) has no feature."));
        QVERIFY(!dialog.saveButton()->isEnabled()); // nothing to save yet

        addRule(dialog, QStringLiteral("proj-x"), {QStringLiteral("chatbot"), QStringLiteral("search")},
                {QStringLiteral("support"), QStringLiteral("discovery")}, {QStringLiteral("60"), QStringLiteral("40")});
        QVERIFY2(dialog.ruleForm()->problem().isEmpty(), qPrintable(dialog.ruleForm()->problem()));
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(dialog.previewText(), QStringLiteral("This rule moves $4.75 of the last 30 days (1 combination)"));
        QCOMPARE(exact(dialog.previewMoved()), QStringLiteral("4.7500000001"));

        // A wildcard rule below it gets proj-y (3.00, from search to summarize) and proj-z-eu (0.70),
        // not proj-x: the first rule keeps precedence.
        addRule(dialog, QStringLiteral("PROJ-*"), {QStringLiteral("summarize")}, {}, {QStringLiteral("100")}, 1);
        QCOMPARE(dialog.rulesPanel()->currentRow(), 1);
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(dialog.previewText(), QStringLiteral("This rule moves $3.70 of the last 30 days (2 combinations)"));
        QCOMPARE(exact(dialog.previewMoved()), QStringLiteral("3.70"));

        // Disabling the first rule (its check box in the list) hands proj-x to the second one.
        dialog.rulesModel()->setData(dialog.rulesModel()->index(0, RulesTableModel::NameColumn), Qt::Unchecked,
                                     Qt::CheckStateRole);
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(dialog.previewText(), QStringLiteral("This rule moves $8.45 of the last 30 days (3 combinations)"));
        QCOMPARE(exact(dialog.previewMoved()), QStringLiteral("8.4500000001"));
        dialog.rulesPanel()->setCurrentRow(0);
        QVERIFY(!dialog.ruleForm()->enabledBox()->isChecked());
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(dialog.previewText(), QStringLiteral("This rule is disabled, so it moves nothing."));
    }

    void invalidRulesDisableSave_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("match");
        QTest::addColumn<QStringList>("shares");
        QTest::addColumn<QString>("reason"); // empty = valid
        QTest::newRow("60/40") << QStringLiteral("proj-x") << 0 << QStringList{QStringLiteral("60"), QStringLiteral("40")}
                               << QString();
        QTest::newRow("thirds") << QStringLiteral("proj-x") << 0
                                << QStringList{QStringLiteral("33.3333"), QStringLiteral("33.3333"), QStringLiteral("33.3334")}
                                << QString();
        QTest::newRow("60/30") << QStringLiteral("proj-x") << 0 << QStringList{QStringLiteral("60"), QStringLiteral("30")}
                               << QStringLiteral("shares add up to 90");
        QTest::newRow("60/50") << QStringLiteral("proj-x") << 0 << QStringList{QStringLiteral("60"), QStringLiteral("50")}
                               << QStringLiteral("shares add up to 110");
        QTest::newRow("zero share") << QStringLiteral("proj-x") << 0
                                    << QStringList{QStringLiteral("100"), QStringLiteral("0")}
                                    << QStringLiteral("every share must be above 0%");
        QTest::newRow("no pattern") << QString() << 0 << QStringList{QStringLiteral("100")}
                                    << QStringLiteral("the pattern is empty");
        QTest::newRow("bad regex") << QStringLiteral("proj-(x") << 2 << QStringList{QStringLiteral("100")}
                                   << QStringLiteral("the regular expression is invalid");
    }

    void invalidRulesDisableSave()
    {
        QFETCH(QString, pattern);
        QFETCH(int, match);
        QFETCH(QStringList, shares);
        QFETCH(QString, reason);
        const QString path = makeStore();
        RulesEditorDialog dialog(path);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kTimeoutMs);
        QStringList features;
        for (int i = 0; i < shares.size(); ++i)
            features << QStringLiteral("f%1").arg(i);
        addRule(dialog, pattern, features, {}, shares, match);
        QCOMPARE(dialog.rulesModel()->rule(0).targets.size(), static_cast<std::size_t>(shares.size()));
        std::int64_t total = 0;
        for (const std::int64_t p : ppm(shares))
            total += p;
        QCOMPARE(dialog.ruleForm()->targetsModel()->totalPpm(), total);
        if (reason.isEmpty()) {
            QVERIFY2(dialog.saveButton()->isEnabled(), qPrintable(dialog.saveBlockedReason()));
            QVERIFY(dialog.saveBlockedReason().isEmpty());
            QVERIFY(dialog.ruleForm()->problemLabel()->isHidden());
            return;
        }
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY2(dialog.saveBlockedReason().startsWith(QStringLiteral("Cannot save. Rule 1 (New rule): ") + reason),
                 qPrintable(dialog.saveBlockedReason()));
        QVERIFY(dialog.ruleForm()->problemLabel()->text().contains(reason));
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(dialog.previewText(), QStringLiteral("No preview until this rule is valid."));
        dialog.save(); // ignored while invalid
        QVERIFY(!dialog.isBusy());
    }

    void savingReallocatesTheStore()
    {
        const QString path = makeStore();
        const BigMoney total = billedTotal(path);
        QCOMPARE(exact(total), QStringLiteral("108.4500000001"));
        auto before = byFeature(path);
        QCOMPARE(exact(before[""]), QStringLiteral("105.4500000001"));

        RulesEditorDialog dialog(path);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kTimeoutMs);
        addRule(dialog, QStringLiteral("proj-x"), {QStringLiteral("chatbot"), QStringLiteral("search")},
                {QStringLiteral("support"), QStringLiteral("discovery")}, {QStringLiteral("60"), QStringLiteral("40")});
        QVERIFY(dialog.hasUnsavedChanges());
        QSignalSpy saved(&dialog, &RulesEditorDialog::rulesSaved);
        QSignalSpy finished(&dialog, &RulesEditorDialog::saveFinished);
        QVERIFY(dialog.saveButton()->isEnabled());
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QVERIFY(dialog.isBusy());
        QVERIFY(!dialog.saveButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(saved.count(), 1);
        QVERIFY(!dialog.hasUnsavedChanges());
        QCOMPARE(dialog.noticeText(), QStringLiteral("Saved 1 rule; every stored charge was re-allocated."));

        // Exact splits with floor: 60% of 1.0000000001 is 0.6, the remaining unit goes to search.
        auto after = byFeature(path);
        QCOMPARE(exact(after["chatbot"]), QStringLiteral("62.85"));             // 0.75 + 0.6 + 1.5 + 60
        QCOMPARE(exact(after["search"]), QStringLiteral("44.9000000001"));      // 3 + 0.5 + 0.4000000001 + 1 + 40
        QCOMPARE(exact(after[""]), QStringLiteral("0.70"));
        BigMoney sum = 0;
        for (const auto &[feature, value] : after)
            sum += value;
        QCOMPARE(exact(sum), exact(total)); // allocated + unallocated = billed, to the unit
        QCOMPARE(exact(billedTotal(path)), exact(total));

        std::vector<Allocation::Rule> stored;
        {
            Cost::Store store;
            std::string error;
            QVERIFY(store.open(path.toStdString()));
            QVERIFY2(Allocation::loadRules(store.db(), stored, error), error.c_str());
        }
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored[0].pattern, std::string("proj-x"));
        QCOMPARE(stored[0].targets[1].sharePpm, 400000);

        // The unallocated line follows the store.
        QTRY_COMPARE_WITH_TIMEOUT(dialog.unallocatedText(),
                                  QStringLiteral("Unallocated in the last 30 days (May 22 \u2013 Jun 20, 2025): $0.70 of "
                                                 "$8.45 billed (8.3%) has no feature."),
                                  kTimeoutMs);

        // Editing again: a 100% rule moves every part of proj-x to one feature.
        dialog.rulesPanel()->setCurrentRow(0);
        TargetsTableModel *targets = dialog.ruleForm()->targetsModel();
        QVERIFY(targets->removeTarget(1));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(targets->setData(targets->index(0, TargetsTableModel::ShareColumn), QStringLiteral("100")));
        QVERIFY(dialog.saveButton()->isEnabled());
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeoutMs);
        after = byFeature(path);
        QCOMPARE(exact(after["chatbot"]), QStringLiteral("104.7500000001"));
        QCOMPARE(exact(after["search"]), QStringLiteral("3.00"));
        QCOMPARE(exact(after["chatbot"] + after["search"] + after[""]), exact(total));
    }

    void deleteIsUndoableAndOrderMatters()
    {
        const QString path = makeStore();
        RulesEditorDialog dialog(path);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kTimeoutMs);
        RulesListPanel *panel = dialog.rulesPanel();
        addRule(dialog, QStringLiteral("proj-x"), {QStringLiteral("chatbot")}, {}, {QStringLiteral("100")});
        dialog.ruleForm()->nameEdit()->clear();
        QTest::keyClicks(dialog.ruleForm()->nameEdit(), QStringLiteral("x to chatbot"));
        panel->duplicateRule();
        QCOMPARE(dialog.rulesModel()->rowCount(), 2);
        QCOMPARE(dialog.rulesModel()->rule(1).name, std::string("x to chatbot (copy)"));
        QCOMPARE(panel->currentRow(), 1);
        QCOMPARE(dialog.ruleForm()->nameEdit()->text(), QStringLiteral("x to chatbot (copy)"));

        panel->moveUp();
        QCOMPARE(panel->currentRow(), 0);
        QCOMPARE(dialog.rulesModel()->rule(0).name, std::string("x to chatbot (copy)"));

        panel->deleteRule();
        QCOMPARE(dialog.rulesModel()->rowCount(), 1);
        QCOMPARE(dialog.noticeText(), QStringLiteral("Rule \u201Cx to chatbot (copy)\u201D deleted."));
        QVERIFY(panel->canUndoDelete());
        panel->undoDelete();
        QCOMPARE(dialog.rulesModel()->rowCount(), 2);
        QCOMPARE(dialog.rulesModel()->rule(0).name, std::string("x to chatbot (copy)"));
        QCOMPARE(panel->currentRow(), 0);
        QVERIFY(dialog.noticeText().isEmpty());

        panel->moveDown();
        QCOMPARE(dialog.rulesModel()->rule(1).name, std::string("x to chatbot (copy)"));
        QCOMPARE(panel->currentRow(), 1);
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(dialog.previewText(), QStringLiteral("This rule moves $0.00 of the last 30 days (0 combinations)"));
    }

    void importAndExportJson()
    {
        const QString path = makeStore();
        RulesEditorDialog dialog(path);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kTimeoutMs);

        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"rules": [{"dimension": "model", "pattern": "a", "targets": [{"feature": "x"}]},
                                 {"dimension": "model", "match": "fuzzy", "pattern": "b", "targets": []}]})");
        file.close();
        QVERIFY(!dialog.rulesPanel()->importFrom(broken));
        QCOMPARE(dialog.noticeText(), QStringLiteral("Cannot import broken.json: rule 2: field match: 'fuzzy' is not "
                                                     "exact, glob or regex. The rules were not changed."));
        QCOMPARE(dialog.rulesModel()->rowCount(), 0);

        std::vector<Allocation::Rule> rules(2);
        rules[0].name = "split";
        rules[0].dimension = "sub_account";
        rules[0].pattern = "proj-x";
        rules[0].targets = {{"chatbot", "support", 600000}, {"search", "", 400000}};
        rules[1].name = "by tag";
        rules[1].dimension = "tag:env";
        rules[1].match = Allocation::Match::Glob;
        rules[1].pattern = "prod*";
        rules[1].enabled = false;
        rules[1].targets = {{"", "platform", Allocation::kShareScale}};
        const QString good = m_dir.filePath(QStringLiteral("good.json"));
        QFile goodFile(good);
        QVERIFY(goodFile.open(QIODevice::WriteOnly));
        goodFile.write(QByteArray::fromStdString(Allocation::toJson(rules)));
        goodFile.close();
        QVERIFY(dialog.rulesPanel()->importFrom(good));
        QCOMPARE(dialog.rulesModel()->rowCount(), 2);
        QVERIFY(dialog.hasUnsavedChanges());
        QCOMPARE(dialog.ruleForm()->dimensionBox()->currentText(), QStringLiteral("sub_account"));
        dialog.rulesPanel()->setCurrentRow(1);
        QCOMPARE(dialog.ruleForm()->dimensionBox()->currentText(), QStringLiteral("tag:env"));
        QCOMPARE(dialog.rulesModel()->data(dialog.rulesModel()->index(1, RulesTableModel::TargetsColumn)).toString(),
                 QStringLiteral("team platform"));

        const QString out = m_dir.filePath(QStringLiteral("out.json"));
        QVERIFY(dialog.rulesPanel()->exportTo(out));
        QFile outFile(out);
        QVERIFY(outFile.open(QIODevice::ReadOnly));
        std::vector<Allocation::Rule> back;
        std::string error;
        QVERIFY2(Allocation::fromJson(outFile.readAll().toStdString(), back, error), error.c_str());
        QCOMPARE(Allocation::toJson(back), Allocation::toJson(rules));

        // An invalid list is not exported.
        dialog.ruleForm()->patternEdit()->clear();
        QTest::keyClick(dialog.ruleForm()->patternEdit(), Qt::Key_Space);
        QTest::keyClick(dialog.ruleForm()->patternEdit(), Qt::Key_Backspace);
        QVERIFY(!dialog.rulesPanel()->exportTo(out));
        QVERIFY(dialog.noticeText().startsWith(QStringLiteral("Cannot export: Rule 2 (by tag): the pattern is empty")));
    }

    void dataMenuOpensTheEditorAndSavingReloadsTheWindow()
    {
        const QString path = makeStore();
        MainWindow window(path);
        window.show();
        QSignalSpy status(window.storeStatus(), &StoreStatus::updated);
        QTRY_VERIFY_WITH_TIMEOUT(status.count() >= 1, kTimeoutMs);
        QAction *action = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text() != QStringLiteral("&Data"))
                continue;
            for (QAction *item : menu->menu()->actions())
                if (item->text() == QStringLiteral("&Allocation rules\u2026"))
                    action = item;
        }
        QVERIFY(action);
        action->trigger();
        auto *dialog = window.findChild<RulesEditorDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
        addRule(*dialog, QStringLiteral("proj-z*"), {QStringLiteral("summarize")}, {QStringLiteral("docs")},
                {QStringLiteral("100")}, 1);
        const int before = status.count();
        dialog->save();
        QTRY_VERIFY_WITH_TIMEOUT(status.count() > before, kTimeoutMs); // pages reload on a status update
        QCOMPARE(exact(byFeature(path)["summarize"]), QStringLiteral("0.70"));
        dialog->reject(); // saved: closes without asking
        QTRY_VERIFY(!window.findChild<RulesEditorDialog *>());
    }

    // Not a check: renders the editor over the demo workspace when BURNRATE_SHOTS is a directory.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("BURNRATE_SHOTS");
        if (dir.isEmpty())
            QSKIP("set BURNRATE_SHOTS to a directory to render the rules editor");
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        {
            std::string error;
            QVERIFY2(TestSupport::writeDemoStore(path, Cost::daysFromCivil(2025, 6, 18), 120, &error), error.c_str());
            std::vector<Allocation::Rule> rules;
            QVERIFY2(Allocation::fromJson(R"([
              {"name": "Bedrock account is the agent", "dimension": "billing_account", "pattern": "111122223333",
               "targets": [{"feature": "agent", "team": "platform"}]},
              {"name": "Azure: 70% chatbot, 30% search", "dimension": "billing_account", "match": "glob",
               "pattern": "sub-*", "targets": [{"feature": "chatbot", "team": "support", "share": 70},
                                                   {"feature": "search", "team": "discovery", "share": 30}]},
              {"name": "Gemini to search", "dimension": "model", "match": "regex", "pattern": "^gemini-",
               "targets": [{"feature": "search", "team": "discovery"}]},
              {"name": "Staging tag", "dimension": "tag:env", "pattern": "staging", "enabled": false,
               "targets": [{"team": "devex"}]}])",
                                          rules, error),
                     error.c_str());
            Cost::Store store;
            QVERIFY(store.open(path.toStdString()));
            QVERIFY2(Allocation::saveRules(store.db(), rules, error), error.c_str());
        }
        { // some untagged charges, so that something is unallocated
            Cost::Store store;
            QVERIFY(store.open(path.toStdString()));
            QFile file(m_dir.filePath(QStringLiteral("untagged.csv")));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(kCsv);
            file.close();
            Cost::FocusImporter importer(store.db());
            QVERIFY(importer.importFile(file.fileName().toStdString(), Cost::Ingestor::newBatch(store.db())).ok);
        }
        RulesEditorDialog dialog(path);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kTimeoutMs);
        dialog.rulesPanel()->setCurrentRow(1);
        QVERIFY(waitForPreview(dialog));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("rules-editor.png"))));
        // And the invalid state: shares that do not add up.
        TargetsTableModel *targets = dialog.ruleForm()->targetsModel();
        targets->setData(targets->index(1, TargetsTableModel::ShareColumn), QStringLiteral("20"));
        QVERIFY(waitForPreview(dialog));
        QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("rules-editor-invalid.png"))));
    }
};

BURNRATE_GUI_TEST_MAIN(TestRulesEditor)
#include "tst_ruleseditor.moc"
