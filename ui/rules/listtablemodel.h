#pragma once

#include "format/format.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

/// What the rules and targets tables share: a flat list of `Item`s, one row each, fixed
/// column titles, rows numbered from 1 in the vertical header, every cell enabled and
/// selectable. A subclass says what a cell shows (cellData()), which extra flags a column has
/// and what the titles are. GUI thread only.
template <typename Item>
class ListTableModel : public QAbstractTableModel {
public:
    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_items.size());
    }
    int columnCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(columnTitles().size());
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        return isCell(index) ? cellData(itemAt(index.row()), index, role) : QVariant();
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        if (orientation == Qt::Vertical)
            return Format::locale().toString(section + 1);
        const QStringList titles = columnTitles();
        return section >= 0 && section < titles.size() ? QVariant(titles.at(section)) : QVariant();
    }
    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        if (!index.isValid())
            return Qt::NoItemFlags;
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren | columnFlags(index.column());
    }

protected:
    using QAbstractTableModel::QAbstractTableModel;

    /// What the cell `index` of `item` (its row) shows for `role`.
    virtual QVariant cellData(const Item &item, const QModelIndex &index, int role) const = 0;
    /// The horizontal header, one title per column (their number is the column count).
    virtual QStringList columnTitles() const = 0;
    /// Flags a cell of `column` has on top of enabled, selectable and no children.
    virtual Qt::ItemFlags columnFlags(int column) const
    {
        Q_UNUSED(column);
        return {};
    }

    /// True when `index` is a cell of this flat table.
    bool isCell(const QModelIndex &index) const
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
    }
    Item &itemAt(int row) { return m_items[static_cast<std::size_t>(row)]; }
    const Item &itemAt(int row) const { return m_items[static_cast<std::size_t>(row)]; }
    /// Replaces the whole list (a model reset).
    void resetItems(const std::vector<Item> &items)
    {
        beginResetModel();
        m_items = items;
        endResetModel();
    }
    /// Removes the item at `row`; false when there is none.
    bool eraseItem(int row)
    {
        if (row < 0 || row >= rowCount())
            return false;
        beginRemoveRows(QModelIndex(), row, row);
        m_items.erase(m_items.begin() + row);
        endRemoveRows();
        return true;
    }

    std::vector<Item> m_items;
};
