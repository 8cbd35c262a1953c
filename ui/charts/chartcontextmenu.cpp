#include "charts/chartcontextmenu.h"

#include <QAction>
#include <QChartView>
#include <QChildEvent>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QMenu>

#include <algorithm>

ChartContextMenu::ChartContextMenu(QWidget *root)
    : QObject(root)
    , m_root(root)
{
    refresh();
}

void ChartContextMenu::refresh()
{
    if (!m_root)
        return;
    for (QChartView *view : ChartExporter::chartViews(m_root)) {
        if (!view->property("burnrateExportMenu").toBool()) {
            view->setProperty("burnrateExportMenu", true);
            // Mouse context-menu events reach the viewport; the view's own menu is its child.
            view->installEventFilter(this);
            view->viewport()->installEventFilter(this);
        }
    }
}

QString ChartContextMenu::csvEntryText()
{
    return tr("Export data as CSV\u2026");
}

void ChartContextMenu::addEntries(QMenu *menu, QChartView *view)
{
    if (!menu->isEmpty())
        menu->addSeparator();
    QPointer<QChartView> target(view);
    const QString csv = csvEntryText();
    // A view whose own menu exports its data (the page's rows, richer than the series) keeps
    // that one entry: the menu never offers two CSV exports.
    const QList<QAction *> own = menu->actions();
    const bool ownCsv = std::any_of(own.begin(), own.end(), [&](const QAction *a) { return a->text() == csv; });
    const std::pair<QString, ChartExporter::Format> entries[] = {
        {tr("Export chart as PDF\u2026"), ChartExporter::Format::Pdf},
        {tr("Export chart as PNG\u2026"), ChartExporter::Format::Png},
        {tr("Export chart as SVG\u2026"), ChartExporter::Format::Svg},
        {csv, ChartExporter::Format::Csv},
    };
    for (const auto &[text, format] : entries) {
        if (format == ChartExporter::Format::Csv && ownCsv)
            continue;
        menu->addAction(text, this, [this, target, format = format] {
            if (target)
                Q_EMIT exportRequested(target, format);
        });
    }
}

bool ChartContextMenu::eventFilter(QObject *watched, QEvent *event)
{
    auto *view = qobject_cast<QChartView *>(watched);
    const bool isViewport = !view && watched->parent() && qobject_cast<QChartView *>(watched->parent())
        && static_cast<QChartView *>(watched->parent())->viewport() == watched;
    if (isViewport)
        view = static_cast<QChartView *>(watched->parent());
    if (!view)
        return false;
    if (m_dispatching == view) {
        // The view's own handler is running: a widget child created now is its menu.
        if (event->type() == QEvent::ChildAdded && static_cast<QChildEvent *>(event)->child()->isWidgetType())
            m_viewShowedMenu = true;
        if (event->type() == QEvent::ChildPolished) {
            if (auto *menu = qobject_cast<QMenu *>(static_cast<QChildEvent *>(event)->child());
                menu && !menu->property("burnrateExportEntries").toBool()) {
                menu->setProperty("burnrateExportEntries", true);
                addEntries(menu, view);
            }
        }
        return false;
    }
    if (event->type() != QEvent::ContextMenu)
        return false;
    auto *contextEvent = static_cast<QContextMenuEvent *>(event);
    // Let the view handle the event first (re-sent while we watch for its menu).
    m_dispatching = view;
    m_viewShowedMenu = false;
    QContextMenuEvent copy(contextEvent->reason(), contextEvent->pos(), contextEvent->globalPos(), contextEvent->modifiers());
    QCoreApplication::sendEvent(watched, &copy);
    m_dispatching = nullptr;
    if (!m_viewShowedMenu && view) {
        QMenu menu(view);
        menu.setProperty("burnrateExportEntries", true);
        addEntries(&menu, view);
        menu.exec(contextEvent->globalPos());
    }
    return true;
}
