#include "spend/fittedtable.h"

#include "shell/style.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QStandardItemModel>

FittedTable::FittedTable(QStandardItemModel *model, bool stretchLast, QWidget *parent)
    : QTableView(parent)
{
    setModel(model);
    Style::apply(this, Style::Sheet::BreakdownTable);
    setAlternatingRowColors(true);
    setShowGrid(false);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(false);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    horizontalHeader()->setStretchLastSection(stretchLast);
    if (!stretchLast)
        setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
}

void FittedTable::fit()
{
    resizeColumnsToContents();
    resizeRowsToContents();
    fitHeight();
    updateGeometry();
}

QSize FittedTable::sizeHint() const { return {contentWidth(), QTableView::sizeHint().height()}; }

void FittedTable::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitHeight(); // room for the sideways scroll bar when the columns do not fit
}

int FittedTable::contentWidth() const
{
    int width = 2 * frameWidth();
    for (int c = 0; c < model()->columnCount(); ++c)
        width += columnWidth(c);
    return width;
}

void FittedTable::fitHeight()
{
    int height = horizontalHeader()->height() + 2 * frameWidth();
    for (int r = 0; r < model()->rowCount(); ++r)
        height += rowHeight(r);
    if (contentWidth() > width())
        height += horizontalScrollBar()->sizeHint().height();
    setFixedHeight(height);
}

QList<QStringList> FittedTable::csvRows() const
{
    QList<QStringList> rows;
    const QAbstractItemModel *m = model();
    QStringList header;
    for (int c = 0; c < m->columnCount(); ++c)
        header << m->headerData(c, Qt::Horizontal).toString();
    rows << header;
    for (int r = 0; r < m->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < m->columnCount(); ++c) {
            const QModelIndex index = m->index(r, c);
            const QVariant exact = index.data(Qt::UserRole);
            row << (exact.isValid() ? exact.toString() : index.data().toString());
        }
        rows << row;
    }
    return rows;
}
