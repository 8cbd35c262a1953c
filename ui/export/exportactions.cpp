#include "export/exportactions.h"

#include "charts/chartcontextmenu.h"
#include "export/focusexportcontroller.h"
#include "export/reportexportdialog.h"
#include "shell/page.h"
#include "spend/spendfilter.h"
#include "spend/spendpage.h"
#include "task/task.h"

#include <QChartView>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>

namespace {

constexpr int kDefaultDpi = 144;
constexpr int kStatusMs = 10000; // long enough to read a path

QString filterFor(ChartExporter::Format format)
{
    switch (format) {
    case ChartExporter::Format::Pdf: return QObject::tr("PDF (*.pdf)");
    case ChartExporter::Format::Png: return QObject::tr("PNG image (*.png)");
    case ChartExporter::Format::Svg: return QObject::tr("SVG drawing (*.svg)");
    case ChartExporter::Format::Csv: return QObject::tr("CSV data (*.csv)");
    }
    return {};
}

QString suffixFor(ChartExporter::Format format)
{
    switch (format) {
    case ChartExporter::Format::Pdf: return QStringLiteral("pdf");
    case ChartExporter::Format::Png: return QStringLiteral("png");
    case ChartExporter::Format::Svg: return QStringLiteral("svg");
    case ChartExporter::Format::Csv: return QStringLiteral("csv");
    }
    return {};
}

} // namespace

ExportActions::ExportActions(const QString &dbPath, QWidget *window)
    : QObject(window)
    , m_dbPath(dbPath)
    , m_window(window)
    , m_runner(new Task::Runner(this))
    , m_focus(new FocusExportController(dbPath, window))
{
}

void ExportActions::watchPage(Page *page)
{
    auto *menu = new ChartContextMenu(page);
    connect(menu, &ChartContextMenu::exportRequested, this,
            [this, page](QChartView *view, ChartExporter::Format format) { exportChart(page, view, format); });
}

void ExportActions::exportChart(Page *page, QChartView *view, std::optional<ChartExporter::Format> format)
{
    if (!page)
        return;
    if (!view) {
        const QList<QChartView *> views = ChartExporter::chartViews(page);
        if (views.isEmpty()) {
            QMessageBox::information(m_window, tr("Export chart"), tr("%1 has no chart to export.").arg(page->title()));
            return;
        }
        view = views.front();
        if (views.size() > 1) {
            QStringList names;
            for (QChartView *v : views)
                names << ChartExporter::captionFor(page, v).title;
            bool ok = false;
            const QString picked = QInputDialog::getItem(m_window, tr("Export chart"), tr("Chart:"), names, 0, false, &ok);
            if (!ok)
                return;
            view = views[std::max<qsizetype>(0, names.indexOf(picked))];
        }
    }
    // The caption may need the store (the currency of a page that does not keep it): read it
    // on the runner, then ask where to save. A newer request supersedes this one.
    ChartExporter::captionFor(page, view, *m_runner,
                              [this, page = QPointer<Page>(page), view = QPointer<QChartView>(view),
                               format](const ChartExporter::Caption &caption) {
                                  if (page && view)
                                      saveChart(view, caption, format);
                              });
}

void ExportActions::saveChart(QChartView *view, const ChartExporter::Caption &caption,
                              std::optional<ChartExporter::Format> format)
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("export/lastDir"), QDir::homePath()).toString();
    QString base = caption.title;
    base.replace(QRegularExpression(QStringLiteral("[^\\w\\-]+")), QStringLiteral("-"));
    const ChartExporter::Format preferred = format.value_or(ChartExporter::Format::Pdf);
    QStringList filters;
    for (auto f : {ChartExporter::Format::Pdf, ChartExporter::Format::Png, ChartExporter::Format::Svg, ChartExporter::Format::Csv})
        filters << filterFor(f);
    QString selected = filterFor(preferred);
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export chart"),
                                                QDir(dir).filePath(base.toLower() + QLatin1Char('.') + suffixFor(preferred)),
                                                filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    std::optional<ChartExporter::Format> chosen = ChartExporter::formatForPath(path);
    if (!chosen) {
        for (auto f : {ChartExporter::Format::Pdf, ChartExporter::Format::Png, ChartExporter::Format::Svg, ChartExporter::Format::Csv}) {
            if (filterFor(f) == selected)
                chosen = f;
        }
        path += QLatin1Char('.') + suffixFor(chosen.value_or(preferred));
        chosen = chosen.value_or(preferred);
    }
    settings.setValue(QStringLiteral("export/lastDir"), QFileInfo(path).absolutePath());
    int dpi = kDefaultDpi;
    if (*chosen == ChartExporter::Format::Png) {
        bool ok = false;
        dpi = QInputDialog::getInt(m_window, tr("Export chart"), tr("Resolution (dots per inch):"),
                                   settings.value(QStringLiteral("export/dpi"), kDefaultDpi).toInt(), 36, 1200, 12, &ok);
        if (!ok)
            return;
        settings.setValue(QStringLiteral("export/dpi"), dpi);
    }
    writeChart(view, caption, path, *chosen, dpi);
}

bool ExportActions::writeChart(QChartView *view, const ChartExporter::Caption &caption, const QString &path,
                               ChartExporter::Format format, int dpi)
{
    QString error;
    if (!ChartExporter::exportChart(view, caption, path, format, dpi, &error)) {
        QMessageBox::warning(m_window, tr("Export chart"), tr("The chart could not be exported: %1").arg(error));
        return false;
    }
    const QString message = format == ChartExporter::Format::Csv
        ? tr("Chart data saved to %1").arg(QDir::toNativeSeparators(path))
        : tr("Chart saved to %1").arg(QDir::toNativeSeparators(path));
    if (auto *window = qobject_cast<QMainWindow *>(m_window))
        window->statusBar()->showMessage(message, kStatusMs);
    Q_EMIT chartSaved(path, message);
    return true;
}

namespace {
// The filters a page shows (the Spend pages'), which exports of it follow.
std::vector<Analytics::Filter> pageFilters(Page *page)
{
    if (auto *spend = qobject_cast<SpendPage *>(page))
        return spend->filter()->filters();
    return {};
}
} // namespace

void ExportActions::exportFocus(qint64 fromDay, qint64 toDay, Page *current)
{
    m_focus->chooseAndExport(fromDay, toDay, pageFilters(current));
}

void ExportActions::exportReport(qint64 fromDay, qint64 toDay, Page *current)
{
    const std::vector<Analytics::Filter> filters = pageFilters(current);
    auto *dialog = new ReportExportDialog(m_dbPath, fromDay, toDay, filters, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
