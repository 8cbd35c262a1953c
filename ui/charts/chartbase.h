#pragma once

#include "format/palette.h"

#include <QChartView>
#include <QMargins>
#include <QString>
#include <QTimer>

class QAbstractSeries;
class QAreaSeries;
class QCategoryAxis;
class QChart;
class QLabel;
class QLegendMarker;
class QLineSeries;
class QMenu;

/// What every Burnrate chart shares: the QChart inside its view (no frame, no background of its
/// own, no animation, no margins beyond `margins`), the legend's look, colours from the palette
/// (re-applied when the application palette changes), the calendar/money axes of the time
/// charts, a centred placeholder label, the ~40 ms coalescing rebuild timer and the "Export
/// CSV…" context menu. Subclasses keep only their series and axis logic: they implement
/// rebuild() and call scheduleRebuild() when their snapshot changes. GUI thread.
class ChartBase : public QChartView {
    Q_OBJECT
public:
    /// How dense a time chart's ticks may be: one x tick per `pxPerX` and one y tick per `pxPerY`
    /// pixels, at most `maxX` / `maxY`; before the first layout the plot is estimated as
    /// `fallback` (a fraction of the view).
    struct TickDensity {
        int pxPerX;
        int pxPerY;
        int maxX;
        int maxY;
        QSizeF fallback;
    };
    /// True while a rebuild is scheduled.
    bool isRebuildPending() const { return m_rebuild.isActive(); }

    /// True when the chart left this legend marker out on purpose (hideLegendEntry), not for lack of room.
    static bool isHiddenOnPurpose(const QLegendMarker *marker);

Q_SIGNALS:
    /// The chart was rebuilt from the current snapshot.
    void rebuilt();
    /// The user asked for the chart's data as CSV (only charts that enable it).
    void exportRequested();

protected:
    /// A chart view called `objectName` with an empty chart whose plot leaves `margins`.
    ChartBase(const QString &objectName, const QMargins &margins, QWidget *parent);

    /// The chart (owned by the view).
    QChart *m_chart = nullptr;
    /// The time charts' axes: calendar ticks along x (no grid), money up y (no axis line).
    QCategoryAxis *m_xAxis = nullptr;
    QCategoryAxis *m_yAxis = nullptr;

    /// Legend at `alignment` with labels at `points`; rectangle markers unless `plainMarkers`.
    void styleLegend(Qt::Alignment alignment, double points, bool plainMarkers = false);
    /// Creates m_xAxis and m_yAxis with ticks at `density`; a plot-area change refits them.
    void addTimeAxes(const TickDensity &density);
    /// A centred placeholder over the chart ("no data", "select an anomaly"), hidden at first.
    QLabel *addPlaceholder(const QString &text);
    /// Shows "Export CSV…" (emits exportRequested()) on the view's context menu.
    void enableCsvExport() { m_csvExport = true; }

    /// Rebuilds on the coalescing timer: a burst of changes draws once.
    void scheduleRebuild() { m_rebuild.start(); }
    /// Draws the current snapshot, then calls finishRebuild() (or emits rebuilt() itself when it
    /// has no time axes).
    virtual void rebuild() = 0;
    /// The end of a time chart's rebuild: axes fitted to the new data, rebuilt() emitted.
    void finishRebuild();
    /// Makes the view at least as tall as the chart's own minimum (axes and every legend entry).
    void keepChartWhole();
    /// Leaves `series` out of the legend on purpose (a chart's own choice, not lack of room).
    void hideLegendEntry(QAbstractSeries *series);
    /// Lays out the time axes for budgets of `xTicks` × `yTicks` ticks (time charts); called
    /// when the data or the budgets change.
    virtual void layoutAxes(int /*xTicks*/, int /*yTicks*/) {}
    /// A filled band between `upper` and `lower` (the area owns its two boundary lines).
    static QAreaSeries *areaBetween(const QList<QPointF> &upper, const QList<QPointF> &lower);
    /// The same from boundary lines already built; the area takes ownership of them.
    static QAreaSeries *areaBetween(QLineSeries *upper, QLineSeries *lower);
    /// Adds one layer of a stacked cost chart: named `name`, in series colour `index` (the
    /// "Other" colour when `other`), outlined in its own colour, on the time axes.
    void addStackedLayer(QAreaSeries *area, const QString &name, const QColor &colour);
    /// Entries a chart adds to its context menu after "Export CSV…".
    virtual void addMenuEntries(QMenu * /*menu*/) {}

    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// Background, legend and axis colours from Palette::current().
    void applyColours();
    /// Refits the time axes to the plot; `force` lays them out even if the budgets hold.
    void updateAxes(bool force);

    Palette::Variant m_variant = Palette::Variant::Light; ///< the colours applied
    QLabel *m_placeholder = nullptr;
    QTimer m_rebuild;
    bool m_csvExport = false;
    TickDensity m_ticks{90, 44, 12, 10, QSizeF(0.8, 0.8)};
    int m_minimumFloor = -1; ///< the minimum height the page asked for (keepChartWhole)
    int m_builtXTicks = -1; ///< tick budgets the axes were built for
    int m_builtYTicks = -1;
};
