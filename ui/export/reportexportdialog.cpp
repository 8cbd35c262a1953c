#include "export/reportexportdialog.h"

#include "report/reportwriter.h"
#include "shell/uiformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

ReportExportDialog::ReportExportDialog(const QString &dbPath, qint64 fromDay, qint64 toDay,
                                       std::vector<Analytics::Filter> filters, QWidget *parent)
    : QDialog(parent)
    , m_dbPath(dbPath)
    , m_filters(std::move(filters))
{
    setWindowTitle(tr("Export report"));
    setMinimumWidth(480);

    m_from = new QDateEdit(UiFormat::dateOfDay(fromDay));
    m_to = new QDateEdit(UiFormat::dateOfDay(toDay));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_pageSize = new QComboBox;
    m_pageSize->addItem(tr("A4"), int(Report::PageSize::A4));
    m_pageSize->addItem(tr("US Letter"), int(Report::PageSize::Letter));
    if (UiFormat::locale().measurementSystem() == QLocale::ImperialUSSystem)
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
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReportExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
}

ReportExportDialog::~ReportExportDialog()
{
    cancel(); // the worker holds only values and the shared flag; it stops on its own
}

bool ReportExportDialog::isRunning() const
{
    return m_watcher && m_watcher->isRunning();
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
    request.fromDay = UiFormat::dayOfDate(m_from->date());
    request.toDay = UiFormat::dayOfDate(m_to->date());
    request.pageSize = static_cast<Report::PageSize>(m_pageSize->currentData().toInt());
    if (m_useFilter->isChecked())
        request.filters = m_filters;
    request.workspace = QFileInfo(m_dbPath).completeBaseName();
    request.generatedAt = QDateTime::currentDateTime();
    QSettings().setValue(QStringLiteral("export/lastDir"), QFileInfo(path).absolutePath());

    m_cancel = std::make_shared<std::atomic_bool>(false);
    delete m_watcher;
    m_watcher = new QFutureWatcher<QString>(this);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(m_watcher, &QFutureWatcherBase::progressTextChanged, m_status, &QLabel::setText);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, path] {
        const QString error = m_watcher->future().resultCount() > 0 ? m_watcher->result() : tr("cancelled");
        setRunning(false);
        if (error.isEmpty()) {
            m_status->setText(tr("Saved <a href=\"%1\">%2</a>.")
                                  .arg(QUrl::fromLocalFile(path).toString(), QDir::toNativeSeparators(path).toHtmlEscaped()));
            m_status->setTextFormat(Qt::RichText);
            m_status->setOpenExternalLinks(true);
        } else {
            m_status->setTextFormat(Qt::PlainText);
            m_status->setText(tr("The report was not written: %1").arg(error));
        }
        Q_EMIT finished(path, error);
    });
    setRunning(true);
    m_watcher->setFuture(QtConcurrent::run([dbPath = m_dbPath, request, path, cancel = m_cancel](QPromise<QString> &promise) {
        promise.setProgressRange(0, 100);
        Report::ReportWriter writer(request);
        writer.setCancelFlag(cancel.get());
        writer.setProgress([&promise](int percent, const QString &stage) { promise.setProgressValueAndText(percent, stage); });
        promise.addResult(writer.write(dbPath, path) ? QString() : writer.error());
    }));
}

void ReportExportDialog::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
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

void ReportExportDialog::setRunning(bool running)
{
    m_progress->setVisible(running || m_progress->value() > 0);
    if (running)
        m_progress->setValue(0);
    m_export->setEnabled(!running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_from, m_to, m_pageSize, m_useFilter, m_path})
        w->setEnabled(!running);
}
