#include "contracts/contractsdialog.h"

#include "contracts/contractform.h"
#include "contracts/contractjson.h"
#include "contracts/contractstore.h"
#include "domain/timeparse.h"
#include "shell/style.h"
#include "simulator/simulatorformat.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

using SimulatorFormat::textItem;

namespace {

QString scopeText(const Contracts::Contract &c)
{
    QStringList parts;
    if (!c.account.empty())
        parts << ContractsDialog::tr("account %1").arg(QString::fromStdString(c.account));
    if (!c.model.empty())
        parts << QString::fromStdString(c.model);
    if (c.tokenKind)
        parts << QString::fromLatin1(Pricing::priceKindName(*c.tokenKind));
    return parts.isEmpty() ? ContractsDialog::tr("everything") : parts.join(QStringLiteral(", "));
}

QString termsText(const Contracts::Contract &c)
{
    QStringList parts;
    if (c.discountBp)
        parts << ContractsDialog::tr("%1% off list").arg(QString::fromStdString(Contracts::discountText(c.discountBp)));
    if (!c.prices.empty())
        parts << ContractsDialog::tr("%n negotiated price(s)", nullptr, static_cast<int>(c.prices.size()));
    if (!c.credits.empty())
        parts << ContractsDialog::tr("%n credit(s)", nullptr, static_cast<int>(c.credits.size()));
    if (!c.commitments.empty())
        parts << ContractsDialog::tr("%n commitment(s)", nullptr, static_cast<int>(c.commitments.size()));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ContractsDialog::ContractsDialog(const QString &dbPath, QWidget *parent)
    : QDialog(parent)
    , m_dbPath(dbPath)
{
    setObjectName(QStringLiteral("contractsDialog"));
    setWindowTitle(tr("Contracts"));
    resize(1080, 680);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("contractTable"));
    SimulatorFormat::styleTable(m_table);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_form = new ContractForm(this);

    auto *add = new QPushButton(tr("&New"), this);
    add->setObjectName(QStringLiteral("newContract"));
    m_save = new QPushButton(tr("&Save contract"), this);
    m_save->setObjectName(QStringLiteral("saveContract"));
    m_save->setDefault(true);
    m_remove = new QPushButton(tr("&Remove\u2026"), this);
    m_remove->setObjectName(QStringLiteral("removeContract"));
    m_remove->setEnabled(false);
    auto *import = new QPushButton(tr("&Import JSON\u2026"), this);
    auto *exportButton = new QPushButton(tr("&Export JSON\u2026"), this);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {add, m_remove, import, exportButton})
        actions->addWidget(b);
    actions->addStretch(1);
    actions->addWidget(m_save);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_form, 1);
    rightLayout->addLayout(actions);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_status = new QLabel(tr("Negotiated prices win over discounts, and discounts over list prices (README \u2192 Contracts)."), this);
    m_status->setObjectName(QStringLiteral("contractStatus"));
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(statusRow);

    connect(add, &QPushButton::clicked, this, &ContractsDialog::newContract);
    connect(m_save, &QPushButton::clicked, this, [this] { saveForm(); });
    connect(m_remove, &QPushButton::clicked, this, &ContractsDialog::removeSelected);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import contracts"), QString(), tr("Contracts (*.json)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export contracts"), QStringLiteral("contracts.json"),
                                                          tr("Contracts (*.json)"));
        if (!path.isEmpty())
            exportFile(path);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        m_remove->setEnabled(!rows.isEmpty() && !m_writer.isBusy());
        if (!rows.isEmpty())
            m_form->setContract(m_contracts[static_cast<std::size_t>(rows.front().row())]);
    });
    reload();
}

