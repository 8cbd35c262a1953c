#pragma once

#include "contracts/contract.h"
#include "store/sqlitedb.h"
#include "task/task.h"

#include <QDialog>

#include <functional>
#include <string>
#include <vector>

class ContractForm;
class QLabel;
class QPushButton;
class QTableWidget;

/// Tools → Contracts…: the stored contracts, a form to add or edit one, removal after
/// confirmation, and JSON import / export. Store work runs on a worker with its own connection;
/// contractsChanged() tells the pages that price with contracts to re-price. GUI thread.
class ContractsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ContractsDialog(const QString &dbPath, QWidget *parent = nullptr);
    /// Opens the dialog (deleted on close) over `parent`; `changed` runs after every change.
    static ContractsDialog *openFrom(const QString &dbPath, QWidget *parent, std::function<void()> changed);

    /// Reloads the contracts from the store (loaded() when done).
    void reload();
    /// Validates the form and saves it (a new contract, or the one selected); false with the error shown.
    bool saveForm(QString *error = nullptr);
    /// Clears the form for a new contract.
    void newContract();
    /// Asks to remove the selected contract, then removes it.
    void removeSelected();
    /// Imports a contracts JSON file (adds or updates by name) on a worker.
    void importFile(const QString &path);
    /// Writes the stored contracts to `path`; false with the error shown.
    bool exportFile(const QString &path);

    const std::vector<Contracts::Contract> &contracts() const { return m_contracts; }
    ContractForm *form() const { return m_form; }
    QTableWidget *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void loaded();
    /// Contracts changed in the store.
    void contractsChanged();
    /// A store operation finished.
    void finished(bool ok);

private:
    void fillTable();
    void showError(const QString &error);
    void runStore(const QString &busyText, std::function<bool(Cost::SqliteDb &db, std::string &error)> change,
                  std::function<QString()> success);

    QString m_dbPath;
    std::vector<Contracts::Contract> m_contracts;
    Task::Runner m_loader{this, Task::Runner::Policy::Latest};
    Task::Runner m_writer{this, Task::Runner::Policy::Every};
    QTableWidget *m_table = nullptr;
    ContractForm *m_form = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_status = nullptr;
};
