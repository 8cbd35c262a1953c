#pragma once

#include <QTableView>

class BreakdownTableModel;

/// The spend pages' table of every value with its unit economics: styled rows, sortable (cost
/// descending first), one row selected at a time, numbers packed to the width they need and the
/// name column taking the rest (fitColumns() after each new breakdown).
class BreakdownTableView : public QTableView {
    Q_OBJECT
public:
    BreakdownTableView(BreakdownTableModel *model, QWidget *parent = nullptr);

    /// Sizes the number columns to their widest header line or cell.
    void fitColumns();

private:
    BreakdownTableModel *m_model;
};
