#include "charts/topnbarchart.h"

#include "charts/chartstyle.h"
#include "format/format.h"
#include "shell/style.h"
#include "spend/spendformat.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QFontMetrics>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMaxNameWidth = 150;
constexpr int kMinNameWidth = 60;
// QtCharts gives vertical axes at most 40% of the chart's width; names are elided to fit it.
constexpr double kNameShare = 0.36;
constexpr int kLabelGap = 6;
constexpr int kMinSlots = 7;

} // namespace

TopNBarChart::TopNBarChart(QWidget *parent)
    : ChartBase(QStringLiteral("topNBarChart"), QMargins(0, 4, 4, 0), parent)
{
    m_chart->legend()->setVisible(false);

    m_names = new QCategoryAxis;
    m_money = new QCategoryAxis;
    ChartStyle::styleAxis(m_names, Palette::Role::ChartText);
    m_names->setGridLineVisible(false);
    m_names->setLineVisible(false);
    QFont nameFont = m_names->labelsFont();
    nameFont.setPointSizeF(Style::points(9));
    m_names->setLabelsFont(nameFont);
    // Each bar carries its value: a money scale would only repeat it. The hidden axis still
    // maps cost to x.
    m_money->setVisible(false);
    m_chart->addAxis(m_money, Qt::AlignBottom);
    m_chart->addAxis(m_names, Qt::AlignLeft);

    m_emptyLabel = addPlaceholder(tr("Nothing to rank"));
    enableCsvExport();
    connect(m_chart, &QChart::plotAreaChanged, this, &TopNBarChart::updateValueAxis);
}

void TopNBarChart::setItems(const std::vector<Item> &items, const QString &currency, const QString &dimensionTitle)
{
    m_items = items;
    m_currency = currency;
    m_dimensionTitle = dimensionTitle;
    scheduleRebuild();
}

QStringList TopNBarChart::nameLabels() const
{
    QStringList labels = m_names->categoriesLabels();
    std::reverse(labels.begin(), labels.end());
    return labels;
}

QStringList TopNBarChart::valueLabels() const
{
    QStringList labels;
    for (const QGraphicsSimpleTextItem *label : m_valueLabels)
        labels << label->text();
    return labels;
}

QList<QStringList> TopNBarChart::exportRows() const
{
    const QString currency = m_currency.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_currency);
    QList<QStringList> rows;
    rows << QStringList{m_dimensionTitle, tr("Cost%1").arg(currency), tr("Share (%)")};
    for (const Item &item : m_items)
        rows << QStringList{item.name, QString::fromStdString(Cost::formatMoney(item.cost)),
                            QString::number(item.share * 100.0, 'g', 12)};
    return rows;
}

double TopNBarChart::positionOf(int index) const
{
    return static_cast<double>(static_cast<int>(m_items.size()) - 1 - index);
}

