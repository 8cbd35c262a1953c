#include "export/focusexportcontroller.h"

#include "format/dates.h"
#include "task/task.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

namespace {

constexpr int kStatusMs = 8000;

// What the export body hands back to the GUI thread.
struct Outcome {
    bool ok = false;
    std::string error;
    Export::FocusExportResult result;
};

} // namespace

FocusExportController::FocusExportController(const QString &dbPath, QWidget *window)
    : QObject(window)
    , m_dbPath(dbPath)
    , m_window(window)
    , m_runner(new Task::Runner(this, Task::Runner::Policy::Every))
{
    connect(m_runner, &Task::Runner::progress, this, [this](int percent, const QString &text) {
        if (!m_progress)
            return;
        if (!text.isEmpty())
            m_progress->setLabelText(text);
        m_progress->setValue(percent);
    });
}

bool FocusExportController::isBusy() const { return m_runner->isBusy(); }

void FocusExportController::chooseAndExport(qint64 fromDay, qint64 toDay, const std::vector<Analytics::Filter> &filters)
{
    if (isBusy())
        return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("export/lastDir"), QDir::homePath()).toString();
    const QString name = QStringLiteral("focus-%1-%2.csv")
                             .arg(Format::dateOfDay(fromDay).toString(Qt::ISODate), Format::dateOfDay(toDay).toString(Qt::ISODate));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export FOCUS"), QDir(dir).filePath(name),
                                                tr("FOCUS CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    settings.setValue(QStringLiteral("export/lastDir"), QFileInfo(path).absolutePath());
    Export::FocusExportRequest request;
    request.fromDay = fromDay;
    request.toDay = toDay;
    request.filters = filters;
    exportTo(path, request);
}

void FocusExportController::exportTo(const QString &path, const Export::FocusExportRequest &request)
{
    if (isBusy())
        return;
    const QString range = request.fromDay && request.toDay ? Format::briefRange(*request.fromDay, *request.toDay) : QString();
    auto *progress = new QProgressDialog(range.isEmpty() ? tr("Exporting FOCUS\u2026") : tr("Exporting FOCUS (%1)\u2026").arg(range),
                                         tr("Cancel"), 0, 100, m_window);
    progress->setObjectName(QStringLiteral("focusExportProgress"));
    progress->setWindowTitle(tr("Export FOCUS"));
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    // Cancel asks the job to stop; the dialog stays until the job has (it then deletes no file).
    disconnect(progress, &QProgressDialog::canceled, progress, nullptr);
    connect(progress, &QProgressDialog::canceled, this, &FocusExportController::cancel);
    progress->setValue(0);
    m_progress = progress;

    const std::string file = path.toStdString();
    m_runner->run(
        m_dbPath,
        [file, request](Task::Context &ctx) {
            Outcome out;
            const auto report = [&ctx](int percent) { ctx.setProgress(percent); };
            out.ok = Export::exportFocus(ctx.db(), file, request, report, ctx.cancelFlag(), out.result, out.error);
            return out;
        },
        [this, path](Task::Outcome<Outcome> &outcome) {
            closeProgress();
            const QString where = QDir::toNativeSeparators(path);
            if (outcome.ok() && outcome.value.ok && outcome.value.result.cancelled) {
                m_lastMessage = tr("FOCUS export cancelled; %1 was not written.").arg(where);
                if (auto *window = qobject_cast<QMainWindow *>(m_window))
                    window->statusBar()->showMessage(m_lastMessage, kStatusMs);
                Q_EMIT cancelled();
                return;
            }
            if (!outcome.ok() || !outcome.value.ok) {
                m_lastMessage = outcome.ok() ? QString::fromStdString(outcome.value.error) : outcome.error;
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Export FOCUS"),
                                            tr("The FOCUS export failed: %1").arg(m_lastMessage), QMessageBox::Ok, m_window);
                box->setObjectName(QStringLiteral("focusExportFailed"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
                Q_EMIT failed(m_lastMessage);
                return;
            }
            const qint64 rows = outcome.value.result.rows;
            m_lastMessage = tr("FOCUS export: %1 rows saved to %2").arg(QLocale().toString(rows), where);
            if (auto *window = qobject_cast<QMainWindow *>(m_window))
                window->statusBar()->showMessage(m_lastMessage, kStatusMs);
            Q_EMIT finished(path, rows, m_lastMessage);
        });
}

void FocusExportController::cancel()
{
    m_runner->cancel();
    if (m_progress) {
        m_progress->setLabelText(tr("Cancelling\u2026"));
        if (auto *button = m_progress->findChild<QPushButton *>())
            button->setEnabled(false);
    }
}

void FocusExportController::closeProgress()
{
    if (m_progress)
        m_progress->close();
}
