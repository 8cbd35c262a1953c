#pragma once

#include "import/importjob.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>
#include <QStringList>

#include <functional>

class QThread;
class QWidget;

/// Runs store-writing actions (FOCUS import, demo workspace) on a worker thread with a
/// progress dialog whose Cancel stops the worker at its next batch. The GUI thread never
/// waits for the worker (except when the controller is destroyed mid-run). One action at a
/// time; outcomes are reported in a non-modal message box and by signals.
class ImportController : public QObject {
    Q_OBJECT
public:
    /// Dialogs are parented to `window`.
    ImportController(const QString &dbPath, QWidget *window);
    ~ImportController() override;

    bool isBusy() const { return m_job != nullptr; }

    /// Lets the user pick FOCUS CSV files, then imports them.
    void chooseAndImport();
    /// Imports `files` as one batch.
    void importFiles(const QStringList &files);
    /// Loads the demo workspace; asks first when the store already holds charges.
    void requestDemo(bool storeHasData);
    /// Generates the demo workspace of `days` days ending at day number `endDay`.
    void loadDemo(qint64 endDay, int days);
    /// Asks the running action to stop (as the dialog's Cancel does).
    void cancel();

    /// The progress dialog of the running action, if any.
    QProgressDialog *progressDialog() const { return m_progress; }
    /// The text of the last outcome shown to the user.
    QString lastMessage() const { return m_lastMessage; }

Q_SIGNALS:
    /// Something was written: pages should reload.
    void storeChanged();
    void busyChanged(bool busy);
    /// The running action's progress (0–100), as shown in the dialog.
    void progress(int percent);
    /// An action ended normally or by Cancel; `message` is what the user was shown.
    void finished(const Cost::ImportJob::Summary &summary, const QString &message);
    /// An action failed; `message` names file:line: column for parse errors.
    void failed(const QString &message);
    /// A worker job was created and is about to run on its thread. Emitted on the GUI thread
    /// before the job starts, so an observer can connect to the job's own signals in time.
    void jobStarted(Cost::ImportJob *job);

private:
    void start(const QString &title, const std::function<void(Cost::ImportJob *)> &run);
    void stopThread();
    void onProgress(int percent, const QString &text);
    void onFinished(const Cost::ImportJob::Summary &summary);
    void onFailed(const QString &message, const Cost::ImportJob::Summary &partial);
    void showOutcome(bool ok, const QString &title, const QString &text);

    QString m_dbPath;
    QWidget *m_window = nullptr;
    QThread *m_thread = nullptr;
    Cost::ImportJob *m_job = nullptr; ///< lives on m_thread; deleted when it finishes
    QPointer<QProgressDialog> m_progress;
    QPointer<QMessageBox> m_message;
    QString m_lastMessage;
};
