#pragma once

#include "analytics/analytics.h"

#include <QDialog>
#include <QString>

#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
namespace Task {
class Runner;
}

/// File → Export report: range, page size, the spend filter and where to save; then the report
/// renders on a Task::Runner (ReportWriter) while a progress bar moves and Cancel stops it at
/// the next section, leaving no file. The window stays responsive throughout. Once saved, the
/// buttons become Close, Open file and Open folder.
///
/// Threading contract: the task gets only values (request, paths), so closing the dialog while
/// it runs is safe: the task is cancelled and its result dropped.
class ReportExportDialog : public QDialog {
    Q_OBJECT
public:
    ReportExportDialog(const QString &dbPath, qint64 fromDay, qint64 toDay, std::vector<Analytics::Filter> filters,
                       QWidget *parent = nullptr);
    ~ReportExportDialog() override;

    /// True while a report is being written.
    bool isRunning() const;
    QLineEdit *pathEdit() const { return m_path; }
    QProgressBar *progressBar() const { return m_progress; }
    /// The line under the form: the stage, then where the report was saved or why not.
    QLabel *statusLabel() const { return m_status; }
    /// Starts writing (as the Export button does).
    void start();
    /// Stops the running report.
    void cancel();

Q_SIGNALS:
    /// The report was written (empty `error`) or failed/cancelled.
    void finished(const QString &path, const QString &error);

protected:
    void reject() override;

private:
    void browse();
    void setRunning(bool running);
    /// After a report was saved: Close, Open file and Open folder instead of Cancel and Export.
    void showSaved(bool saved);

    QString m_dbPath;
    std::vector<Analytics::Filter> m_filters;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_pageSize = nullptr;
    QCheckBox *m_useFilter = nullptr;
    QLineEdit *m_path = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_openFile = nullptr;
    QPushButton *m_openFolder = nullptr;
    QString m_saved; ///< the report just written (what Open file / Open folder open)
    Task::Runner *m_runner = nullptr;
    bool m_cancelling = false; ///< Cancel pressed: later progress lines do not hide "Cancelling…"
};
