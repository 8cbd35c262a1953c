#pragma once

#include "connector.h"
#include "syncworker.h"

#include <QWizardPage>

class ConnectWizard;
class QLabel;
class QProgressBar;
class QPushButton;

/// Step 4: tests the connection asynchronously (one cheap request) and shows a plain message
/// for each kind of failure. Next ("Save and sync") is allowed only after a successful test; it
/// saves the account (a commit page: the wizard can't go back to an unsaved state). The save is
/// asynchronous: Next stays disabled with the busy bar showing until it ends, then the wizard
/// moves on by itself (or shows why it could not save).
class WizardTestPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardTestPage(ConnectWizard *wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    /// Starts (or restarts) the connection test.
    void runTest();
    bool isTesting() const { return m_testing; }
    /// True while "Save and sync" waits for the account to be written.
    bool isSaving() const { return m_saving; }
    /// The last result (kind None and ok false while testing or before a test).
    const Conn::TestResult &result() const { return m_result; }

Q_SIGNALS:
    void testDone(const Conn::TestResult &result);

private:
    void onFinished(quint64 generation, const Conn::TestResult &result);

    ConnectWizard *m_wizard;
    QLabel *m_target;
    QProgressBar *m_busy;
    QLabel *m_headline;
    QLabel *m_message;
    QLabel *m_requestNote; ///< what the initial sync costs where requests are billed (AWS)
    QPushButton *m_retry;
    bool m_testing = false;
    bool m_saving = false;
    bool m_saved = false; ///< the save finished: the next validatePage() lets the wizard move on
    quint64 m_generation = 0;
    Conn::TestResult m_result;
};

/// Step 5: the initial sync with a progress bar and Cancel. Closing the wizard also cancels;
/// windows committed so far stay in the store.
class WizardSyncPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardSyncPage(ConnectWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

    bool isSyncing() const { return m_syncing; }

Q_SIGNALS:
    void syncDone(bool ok);

private:
    void onProgress(qint64 accountId, int done, int total, const QString &text);
    void onFinished(const QList<Conn::SyncOutcome> &outcomes);

    ConnectWizard *m_wizard;
    QLabel *m_status;
    QProgressBar *m_progress;
    QLabel *m_detail;
    QPushButton *m_cancel;
    bool m_syncing = false;
};
