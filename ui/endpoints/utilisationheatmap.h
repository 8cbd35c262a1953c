#pragma once

#include "endpoints/endpointhours.h"

#include <QRectF>
#include <QWidget>

/// An endpoint's week as a heat map: 7 weekdays × 24 UTC hours, each cell the share of that
/// weekday-hour's paid hours that had at least one request (Endpoints::WeekHours), with a legend.
/// Colours come from the style table (Palette), read at paint time, so a theme change repaints it.
/// Hovering a cell shows its paid and busy hours and requests. GUI thread.
class UtilisationHeatMap : public QWidget {
    Q_OBJECT
public:
    explicit UtilisationHeatMap(QWidget *parent = nullptr);

    /// Shows `week`.
    void setWeek(const Endpoints::WeekHours &week);
    /// Shows nothing (no endpoint selected).
    void clear();
    const Endpoints::WeekHours &week() const { return m_week; }
    /// The legend line under the map (what a cell's colour means).
    static QString legendText();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Geometry {
        QRectF grid;     ///< the 7 × 24 cells
        double cellW = 0;
        double cellH = 0;
        QRectF legend;   ///< the legend row under the grid
    };
    Geometry geometry() const;
    /// The cell at `pos`, as weekday * 24 + hour; -1 outside the grid.
    int cellAt(const QPoint &pos) const;

    Endpoints::WeekHours m_week;
    bool m_empty = true;
};
