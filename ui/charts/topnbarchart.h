#pragma once

#include "charts/chartbase.h"
#include "domain/money.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

class QCategoryAxis;
class QGraphicsSimpleTextItem;
class QHorizontalStackedBarSeries;
class QLabel;

/// The largest values of a spend page as horizontal bars, largest on top, the rest summed as
/// "Other" at the bottom, in the colours of the time chart. Names run down the left, cost and
/// share sit at the end of each bar; hover shows the exact money, a click asks to narrow the
/// filter.
/// Rebuilt from its snapshot on a short coalescing timer.
class TopNBarChart : public ChartBase {
    Q_OBJECT
public:
    struct Item {
        QString name;             ///< as shown
        QString key;              ///< dimension value to filter on
        bool other = false;       ///< the "Other" bucket
        Cost::BigMoney cost = 0;  ///< exact
        double share = 0;         ///< of the range total, 0..1
    };

    explicit TopNBarChart(QWidget *parent = nullptr);

    /// Replaces the bars (largest first, "Other" last); `dimensionTitle` heads the CSV column.
    void setItems(const std::vector<Item> &items, const QString &currency, const QString &dimensionTitle);
    const std::vector<Item> &items() const { return m_items; }

    /// Labels down the left (names) and at the bar ends (cost · share), top first.
    QStringList nameLabels() const;
    QStringList valueLabels() const;
    /// The bar series (one bar set per item), or nullptr before the first build.
    QHorizontalStackedBarSeries *barSeries() const { return m_bars; }

    /// What the picture shows as CSV rows: a header, then one row per bar.
    QList<QStringList> exportRows() const;

Q_SIGNALS:
    /// The user clicked a bar other than "Other".
    void itemActivated(const QString &key);

protected:
    void rebuild() override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Scales the value axis so the longest bar and its label fit the plot, then places labels.
    void updateValueAxis();
    void placeValueLabels();
    void showTip(int item);
    /// The width names are elided to for the current size.
    int nameWidth() const;
    /// Position of item `index` on the category axis (largest on top).
    double positionOf(int index) const;

    QCategoryAxis *m_names = nullptr;
    QCategoryAxis *m_money = nullptr;
    std::vector<QGraphicsSimpleTextItem *> m_valueLabels;
    QHorizontalStackedBarSeries *m_bars = nullptr;
    QLabel *m_emptyLabel = nullptr;
    std::vector<Item> m_items;
    QString m_currency;
    QString m_dimensionTitle;
    double m_max = 0;
    int m_nameWidth = 0;
};
