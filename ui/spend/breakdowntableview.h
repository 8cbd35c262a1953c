#pragma once

#include <QTableView>

class BreakdownTableModel;

/// The spend pages' table of every value with its unit economics: styled rows, sortable (cost
/// descending first), one row selected at a time, numbers packed to the width they need and the
/// name column taking the rest, never eliding a name (fitColumns() after each new breakdown).
class BreakdownTableView : public QTableView {
    Q_OBJECT
public:
    BreakdownTableView(BreakdownTableModel *model, QWidget *parent = nullptr);

    /// Sizes the number columns to their widest header line or cell, and the name column to
    /// the rest of the width but never narrower than its longest name (the table scrolls then).
    void fitColumns();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitName();

    BreakdownTableModel *m_model;
    int m_nameWidth = 0; ///< the longest name with its colour swatch
};
