#include "shell/importcontroller.h"

#include "format/format.h"
#include "shell/daterangebar.h"
#include "task/task.h"

#include <QDate>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

#include <optional>

namespace {
constexpr int kDemoDays = 180;
const char kLastDirKey[] = "import/lastDirectory";
} // namespace

ImportController::ImportController(const QString &dbPath, QWidget *window)
    : QObject(window)
    , m_dbPath(dbPath)
    , m_window(window)
    , m_runner(new Task::Runner(this, Task::Runner::Policy::Every))
{
    connect(m_runner, &Task::Runner::progress, this, &ImportController::onProgress);
}

// Shutting down mid-run: the runner's destruction cancels the job, which rolls back its
// current file at the next batch on its own connection; nobody waits for it.
ImportController::~ImportController() = default;

void ImportController::chooseAndImport()
{
    if (isBusy())
        return;
    QSettings settings;
    const QString dir = settings.value(QLatin1String(kLastDirKey)).toString();
    const QStringList files = QFileDialog::getOpenFileNames(m_window, tr("Import FOCUS cost exports"), dir,
                                                            tr("FOCUS CSV files (*.csv);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(QLatin1String(kLastDirKey), QFileInfo(files.first()).absolutePath());
    importFiles(files);
}

void ImportController::importFiles(const QStringList &files)
{
    if (isBusy() || files.isEmpty())
        return;
    start(tr("Importing FOCUS data"), false, [files](Cost::ImportJob &job) { return job.importFiles(files); });
}

void ImportController::requestDemo(bool storeHasData)
{
    if (isBusy())
        return;
    const qint64 today = Format::dayOfDate(QDate::currentDate());
    if (!storeHasData) {
        loadDemo(today, kDemoDays);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Load demo workspace"),
                                tr("This store already holds cost data. The demo charges are added next to it "
                                   "(a previous demo is replaced). Continue?"),
                                QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, today](int result) {
        if (result == QMessageBox::Yes)
            loadDemo(today, kDemoDays);
    });
    box->open();
}

void ImportController::loadDemo(qint64 endDay, int days)
{
    if (isBusy())
        return;
    start(tr("Loading demo workspace"), true, [endDay, days](Cost::ImportJob &job) { return job.generateDemo(endDay, days); });
}

void ImportController::cancel()
{
    if (!m_running)
        return;
    m_cancelling = true;
    m_runner->cancel(); // QFuture::cancel; the job polls it between batches
    if (m_progress) {
        m_progress->setLabelText(tr("Cancelling\u2026"));
        if (auto *button = m_progress->findChild<QPushButton *>())
            button->setEnabled(false);
    }
}

void ImportController::start(const QString &title, bool demo, Action action)
{
    if (m_message)
        m_message->close();

    // Non-modal on purpose: a modal QProgressDialog runs a nested event loop inside setValue().
    // The window stays usable; the actions that write are disabled through busyChanged().
    auto *progress = new QProgressDialog(title, tr("Cancel"), 0, 100, m_window);
    progress->setObjectName(QStringLiteral("importProgress"));
    progress->setWindowTitle(title);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(300);
    progress->setMinimumWidth(420);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    // Cancel must not hide the dialog before the job has actually stopped.
    // (Qt connects it by name, so remove every connection from canceled() to the dialog itself.)
    disconnect(progress, &QProgressDialog::canceled, progress, nullptr);
    connect(progress, &QProgressDialog::canceled, this, &ImportController::cancel);
    progress->setValue(0);
    m_progress = progress;

    m_running = true;
    m_cancelling = false;
    m_runner->run(
        m_dbPath,
        [action = std::move(action), hook = m_batchHook](Task::Context &context) {
            Cost::ImportJob job(
                context.store(), [&context] { return context.isCanceled(); },
                [&context, &hook](int percent, const QString &text) {
                    context.setProgress(percent, text);
                    if (hook)
                        hook(percent);
                });
            return std::optional<Cost::ImportJob::Result>(action(job));
        },
        [this, demo](Task::Outcome<std::optional<Cost::ImportJob::Result>> &outcome) {
            stop();
            Cost::ImportJob::Summary none; // what a job that never ran did
            none.demo = demo;
            if (!outcome.ok()) {
                onFailed(tr("Cannot open the store %1: %2").arg(m_dbPath, outcome.error), none);
            } else if (!outcome.value) { // cancelled before it started: the store is unchanged
                none.cancelled = true;
                onFinished(none);
            } else if (!outcome.value->ok()) {
                onFailed(outcome.value->error, outcome.value->summary);
            } else {
                onFinished(outcome.value->summary);
            }
        });
    Q_EMIT busyChanged(true);
}

void ImportController::stop()
{
    m_running = false;
    m_cancelling = false;
    if (m_progress)
        m_progress->close();
    Q_EMIT busyChanged(false);
}

void ImportController::onProgress(int percent, const QString &text)
{
    if (!m_progress || m_cancelling)
        return;
    m_progress->setLabelText(text);
    m_progress->setValue(percent);
    Q_EMIT progress(percent);
}

void ImportController::onFinished(const Cost::ImportJob::Summary &summary)
{
    const QLocale locale = Format::locale();
    QString title, text;
    if (summary.cancelled) {
        title = summary.demo ? tr("Demo cancelled") : tr("Import cancelled");
        text = summary.files == 0 ? tr("Cancelled. The store is unchanged.")
                                  : tr("Cancelled. The %n file(s) imported before it are kept.", nullptr, summary.files);
    } else if (summary.demo) {
        title = tr("Demo workspace loaded");
        text = tr("%1 demo charges written (%2 replaced) in %3 s.")
                   .arg(locale.toString(qint64(summary.rows)), locale.toString(qint64(summary.replaced)),
                        locale.toString(summary.seconds, 'f', 1));
    } else {
        title = tr("Import finished");
        text = tr("%n file(s) imported: %1 rows imported, %2 skipped, %3 replaced.", nullptr, summary.files)
                   .arg(locale.toString(qint64(summary.rows)), locale.toString(qint64(summary.skipped)),
                        locale.toString(qint64(summary.replaced)));
        if (summary.skipped > 0)
            text += QLatin1Char('\n') + tr("Skipped rows are identical to an export already stored.");
        if (summary.rounded > 0)
            text += QLatin1Char('\n')
                + tr("%1 amounts had more than ten decimals and were rounded.").arg(locale.toString(qint64(summary.rounded)));
    }
    QString goText;
    const QString where = summary.demo || summary.cancelled ? QString() : whereItWent(summary, &goText);
    if (!where.isEmpty())
        text += QLatin1Char('\n') + where;
    if (summary.files > 0)
        Q_EMIT storeChanged();
    const qint64 first = summary.firstDay, last = summary.lastDay;
    showOutcome(true, title, text, where.isEmpty() ? QString() : goText, [this, first, last] {
        if (m_rangeBar)
            m_rangeBar->setCustomRange(first, last);
    });
    Q_EMIT finished(summary, text);
}

void ImportController::onFailed(const QString &message, const Cost::ImportJob::Summary &partial)
{
    QString text = message;
    if (partial.files > 0)
        text += QLatin1Char('\n') + tr("The %n file(s) before it were imported.", nullptr, partial.files);
    else
        text += QLatin1Char('\n') + tr("The store is unchanged.");
    if (partial.files > 0)
        Q_EMIT storeChanged();
    showOutcome(false, partial.demo ? tr("Demo workspace failed") : tr("Import failed"), text);
    Q_EMIT failed(message);
}

void ImportController::setRangeBar(DateRangeBar *bar)
{
    m_rangeBar = bar;
}

QString ImportController::whereItWent(const Cost::ImportJob::Summary &summary, QString *goText) const
{
    if (!m_rangeBar || summary.rows <= 0 || summary.lastDay < summary.firstDay)
        return {};
    // The range once the bar has taken in the new data (a preset follows it, a custom range stays).
    const auto [from, to] = m_rangeBar->rangeWithData(summary.firstDay, summary.lastDay);
    if (summary.firstDay >= from && summary.lastDay <= to)
        return {};
    const QDate a = Format::dateOfDay(summary.firstDay), b = Format::dateOfDay(summary.lastDay);
    const QString when = a.year() == b.year() && a.month() == b.month() ? Format::monthYear(summary.firstDay)
                                                                        : Format::dayRange(summary.firstDay, summary.lastDay);
    *goText = tr("Show %1").arg(when);
    const bool partly = summary.lastDay >= from && summary.firstDay <= to;
    return (partly ? tr("The rows are dated %1, partly outside the range shown (%2).")
                   : tr("The rows are dated %1 \u2014 outside the range shown (%2)."))
        .arg(when, Format::dayRange(from, to));
}

void ImportController::showOutcome(bool ok, const QString &title, const QString &text, const QString &goText,
                                   std::function<void()> go)
{
    m_lastMessage = text;
    // A success with nothing to decide is a status message; a failure, or data outside the range
    // shown (with its "Show …" button), is a box.
    auto *mainWindow = qobject_cast<QMainWindow *>(m_window);
    if (ok && (goText.isEmpty() || !go) && mainWindow) {
        mainWindow->statusBar()->showMessage(QString(text).replace(QLatin1Char('\n'), QStringLiteral(" \u00B7 ")), kStatusMessageMs);
        return;
    }
    auto *box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning, title, text, QMessageBox::Ok,
                                m_window);
    if (!goText.isEmpty() && go) {
        QPushButton *show = box->addButton(goText, QMessageBox::AcceptRole);
        show->setObjectName(QStringLiteral("showImported"));
        connect(show, &QPushButton::clicked, this, std::move(go));
        box->setDefaultButton(show);
    }
    box->setObjectName(QStringLiteral("importOutcome"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse); // so file:line can be copied
    m_message = box;
    box->open();
}
