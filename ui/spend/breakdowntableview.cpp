#include "spend/breakdowntableview.h"

#include "shell/style.h"
#include "spend/breakdowntablemodel.h"

#include <QFontMetrics>
#include <QHeaderView>

#include <algorithm>

namespace {

constexpr int kCellPadding = 22; // the item padding on both sides and some air
constexpr int kSwatchRoom = 24;  // the series colour swatch before a name and its gap


} // namespace

BreakdownTableView::BreakdownTableView(BreakdownTableModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
{
    setAccessibleName(tr("Cost breakdown"));
    setObjectName(QStringLiteral("breakdownTable"));
    setModel(model);
    Style::apply(this, Style::Sheet::BreakdownTable);
    setSortingEnabled(true);
    sortByColumn(BreakdownTableModel::Cost, Qt::DescendingOrder);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setMouseTracking(true);
    setCursor(Qt::PointingHandCursor);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(26);
    QHeaderView *header = horizontalHeader();
    // Numbers get the width they need (see fitColumns); the name takes the rest.
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setMinimumSectionSize(40);
    header->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    header->setHighlightSections(false);
}

void BreakdownTableView::fitColumns()
{
    // ResizeToContents reserves room for a sort arrow beside every header; ours sits above the
    // text, so the numbers can be packed tighter and the name column keeps its width.
    ensurePolished();
    QHeaderView *header = horizontalHeader();
    header->ensurePolished();
    const QFontMetrics cells(font());
    QFont bold = header->font();
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics heads(bold);
    for (int c = BreakdownTableModel::Name + 1; c < BreakdownTableModel::ColumnCount; ++c) {
        int width = 0;
        const QStringList lines = m_model->headerData(c, Qt::Horizontal).toString().split(QLatin1Char('\n'));
        for (const QString &line : lines)
            width = std::max(width, heads.horizontalAdvance(line));
        for (int r = 0; r < m_model->rowCount(); ++r)
            width = std::max(width, cells.horizontalAdvance(m_model->data(m_model->index(r, c)).toString()));
        header->resizeSection(c, width + kCellPadding);
    }
    m_nameWidth = heads.horizontalAdvance(m_model->headerData(BreakdownTableModel::Name, Qt::Horizontal).toString());
    for (int r = 0; r < m_model->rowCount(); ++r)
        m_nameWidth = std::max(m_nameWidth, cells.horizontalAdvance(m_model->data(m_model->index(r, BreakdownTableModel::Name)).toString())
                                                + kSwatchRoom);
    m_nameWidth += kCellPadding;
    fitName();
}

void BreakdownTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitName();
}

void BreakdownTableView::fitName()
{
    QHeaderView *header = horizontalHeader();
    int others = 0;
    for (int c = BreakdownTableModel::Name + 1; c < BreakdownTableModel::ColumnCount; ++c)
        others += header->sectionSize(c);
    header->resizeSection(BreakdownTableModel::Name, std::max(m_nameWidth, viewport()->width() - others));
}
