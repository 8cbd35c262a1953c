#pragma once

#include "accountstore.h"
#include "shell/page.h"
#include "syncworker.h"

#include <QList>
#include <QString>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class ReceiverPanel;
namespace Conn {
class AccountManager;
}
namespace Task {
class Runner;
}

/// The Accounts page: every connected account with its source, sync status (last success, last
/// error, rows) and paused flag; Connect (the wizard), Edit, Test, Sync now (progress and
/// cancel), Pause / Resume and Remove (asks whether to keep or delete the account's data).
/// The list is read on the thread pool; account changes go through one Conn::AccountManager.
class AccountsPage : public Page {
    Q_OBJECT
public:
    struct Row {
        Conn::AccountConfig account;
        Conn::SyncStatus status;
    };
    struct Snapshot {
        QString error;
        QList<Row> rows;
    };

    explicit AccountsPage(const QString &dbPath, QWidget *parent = nullptr);
    ~AccountsPage() override;

    QString title() const override;
    RangeUse rangeUse() const override { return RangeUse::None; }
    QString rangeNote() const override;

    /// Reads accounts and their sync state; runs on a worker thread.
    static Snapshot query(Cost::Store &store);

    Conn::AccountManager *manager() const { return m_manager; }
    const Snapshot &snapshot() const { return m_snapshot; }
    QTableWidget *table() const { return m_table; }
    QLabel *messageLabel() const { return m_message; }
    /// The "Receive OpenTelemetry" box.
    ReceiverPanel *receiverPanel() const { return m_receiver; }
    /// Id of the selected account, 0 when none.
    qint64 selectedId() const;
    void selectAccount(qint64 id);

    /// Opens the wizard for a new account / for the selected one.
    void connectAccount();
    void editSelected();
    /// Tests the selected account's stored credentials; the result shows under the list.
    void testSelected();
    /// Syncs the selected account, or all active ones (syncAll).
    void syncSelected();
    void syncAll();
    /// Pauses / resumes the selected account; the store step runs on the thread pool and
    /// pauseFinished() follows (the list reloads through the manager's accountsChanged()).
    void togglePausedSelected();
    /// Asks keep / delete data / cancel, then removes the selected account.
    void removeSelected();
    /// Removes without asking (the dialog's action; tests call it): the store step runs on the
    /// thread pool while the page's actions are disabled; removeFinished() follows. False when
    /// it could not start (another removal is running).
    bool removeAccount(qint64 id, bool deleteData);
    /// True while a removal runs.
    bool isRemoving() const { return m_removing; }

Q_SIGNALS:
    /// Charges were added or removed (a sync ran, an account's data was deleted).
    void storeChanged();
    /// A removal started by removeAccount() ended; `ok` false with the error shown.
    void removeFinished(bool ok);
    /// A pause / resume started by togglePausedSelected() ended; `ok` false with the error shown.
    void pauseFinished(bool ok);

protected:
    void startLoad() override;

private:
    void apply(const Snapshot &snapshot);
    void updateActions();
    void startSync(const QList<qint64> &ids);
    void onSyncFinished(const QList<Conn::SyncOutcome> &outcomes);
    void showMessage(const QString &text, bool error);
    /// Opens the connect wizard on `edit`, or for a new account (selected once saved).
    void openWizard(const std::optional<Conn::AccountConfig> &edit);
    /// The selected account as the manager's snapshot has it (no store access).
    std::optional<Conn::AccountConfig> selectedAccount() const;

    Conn::AccountManager *m_manager;
    Snapshot m_snapshot;
    QTableWidget *m_table;
    QLabel *m_empty;
    QLabel *m_message;
    QProgressBar *m_progress;
    QPushButton *m_connect;
    QPushButton *m_edit;
    QPushButton *m_test;
    QPushButton *m_sync;
    QPushButton *m_pause;
    QPushButton *m_remove;
    QPushButton *m_cancel;
    ReceiverPanel *m_receiver = nullptr;
    quint64 m_testGeneration = 0;
    Task::Runner *m_removal;
    bool m_removing = false;
    bool m_pausing = false;
};