void TopNBarChart::rebuild()
{
    m_chart->removeAllSeries();
    m_bars = nullptr;
    m_nameWidth = nameWidth();
    ChartStyle::clearCategories(m_names);
    for (QGraphicsSimpleTextItem *label : m_valueLabels)
        delete label;
    m_valueLabels.clear();
    const int count = static_cast<int>(m_items.size());
    m_max = 0;
    for (const Item &item : m_items)
        m_max = std::max(m_max, Cost::toDouble(item.cost));

    // One bar set per item, non-zero only at its own row, so each bar takes its series' colour
    // and the full row height.
    m_bars = new QHorizontalStackedBarSeries;
    m_bars->setBarWidth(0.62);
    std::vector<SeriesColours::Series> keys;
    for (const Item &item : m_items)
        keys.push_back({item.key, item.other});
    const std::vector<QColor> colours = ChartStyle::seriesColours(keys);
    for (int i = 0; i < count; ++i) {
        const Item &item = m_items[static_cast<std::size_t>(i)];
        auto *set = new QBarSet(item.name);
        QList<qreal> values(count, 0.0);
        values[static_cast<qsizetype>(positionOf(i))] = std::max(0.0, Cost::toDouble(item.cost));
        set->append(values);
        const QColor &colour = colours[static_cast<std::size_t>(i)];
        set->setColor(colour);
        set->setBorderColor(colour);
        m_bars->append(set);
    }
    m_chart->addSeries(m_bars);
    m_bars->attachAxis(m_money);
    m_bars->attachAxis(m_names);
    connect(m_bars, &QHorizontalStackedBarSeries::hovered, this, [this](bool status, int, QBarSet *set) {
        if (!status) {
            QToolTip::hideText();
            viewport()->unsetCursor();
            return;
        }
        showTip(static_cast<int>(m_bars->barSets().indexOf(set)));
    });
    connect(m_bars, &QHorizontalStackedBarSeries::clicked, this, [this](int, QBarSet *set) {
        const int index = static_cast<int>(m_bars->barSets().indexOf(set));
        if (index >= 0 && !m_items[static_cast<std::size_t>(index)].other)
            Q_EMIT itemActivated(m_items[static_cast<std::size_t>(index)].key);
    });

    // At least kMinSlots rows of height, so two or three bars stay bars, not blocks; they hang
    // from the top like a ranking.
    const double high = std::max(1, count) - 0.5;
    const double low = std::min(-0.5, count - kMinSlots - 0.5);
    m_names->setRange(low, high);
    m_names->setStartValue(low);
    QFontMetrics metrics(m_names->labelsFont());
    // Wide enough that names up to kMaxNameWidth show whole: a narrow window scrolls or wraps
    // the page rather than cutting a model's name in the middle.
    int widest = 0;
    for (const Item &item : m_items)
        widest = std::max(widest, metrics.horizontalAdvance(item.name) + kLabelGap);
    setMinimumWidth(static_cast<int>(std::ceil(std::clamp(widest, kMinNameWidth, kMaxNameWidth) / kNameShare)));
    QStringList takenNames;
    // QCategoryAxis wants increasing end values: bottom (smallest) row first.
    for (int i = count - 1; i >= 0; --i) {
        const Item &item = m_items[static_cast<std::size_t>(i)];
        const QString name = metrics.elidedText(item.name, Qt::ElideMiddle, m_nameWidth);
        m_names->append(ChartStyle::uniqueLabel(name, takenNames), positionOf(i));
    }
    QFont valueFont = m_names->labelsFont();
    valueFont.setPointSizeF(Style::points(8.5));
    for (const Item &item : m_items) {
        auto *label = new QGraphicsSimpleTextItem(
            tr("%1 \u00B7 %2").arg(Format::money(item.cost, m_currency, Format::Precision::WholeFromThousand), Format::share(item.share, QString())), m_chart);
        label->setFont(valueFont);
        label->setBrush(Style::colour(Palette::Role::MutedText));
        label->setZValue(10);
        m_valueLabels.push_back(label);
    }
    m_emptyLabel->setVisible(count == 0 || m_max <= 0);
    updateValueAxis();
    Q_EMIT rebuilt();
}

void TopNBarChart::updateValueAxis()
{
    QRectF plot = m_chart->plotArea();
    if (plot.width() < 50)
        plot = QRectF(0, 0, width() * 0.6, height());
    const double w = plot.width();
    // The range that leaves room right of every bar for its label.
    double range = std::max(m_max, 1e-9);
    for (std::size_t i = 0; i < m_items.size() && i < m_valueLabels.size(); ++i) {
        const double room = std::max(20.0, w - m_valueLabels[i]->boundingRect().width() - 2 * kLabelGap);
        range = std::max(range, std::max(0.0, Cost::toDouble(m_items[i].cost)) * w / room);
    }
    m_money->setRange(0, range);
    placeValueLabels();
}

void TopNBarChart::placeValueLabels()
{
    if (!m_bars)
        return;
    for (std::size_t i = 0; i < m_items.size() && i < m_valueLabels.size(); ++i) {
        const double cost = std::max(0.0, Cost::toDouble(m_items[i].cost));
        const QPointF end = m_chart->mapToPosition(QPointF(cost, positionOf(static_cast<int>(i))), m_bars);
        QGraphicsSimpleTextItem *label = m_valueLabels[i];
        const QRectF box = label->boundingRect();
        label->setPos(end.x() + kLabelGap, end.y() - box.height() / 2);
    }
}

void TopNBarChart::showTip(int index)
{
    if (index < 0 || index >= static_cast<int>(m_items.size())) {
        QToolTip::hideText();
        return;
    }
    const Item &item = m_items[static_cast<std::size_t>(index)];
    QString text = tr("<b>%1</b><br>%2 \u00B7 %3 of the total")
                       .arg(item.name.toHtmlEscaped(), Format::money(item.cost, m_currency, Format::Precision::AllDecimals).toHtmlEscaped(),
                            Format::share(item.share, QString()));
    if (!item.other)
        text += tr("<br><span style='color:%2'>Click to filter to %1</span>")
                    .arg(item.name.toHtmlEscaped(), Style::css(Palette::Role::MutedText));
    viewport()->setCursor(item.other ? Qt::ArrowCursor : Qt::PointingHandCursor);
    QToolTip::showText(QCursor::pos(), text, this);
}

void TopNBarChart::resizeEvent(QResizeEvent *event)
{
    ChartBase::resizeEvent(event);
    if (nameWidth() != m_nameWidth)
        scheduleRebuild(); // names are elided for the width
}

int TopNBarChart::nameWidth() const
{
    return std::clamp(static_cast<int>(width() * kNameShare), kMinNameWidth, kMaxNameWidth);
}