ContractsDialog *ContractsDialog::openFrom(const QString &dbPath, QWidget *parent, std::function<void()> changed)
{
    auto *dialog = new ContractsDialog(dbPath, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Contracts re-price every estimate: the caller reloads the pages.
    connect(dialog, &ContractsDialog::contractsChanged, dialog, std::move(changed));
    dialog->open();
    return dialog;
}

void ContractsDialog::reload()
{
    struct Loaded {
        std::vector<Contracts::Contract> contracts;
        QString error;
    };
    m_loader.run(
        m_dbPath,
        [](Task::Context &context) {
            Loaded out;
            std::string error;
            if (!Contracts::loadContracts(context.db(), out.contracts, error))
                out.error = QString::fromStdString(error);
            return out;
        },
        [this](Task::Outcome<Loaded> &result) {
            const QString error = result.ok() ? result.value.error : result.error;
            if (!error.isEmpty())
                showError(tr("Cannot read the contracts: %1").arg(error));
            m_contracts = std::move(result.value.contracts);
            fillTable();
            Q_EMIT loaded();
        });
}

void ContractsDialog::fillTable()
{
    SimulatorFormat::resetTable(m_table, {tr("Name"), tr("Provider"), tr("Applies to"), tr("From"), tr("To"), tr("Terms")});
    m_table->setRowCount(static_cast<int>(m_contracts.size()));
    for (int row = 0; row < static_cast<int>(m_contracts.size()); ++row) {
        const Contracts::Contract &c = m_contracts[static_cast<std::size_t>(row)];
        m_table->setItem(row, 0, textItem(QString::fromStdString(c.name)));
        m_table->setItem(row, 1, textItem(QString::fromStdString(c.provider)));
        m_table->setItem(row, 2, textItem(scopeText(c)));
        m_table->setItem(row, 3, textItem(QString::fromStdString(Cost::formatDay(c.fromDay))));
        m_table->setItem(row, 4, textItem(c.toDay == Contracts::kOpenEnded ? tr("open-ended")
                                                                           : QString::fromStdString(Cost::formatDay(c.toDay))));
        m_table->setItem(row, 5, textItem(termsText(c)));
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_remove->setEnabled(false);
}

void ContractsDialog::showError(const QString &error)
{
    m_status->setText(QStringLiteral("<span style='color:%2'>%1</span>").arg(error.toHtmlEscaped(), Style::css(Palette::Role::Negative)));
}

void ContractsDialog::newContract()
{
    m_table->clearSelection();
    m_form->setContract({});
    m_form->nameEdit()->setFocus();
}

bool ContractsDialog::saveForm(QString *errorOut)
{
    Contracts::Contract contract;
    QString error;
    if (!m_form->readContract(contract, error)) {
        showError(error);
        if (errorOut)
            *errorOut = error;
        return false;
    }
    const QString name = QString::fromStdString(contract.name);
    runStore(tr("Saving %1\u2026").arg(name),
             [contract](Cost::SqliteDb &db, std::string &e) mutable { return Contracts::saveContract(db, contract, e); },
             [name] { return tr("Saved the contract %1; prices follow it.").arg(name); });
    return true;
}

void ContractsDialog::removeSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const Contracts::Contract contract = m_contracts[static_cast<std::size_t>(rows.front().row())];
    const QString name = QString::fromStdString(contract.name);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove contract"),
                                tr("Remove the contract %1? Its usage is priced at list prices again.").arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemoveContract"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, contract, name](QAbstractButton *button) {
        if (box->standardButton(button) != QMessageBox::Yes)
            return;
        runStore(tr("Removing %1\u2026").arg(name),
                 [id = contract.id](Cost::SqliteDb &db, std::string &e) {
                     if (Contracts::removeContract(db, id, e))
                         return true;
                     if (e.empty())
                         e = "the contract was no longer stored";
                     return false;
                 },
                 [name] { return tr("Removed the contract %1.").arg(name); });
    });
    box->open();
}

void ContractsDialog::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot read %1: %2").arg(path, file.errorString()));
        Q_EMIT finished(false);
        return;
    }
    std::vector<Contracts::Contract> contracts;
    std::string error;
    const QString name = QFileInfo(path).fileName();
    if (!Contracts::fromJson(file.readAll().toStdString(), contracts, error)) {
        showError(tr("%1: %2").arg(name, QString::fromStdString(error)));
        Q_EMIT finished(false);
        return;
    }
    auto result = std::make_shared<Contracts::ImportResult>();
    runStore(tr("Importing %1\u2026").arg(name),
             [contracts, result](Cost::SqliteDb &db, std::string &e) { return Contracts::importContracts(db, contracts, false, *result, e); },
             [result, name] {
                 return tr("Imported %1: %2 added, %3 updated.").arg(name).arg(result->added).arg(result->replaced);
             });
}

bool ContractsDialog::exportFile(const QString &path)
{
    const std::string json = Contracts::toJson(m_contracts);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(json.data(), static_cast<qint64>(json.size())) != static_cast<qint64>(json.size()) || !file.flush()) {
        showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_status->setText(tr("Exported %n contract(s) to %1.", nullptr, static_cast<int>(m_contracts.size())).arg(path));
    return true;
}

void ContractsDialog::runStore(const QString &busyText, std::function<bool(Cost::SqliteDb &db, std::string &error)> change,
                               std::function<QString()> success)
{
    m_save->setEnabled(false);
    m_remove->setEnabled(false);
    m_status->setText(busyText);
    m_writer.write(m_dbPath, std::move(change), [this, success](const QString &error) {
        m_save->setEnabled(true);
        if (error.isEmpty())
            m_status->setText(success());
        else
            showError(error);
        if (error.isEmpty()) {
            Q_EMIT contractsChanged();
            reload();
        }
        Q_EMIT finished(error.isEmpty());
    });
}
