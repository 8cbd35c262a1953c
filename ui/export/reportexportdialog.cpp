#include "export/reportexportdialog.h"

#include "format/format.h"
#include "report/reportwriter.h"
#include "task/task.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <optional>

ReportExportDialog::ReportExportDialog(const QString &dbPath, qint64 fromDay, qint64 toDay,
                                       std::vector<Analytics::Filter> filters, QWidget *parent)
    : QDialog(parent)
    , m_dbPath(dbPath)
    , m_filters(std::move(filters))
    , m_runner(new Task::Runner(this))
{
    setWindowTitle(tr("Export report"));
    setMinimumWidth(480);

    m_from = new QDateEdit(Format::dateOfDay(fromDay));
    m_to = new QDateEdit(Format::dateOfDay(toDay));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(Format::dateEditFormat());
    }
    m_pageSize = new QComboBox;
    m_pageSize->addItem(tr("A4"), int(Report::PageSize::A4));
    m_pageSize->addItem(tr("US Letter"), int(Report::PageSize::Letter));
    if (Format::locale().measurementSystem() == QLocale::ImperialUSSystem)
        m_pageSize->setCurrentIndex(1);
    m_useFilter = new QCheckBox(tr("Only %1").arg(Report::filtersText(m_filters)));
    m_useFilter->setChecked(!m_filters.empty());
    m_useFilter->setVisible(!m_filters.empty());

    QSettings settings;
    const QString dir = settings.value(QStringLiteral("export/lastDir"), QDir::homePath()).toString();
    m_path = new QLineEdit(QDir(dir).filePath(QStringLiteral("burnrate-report-%1.pdf").arg(m_to->date().toString(Qt::ISODate))));
    auto *browse = new QToolButton;
    browse->setText(tr("Browse\u2026"));
    connect(browse, &QToolButton::clicked, this, &ReportExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    form->addRow(tr("Page size:"), m_pageSize);
    if (!m_filters.empty())
        form->addRow(tr("Filter:"), m_useFilter);
    form->addRow(tr("Save as:"), pathRow);

    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_export = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    connect(m_export, &QPushButton::clicked, this, &ReportExportDialog::start);
    m_openFile = m_buttons->addButton(tr("Open file"), QDialogButtonBox::ActionRole);
    m_openFile->setObjectName(QStringLiteral("openReport"));
    connect(m_openFile, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_saved)); });
    m_openFolder = m_buttons->addButton(tr("Open folder"), QDialogButtonBox::ActionRole);
    m_openFolder->setObjectName(QStringLiteral("openReportFolder"));
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_saved).absolutePath())); });
    m_close = m_buttons->addButton(QDialogButtonBox::Close);
    showSaved(false);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReportExportDialog::reject);
    connect(m_runner, &Task::Runner::progress, this, [this](int percent, const QString &stage) {
        m_progress->setValue(percent);
        if (!stage.isEmpty() && !m_cancelling)
            m_status->setText(stage);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
}

// The runner's destruction cancels a running report; the task holds only values and stops on
// its own at the next section, leaving no file.
ReportExportDialog::~ReportExportDialog() = default;

bool ReportExportDialog::isRunning() const
{
    return m_runner->isBusy();
}

void ReportExportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), m_path->text(), tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        m_path->setText(path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".pdf"));
}

void ReportExportDialog::start()
{
    if (isRunning())
        return;
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_status->setText(tr("Choose where to save the report."));
        return;
    }
    if (m_from->date() > m_to->date()) {
        m_status->setText(tr("The range ends before it starts."));
        return;
    }
    Report::ReportRequest request;
    request.fromDay = Format::dayOfDate(m_from->date());
    request.toDay = Format::dayOfDate(m_to->date());
    request.pageSize = static_cast<Report::PageSize>(m_pageSize->currentData().toInt());
    if (m_useFilter->isChecked())
        request.filters = m_filters;
    request.workspace = QFileInfo(m_dbPath).completeBaseName();
    request.generatedAt = QDateTime::currentDateTime();
    QSettings().setValue(QStringLiteral("export/lastDir"), QFileInfo(path).absolutePath());

    showSaved(false);
    setRunning(true);
    m_runner->run(
        m_dbPath,
        [request, path](Task::Context &context) {
            Report::ReportWriter writer(request);
            writer.setCancelCheck([&context] { return context.isCanceled(); });
            writer.setProgress([&context](int percent, const QString &stage) { context.setProgress(percent, stage); });
            return std::optional<QString>(writer.write(context.db(), path) ? QString() : writer.error());
        },
        [this, path](Task::Outcome<std::optional<QString>> &outcome) {
            // A task cancelled before it started returns nothing: it says so all the same.
            const QString error = !outcome.ok() ? outcome.error : outcome.value ? *outcome.value : tr("cancelled");
            setRunning(false);
            m_cancelling = false;
            if (error.isEmpty()) {
                m_progress->setValue(100);
                m_status->setText(tr("Saved <a href=\"%1\">%2</a>.")
                                      .arg(QUrl::fromLocalFile(path).toString(), QDir::toNativeSeparators(path).toHtmlEscaped()));
                m_status->setTextFormat(Qt::RichText);
                m_status->setOpenExternalLinks(true);
                m_saved = path;
                showSaved(true);
            } else {
                m_status->setTextFormat(Qt::PlainText);
                m_status->setText(tr("The report was not written: %1").arg(error));
            }
            Q_EMIT finished(path, error);
        });
}

void ReportExportDialog::cancel()
{
    m_cancelling = isRunning();
    m_runner->cancel(); // QFuture::cancel; the writer polls it between sections
}

void ReportExportDialog::reject()
{
    if (isRunning()) {
        cancel(); // the finished handler reports "cancelled" and re-enables the form
        m_status->setText(tr("Cancelling\u2026"));
        return;
    }
    QDialog::reject();
}

void ReportExportDialog::showSaved(bool saved)
{
    m_buttons->button(QDialogButtonBox::Cancel)->setVisible(!saved);
    m_export->setVisible(!saved);
    for (QPushButton *b : {m_close, m_openFile, m_openFolder})
        b->setVisible(saved);
    (saved ? m_close : m_export)->setDefault(true);
}

void ReportExportDialog::setRunning(bool running)
{
    m_progress->setVisible(running || m_progress->value() > 0);
    if (running)
        m_progress->setValue(0);
    m_export->setEnabled(!running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_from, m_to, m_pageSize, m_useFilter, m_path})
        w->setEnabled(!running);
}
