#pragma once

#include "export/focusexport.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

class QWidget;
namespace Task {
class Runner;
}

/// File → Export FOCUS…: asks where to save, then writes the charges of the range shown (with
/// the Spend page's filters) as FOCUS 1.2 CSV on a Task::Runner. A progress dialog's Cancel
/// stops the export at its next batch and leaves no file; the outcome goes to the status bar,
/// a failure (saying which file could not be written) to a message box. GUI thread.
class FocusExportController : public QObject {
    Q_OBJECT
public:
    FocusExportController(const QString &dbPath, QWidget *window);

    /// Asks for a file name, then exports the inclusive day range with `filters`.
    void chooseAndExport(qint64 fromDay, qint64 toDay, const std::vector<Analytics::Filter> &filters);
    /// Exports `request` to `path` (no questions asked).
    void exportTo(const QString &path, const Export::FocusExportRequest &request);
    /// Asks the running export to stop (as the dialog's Cancel does).
    void cancel();
    bool isBusy() const;
    /// The progress dialog of the running export, if any.
    QProgressDialog *progressDialog() const { return m_progress; }
    /// The text of the last outcome shown to the user.
    QString lastMessage() const { return m_lastMessage; }

Q_SIGNALS:
    /// The file is complete: `rows` CSV rows; `message` is what the status bar shows.
    void finished(const QString &path, qint64 rows, const QString &message);
    /// Cancel stopped the export; no file was written.
    void cancelled();
    /// The export failed; `message` says why (and which file).
    void failed(const QString &message);

private:
    void closeProgress();

    QString m_dbPath;
    QWidget *m_window;
    Task::Runner *m_runner;
    QPointer<QProgressDialog> m_progress;
    QString m_lastMessage;
};
