#include "simulator/simulatorformat.h"

#include "format/format.h"
#include "shell/style.h"

#include <QHeaderView>
#include <QTableWidget>

#include <cmath>

namespace SimulatorFormat {

namespace {

// Sorts by a number kept in UserRole rather than by the formatted text.
class NumberItem : public QTableWidgetItem {
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

} // namespace

QTableWidgetItem *textItem(const QString &text, const QString &tip)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (!tip.isEmpty())
        item->setToolTip(tip);
    return item;
}

QTableWidgetItem *moneyItem(Cost::BigMoney value, const QString &currency)
{
    auto *item = new NumberItem(Format::money(value, currency, Format::Precision::WholeFromThousand));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setData(Qt::UserRole, Cost::toDouble(value));
    item->setToolTip(QString::fromStdString(Cost::formatMoney(value, 4)) + QLatin1Char(' ') + currency);
    return item;
}

QTableWidgetItem *dayItem(std::int64_t day)
{
    auto *item = new NumberItem(Format::shortDate(day, true));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setData(Qt::UserRole, static_cast<double>(day));
    return item;
}

QTableWidgetItem *percentItem(double percent)
{
    auto *item = new NumberItem(Format::percent(percent));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setData(Qt::UserRole, std::isfinite(percent) ? percent : 0.0);
    return item;
}

void resetTable(QTableWidget *table, const QStringList &headers)
{
    table->setSortingEnabled(false);
    table->clearContents();
    table->setRowCount(0);
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
}

void styleTable(QTableWidget *table)
{
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(24);
    table->horizontalHeader()->setHighlightSections(false);
    Style::apply(table, Style::Sheet::Table);
}

} // namespace SimulatorFormat
