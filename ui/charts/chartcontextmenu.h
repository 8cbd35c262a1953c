#pragma once

#include "charts/chartexporter.h"

#include <QObject>
#include <QPointer>

class QChartView;
class QMenu;
class QWidget;

/// Puts "Export chart as PDF / PNG / SVG / CSV" on the context menu of every chart view under a
/// widget, whatever the chart class. A view that shows its own menu gets the entries appended
/// to it (caught as the menu is polished, before it is sized); a view without one gets a menu
/// of just these entries. GUI thread.
class ChartContextMenu : public QObject {
    Q_OBJECT
public:
    /// Watches every QChartView under `root` (call refresh() after adding views).
    explicit ChartContextMenu(QWidget *root);

    /// Watches chart views created since the last call.
    void refresh();

    /// The one CSV entry of a chart's menu, "Export data as CSV…" (a chart's own menu uses the
    /// same words, and then the menu keeps only that one).
    static QString csvEntryText();

Q_SIGNALS:
    /// The user picked an export entry for `view`.
    void exportRequested(QChartView *view, ChartExporter::Format format);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addEntries(QMenu *menu, QChartView *view);

    QPointer<QWidget> m_root;
    QPointer<QChartView> m_dispatching; ///< the view whose own context-menu handler is running
    bool m_viewShowedMenu = false;
};
