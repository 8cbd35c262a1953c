#pragma once

#include "import/importjob.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>
#include <QStringList>

#include <functional>

class DateRangeBar;
class QWidget;
namespace Task {
class Context;
class Runner;
}

/// Runs store-writing actions (FOCUS import, demo workspace) on a Task::Runner with a
/// progress dialog whose Cancel (QFuture::cancel) stops the job at its next batch. The GUI
/// thread never waits for the job. One action at a time; outcomes are reported by signals, a
/// success in the window's status bar, a failure (or data outside the range shown, with a
/// button to show it) in a non-modal message box.
class ImportController : public QObject {
    Q_OBJECT
public:
    /// How long a success stays in the status bar.
    static constexpr int kStatusMessageMs = 15000;

    /// Dialogs are parented to `window`.
    ImportController(const QString &dbPath, QWidget *window);
    ~ImportController() override;

    bool isBusy() const { return m_running; }

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
    /// The range the window shows: an import dated outside it says where its data went and
    /// offers to show it there (the outcome's "Show …" button sets this bar's range).
    void setRangeBar(DateRangeBar *bar);

    /// Called on the job's pool thread after each progress report (the new percent), before
    /// the job polls for cancellation again; tests use it to hold the job mid-import.
    using BatchHook = std::function<void(int percent)>;
    void setBatchHook(BatchHook hook) { m_batchHook = std::move(hook); }

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

private:
    using Action = std::function<Cost::ImportJob::Result(Cost::ImportJob &)>;
    void start(const QString &title, bool demo, Action action);
    void stop();
    void onProgress(int percent, const QString &text);
    void onFinished(const Cost::ImportJob::Summary &summary);
    void onFailed(const QString &message, const Cost::ImportJob::Summary &partial);
    void showOutcome(bool ok, const QString &title, const QString &text, const QString &goText = {},
                     std::function<void()> go = {});
    /// "The rows are dated June 2025 — outside the range shown (…)." when the import's days are
    /// not all in the range shown, with the button text; empty when they are (or nothing was written).
    QString whereItWent(const Cost::ImportJob::Summary &summary, QString *goText) const;

    QString m_dbPath;
    QWidget *m_window = nullptr;
    Task::Runner *m_runner = nullptr;
    bool m_running = false;
    bool m_cancelling = false;
    BatchHook m_batchHook;
    QPointer<QProgressDialog> m_progress;
    QPointer<QMessageBox> m_message;
    QString m_lastMessage;
    QPointer<DateRangeBar> m_rangeBar;
};
