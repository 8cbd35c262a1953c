#pragma once

#include <QTableView>

class QStandardItemModel;

/// A table that shows every row: the dashboard scrolls vertically, not the table. Columns fit
/// their contents; a table wider than its card scrolls sideways (it never forces the window wider).
class FittedTable : public QTableView {
public:
    FittedTable(QStandardItemModel *model, bool stretchLast, QWidget *parent);

    /// Fits columns and rows to the model's contents and the height to every row.
    void fit();
    QSize sizeHint() const override;
    /// The header row, then every row; a cell's exact value (Qt::UserRole, e.g. money) when it has one.
    QList<QStringList> csvRows() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int contentWidth() const;
    void fitHeight();
};
