#include "shell/flowlayout.h"

#include <QWidget>

#include <algorithm>

FlowLayout::FlowLayout(QWidget *parent, int spacing)
    : QLayout(parent)
{
    setSpacing(spacing);
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item: everything else wraps.
    QSize size;
    for (const QLayoutItem *item : m_items)
        size = size.expandedTo(item->minimumSize().expandedTo(item->sizeHint()));
    const QMargins m = contentsMargins();
    return size.grownBy(m);
}

QSize FlowLayout::sizeHint() const
{
    // One row.
    int width = 0;
    int height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += (width > 0 ? spacing() : 0) + item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return QSize(width, height).grownBy(m);
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gap = spacing();
    int y = area.y();
    QList<QLayoutItem *> row;
    int rowWidth = 0;
    int rowHeight = 0;

    // Room left in a row goes to its horizontally expanding items; the last row of a wrapped
    // layout keeps its items at their natural width (one lone box does not span the window).
    bool wrapped = false;
    const auto placeRow = [&](bool last) {
        if (apply && !row.isEmpty()) {
            QList<QLayoutItem *> growing;
            for (QLayoutItem *item : std::as_const(row))
                if (item->expandingDirections() & Qt::Horizontal)
                    growing.append(item);
            const int spare = (last && wrapped) || growing.isEmpty() ? 0 : std::max(0, area.width() - rowWidth);
            int x = area.x();
            for (QLayoutItem *item : std::as_const(row)) {
                int w = item->sizeHint().width();
                if (const qsizetype i = growing.indexOf(item); i >= 0) {
                    const int extra = spare / static_cast<int>(growing.size()) + (i < spare % growing.size() ? 1 : 0);
                    w += extra;
                }
                item->setGeometry(QRect(x, y, w, rowHeight));
                x += w + gap;
            }
        }
        y += rowHeight;
    };

    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        const int needed = (row.isEmpty() ? 0 : rowWidth + gap) + hint.width();
        if (!row.isEmpty() && needed > area.width()) {
            placeRow(false);
            wrapped = true;
            y += gap;
            row.clear();
            rowWidth = 0;
            rowHeight = 0;
        }
        rowWidth = (row.isEmpty() ? 0 : rowWidth + gap) + hint.width();
        rowHeight = std::max(rowHeight, hint.height());
        row.append(item);
    }
    placeRow(true);
    const QMargins m = contentsMargins();
    return y - area.y() + m.top() + m.bottom();
}
