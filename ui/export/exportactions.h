#pragma once

#include "charts/chartexporter.h"

#include <QObject>
#include <QString>

#include <optional>

class FocusExportController;
class Page;
class QChartView;
class QWidget;
namespace Task {
class Runner;
}

/// The window's export commands: File → Export chart (the current page's chart, or one of
/// them), the charts' context-menu entries, File → Export report and File → Export FOCUS. Asks where to save and
/// reports failures; the work itself is ChartExporter's and ReportWriter's. GUI thread.
class ExportActions : public QObject {
    Q_OBJECT
public:
    ExportActions(const QString &dbPath, QWidget *window);

    /// Adds the export entries to the context menu of every chart of `page`.
    void watchPage(Page *page);
    /// Exports a chart of `page`: `view` (else the only one, else the user picks) in `format`
    /// (else chosen by the file name).
    void exportChart(Page *page, QChartView *view = nullptr, std::optional<ChartExporter::Format> format = std::nullopt);
    /// Opens the report dialog for the inclusive day range.
    void exportReport(qint64 fromDay, qint64 toDay, Page *current);
    /// File → Export FOCUS…: the charges of the inclusive day range (and the Spend page's filters).
    void exportFocus(qint64 fromDay, qint64 toDay, Page *current);
    FocusExportController *focusExport() const { return m_focus; }
    /// Writes `view` to `path` and confirms it on the window's status bar ("Chart saved to
    /// daily-cost.pdf"), or warns why not. True when written.
    bool writeChart(QChartView *view, const ChartExporter::Caption &caption, const QString &path,
                    ChartExporter::Format format, int dpi);

Q_SIGNALS:
    /// A chart was written to `path`; `message` is what the status bar shows.
    void chartSaved(const QString &path, const QString &message);

private:
    /// Asks where to save `view` with `caption`, then writes it.
    void saveChart(QChartView *view, const ChartExporter::Caption &caption, std::optional<ChartExporter::Format> format);

    QString m_dbPath;
    QWidget *m_window;
    Task::Runner *m_runner; ///< reads the caption's currency
    FocusExportController *m_focus;
};
