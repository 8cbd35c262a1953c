// Tools → Contracts…: a contract typed into the dialog is validated (a wrong field is named and
// nothing is stored), saved through the worker into the store, listed, edited, exported and
// removed after confirmation; the Tools menu opens the dialog.
#include "contracts/contractform.h"
#include "contracts/contractjson.h"
#include "contracts/contractsdialog.h"
#include "contracts/contractstore.h"
#include "domain/translations.h"
#include "guitestmain.h"
#include "shell/mainwindow.h"
#include "store/store.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kTimeoutMs = 30000;

std::vector<Contracts::Contract> stored(const QString &path)
{
    Cost::Store store;
    std::vector<Contracts::Contract> out;
    std::string error;
    if (!store.open(path.toStdString()) || !Contracts::loadContracts(store.db(), out, error))
        qWarning("cannot read the contracts: %s %s", store.error().c_str(), error.c_str());
    return out;
}

} // namespace

class TestContractsDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { Translations::install(QStringLiteral("en")); } // "%n credit(s)" as the app prints it

    void addEditExportRemove()
    {
        const QString path = m_dir.filePath(QStringLiteral("dialog.sqlite"));
        {
            Cost::Store store;
            QVERIFY(store.open(path.toStdString()));
        }
        ContractsDialog dialog(path);
        QSignalSpy loaded(&dialog, &ContractsDialog::loaded);
        QVERIFY(loaded.wait(kTimeoutMs));
        QCOMPARE(dialog.table()->rowCount(), 0);

        ContractForm *form = dialog.form();
        form->nameEdit()->setText(QStringLiteral("OpenAI 2026"));
        form->providerEdit()->setCurrentText(QStringLiteral("OpenAI"));
        form->fromEdit()->setText(QStringLiteral("2026-03-06"));
        form->discountEdit()->setText(QStringLiteral("12.345"));
        QString error;
        QVERIFY(!dialog.saveForm(&error));
        QVERIFY2(error.contains(QStringLiteral("field 'discount_pct'")), qPrintable(error));
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("discount_pct")));
        form->termsEdit()->setPlainText(QStringLiteral("{\"credits\": [{\"amount\": \"500\"}], \"commitment\": []}"));
        form->discountEdit()->setText(QStringLiteral("20"));
        QVERIFY(!dialog.saveForm(&error));
        QVERIFY2(error.contains(QStringLiteral("'commitment' is not one of")), qPrintable(error));
        QVERIFY(stored(path).empty());

        form->termsEdit()->setPlainText(QStringLiteral("{\"credits\": [{\"amount\": \"500\", \"expires\": \"2026-06-30\"}]}"));
        QSignalSpy finished(&dialog, &ContractsDialog::finished);
        QSignalSpy changed(&dialog, &ContractsDialog::contractsChanged);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveContract")), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(changed.count(), 1);
        auto contracts = stored(path);
        QCOMPARE(contracts.size(), std::size_t(1));
        QCOMPARE(contracts[0].name, std::string("OpenAI 2026"));
        QCOMPARE(contracts[0].discountBp, 2000);
        QCOMPARE(contracts[0].credits.size(), std::size_t(1));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.table()->rowCount(), 1, kTimeoutMs);
        QCOMPARE(dialog.table()->item(0, 5)->text(), QStringLiteral("20% off list, 1 credit"));

        // Selecting the row fills the form; saving edits the same contract.
        dialog.table()->selectRow(0);
        QCOMPARE(form->discountEdit()->text(), QStringLiteral("20"));
        form->toEdit()->setText(QStringLiteral("2027-03-06"));
        QVERIFY(dialog.saveForm());
        QVERIFY(finished.wait(kTimeoutMs));
        contracts = stored(path);
        QCOMPARE(contracts.size(), std::size_t(1));
        QVERIFY(contracts[0].toDay != Contracts::kOpenEnded);

        const QString file = m_dir.filePath(QStringLiteral("out.json"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.contracts().size() == 1 && dialog.contracts()[0].toDay != Contracts::kOpenEnded, true,
                                  kTimeoutMs);
        QVERIFY(dialog.exportFile(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        std::vector<Contracts::Contract> exported;
        std::string why;
        QVERIFY2(Contracts::fromJson(f.readAll().toStdString(), exported, why), why.c_str());
        QCOMPARE(exported.size(), std::size_t(1));
        QCOMPARE(exported[0].toDay, contracts[0].toDay);

        // Remove: nothing happens on Cancel; Yes removes it.
        dialog.table()->selectRow(0);
        dialog.removeSelected();
        auto *confirm = dialog.findChild<QMessageBox *>(QStringLiteral("confirmRemoveContract"));
        QVERIFY(confirm);
        confirm->button(QMessageBox::Cancel)->click();
        QCOMPARE(stored(path).size(), std::size_t(1));
        QTRY_VERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("confirmRemoveContract")));
        dialog.table()->selectRow(0);
        dialog.removeSelected();
        confirm = dialog.findChild<QMessageBox *>(QStringLiteral("confirmRemoveContract"));
        QVERIFY(confirm);
        confirm->button(QMessageBox::Yes)->click();
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(stored(path).empty());

        // Importing the exported file brings it back.
        dialog.importFile(file);
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(finished.last().first().toBool());
        QCOMPARE(stored(path).size(), std::size_t(1));
    }

    void toolsMenuOpensTheDialog()
    {
        const QString path = m_dir.filePath(QStringLiteral("window.sqlite"));
        MainWindow window(path);
        QAction *action = nullptr;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->menu())
                for (QAction *a : menu->menu()->actions())
                    if (a->text() == QStringLiteral("&Contracts\u2026"))
                        action = a;
        QVERIFY(action);
        action->trigger();
        auto *dialog = window.findChild<ContractsDialog *>();
        QVERIFY(dialog);
        QSignalSpy loaded(dialog, &ContractsDialog::loaded);
        QVERIFY(loaded.count() > 0 || loaded.wait(kTimeoutMs));
        dialog->close();
        QTRY_VERIFY(!window.findChild<ContractsDialog *>());
    }
};

BURNRATE_GUI_TEST_MAIN(TestContractsDialog)
#include "tst_contractsdialog.moc"
